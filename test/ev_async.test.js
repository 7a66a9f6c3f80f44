'use strict';
// ev_async misuse by old code is reported once, in libev's style, and the
// addon keeps working.
const t = require('tap');
const { runNode, lastJson } = require('./helpers/child');

t.test('re-initialising an active watcher warns once, naming the call',
  async (t) => {
    const run = runNode('test/fixtures/ev_async/reinit.js');
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout), { active: [true, true, true], fired: true });
    const warnings = run.stderr.match(/ev_async_init: the watcher is active/g);
    t.equal(warnings && warnings.length, 1, run.stderr);
  });

t.test('sending to a watcher that was never started is reported',
  async (t) => {
    const run = runNode('test/fixtures/ev_async/unstarted.js');
    t.equal(run.code, 0, run.stderr);
    t.match(run.stderr, /ev_async_send: the watcher was never started/);
  });
