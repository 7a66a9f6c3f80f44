'use strict';
// node 0.4's C++ node::EventEmitter (Emit from C++) on Node's EventEmitter,
// and node::AtExit.
const t = require('tap');
const { runNode, lastJson } = require('./helpers/child');

t.test('a C++ EventEmitter subclass is a JS EventEmitter; Emit calls the ' +
  'listeners as node 0.4 did', async (t) => {
  const run = runNode('test/fixtures/node_events/emitter.js');
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), {
    isEmitter: true,
    hasOn: true,
    first: true,
    second: true,
    none: false,
    // node 0.4's Emit did not throw for an unheard 'error'.
    errorWithoutListener: false,
    seen: [[true, 1, 'from C++'], ['once', 1], [true, 2, 'from C++'],
      [true, 'from JS', 'JS']],
    // A throwing listener goes to FatalException; Emit stops and says false.
    boom: false,
    uncaught: ['listener threw'],
  });
});

t.test('node::AtExit callbacks run after the exit event, newest first',
  async (t) => {
    const run = runNode('test/fixtures/node_events/at_exit.js');
    t.equal(run.code, 0, run.stderr);
    t.same(run.stdout.trim().split('\n'), ['end of script', 'exit event',
      'at exit: registered second', 'at exit: registered first']);
  });
