'use strict';
// hardening: where a legacy addon may be loaded (worker threads, twice),
// and 50 start/exit cycles of texample's thread with eio work in flight:
// every thread is stopped or made harmless at teardown (the SDK closes its
// loop and eio in Node's cleanup hooks and at the 'exit' event; texample
// joins its thread at exit), so no cycle crashes, hangs or reports.
const t = require('tap');
const { runNode, lastJson } = require('./helpers/child');

const fixture = (name) => `test/fixtures/hardening/${name}.js`;
const workerError = {
  name: 'Error',
  message: 'texample: a node-waf era addon cannot be loaded in a worker ' +
    'thread: it keeps V8 handles in static variables, which bind it to one ' +
    'isolate. Load it on the main thread.',
};

for (const order of ['worker-first', 'main-first']) {
  t.test(`a worker thread's require throws an Error naming the addon and ` +
    `why (${order}); the main thread loads and uses it`, async (t) => {
    const run = runNode(fixture('worker'), [order]);
    t.equal(run.code, 0, run.stderr);
    t.equal(run.signal, null);
    t.same(lastJson(run.stdout), { worker: workerError, seen: [0, 1, 2] });
    t.equal(run.stderr, '', 'nothing else reported');
  });
}

t.test('loading texample again in the main thread works, and dlopen of the ' +
  'loaded file says what the second init does', async (t) => {
  const run = runNode(fixture('twice'));
  t.equal(run.code, 0, run.stderr);
  // require: Node's cache; dlopen: the init ran again and its statics
  // (texample's module handle) took the new exports, as in node 0.x; a
  // copy at another path is a separate addon with its own runtime.
  t.same(lastJson(run.stdout),
    { same: true, first: [], again: [0, 1, 2], copy: [0, 1, 2] });
  t.match(run.stderr, /^node-waf-compat: texample: loaded a second time in this process \(process\.dlopen of an addon already loaded\); its init runs again/m);
  t.equal(run.stderr.trim().split('\n').length, 1, 'reported once');
});

t.test('50 start/exit cycles of texample with eio work in flight: every ' +
  'one ends as Node would, none crashes, hangs or reports', async (t) => {
  const ways = {
    end: { code: 0, seen: [0, 1, 2, 3, 4] },
    exit: { code: 3, seen: [0, 1, 2, 3, 4] },
    throw: { code: 1, seen: [0, 1, 2, 3, 4] },
    flood: { code: 0 },
  };
  const names = Object.keys(ways);
  const failures = [];
  const counts = {};
  for (let i = 0; i < 50; i++) {
    const how = names[i % names.length];
    const run = runNode(fixture('cycle'), [how], { timeout: 30000 });
    const want = ways[how];
    counts[how] = (counts[how] || 0) + 1;
    let seen = null;
    try {
      seen = lastJson(run.stdout).seen;
    } catch {
      seen = null;
    }
    const stderrOk = how === 'throw'
      ? /Error: thrown in callback 5/.test(run.stderr) &&
        !/node-waf-compat/.test(run.stderr)
      : run.stderr === '';
    const seenOk = want.seen === undefined
      ? Array.isArray(seen) && seen.every((n, k) => n === k)
      : JSON.stringify(seen) === JSON.stringify(want.seen);
    if (run.timedOut || run.signal !== null || run.code !== want.code ||
        !stderrOk || !seenOk) {
      failures.push({ cycle: i, how, code: run.code, signal: run.signal,
        timedOut: run.timedOut, seen, stderr: run.stderr.slice(0, 2000) });
    }
  }
  t.same(counts, { end: 13, exit: 13, throw: 12, flood: 12 });
  t.same(failures, [], 'every cycle ended as expected');
});
