'use strict';
// eio_custom inside Node, through a legacy addon written in the node 0.4
// idiom: work on libuv's pool, done callbacks on the main thread in a
// callback scope, liveness only through the addon's ev_ref, cancellation
// as libeio did it, requests from other threads, 10,000 in flight, misuse.
const t = require('tap');
const { runNode, lastJson } = require('./helpers/child');

const fixture = (name) => `test/fixtures/eio_custom/${name}.js`;

t.test('the baton idiom: every hash computed on the pool, called back once',
  async (t) => {
    const run = runNode(fixture('idiom'));
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout),
      { callbacks: 24, distinct: 24, allCorrect: true });
    t.equal(run.stderr, '', 'nothing reported');
  });

t.test('an int work function\'s return value is dropped; errno reaches JS',
  async (t) => {
    const run = runNode(fixture('results'));
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout), {
      returned: [0, 0],  // result stays 0 (EIO_CUSTOM is type 0)
      stored: 7,
      error: {
        message: "ENOENT, No such file or directory '/nonexistent/eio'",
        errno: 2, code: 'ENOENT', syscall: 'open', path: '/nonexistent/eio',
        isError: true,
      },
      noError: null,
    });
  });

t.test('done callbacks run in a callback scope of their own', async (t) => {
  const run = runNode(fixture('scope'));
  t.equal(run.code, 0, run.stderr);
  const { log, stores, resources } = lastJson(run.stdout);
  t.equal(log.length, 12, 'four callbacks, their ticks and microtasks');
  // Whatever order the hashes finished in, each callback's nextTick and
  // promise job run before the next callback.
  for (let i = 0; i < log.length; i += 3) {
    const job = log[i].slice(2);
    t.same(log.slice(i, i + 3), [`cb${job}`, `tick${job}`, `micro${job}`]);
  }
  t.same(stores, [true, true, true, true],
    'AsyncLocalStorage continues from the call that submitted the request');
  t.equal(resources, 4, 'one async resource "eio_custom" per request');
});

t.test('an exception in a done callback reaches uncaughtException',
  async (t) => {
    const run = runNode(fixture('throws'));
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout),
      { caught: ['thrown by callback 1'], finished: [0, 1, 2] });
  });

t.test('a request without ev_ref does not keep Node alive', async (t) => {
  const run = runNode(fixture('detached'));
  t.equal(run.code, 0, run.stderr);
  t.notOk(run.timedOut, 'Node exits with the work in flight');
  t.equal(lastJson(run.stdout).detachedDone, 0, 'its done callback never ran');
});

t.test('eio_cancel: no done callback; queued work never starts; running ' +
  'work sees EIO_CANCELLED', async (t) => {
  const run = runNode(fixture('cancel'));
  t.equal(run.code, 0, run.stderr);
  t.notOk(run.timedOut, 'nothing of the layer keeps Node alive');
  t.same(lastJson(run.stdout), {
    queued: true, running: true, blockersDone: 4, victimWork: 0,
    victimDone: 0, sawCancel: 1, detachedDone: 0,
  });
});

t.test('cancellation with a pool of another size', async (t) => {
  const run = runNode(fixture('cancel'), [],
    { env: { UV_THREADPOOL_SIZE: '2' } });
  t.equal(run.code, 0, run.stderr);
  const result = lastJson(run.stdout);
  t.equal(result.blockersDone, 2);
  t.equal(result.victimWork, 0);
  t.equal(result.victimDone, 0);
});

t.test('requests from another thread finish on the main thread',
  async (t) => {
    const run = runNode(fixture('threads'), ['500']);
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout), { done: 500, onMain: 500 });
  });

t.test('10,000 requests in flight complete each exactly once', async (t) => {
  const run = runNode(fixture('many'), ['3'], { timeout: 60000 });
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), { counts: [10000, 10000, 10000] });
});

t.test('misuse is reported once and nothing crashes', async (t) => {
  const run = runNode(fixture('misuse'));
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), { exited: true });
  const stale = run.stderr.match(/eio_cancel: the request is not in flight/g);
  t.equal(stale && stale.length, 1, 'a stale cancel, reported once');
  t.notMatch(run.stderr, /done callback is null/,
    'a request without a done callback is not misuse (libeio took it)');
});
