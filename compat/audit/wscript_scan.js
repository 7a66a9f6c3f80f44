'use strict';
// wscript_scan.js: the waf 1.5 API a wscript uses, found on Python tokens
// (no comments; strings kept only as the arguments of check_tool): its
// command functions (`def build`), imports of waf modules, top-level
// settings (`srcdir = '.'`), and attribute uses (`conf.check_cfg`,
// `obj.uselib`).  `conf.check_tool('gcc')` is told apart from a tool
// node-waf-compat does not know by its argument.

function tokenize(text) {
  const tokens = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let depth = 0;
  while (i < n) {
    const c = text[i];
    if (c === '\n') {
      line++;
      i++;
      lineStart = i;
      continue;
    }
    if (c === '#') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (/\s/.test(c) || c === '\\') {
      i++;
      continue;
    }
    const column = i - lineStart + 1;
    const quote = /^([rRuUbB]{0,2})('''|"""|'|")/.exec(text.slice(i, i + 5));
    if (quote && (quote[1] === '' || /['"]/.test(text[i + quote[1].length]))) {
      const delim = quote[2];
      const raw = /[rR]/.test(quote[1]);
      let j = i + quote[0].length;
      const startLine = line;
      let value = '';
      while (j < n && !text.startsWith(delim, j)) {
        if (text[j] === '\\' && !raw) {
          value += text[j + 1] || '';
          j += 2;
          continue;
        }
        if (text[j] === '\n') {
          if (delim.length === 1) break;
          line++;
          lineStart = j + 1;
        }
        value += text[j];
        j++;
      }
      i = text.startsWith(delim, j) ? j + delim.length : j;
      tokens.push({ type: 'str', value, line: startLine, column, depth });
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_]/.test(text[j])) j++;
      tokens.push({ type: 'id', value: text.slice(i, j), line, column,
        depth });
      i = j;
      continue;
    }
    if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_.]/.test(text[j])) j++;
      tokens.push({ type: 'num', value: text.slice(i, j), line, column,
        depth });
      i = j;
      continue;
    }
    if ('([{'.includes(c)) depth++;
    if (')]}'.includes(c)) depth = Math.max(0, depth - 1);
    const two = text.slice(i, i + 2);
    const op = ['==', '!=', '<=', '>=', '**', '//', '+=', '-=', '<>']
      .includes(two) ? two : c;
    tokens.push({ type: 'punct', value: op, line, column, depth });
    i += op.length;
  }
  return tokens;
}

function scanWscript(text, names) {
  const tokens = tokenize(text);
  const uses = [];
  const record = (token, hit) => {
    uses.push({ line: token.line, column: token.column, name: hit.name,
      entry: hit.entry, compiled: true, branch: null });
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    const prev = tokens[i - 1];
    const startsLine = !prev || prev.line !== t.line;
    if (t.value === 'def' && t.column === 1 && next && next.type === 'id') {
      const hit = names.lookup(`def ${next.value}`);
      if (hit) record(next, hit);
      i++;
      continue;
    }
    if ((t.value === 'import' || t.value === 'from') && startsLine) {
      // import A, B as C   /   from A import x
      if (t.value === 'from') {
        const hit = next && names.lookup(`import ${next.value}`);
        if (hit) record(next, hit);
        continue;
      }
      for (let k = i + 1; tokens[k] && tokens[k].line === t.line; k++) {
        const m = tokens[k];
        const before = tokens[k - 1].value;
        if (m.type === 'id' && m.value !== 'as' && before !== 'as' &&
            before !== '.') {
          const hit = names.lookup(`import ${m.value}`);
          if (hit) record(m, hit);
        }
      }
      continue;
    }
    if (t.type === 'id' && t.column === 1 && t.depth === 0 && next &&
        next.value === '=') {
      const hit = names.lookup(`${t.value} =`);
      if (hit) record(t, hit);
      continue;
    }
    if (t.type === 'punct' && t.value === '.' && next && next.type === 'id') {
      const attribute = next.value;
      let hit;
      if (tokens[i + 2] && tokens[i + 2].value === '(') {
        hit = callWithArguments(tokens, i + 2, attribute, names);
      }
      hit = hit || names.lookup(`.${attribute}`);
      if (hit) record(next, hit);
      i++;
    }
  }
  return { uses, conditionals: [] };
}

// `.check_tool('compiler_cxx node_addon')`: the known spelling when every
// tool named is one node-waf-compat provides and no tooldir= is given.
function callWithArguments(tokens, open, attribute, names) {
  // Tokens inside the parentheses carry the depth of the "(" itself.
  const inside = tokens[open].depth;
  const words = [];
  let keywords = false;
  for (let k = open + 1; tokens[k] && tokens[k].depth >= inside; k++) {
    if (tokens[k].type === 'str' && tokens[k].depth === inside) {
      words.push(...tokens[k].value.split(/\s+/).filter(Boolean));
    }
    if (tokens[k].value === '=' && tokens[k].depth === inside) {
      keywords = true;
    }
  }
  if (words.length === 0 || keywords) return undefined;
  const hits = words.map((w) => names.lookup(`.${attribute}('${w}')`));
  return hits.every(Boolean) ? hits[0] : undefined;
}

module.exports = { scanWscript };
