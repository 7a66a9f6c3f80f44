'use strict';
// The standalone ev suite under AddressSanitizer (use after free, leaks:
// watchers freed right after ev_*_stop, loops destroyed with watchers
// active) and ThreadSanitizer (ev_async_send, ev_ref and ev_unref from
// other threads while the loop thread starts, stops and frees watchers).
const t = require('tap');
const { build, runSuite } = require('./ev/build');

t.setTimeout(10 * 60 * 1000);

const sanitizers = {
  address: { ASAN_OPTIONS: 'detect_leaks=1:abort_on_error=0' },
  thread: { TSAN_OPTIONS: 'second_deadlock_stack=1' },
};

for (const [config, env] of Object.entries(sanitizers)) {
  t.test(`the suite is clean under -fsanitize=${config}`, async (t) => {
    const result = build(config);
    t.ok(result.ok, `cmake build (${config})`,
      { log: result.log.slice(-4000) });
    if (!result.ok) return;
    const suite = runSuite(config, { env });
    const reports = suite.output.match(new RegExp('(ERROR: AddressSanitizer|' +
      'ERROR: LeakSanitizer|WARNING: ThreadSanitizer)[^\\n]*', 'g'));
    t.same(reports, null, 'no sanitizer report',
      { output: suite.output.slice(-6000) });
    t.equal(suite.code, 0, 'ev_tests exits with 0');
    const failed = suite.tests.filter((test) => !test.ok);
    t.same(failed.map((test) => `${test.suite}.${test.name}`), [],
      `all ${suite.tests.length} tests pass`);
    t.ok(suite.tests.some((test) => /SendStorm/.test(test.name)),
      'the send storm ran');
  });
}
