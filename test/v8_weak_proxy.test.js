'use strict';
// A weak callback that calls back into JavaScript with its collected object
// (node-weak's pattern, inside the era's TryCatch + FatalException) gets an
// empty stand-in object, says so once on stderr, and the process goes on.
const t = require('tap');
const { runNode, lastJson } = require('./helpers/child');
const { GC_STRESS } = require('./helpers/differential');

const fixture = 'test/fixtures/v8_weak_proxy/proxies.js';
const warning = 'v8::Persistent weak callback: it reads its object, which ' +
  'modern V8 collected before the callback could run; it gets an empty ' +
  'stand-in object instead';

function check(t, run) {
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), {
    alive: true,
    // The receiver and the argument are one object, with nothing of the
    // target's left.
    seen: { type: 'object', receiverIsArg: true, keys: 0, foo: 'undefined' },
    // The callback ran before gc() returned, and freed the link.
    after: { calledBeforeGcReturned: 1, dead: true, get: 'undefined' },
    afterThrow: ['from a weak callback'],
    many: 1000,
    stats: [1002, 1002],
  });
  const lines = run.stderr.split('\n').filter((l) => l.includes(warning));
  t.equal(lines.length, 1, 'said once');
  t.notMatch(run.stderr, 'the object was garbage collected',
    'no misuse report while the callback runs');
}

t.test('weak proxies: callbacks get a stand-in for the collected target',
  async (t) => {
    check(t, runNode(fixture, [], { args: ['--expose-gc'] }));
  });

t.test('the same under GC stress', async (t) => {
  check(t, runNode(fixture, [], { args: ['--expose-gc', ...GC_STRESS] }));
});
