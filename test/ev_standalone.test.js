'use strict';
// The ev layer on plain libuv, without Node: test/ev's GoogleTest suite
// (loops, the pending queue, every watcher kind, both EV_MULTIPLICITY
// spellings), built with -Wall -Wextra -Werror against Debian's libuv.
const t = require('tap');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { build, runSuite, run } = require('./ev/build');

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
      for (const test of tests) {
        t.ok(test.ok, test.name, { failure: test.failure });
      }
    });
  }
});

t.test('unsupported libev APIs fail to compile, naming the replacement',
  async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-unsupported-'));
    const cases = {
      stat: ['ev_stat w; ev_stat_init(&w, 0, "/tmp", 0.);',
        /ev_stat is not supported by node-waf-compat; use uv_fs_poll_start/],
      embed: ['ev_embed_start(EV_DEFAULT_UC_ 0);',
        /ev_embed is not supported by node-waf-compat/],
    };
    for (const [name, [code, message]] of Object.entries(cases)) {
      const file = path.join(dir, `${name}.cc`);
      fs.writeFileSync(file,
        `#include <ev.h>\nvoid f() { ${code} }\n`);
      const result = run('g++', ['-std=gnu++98', '-I',
        path.join(__dirname, '..', 'compat', 'include'), '-c', file,
        '-o', path.join(dir, `${name}.o`)]);
      t.not(result.code, 0, `${name}: does not compile`);
      t.match(result.output, message, `${name}: says what to use`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
