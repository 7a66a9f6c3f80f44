'use strict';
// The ev layer on plain libuv, without Node: test/ev's GoogleTest suite
// (loops, the pending queue, every watcher kind, both EV_MULTIPLICITY
// spellings), built with -Wall -Wextra -Werror against Debian's libuv.
const t = require('tap');
const { build, runSuite } = require('./ev/build');

t.setTimeout(10 * 60 * 1000);

t.test('the standalone suite builds without warnings', async (t) => {
  const result = build('plain');
  t.ok(result.ok, 'cmake build of test/ev', { log: result.log.slice(-4000) });
  if (!result.ok) return;

  const suite = runSuite('plain');
  t.equal(suite.code, 0, 'ev_tests exits with 0',
    { output: suite.output.slice(-4000) });
  t.ok(suite.tests.length >= 100, `${suite.tests.length} tests ran`);
  const bySuite = new Map();
  for (const test of suite.tests) {
    if (!bySuite.has(test.suite)) bySuite.set(test.suite, []);
    bySuite.get(test.suite).push(test);
  }
  for (const [name, tests] of bySuite) {
    t.test(name, async (t) => {
      for (const test of tests) t.ok(test.ok, test.name, { failure: test.failure });
    });
  }
});
