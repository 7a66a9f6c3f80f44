'use strict';
// uv_queue_work as node 0.6 and 0.8 addons called it, through a legacy
// addon that includes only node.h: the one-argument after-work callback,
// called once per request in a callback scope of its own; libuv 0.10's
// two-argument form unchanged; failures through libuv 0.x's error channel.
const t = require('tap');
const { runNode, lastJson } = require('./helpers/child');

const fixture = (name) => `test/fixtures/uv_work/${name}.js`;

t.test('one-argument after-work callbacks run once each, with the work\'s ' +
  'results, and keep Node alive until the last', async (t) => {
  const run = runNode('test/differential/uv_work.js',
    ['build/Release/uv_work.node']);
  t.equal(run.code, 0, run.stderr);
  const lines = run.stdout.trim().split('\n');
  const squares = Array.from({ length: 20 }, (_, i) => `[${i}, ${i * i}]`);
  t.same(lines, [
    `results: [${squares.join(', ')}]`,
    `uv_queue_work returned: [${Array(20).fill(0).join(', ')}]`,
    'MakeCallback(object, "done"): [[true, 7, 49], [true, 8, 64], ' +
      '[true, 9, 81]]',
    'callbacks: 20',
    'stats at exit: {queued=23, completed=23}',
  ]);
  t.equal(run.stderr, '', 'nothing reported');
});

t.test('after-work callbacks run in a callback scope of their own',
  async (t) => {
    const run = runNode(fixture('scope'));
    t.equal(run.code, 0, run.stderr);
    const { log, stores, resources } = lastJson(run.stdout);
    t.equal(log.length, 12, 'four callbacks, their ticks and microtasks');
    for (let i = 0; i < log.length; i += 3) {
      const job = log[i].slice(2);
      t.same(log.slice(i, i + 3), [`cb${job}`, `tick${job}`, `micro${job}`],
        'each callback\'s nextTick and promise job run before the next one');
    }
    t.same(stores, [true, true, true, true],
      'AsyncLocalStorage continues from the call that queued the work');
    t.equal(resources, 4, 'one async resource "uv_queue_work" per request');
  });

t.test('the two-argument after-work callback reaches libuv unchanged; a ' +
  'failing call returns -1 and uv_last_error says why; a throw reaches ' +
  'uncaughtException', async (t) => {
  const run = runNode(fixture('forms'));
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), {
    modernQueued: 0,
    modernStatus: 0,
    nullWork: [-1, 'EINVAL', 'invalid argument'],
    uncaught: 'thrown from the after-work callback',
  });
  t.equal(run.stderr, '', 'nothing reported');
});
