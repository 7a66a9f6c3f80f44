'use strict';
// preprocessor.js: the #if/#ifdef/#elif/#else/#endif branches of a C/C++
// file, decided as the SDK compiles them: against the macros of the facade's
// own headers (node_version.h says which node 0.x it reports, ev.h the
// EV_MULTIPLICITY default), the platform's, and the file's own #defines.
const fs = require('fs');
const path = require('path');
const { tokenize } = require('./c_lexer');

const includeDir = path.join(__dirname, '..', 'include');

// The headers whose macros decide legacy code's version branches.  They are
// read, not hard-coded, so the audit follows the facade if it changes.
const FACADE_HEADERS = ['node_version.h', 'ev.h', 'eio.h'];

const CONDITIONALS = new Set(['if', 'ifdef', 'ifndef', 'elif', 'else',
  'endif', 'elifdef', 'elifndef']);

const num = (value) => ({ type: 'num', value: String(value) });

function platformMacros(cplusplus) {
  const macros = { __GNUC__: 12, __STDC__: 1 };
  // Legacy code is compiled as GNU C++98 (compat.gyp's -std=gnu++98).
  if (cplusplus) macros.__cplusplus = 199711;
  if (process.platform === 'darwin') {
    Object.assign(macros, { __APPLE__: 1, __MACH__: 1, __unix__: 1 });
  } else if (process.platform === 'win32') {
    Object.assign(macros, { _WIN32: 1 });
  } else {
    Object.assign(macros, { __linux__: 1, __linux: 1, linux: 1,
      __unix__: 1, __unix: 1, unix: 1 });
  }
  return macros;
}

