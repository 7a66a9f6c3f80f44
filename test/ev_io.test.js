'use strict';
// ev_io inside Node, through a legacy addon: a pipe's readiness, several
// watchers on one fd, the fd left blocking, process liveness, and an fd
// that Node's own streams poll.
const t = require('tap');
const { runNode, lastJson } = require('./helpers/child');

const EV_READ = 1;
const EV_WRITE = 2;
const EV_ERROR = 0x80000000 | 0;

t.test('a pipe written from JavaScript wakes its ev_io watcher', async (t) => {
  const run = runNode('test/fixtures/ev_io/read.js');
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), {
    events: [{ id: 0, revents: EV_READ, data: 'hello' }],
    blocking: true, // libev never changed an fd's flags
    active: false,
  });
});

t.test('every watcher of an fd gets its events, in start order',
  async (t) => {
    const run = runNode('test/fixtures/ev_io/multi.js');
    t.equal(run.code, 0, run.stderr);
    const { events } = lastJson(run.stdout);
    const first = events.slice(0, 3);
    t.same(first.filter(([id]) => id !== 2), [[0, EV_READ], [1, EV_READ]],
      'both readers of the fd, in start order');
    t.ok(first.some((e) => e[0] === 2 && e[1] === EV_WRITE),
      'the writer on the other end, in the same iteration');
    t.same(events.slice(3), [[1, EV_READ], [1, EV_READ], [1, EV_READ]],
      'still readable (level-triggered), for the reader left');
  });

t.test('an unref\'d ev_io watcher does not keep the process alive',
  async (t) => {
    const run = runNode('test/fixtures/ev_io/liveness.js');
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout), { exited: true });
  });

t.test('an fd one of Node\'s own handles polls gets EV_ERROR and a report',
  async (t) => {
    const run = runNode('test/fixtures/ev_io/node_stream.js');
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout).events,
      [{ id: 0, revents: EV_ERROR | EV_READ | EV_WRITE, active: false }]);
    t.match(run.stderr,
      /ev_io_start: fd \d+ is already watched by a libuv handle of this loop/);
  });
