'use strict';
// refusals.js: what the compiler will say when old code calls an API the
// SDK refuses.  The headers mark each such declaration with a macro that
// expands to __attribute__((error("..."))); this reads those messages from
// compat/include, so that the audit quotes them word for word instead of
// keeping a second copy.
const fs = require('fs');
const path = require('path');

const includeDir = path.join(__dirname, '..', 'include');

function headersUnder(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...headersUnder(full));
    else if (entry.name.endsWith('.h')) out.push(full);
  }
  return out.sort();
}

// The text without comments, continuation lines joined; string literals
// are kept as they are.
function clean(text) {
  return text.replace(/\\\r?\n/g, ' ')
    .replace(/("(?:\\.|[^"\\\n])*")|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g,
      (whole, literal) => literal || ' ');
}

// The text with its preprocessor lines blanked (a #define of a refusing
// macro is not a refused declaration).
function withoutDirectives(text) {
  return text.replace(/^[ \t]*#[^\n]*$/gm, '');
}

// The concatenated contents of the string literals in s.
function literals(s) {
  return [...s.matchAll(/"((?:\\.|[^"\\])*)"/g)]
    .map((m) => m[1].replace(/\\(.)/g, '$1')).join('');
}

// The argument text of a macro call whose "(" is at open, up to the
// matching ")" (parentheses inside string literals do not count).
function argumentsAt(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\') i++;
      }
    } else if (c === '(') {
      depth++;
    } else if (c === ')' && --depth === 0) {
      return text.slice(open + 1, i);
    }
  }
  return null;
}

// The refusing macros: NAME(text) -> __attribute__((error(text))) directly,
// or NAME(api) -> DIRECT(api "...") (the text then ends with the literals
// of its body).
function refusingMacros(texts) {
  const macros = new Map();
  const define = /#\s*define\s+(\w+)\s*\(\s*(\w+)\s*\)\s*([^\n]*)/g;
  const all = texts.flatMap((text) => [...text.matchAll(define)]);
  for (const [, name, param, body] of all) {
    if (new RegExp(`__attribute__\\s*\\(\\(\\s*error\\s*\\(\\s*${param}\\s*\\)`)
      .test(body)) macros.set(name, { suffix: '' });
  }
  for (const [, name, , body] of all) {
    const call = /^(\w+)\s*\(/.exec(body.trim());
    if (!macros.has(name) && call && macros.has(call[1])) {
      macros.set(name, { suffix: literals(body) });
    }
  }
  return macros;
}

// Map: API name (v8::V8::TerminateExecution, eio_grp, ...) -> message.
function load() {
  const texts = headersUnder(includeDir)
    .map((file) => clean(fs.readFileSync(file, 'utf8')));
  const macros = refusingMacros(texts);
  const refusals = new Map();
  if (macros.size === 0) return refusals;
  const names = [...macros.keys()].join('|');
  const declaration = new RegExp(
    `(\\w+)\\s*\\([^;{}]*?\\)\\s*(?:const\\s*)?(${names})\\s*\\(`, 'g');
  for (const text of texts.map(withoutDirectives)) {
    for (const match of text.matchAll(declaration)) {
      const [whole, fn, macro] = match;
      const args = argumentsAt(text, match.index + whole.length - 1);
      if (args === null) continue;
      const message = literals(args) + macros.get(macro).suffix;
      // The message names the API first ("v8::V8::Dispose is not ...",
      // "eio_grp (request groups) ...", or the class: "v8::TypeSwitch is
      // not ..." on its members); a C function is its own key.
      const first = message.split(/\s/)[0].replace(/\(.*$/, '');
      let key = fn;
      if (first.endsWith(`::${fn}`)) key = first;
      else if (first.includes('::')) key = `${first}::${fn}`;
      if (!refusals.has(key)) refusals.set(key, message);
    }
  }
  return refusals;
}

let cached = null;
// The message for an audit name ("v8::V8::TerminateExecution(int)"), or
// undefined when no declaration of that name is refused.
function refusalOf(name) {
  if (cached === null) cached = load();
  return cached.get(name.replace(/\(.*$/, ''));
}

module.exports = { load, refusalOf };
