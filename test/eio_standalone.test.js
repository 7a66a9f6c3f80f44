'use strict';
// The eio layer on plain libuv, without Node: test/ev's eio_tests (both
// work-function spellings, libeio's result conventions, liveness through
// ev_ref only, cancellation, requests from other threads, 10,000 in flight,
// the file requests), built with -Wall -Wextra -Werror against Debian's
// libuv, and the same suite under AddressSanitizer and ThreadSanitizer.
const t = require('tap');
const fs = require('fs');
const path = require('path');
const { build, runSuite, run } = require('./ev/build');

t.setTimeout(10 * 60 * 1000);

const configs = {
  plain: {},
  address: { ASAN_OPTIONS: 'detect_leaks=1:abort_on_error=0' },
  thread: { TSAN_OPTIONS: 'second_deadlock_stack=1' },
};

for (const [config, env] of Object.entries(configs)) {
  t.test(`eio_tests pass (${config} build)`, async (t) => {
    const result = build(config);
    t.ok(result.ok, `cmake build (${config})`,
      { log: result.log.slice(-4000) });
    if (!result.ok) return;
    const suite = runSuite(config, { env, binary: 'eio_tests' });
    const reports = suite.output.match(new RegExp('(ERROR: AddressSanitizer|' +
      'ERROR: LeakSanitizer|WARNING: ThreadSanitizer)[^\\n]*', 'g'));
    t.same(reports, null, 'no sanitizer report',
      { output: suite.output.slice(-6000) });
    t.equal(suite.code, 0, 'eio_tests exits with 0',
      { output: suite.output.slice(-4000) });
    t.ok(suite.tests.length >= 30, `${suite.tests.length} tests ran`);
    const failed = suite.tests.filter((test) => !test.ok);
    t.same(failed.map((test) => `${test.suite}.${test.name}: ` +
      test.failure), [], 'every test passes');
    t.ok(suite.tests.some((test) => /TenThousand/.test(test.name)),
      '10,000 requests in flight ran');
  });
}

t.test('refused libeio APIs fail to compile, naming the replacement',
  async (t) => {
    const file = path.join(__dirname, 'fixtures', 'eio_unsupported',
      'calls.cc');
    const result = run('g++', ['-std=gnu++98', '-c', '-o', '/dev/null',
      `-I${path.join(__dirname, '..', 'compat', 'include')}`, file]);
    if (result.missing) {
      t.skip('g++ is not available');
      return;
    }
    t.not(result.code, 0, 'the file does not compile');
    const errors = result.output.split('\n').filter((l) => / error: /.test(l));
    const marked = fs.readFileSync(file, 'utf8').split('\n')
      .map((text, i) => [i + 1, (text.match(/;\s*\/\/ (\S+)$/) || [])[1]])
      .filter(([, api]) => api);
    t.equal(marked.length, 14, 'every refused API is tried');
    for (const [line, api] of marked) {
      const found = errors.find((e) => e.startsWith(`${file}:${line}:`));
      t.ok(found, `line ${line} (${api}) is an error`);
      if (!found) continue;
      t.match(found, api, `it names ${api}`);
      t.match(found, /is not supported[^;]*;\s*\S/,
        `it says what to use instead of ${api}`);
    }
  });
