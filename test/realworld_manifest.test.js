'use strict';
// The real-world suite's manifest (test/realworld/packages.json) is
// complete and honest, its table in compat/README.md is current, and the
// harness reads the era's test frameworks' summaries right.  The suite
// itself (building and testing every package) is `npm run
// test:realworld`.
const t = require('tap');
const manifest = require('./realworld/packages.json');
const table = require('./realworld/table');
const { count, kinds } = require('./realworld/counts');
const { VERDICTS } = require('./realworld/harness');

const TAGS = new Set(['v8', 'objectwrap', 'events', 'buffer02', 'buffer04',
  'interceptors', 'accessors', 'weak', 'ev_io', 'ev_timer', 'ev_async',
  'eio_custom_int', 'eio_custom_void', 'eio_fs', 'fork', 'uv', 'syslib',
  'bundled_c', 'helper_lib', 'py2', 'makefile', 'shutdown_hook', 'node02',
  'node04', 'node06', 'node08', 'threads', 'makecallback']);

const expectations = (p) => {
  const e = p.expect || {};
  return table.LINES.map((line) => (e.verdict ? e : (e[line] ||
    { verdict: 'pass' })));
};

t.test('the manifest pins at least 40 packages, each chosen for a reason',
  async (t) => {
    const { packages } = manifest;
    t.ok(packages.length >= 40, `${packages.length} packages`);
    const ids = new Set();
    for (const p of packages) {
      const id = `${p.name}@${p.version}`;
      t.notOk(ids.has(id), `${id} is listed once`);
      ids.add(id);
      t.match(p.version, /^\d+\.\d+\.\d+(-[\w.]+)?$/, `${id}: exact version`);
      t.ok(typeof p.why === 'string' && p.why.length > 20, `${id}: why`);
      t.ok(Array.isArray(p.exercises) && p.exercises.length > 0 &&
        p.exercises.every((tag) => TAGS.has(tag)), `${id}: known tags`);
      for (const test of p.tests || []) {
        t.ok(Array.isArray(test.cmd) && test.cmd.length > 0,
          `${id}: a test command`);
        t.ok(!test.count || kinds.includes(test.count),
          `${id}: ${test.count || 'exit'} is a known summary`);
      }
      for (const want of expectations(p)) {
        t.ok(VERDICTS.includes(want.verdict), `${id}: ${want.verdict}`);
      }
      // Every package short of a pass says why, in the table.
      if (expectations(p).some((want) => want.verdict !== 'pass')) {
        t.ok(typeof p.whyNot === 'string' && p.whyNot.length > 10,
          `${id}: why it does not pass`);
      }
      for (const spec of p.tools || []) {
        t.match(spec, /^[@\w./-]+@\d+\.\d+\.\d+$/, `${id}: ${spec} pinned`);
      }
    }
  });

t.test('the manifest covers the variety of the era', async (t) => {
  const covered = new Set(manifest.packages.flatMap((p) => p.exercises));
  // No offline-testable registry package with an ev_timer was found yet:
  // test/addons/ev_timer holds that line alone for now.
  for (const tag of ['v8', 'objectwrap', 'buffer04', 'ev_io',
    'eio_custom_int', 'eio_custom_void', 'eio_fs', 'syslib', 'bundled_c',
    'py2', 'node02', 'node04', 'node06']) {
    t.ok(covered.has(tag), `some package exercises ${tag}`);
  }
});

t.test('compat/README.md shows the manifest', async (t) => {
  t.notOk(table.stale(), 'run node test/realworld/table.js --write');
});

t.test('the era test frameworks are counted from their summaries',
  async (t) => {
    t.same(count('nodeunit', '\nOK: 12 assertions (45ms)\n', true),
      { passed: 12, total: 12 });
    t.same(count('nodeunit', 'FAILURES: 2/12 assertions failed (4ms)', false),
      { passed: 10, total: 12 });
    t.same(count('vows', '  \x1b[32m✓ OK\x1b[0m » 10 honored (0.012s)', true),
      { passed: 10, total: 10 });
    t.same(count('vows', '  ✗ Broken » 8 honored ∙ 2 broken (0.1s)', false),
      { passed: 8, total: 10 });
    t.same(count('expresso', '\n   \x1b[1m100%\x1b[0m 5 tests\n', true),
      { passed: 5, total: 5 });
    t.same(count('expresso', '   Failures: 2\n\n   7 tests\n', false),
      { passed: 5, total: 7 });
    t.same(count('mocha', '  5 passing (12ms)\n  2 failing\n', false),
      { passed: 5, total: 7 });
    t.same(count('mocha', '  0 passing (1ms)\n  1 failing\n' +
      '  9 passing (4ms)\n  3 passing (2ms)\n  1 failing\n', false),
    { passed: 12, total: 14 }, 'one mocha run per file: the runs add up');
    t.same(count('tap', 'ok 1 a\nnot ok 2 b\nok 3 c\n', false),
      { passed: 2, total: 3 });
    t.same(count('tap', '# pass  4\n# fail  1\n', false),
      { passed: 4, total: 5 });
    t.same(count('exit', 'anything', true), { passed: 1, total: 1 });
    t.same(count('exit', 'anything', false), { passed: 0, total: 1 });
    t.same(count('nodeunit', 'Segmentation fault', false),
      { passed: 0, total: 1 }, 'no summary: the exit status decides');
    t.same(count('mocha', '  3 passing (2ms)\n', false),
      { passed: 2, total: 3 }, 'a runner that died after its summary');
    t.throws(() => count('jasmine', '', true), /unknown test output kind/);
  });
