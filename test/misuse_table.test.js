'use strict';
// The misuse table (compat/misuse/misuse.json, rendered into
// compat/README.md) is current and every row names tests that exist.
const t = require('tap');
const fs = require('fs');
const path = require('path');
const misuse = require('../compat/tools/misuse');

const readme = fs.readFileSync(
  path.join(__dirname, '..', 'compat', 'README.md'), 'utf8');

t.test('the README table is the one misuse.json renders', async (t) => {
  const begin = readme.indexOf(misuse.BEGIN) + misuse.BEGIN.length + 1;
  const end = readme.indexOf(misuse.END);
  t.equal(readme.slice(begin, end).trimEnd(), misuse.render(),
    'run node compat/tools/misuse.js --write');
});

t.test('every row names at least one test, and each exists', async (t) => {
  const rows = misuse.load();
  t.ok(rows.length >= 46, `${rows.length} rows`);
  t.same(misuse.missingTests(rows), []);
});

t.test('a row naming a test that does not exist is caught', async (t) => {
  const rows = [
    { misuse: 'a', tests: [] },
    { misuse: 'b', tests: [{ file: 'test/ev_loop.test.js', name: 'nope' }] },
    { misuse: 'c', tests: [{ file: 'test/ev/ev_io_test.cc',
      name: 'IoTest.Nope' }] },
    { misuse: 'd', tests: [{ file: 'test/no_such.test.js', name: 'x' }] },
    { misuse: 'e', tests: [{ file: 'test/ev_loop.test.js',
      name: 'an ev_unref too many is reported and Node exits' }] },
  ];
  t.same(misuse.missingTests(rows).map((m) => m.misuse), ['a', 'b', 'c', 'd']);
});
