'use strict';
// The coverage table (compat/coverage/<area>.json) is the one source of truth: the
// README tables are generated from it and every API it lists is declared by
// the SDK's headers.
const t = require('tap');
const fs = require('fs');
const path = require('path');
const coverage = require('../compat/tools/coverage');

const includeDir = path.join(__dirname, '..', 'compat', 'include');

function headerText(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).map((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return headerText(file);
    return entry.name.endsWith('.h') ? fs.readFileSync(file, 'utf8') : '';
  }).join('\n');
}

// "v8::Object::Get, Set" -> ["Get", "Set"]; "NODE_MODULE(name, init)" ->
// ["NODE_MODULE"]; "v8::Value::Is*" -> ["Is"] (a prefix).
function apiNames(symbol) {
  return symbol.replace(/\([^)]*\)/g, '').replace(/<[^>]*>/g, '')
    .split(/[,;]/)
    .map((part) => part.match(/[A-Za-z_][A-Za-z0-9_]*/g))
    .filter(Boolean)
    .map((words) => words[words.length - 1]);
}

t.test('the README tables are generated from compat/coverage/', async (t) => {
  t.same(coverage.stale(), [], 'run node compat/tools/coverage.js --write');
});

t.test('every entry has a known status and says how', async (t) => {
  const table = coverage.load();
  for (const entry of table.entries) {
    t.ok(Object.hasOwn(table.statuses, entry.status),
      `${entry.symbol}: status ${entry.status}`);
    t.ok(entry.mechanism && entry.modern, `${entry.symbol}: mechanism, modern`);
    if (entry.status !== 'exact') {
      t.ok(entry.note || entry.status === 'approximated' &&
        /\S/.test(entry.mechanism), `${entry.symbol}: says what differs`);
    }
  }
});

t.test('every API in the table is declared by the SDK headers', async (t) => {
  const text = headerText(includeDir);
  for (const entry of coverage.load().entries) {
    if (entry.kind === 'behaviour') continue;
    for (const name of apiNames(entry.symbol)) {
      t.match(text, new RegExp(`\\b${name}`), `${entry.symbol}: ${name}`);
    }
  }
});
