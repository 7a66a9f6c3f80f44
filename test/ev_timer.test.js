'use strict';
// ev_timer inside Node, through a legacy addon built with
// EV_MULTIPLICITY=0 (node 0.4's spelling): order, the init + repeat +
// ev_timer_again idiom, callback scopes, exceptions, liveness.
const t = require('tap');
const { runNode, lastJson } = require('./helpers/child');

const EV_TIMER = 0x100;

t.test('timers fire in the order of their timeouts, then the process exits',
  async (t) => {
    const run = runNode('test/fixtures/ev_timer/order.js');
    t.equal(run.code, 0, run.stderr);
    const { log } = lastJson(run.stdout);
    t.same(log.map((e) => e.id), [3, 1, 2, 0]);
    for (const e of log) {
      t.equal(e.revents, EV_TIMER, 'revents is EV_TIMER');
      t.equal(e.active, false,
        'a one-shot timer is stopped before its callback');
    }
    t.equal(run.stderr, '', 'nothing reported');
  });

t.test('ev_timer_again pushes an activity timeout back until activity stops',
  async (t) => {
    const run = runNode('test/fixtures/ev_timer/again.js');
    t.equal(run.code, 0, run.stderr);
    const result = lastJson(run.stdout);
    t.equal(result.events.length, 2, 'fired, repeated, then stopped');
    t.equal(result.events[0].pushes, 4, 'only after the last push');
    t.equal(result.events[0].revents, EV_TIMER);
    t.equal(result.events[0].active, true, 'a repeating timer stays active');
    t.ok(result.before > 0 && result.before <= 0.15 + 1e-9,
      `ev_timer_remaining counts down from repeat (${result.before})`);
    t.equal(result.active, false);
  });

t.test('nextTicks and promise jobs run after each timer callback',
  async (t) => {
    const run = runNode('test/fixtures/ev_timer/ticks.js');
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout).log,
      ['timer0', 'tick0', 'micro0', 'timer1', 'tick1', 'micro1']);
  });

t.test('an exception from a timer callback reaches uncaughtException',
  async (t) => {
    const run = runNode('test/fixtures/ev_timer/throws.js');
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout), {
      calls: 3, caught: ['boom 1', 'boom 2', 'boom 3'],
    });
  });

t.test('a started and unref\'d timer does not keep the process alive',
  async (t) => {
    const run = runNode('test/fixtures/ev_timer/unref.js');
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout), { fired: [], active: true });
    const kept = runNode('test/fixtures/ev_timer/unref.js', ['ref-again']);
    t.same(lastJson(kept.stdout), { fired: [1], active: true },
      'another active timer keeps it alive until that one fires');
  });
