'use strict';
// hardening: misuse of the SDK that only happens inside Node, each with the
// report compat/README.md's table gives ("Misuse it reports") and what
// follows it.
const t = require('tap');
const { runNode, lastJson } = require('./helpers/child');

const fixture = 'test/fixtures/hardening/misuse.js';
const report = (text) => new RegExp(`^node-waf-compat: ${text}`, 'm');

t.test('an ev call after the environment was torn down (an atexit ' +
  'handler) is reported and ignored', async (t) => {
  const run = runNode(fixture, ['timer-at-exit']);
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), { registered: true });
  t.match(run.stderr, report('ev_timer_start: the loop has been shut down ' +
    '\\(Node environment teardown\\); call ignored'));
});

t.test("ev_default_destroy of Node's loop is reported and ignored: the " +
  'loop goes on', async (t) => {
  const run = runNode(fixture, ['destroy-default']);
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), { deliveries: 3 });
  t.match(run.stderr, report("ev_loop_destroy: the default loop is Node's " +
    'event loop and lives as long as Node; call ignored'));
});

t.test('ObjectWrap::Unref more often than Ref is reported, ignored, and ' +
  'throws a TypeError', async (t) => {
  const run = runNode(fixture, ['unref-below-zero']);
  t.equal(run.code, 0, run.stderr);
  const message = 'node::ObjectWrap::Unref: called more often than Ref ' +
    '(node 0.x asserted here); ignored';
  t.same(lastJson(run.stdout),
    { error: { name: 'TypeError', message }, after: 2 });
  t.match(run.stderr, report('node::ObjectWrap::Unref: called more often'));
});

t.test('ObjectWrap::Wrap twice is reported, ignored, and throws a TypeError',
  async (t) => {
    const run = runNode(fixture, ['wrap-twice']);
    t.equal(run.code, 0, run.stderr);
    const message = 'node::ObjectWrap::Wrap: the object is already wrapped; ' +
      'the second Wrap is ignored';
    t.same(lastJson(run.stdout), { error: { name: 'TypeError', message } });
    t.match(run.stderr, report('node::ObjectWrap::Wrap: the object is ' +
      'already wrapped'));
  });