// "0x1F", "10UL", "017" -> a number.
function parseNumber(text) {
  const digits = text.replace(/'/g, '').replace(/[uUlL]+$/, '');
  if (/^0[xX]/.test(digits)) return parseInt(digits.slice(2), 16);
  if (/^0[bB]/.test(digits)) return parseInt(digits.slice(2), 2);
  if (/^0[0-7]+$/.test(digits)) return parseInt(digits, 8);
  const value = Number(digits);
  if (Number.isNaN(value)) throw new Error(`bad number ${text}`);
  return value;
}

// A recursive-descent evaluator of #if expressions over expanded tokens,
// with C's precedence.  Identifiers left after expansion are 0, as in C.
function evaluate(tokens) {
  let i = 0;
  const peek = () => tokens[i] && tokens[i].value;
  const take = () => tokens[i++];
  const expect = (value) => {
    if (peek() !== value) throw new Error(`expected ${value}`);
    i++;
  };
  const binary = (ops, next) => () => {
    let left = next();
    while (ops[peek()]) left = ops[take().value](left, next());
    return left;
  };
  const truth = (v) => (v ? 1 : 0);
  const primary = () => {
    const token = take();
    if (!token) throw new Error('unexpected end of expression');
    if (token.value === '(') {
      const value = conditional();
      expect(')');
      return value;
    }
    if (token.value === '!') return truth(!primary());
    if (token.value === '~') return ~primary();
    if (token.value === '-') return -primary();
    if (token.value === '+') return +primary();
    if (token.type === 'num') return parseNumber(token.value);
    if (token.type === 'str') {
      const m = /^'(\\?.)'$/.exec(token.value);
      if (m) return m[1].charCodeAt(m[1].length - 1);
    }
    if (token.type === 'id') return token.value === 'true' ? 1 : 0;
    throw new Error(`unexpected ${token.value}`);
  };
  const multiplicative = binary({ '*': (a, b) => a * b,
    '/': (a, b) => (b ? Math.trunc(a / b) : 0),
    '%': (a, b) => (b ? a % b : 0) }, primary);
  const additive = binary({ '+': (a, b) => a + b, '-': (a, b) => a - b },
    multiplicative);
  const shift = binary({ '<<': (a, b) => a << b, '>>': (a, b) => a >> b },
    additive);
  const relational = binary({ '<': (a, b) => truth(a < b),
    '>': (a, b) => truth(a > b), '<=': (a, b) => truth(a <= b),
    '>=': (a, b) => truth(a >= b) }, shift);
  const equality = binary({ '==': (a, b) => truth(a === b),
    '!=': (a, b) => truth(a !== b) }, relational);
  const bitAnd = binary({ '&': (a, b) => a & b }, equality);
  const bitXor = binary({ '^': (a, b) => a ^ b }, bitAnd);
  const bitOr = binary({ '|': (a, b) => a | b }, bitXor);
  const logicalAnd = binary({ '&&': (a, b) => truth(a && b) }, bitOr);
  const logicalOr = binary({ '||': (a, b) => truth(a || b) }, logicalAnd);
  function conditional() {
    const test = logicalOr();
    if (peek() !== '?') return test;
    take();
    const yes = conditional();
    expect(':');
    const no = conditional();
    return test ? yes : no;
  }
  const value = conditional();
  if (i < tokens.length) throw new Error(`unexpected ${peek()}`);
  return value;
}

class Preprocessor {
  // defines: Map name -> { params: null | [names], body: tokens }
  constructor(defines = new Map()) {
    this.defines = new Map(defines);
    this.stack = [];
    // One record per #if chain: { line, branches: [{ line, directive,
    // text, compiled }] }.
    this.conditionals = [];
  }

  get active() {
    return this.stack.every((frame) => frame.active);
  }

  // The innermost branch that is not compiled, for a use's report.
  get inactiveBranch() {
    const frame = this.stack.find((f) => !f.active);
    return frame ? frame.branch : null;
  }

  define(name, value) {
    this.defines.set(name, { params: null,
      body: value === undefined ? [] : [num(value)] });
  }

  // `defined X` and `defined(X)` first, then macros expanded, recursively.
  expand(tokens, hiding = new Set()) {
    const out = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token.type === 'id' && token.value === 'defined') {
        const paren = tokens[i + 1] && tokens[i + 1].value === '(';
        const name = tokens[i + (paren ? 2 : 1)];
        out.push(num(name && this.defines.has(name.value) ? 1 : 0));
        i += paren ? 3 : 1;
        continue;
      }
      const macro = token.type === 'id' && !hiding.has(token.value) &&
        this.defines.get(token.value);
      if (!macro) {
        out.push(token);
        continue;
      }
      const inner = new Set(hiding).add(token.value);
      if (!macro.params) {
        out.push(...this.expand(macro.body, inner));
        continue;
      }
      if (!tokens[i + 1] || tokens[i + 1].value !== '(') {
        out.push(token);
        continue;
      }
      const args = [[]];
      let depth = 0;
      let j = i + 2;
      for (; j < tokens.length; j++) {
        const v = tokens[j].value;
        if (v === ')' && depth === 0) break;
        if (v === '(') depth++;
        if (v === ')') depth--;
        if (v === ',' && depth === 0) args.push([]);
        else args[args.length - 1].push(tokens[j]);
      }
      i = j;
      const body = [];
      for (const t of macro.body) {
        const k = t.type === 'id' ? macro.params.indexOf(t.value) : -1;
        if (k >= 0) body.push({ type: 'punct', value: '(' },
          ...this.expand(args[k] || [], hiding),
          { type: 'punct', value: ')' });
        else body.push(t);
      }
      out.push(...this.expand(body, inner));
    }
    return out;
  }

  test(tokens) {
    try {
      return evaluate(this.expand(tokens)) !== 0;
    } catch (error) {
      // An expression we cannot read is taken as false, like an unknown
      // macro; the report shows the branch so a person can check it.
      return false;
    }
  }

  // Feeds one directive token; returns the conditional record when it is
  // one of #if's family.
  directive(d) {
    const text = d.tokens.map((t) => t.value).join(' ');
    const name = d.name;
    if (!CONDITIONALS.has(name)) {
      if (!this.active) return null;
      if (name === 'define' && d.tokens[0] && d.tokens[0].type === 'id') {
        const head = d.tokens[0];
        const next = d.tokens[1];
        // Function-like only when "(" touches the name.
        if (next && next.value === '(' && next.line === head.line &&
            next.column === head.column + head.value.length) {
          const close = d.tokens.findIndex((t) => t.value === ')');
          const params = d.tokens.slice(2, close)
            .filter((t) => t.type === 'id').map((t) => t.value);
          this.defines.set(head.value,
            { params, body: d.tokens.slice(close + 1) });
        } else {
          this.defines.set(head.value,
            { params: null, body: d.tokens.slice(1) });
        }
      } else if (name === 'undef' && d.tokens[0]) {
        this.defines.delete(d.tokens[0].value);
      }
      return null;
    }
    if (name === 'if' || name === 'ifdef' || name === 'ifndef') {
      const parentActive = this.active;
      const record = { line: d.line, branches: [] };
      this.conditionals.push(record);
      const frame = { record, parentActive, taken: false, active: false,
        branch: null };
      this.stack.push(frame);
      this.branch(frame, d, text);
      return record;
    }
    const frame = this.stack[this.stack.length - 1];
    if (!frame) return null;
    if (name === 'endif') {
      this.stack.pop();
      return frame.record;
    }
    this.branch(frame, d, text);
    return frame.record;
  }

  branch(frame, d, text) {
    let condition;
    const name = d.name;
    if (name === 'else') {
      condition = true;
    } else if (name === 'ifdef' || name === 'elifdef') {
      condition = this.defines.has(d.tokens[0] && d.tokens[0].value);
    } else if (name === 'ifndef' || name === 'elifndef') {
      condition = !this.defines.has(d.tokens[0] && d.tokens[0].value);
    } else {
      condition = frame.parentActive && !frame.taken && this.test(d.tokens);
    }
    const compiled = frame.parentActive && !frame.taken && condition;
    frame.taken = frame.taken || compiled;
    frame.active = compiled;
    frame.branch = { line: d.line, directive: name, text, compiled };
    frame.record.branches.push(frame.branch);
  }
}

