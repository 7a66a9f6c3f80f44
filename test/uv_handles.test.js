'use strict';
// libuv handles as node 0.6 and 0.8 addons used them: the timer, async,
// idle, prepare and check callbacks that took `int status`, poll and close
// (the same API then and now), uv_ref/uv_unref on a handle (0.8) and on the
// loop (0.6), and uv_run(loop).
const t = require('tap');
const { runNode, lastJson } = require('./helpers/child');

const fixture = (name) => `test/fixtures/uv_handles/${name}.js`;

t.test('2012 callbacks are called with status 0; close callbacks run; an ' +
  'unref\'d handle does not keep Node alive', async (t) => {
  const run = runNode('test/differential/uv_handles.js',
    ['build/Release/uv_handles.node']);
  t.equal(run.code, 0, run.stderr);
  t.same(run.stdout.trim().split('\n'), [
    'timers started: 0',
    'async started: 0',
    'watchers started: 0',
    'poll started: 0',
    'unref\'d timer started: 0',
    'repeating timer: [["repeat", 1], ["repeat", 2], ["repeat", 3]]',
    'one-shot timer: [["once", 0]]',
    'close callbacks: [["closed", 1], ["closed", 1]]',
    'async: [["async done", 0]]',
    'idle, prepare, check: [["check", 3], ["idle", 10], ["prepare", 3]]',
    'poll: [["poll readable", 5], ["poll status", 0]]',
    'the unref\'d timer: []',
  ]);
  t.equal(run.stderr, '', 'nothing reported');
});

t.test('node 0.6: start a timer, then uv_unref(loop): Node ends at once',
  async (t) => {
    const run = runNode(fixture('refs06'), ['unref-timer']);
    t.equal(run.code, 0, run.stderr);
    const out = lastJson(run.stdout);
    t.equal(out.started, 0);
    t.equal(out.fired, 0, 'the repeating timer never fired');
    t.equal(run.stderr, '', 'nothing reported');
  });

t.test('node 0.6: an async handle made not to count with uv_unref(loop)',
  async (t) => {
    const run = runNode(fixture('refs06'), ['unref-async']);
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout).started, 0);
    t.equal(run.stderr, '', 'nothing reported');
  });

t.test('node 0.6: uv_unref then uv_ref (count 0) keeps the timer counting ' +
  'until a later uv_unref(loop)', async (t) => {
  const run = runNode(fixture('refs06'), ['ref-then-unref']);
  t.equal(run.code, 0, run.stderr);
  const out = lastJson(run.stdout);
  t.equal(out.fired, 5, 'it fired until the fifth tick unref\'d the loop');
  t.equal(run.stderr, '', 'nothing reported');
});

t.test('node 0.6: uv_ref(loop) alone keeps Node alive until uv_unref(loop)',
  async (t) => {
    const run = runNode(fixture('refs06'), ['ref-holds']);
    t.equal(run.code, 0, run.stderr);
    t.ok(lastJson(run.stdout).ms >= 140, 'alive until the unref at 150 ms');
    t.equal(run.stderr, '', 'nothing reported');
  });

t.test('node 0.6: uv_ref(loop) on a pool thread, undone row by row on the ' +
  'loop thread, delivers every row and lets Node end', async (t) => {
  const run = runNode(fixture('refs06'), ['pool-refs']);
  t.equal(run.code, 0, run.stderr);
  const out = lastJson(run.stdout);
  t.equal(out.started, 0);
  t.equal(out.rows, 2000, 'every row reached the loop thread');
  t.same(out.events, ['pool work done']);
  t.equal(run.stderr, '', 'nothing reported');
});

t.test('node 0.6: uv_ref(loop) on a pool thread keeps Node alive after the ' +
  'work until uv_unref(loop) on the loop thread', async (t) => {
  const run = runNode(fixture('refs06'), ['pool-ref-holds']);
  t.equal(run.code, 0, run.stderr);
  const out = lastJson(run.stdout);
  t.same(out.events, ['held timer'],
    'the timer that does not count fired: the count held Node');
  t.ok(out.ms >= 140, 'alive until the unref at 150 ms');
  t.equal(run.stderr, '', 'nothing reported');
});

t.test('uv_run(loop) on Node\'s loop is reported and returns at once; on ' +
  'a loop of the addon\'s own it runs it', async (t) => {
  const run = runNode(fixture('run'));
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), { runDefault: 0, runOwnLoop: 1 });
  t.match(run.stderr, /uv_run: the default loop is Node's event loop/);
});
