'use strict';
// The default loop inside Node, through a legacy addon: the loop-wide
// ev_ref/ev_unref count and process liveness (also with ev_unref from
// another thread), ev_run/ev_break inside Node, ev_now, ev_feed_event.
const t = require('tap');
const { runNode, lastJson } = require('./helpers/child');

const EV_CUSTOM = 0x01000000;

t.test('ev_ref keeps Node alive until another thread\'s ev_unref',
  async (t) => {
    const run = runNode('test/fixtures/ev_loop/thread_release.js');
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout), { releasedAtStart: false, released: true });
  });

t.test('Node stays alive while the ev_ref count is positive', async (t) => {
  const run = runNode('test/fixtures/ev_loop/ref_unref.js');
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout).log, ['first', 'second']);
});

t.test('an ev_unref too many is reported and Node exits', async (t) => {
  const run = runNode('test/fixtures/ev_loop/negative.js');
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), { exited: true });
  t.match(run.stderr, /ev_unref: called more often than ev_ref/);
});

t.test('ev_run and ev_break inside Node return at once, reported',
  async (t) => {
    const run = runNode('test/fixtures/ev_loop/run.js');
    t.equal(run.code, 0, run.stderr);
    const result = lastJson(run.stdout);
    t.equal(result.result, 0, 'ev_run returns the count');
    t.ok(result.nowError < 1, 'ev_now is wall-clock time');
    t.equal(run.stderr.match(/ev_run: the default loop is Node's/g).length, 1,
      'reported once');
    t.match(run.stderr, /ev_break: the default loop is Node's event loop/);
  });

t.test('ev_feed_event on an unstarted watcher runs it soon, in a scope',
  async (t) => {
    const run = runNode('test/fixtures/ev_loop/feed.js');
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout).log,
      [['after feed'], ['fed', EV_CUSTOM, false], ['tick']]);
  });