// The -D flags compat.gyp gives every legacy addon (its
// direct_dependent_settings' defines: _FILE_OFFSET_BITS=64 and friends, as
// node-waf passed them), read from the file rather than repeated here.
function buildDefines() {
  const gyp = fs.readFileSync(path.join(__dirname, '..', 'compat.gyp'),
    'utf8');
  const settings = gyp.indexOf('direct_dependent_settings');
  const list = /'defines':\s*\[([^\]]*)\]/.exec(gyp.slice(settings));
  if (settings < 0 || !list) return [];
  return [...list[1].matchAll(/'([A-Za-z_][A-Za-z0-9_]*)(?:=([^']*))?'/g)]
    .map((m) => ({ name: m[1], value: m[2] === undefined ? '1' : m[2] }));
}

// The macros a legacy file sees before its first line: the build's -D
// flags, the facade headers' (read with this same preprocessor) and the
// platform's.
let facadeCache = null;
function facadeDefines() {
  if (facadeCache) return facadeCache;
  const pp = new Preprocessor();
  for (const [name, value] of Object.entries(platformMacros(true))) {
    pp.define(name, value);
  }
  for (const { name, value } of buildDefines()) {
    pp.defines.set(name, { params: null, body: tokenize(value) });
  }
  for (const header of FACADE_HEADERS) {
    const text = fs.readFileSync(path.join(includeDir, header), 'utf8');
    for (const token of tokenize(text)) {
      if (token.type === 'directive') pp.directive(token);
    }
  }
  // The facade's own guard macros would hide nothing in the addon's code,
  // but __cplusplus and friends are per file: set by forFile().
  for (const name of Object.keys(platformMacros(true))) pp.defines.delete(name);
  facadeCache = pp.defines;
  return facadeCache;
}

// The node version the facade reports, as "0.4.12".
function facadeVersion() {
  const pp = new Preprocessor(facadeDefines());
  const parts = ['NODE_MAJOR_VERSION', 'NODE_MINOR_VERSION',
    'NODE_PATCH_VERSION'].map((name) =>
    evaluate(pp.expand([{ type: 'id', value: name }])));
  return parts.join('.');
}

function forFile(cplusplus) {
  const pp = new Preprocessor(facadeDefines());
  for (const [name, value] of Object.entries(platformMacros(cplusplus))) {
    pp.define(name, value);
  }
  return pp;
}

module.exports = { Preprocessor, evaluate, forFile, facadeVersion,
  buildDefines };
