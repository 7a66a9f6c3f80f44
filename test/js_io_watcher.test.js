'use strict';
// process.binding('io_watcher') under the legacy preload: node 0.4's
// IOWatcher on the SDK's ev_io, driven by glue written as in 2011.
const t = require('tap');
const { runNode, lastJson } = require('./helpers/child');

// Scenarios get a NODE_OPTIONS of their own: under tap, tap's processinfo
// fills a missing or empty one with the test process's (which holds
// --no-warnings on Node 26, and the preload itself under
// npm run test:legacy-preload).
const alone = { NODE_OPTIONS: '--stack-trace-limit=10' };
const preload = { args: ['-r', 'node-waf-compat/legacy'], env: alone };
const bare = { env: alone };

for (const kind of ['socketpair', 'pipe']) {
  t.test(`a 2011-style reader gets every message from a ${kind}, in views ` +
    'of its SlowBuffer pool, and ends', async (t) => {
    const run = runNode('test/fixtures/js_io_watcher/read.js', [kind], preload);
    t.equal(run.code, 0, run.stderr);
    const { chunks, ended } = lastJson(run.stdout);
    t.ok(ended, 'the reader saw the end and stopped its watcher');
    t.same(chunks.map((c) => c.text), ['hello', ', ', 'world',
      ': one pool ends', ' and', ' one', ' begins', '.']);
    // The pool has 32 bytes; the fifth read starts a new one.
    t.same(chunks.map((c) => c.offset), [0, 5, 7, 12, 0, 4, 8, 15],
      'each chunk starts where the previous read left the pool');
    t.same(chunks.map((c) => c.within),
      chunks.map((c) => [c.offset, c.text.length]),
      'C++ finds each chunk at its offset in the pool, with its length');
    t.ok(chunks.every((c) => c.shared && c.isBuffer),
      'every chunk is a Buffer sharing the pool\'s bytes');
  });
}

t.test('a started IOWatcher keeps the process alive until it is stopped',
  async (t) => {
    const run = runNode('test/fixtures/js_io_watcher/liveness.js', [], bare);
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout), { aliveUntilStopped: true, calls: 0 });
  });

t.test('IOWatcher calls back as node 0.4 did', async (t) => {
  const run = runNode('test/fixtures/js_io_watcher/callbacks.js', [], bare);
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), {
    writable: [false, true],
    both: [true, true],
    self: true,
    ticks: ['callback 1', 'tick 1', 'job 1', 'callback 2', 'tick 2',
      'job 2'],
    uncaught: 'from the IOWatcher callback',
    notAFunction: 'stopped',
  });
});

t.test('misuse of IOWatcher throws, where node 0.4 aborted or misbehaved',
  async (t) => {
    const run = runNode('test/fixtures/js_io_watcher/misuse.js', [], bare);
    t.equal(run.code, 0, run.stderr);
    const out = lastJson(run.stdout);
    t.match(out, {
      startWithoutSet: /^Error: IOWatcher.start: no file descriptor/,
      fdNotANumber: /^TypeError: IOWatcher.set: the first argument must be a/,
      negativeFd: /^TypeError: IOWatcher.set: the first argument must be a/,
      readableNotBoolean: /^TypeError: IOWatcher.set: the second argument/,
      writableNotBoolean: /^TypeError: IOWatcher.set: the third argument/,
      wrongReceiver: /^TypeError: Illegal invocation/,
      closedFd: /^Error: IOWatcher.start: fd \d+ is not an open file/,
      setWhileStarted: /^Error: IOWatcher.set: the watcher is started/,
    });
    t.same([out.startTwice, out.stopTwice, out.setAfterStop],
      ['no error', 'no error', 'no error'],
      'start and stop twice do nothing, as in node 0.4');
  });

t.test('an fd Node\'s own stream polls: one (true, true) call, the watcher ' +
  'stops, the ev layer says why', async (t) => {
  const run = runNode('test/fixtures/js_io_watcher/node_stream.js', [], bare);
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), { calls: [[true, true]] });
  t.match(run.stderr,
    /ev_io_start: fd \d+ is already watched by a libuv handle of this loop/);
});

t.test('in a worker thread IOWatcher refuses to load, with a message',
  async (t) => {
    const run = runNode('test/fixtures/js_io_watcher/worker.js', [], preload);
    t.equal(run.code, 0, run.stderr);
    t.match(lastJson(run.stdout).message,
      /io_watcher: a node-waf era addon cannot be loaded in a worker thread/);
  });
