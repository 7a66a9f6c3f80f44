'use strict';
// c_lexer.js: C and C++ source text into tokens with line numbers, without
// comments, and with each preprocessor line as one directive token.
//
// Tokens: { type: 'id' | 'num' | 'str' | 'punct', value, line, column }, and
// { type: 'directive', name, line, tokens, text } where `tokens` are the
// directive's own tokens after its name (for #if, #elif, #define, ...) and
// `text` the raw rest of the line (for #include).  String and character
// literals become 'str' tokens whose value the matcher never looks at, so an
// API name inside a string or a comment is not a use.

const PUNCTS = ['...', '<<=', '>>=', '->*', '::', '->', '++', '--', '&&',
  '||', '==', '!=', '<=', '>=', '<<', '>>', '+=', '-=', '*=', '/=', '%=',
  '&=', '|=', '^=', '##', '.*'];

const isIdStart = (c) => /[A-Za-z_$]/.test(c);
const isIdPart = (c) => /[A-Za-z0-9_$]/.test(c);

function tokenize(text) {
  const tokens = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let atLineStart = true;
  let directive = null;

  const emit = (token) => {
    (directive ? directive.tokens : tokens).push(token);
  };
  const endDirective = () => {
    tokens.push(directive);
    directive = null;
  };

  // A quoted literal from i (at the opening quote); returns the index after
  // it.  An unterminated literal ends at the end of its line, as a compiler
  // would report it.
  const skipQuoted = (quote) => {
    let j = i + 1;
    while (j < n && text[j] !== quote && text[j] !== '\n') {
      if (text[j] === '\\') {
        if (text[j + 1] === '\n') {
          line++;
          lineStart = j + 2;
        }
        j++;
      }
      j++;
    }
    return text[j] === quote ? j + 1 : j;
  };

  while (i < n) {
    const c = text[i];
    if (c === '\\' && (text[i + 1] === '\n' ||
        (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\r' ? 3 : 2;
      line++;
      lineStart = i;
      continue;
    }
    if (c === '\n') {
      if (directive) endDirective();
      i++;
      line++;
      lineStart = i;
      atLineStart = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') {
        if (text[i] === '\\' && text[i + 1] === '\n') {
          line++;
          i++;
          lineStart = i + 1;
        }
        i++;
      }
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      for (let j = i; j < stop; j++) {
        if (text[j] === '\n') {
          line++;
          lineStart = j + 1;
        }
      }
      i = stop;
      continue;
    }
    const column = i - lineStart + 1;
    if (c === '#' && atLineStart && !directive) {
      atLineStart = false;
      let j = i + 1;
      while (text[j] === ' ' || text[j] === '\t') j++;
      let k = j;
      while (k < n && isIdPart(text[k])) k++;
      directive = { type: 'directive', name: text.slice(j, k), line,
        tokens: [], text: '' };
      if (directive.name === 'include' || directive.name === 'import') {
        let end = text.indexOf('\n', k);
        if (end < 0) end = n;
        directive.text = text.slice(k, end).replace(/\/\/.*$/, '')
          .replace(/\/\*.*?\*\//g, '').trim();
        i = end;
      } else {
        i = k;
      }
      continue;
    }
    atLineStart = false;
    // Raw strings: R"delim( ... )delim", with an optional encoding prefix.
    const raw = /^(?:u8|u|U|L)?R"([^(\s"\\]{0,16})\(/.exec(
      text.slice(i, i + 24));
    if (raw) {
      const close = `)${raw[1]}"`;
      const end = text.indexOf(close, i + raw[0].length);
      const stop = end < 0 ? n : end + close.length;
      for (let j = i; j < stop; j++) {
        if (text[j] === '\n') {
          line++;
          lineStart = j + 1;
        }
      }
      emit({ type: 'str', value: '', line, column });
      i = stop;
      continue;
    }
    const prefixed = /^(?:u8|u|U|L)["']/.exec(text.slice(i, i + 3));
    if (c === '"' || c === '\'' || prefixed) {
      if (prefixed) i += prefixed[0].length - 1;
      const startLine = line;
      const end = skipQuoted(text[i]);
      emit({ type: 'str', value: text.slice(i, end), line: startLine,
        column });
      i = end;
      continue;
    }
    if (isIdStart(c)) {
      let j = i + 1;
      while (j < n && isIdPart(text[j])) j++;
      emit({ type: 'id', value: text.slice(i, j), line, column });
      i = j;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] || ''))) {
      const exponent = /^0[xX]/.test(text.slice(i, i + 2)) ? /[pP]/ : /[eE]/;
      let j = i + 1;
      while (j < n) {
        const d = text[j];
        const digitSeparator = d === '\'' &&
          /[0-9A-Fa-f]/.test(text[j + 1] || '');
        const sign = (d === '+' || d === '-') && exponent.test(text[j - 1]);
        if (!/[A-Za-z0-9_.]/.test(d) && !digitSeparator && !sign) break;
        j++;
      }
      emit({ type: 'num', value: text.slice(i, j), line, column });
      i = j;
      continue;
    }
    const punct = PUNCTS.find((p) => text.startsWith(p, i)) || c;
    emit({ type: 'punct', value: punct, line, column });
    i += punct.length;
  }
  if (directive) endDirective();
  return tokens;
}

module.exports = { tokenize };
