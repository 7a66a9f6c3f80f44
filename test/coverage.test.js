'use strict';
// The coverage table (compat/coverage/<area>.json) is the one source of truth: the
// README tables are generated from it and every API it lists is declared by
// the SDK's headers.
const t = require('tap');
const fs = require('fs');
const path = require('path');
const coverage = require('../compat/tools/coverage');

const includeDir = path.join(__dirname, '..', 'compat', 'include');
// The waf area's names live in Python: the node-waf command, compat/waf/.
const wafDir = path.join(__dirname, '..', 'compat', 'waf');
// The js area's in the legacy preload and its native part, compat/legacy/.
const legacyDir = path.join(__dirname, '..', 'compat', 'legacy');

function sourceText(dir, extensions) {
  return fs.readdirSync(dir, { withFileTypes: true }).map((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceText(file, extensions);
    return extensions.some((ext) => entry.name.endsWith(ext))
      ? fs.readFileSync(file, 'utf8') : '';
  }).join('\n');
}

const headerText = (dir) => sourceText(dir, ['.h']);

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
  // The SDK's uv.h is Node's own plus the 2012 API: the uv names libuv
  // still has are declared by Node's uv.h, which it includes.
  const nodeUv = path.join(path.dirname(process.execPath), '..', 'include',
    'node', 'uv.h');
  const text = headerText(includeDir) +
    (fs.existsSync(nodeUv) ? fs.readFileSync(nodeUv, 'utf8') : '');
  for (const entry of coverage.load().entries) {
    if (entry.kind === 'behaviour' || ['waf', 'js'].includes(entry.area)) {
      continue;
    }
    for (const name of apiNames(entry.symbol)) {
      t.match(text, new RegExp(`\\b${name}`), `${entry.symbol}: ${name}`);
    }
  }
});

t.test('every waf API in the table is defined by node-waf (compat/waf)',
  async (t) => {
    const text = sourceText(wafDir, ['.py', '.js']);
    for (const entry of coverage.load().entries) {
      if (entry.kind === 'behaviour' || entry.area !== 'waf') continue;
      for (const name of apiNames(entry.symbol)) {
        t.match(text, new RegExp(`\\b${name}`), `${entry.symbol}: ${name}`);
      }
    }
  });

t.test('every JavaScript API the table restores is in the legacy preload ' +
  '(compat/legacy)', async (t) => {
  const text = sourceText(legacyDir, ['.js', '.cc']);
  for (const entry of coverage.load().entries) {
    if (entry.kind === 'behaviour' || entry.area !== 'js' ||
        entry.status === 'unsupported') {
      continue;
    }
    for (const name of apiNames(entry.symbol)) {
      t.match(text, new RegExp(`\\b${name}`), `${entry.symbol}: ${name}`);
    }
  }
});
