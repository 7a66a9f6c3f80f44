'use strict';
// ev_prepare, ev_check, ev_idle, ev_signal and ev_child inside Node, through
// a legacy addon.
const t = require('tap');
const { runNode, lastJson } = require('./helpers/child');

const EV_SIGNAL = 0x400;
const EV_CHILD = 0x800;
const EV_IDLE = 0x2000;
const EV_PREPARE = 0x4000;
const EV_CHECK = 0x8000;

t.test('each iteration runs prepare, then check, then idle', async (t) => {
  const run = runNode('test/fixtures/ev_watchers/order.js');
  t.equal(run.code, 0, run.stderr);
  const { log } = lastJson(run.stdout);
  const revents = { p0: EV_PREPARE, c0: EV_CHECK, i0: EV_IDLE };
  t.ok(log.every(([name, bits]) => revents[name] === bits), 'revents');
  // The script may start them after the prepare phase of an iteration
  // (a module loader can run it from inside the loop).
  const names = log.map(([name]) => name);
  const first = names.indexOf('p0');
  const head = names.slice(0, first);
  t.ok(head.join(' ') === '' || head.join(' ') === 'c0 i0', 'a whole start');
  const iterations = 4 - head.filter((name) => name === 'i0').length;
  t.same(names.slice(first),
    Array(iterations).fill(['p0', 'c0', 'i0']).flat(),
    'then whole iterations until the idle watcher stops; unref\'d prepare ' +
    'and check do not keep Node alive');
});

t.test('idle watchers of a higher priority lock out lower ones', async (t) => {
  const run = runNode('test/fixtures/ev_watchers/lockout.js');
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout).log, ['i1', 'i1', 'i0', 'i0', 'i0']);
});

t.test('every ev_signal watcher and JavaScript see the signal', async (t) => {
  const run = runNode('test/fixtures/ev_watchers/signal.js');
  t.equal(run.code, 0, run.stderr);
  const { log } = lastJson(run.stdout);
  const signum = require('os').constants.signals.SIGUSR2;
  t.same(log.filter((e) => e[0] !== 'js'),
    [['s0', EV_SIGNAL, signum], ['s1', EV_SIGNAL, signum]]);
  t.ok(log.some((e) => e[0] === 'js'), 'the JavaScript listener too');
});

t.test('ev_child reports a child\'s exit; pid 0 is refused inside Node',
  async (t) => {
    const run = runNode('test/fixtures/ev_watchers/child.js');
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout),
      { log: [['child0', EV_CHILD, 3]], started: true, any: false });
    t.match(run.stderr,
      /ev_child_start: pid 0 \(any child\) is not supported inside Node/);
  });
