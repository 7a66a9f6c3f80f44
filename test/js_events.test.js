'use strict';
// process.EventEmitter under the legacy preload: emitters written as node
// 0.2-0.4 glue wrote them.
const t = require('tap');
const { runNode, lastJson } = require('./helpers/child');

// Scenarios get a NODE_OPTIONS of their own: under tap, tap's processinfo
// fills a missing or empty one with the test process's (which holds
// --no-warnings on Node 26, and the preload itself under
// npm run test:legacy-preload).
const alone = { NODE_OPTIONS: '--stack-trace-limit=10' };
const preload = { args: ['-r', 'node-waf-compat/legacy'], env: alone };

t.test('old-style emitters on process.EventEmitter work as on node 0.4',
  async (t) => {
    const run = runNode('test/fixtures/js_events/emitter.js', [], preload);
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout), {
      seen: ['open ttyS0', 'once 1', 'data 1', 'data 2', 'line a'],
      heardAfterRemove: false,
      unhandled: 'no listener',
      same: true,
      processIsOne: true,
      instances: [true, true, true],
      superCtor: true,
      // Not among process's own enumerable keys.
      listed: -1,
      sysIsUtil: true,
      assigned: true,
    });
    t.equal(run.stderr.match(/NWC_PROCESS_EVENTEMITTER/g).length, 1,
      'one warning for many uses');
  });
