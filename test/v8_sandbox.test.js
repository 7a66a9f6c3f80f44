'use strict';
// FunctionTemplate::SetHiddenPrototype and Context::DetachGlobal as the
// era's sandboxing addons used them (the v8_sandbox addon; the detached
// global itself is compared with node 0.8.28 in test/differential/).
const t = require('tap');
const { runNode, lastJson } = require('./helpers/child');

const warning = 'v8::FunctionTemplate::SetHiddenPrototype: an instance of ' +
  'a template flagged as a hidden prototype became an object\'s prototype';

t.test('SetHiddenPrototype: silent on a context\'s global class, said once ' +
  'where an instance becomes an ordinary prototype', async (t) => {
  const run = runNode('test/fixtures/v8_sandbox/hidden.js');
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), {
    global: 1,
    inherited: [1, 'two', 3],  // reads go through the prototype
    own: false,  // V8 3.x: true (a hidden prototype's properties were own)
  });
  const [before, after] = run.stderr.split('-- inherit\n');
  t.notMatch(before, 'SetHiddenPrototype', 'wrap() says nothing');
  t.equal(after.split(warning).length - 1, 1, 'said once for two objects');
});
