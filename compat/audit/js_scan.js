'use strict';
// js_scan.js: the node 0.x JavaScript APIs an addon's glue uses, found on
// tokens (no comments; string values kept for require('sys') and
// process.binding('net')): `process.compile`, `require.paths`, members of a
// module bound by `var sys = require('sys')`, `SlowBuffer`, old global
// names (`GLOBAL`, table name `global.GLOBAL`) where the file does not
// declare them, methods of the js area's `.name` spellings
// (`buf.binarySlice`), ...

// Tokens that end an expression: a "/" after them divides, elsewhere it
// starts a regular expression literal.
const ENDS_EXPRESSION = new Set([')', ']', '}']);
const KEYWORDS_BEFORE_REGEX = new Set(['return', 'typeof', 'case', 'do',
  'else', 'in', 'instanceof', 'new', 'delete', 'void', 'throw', 'yield',
  'await']);

function tokenize(text) {
  const tokens = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const count = (from, to) => {
    for (let j = from; j < to; j++) {
      if (text[j] === '\n') {
        line++;
        lineStart = j + 1;
      }
    }
  };
  if (text.startsWith('#!')) {
    while (i < n && text[i] !== '\n') i++;
  }
  while (i < n) {
    const c = text[i];
    if (c === '\n') {
      line++;
      i++;
      lineStart = i;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      count(i, stop);
      i = stop;
      continue;
    }
    const column = i - lineStart + 1;
    const startLine = line;
    if (c === '"' || c === '\'' || c === '`') {
      let j = i + 1;
      let value = '';
      while (j < n && text[j] !== c && (c === '`' || text[j] !== '\n')) {
        if (text[j] === '\\') {
          value += text[j + 1] || '';
          j += 2;
          continue;
        }
        value += text[j];
        j++;
      }
      const stop = Math.min(n, j + 1);
      count(i, stop);
      tokens.push({ type: 'str', value, line: startLine, column });
      i = stop;
      continue;
    }
    const prev = tokens[tokens.length - 1];
    if (c === '/' && (!prev || (prev.type === 'punct' &&
        !ENDS_EXPRESSION.has(prev.value)) || (prev.type === 'id' &&
        KEYWORDS_BEFORE_REGEX.has(prev.value)))) {
      let j = i + 1;
      let inClass = false;
      while (j < n && text[j] !== '\n' && (inClass || text[j] !== '/')) {
        if (text[j] === '\\') j++;
        else if (text[j] === '[') inClass = true;
        else if (text[j] === ']') inClass = false;
        j++;
      }
      j++;
      while (j < n && /[a-z]/.test(text[j])) j++;
      tokens.push({ type: 'regex', value: '', line, column });
      i = j;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$]/.test(text[j])) j++;
      tokens.push({ type: 'id', value: text.slice(i, j), line, column });
      i = j;
      continue;
    }
    if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_.]/.test(text[j])) j++;
      tokens.push({ type: 'num', value: text.slice(i, j), line, column });
      i = j;
      continue;
    }
    tokens.push({ type: 'punct', value: c, line, column });
    i++;
  }
  return tokens;
}

// The names a file declares itself (var, let, const, function names,
// function and catch parameters, an arrow's single parameter): a bare use of
// one of them is the file's own, not an old global.
function declaredNames(tokens) {
  const declared = new Set();
  const value = (i) => tokens[i] && tokens[i].value;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'id') continue;
    if (['var', 'let', 'const', 'function'].includes(t.value) &&
        tokens[i + 1] && tokens[i + 1].type === 'id') {
      declared.add(tokens[i + 1].value);
    }
    if (value(i + 1) === '=' && value(i + 2) === '>') declared.add(t.value);
    if (t.value !== 'function' && t.value !== 'catch') continue;
    let j = i + 1;
    if (tokens[j] && tokens[j].type === 'id') j++;
    if (value(j) !== '(') continue;
    for (j++; j < tokens.length && value(j) !== ')'; j++) {
      if (tokens[j].type === 'id') declared.add(tokens[j].value);
    }
  }
  return declared;
}

function scanJs(text, names) {
  const tokens = tokenize(text);
  const uses = [];
  let declared = null;
  // Local names bound to a module: var sys = require('sys').
  const modules = new Map();
  const record = (token, hit) => {
    uses.push({ line: token.line, column: token.column, name: hit.name,
      entry: hit.entry, compiled: true, branch: null });
  };
  // `callee('arg')` at i: the string argument, or null.
  const stringArgument = (i) => {
    const open = tokens[i + 1];
    const arg = tokens[i + 2];
    const close = tokens[i + 3];
    return open && open.value === '(' && arg && arg.type === 'str' &&
      close && close.value === ')' ? arg.value : null;
  };
  const member = (module, token) => {
    const hit = names.lookup(`${module}.${token.value}`) ||
      (module === 'sys' ? names.lookup(`util.${token.value}`) : undefined);
    if (hit) record(token, hit);
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'id') continue;
    const prev = tokens[i - 1];
    const isDot = (token) => token && token.type === 'punct' &&
      token.value === '.';
    const afterDot = isDot(prev);
    const dot = isDot(tokens[i + 1]);
    const next = dot ? tokens[i + 2] : null;
    // `var SlowBuffer = ...` declares a name; its uses are the others.
    const declares = prev && prev.type === 'id' &&
      ['var', 'let', 'const', 'function'].includes(prev.value);
    if (t.value === 'SlowBuffer' && !declares) {
      const hit = names.lookup('SlowBuffer');
      if (hit) record(t, hit);
      continue;
    }
    if (afterDot) {
      // buf.binarySlice(...): a method the js area lists as `.name`.
      const hit = names.lookup(`.${t.value}`);
      if (hit && hit.entry.area === 'js') record(t, hit);
      continue;
    }
    const old = names.lookup(`global.${t.value}`);
    const key = prev && prev.value !== '?' && tokens[i + 1] &&
      tokens[i + 1].value === ':';
    if (old && !declares && !key) {
      declared = declared || declaredNames(tokens);
      if (!declared.has(t.value)) record(t, old);
      continue;
    }
    if (t.value === 'require') {
      const module = stringArgument(i);
      if (module !== null) {
        const hit = names.lookup(`require('${module}')`);
        if (hit) record(t, hit);
        const binder = tokens[i - 1] && tokens[i - 1].value === '=' &&
          tokens[i - 2];
        if (binder && binder.type === 'id') modules.set(binder.value, module);
        if (isDot(tokens[i + 4]) && tokens[i + 5] &&
            tokens[i + 5].type === 'id') {
          member(module, tokens[i + 5]);
        }
        continue;
      }
    }
    if (!next || next.type !== 'id') {
      continue;
    }
    if (t.value === 'process' && next.value === 'binding') {
      const binding = stringArgument(i + 2);
      const hit = binding !== null &&
        names.lookup(`process.binding('${binding}')`);
      if (hit) record(next, hit);
      continue;
    }
    const direct = names.lookup(`${t.value}.${next.value}`);
    if (direct && (t.value === 'process' || t.value === 'require' ||
        t.value === 'global')) {
      record(t, direct);
      continue;
    }
    if (modules.has(t.value)) member(modules.get(t.value), next);
  }
  return { uses, conditionals: [] };
}

module.exports = { scanJs, tokenize };
