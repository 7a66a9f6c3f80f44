'use strict';
// Loading: an addon that cannot be loaded as node 0.x would have loaded it
// gets a clear message (test/addons/bad_modules), never a crash or a
// module that silently does nothing.
const t = require('tap');
const { runNode, lastJson } = require('./helpers/child');

const load = (name) => runNode('test/fixtures/bad_modules/load.js', [name]);

t.test('an addon without an entry point: require throws and says what ' +
  'is missing', async (t) => {
  const run = load('bad_no_entry');
  t.equal(run.code, 0, run.stderr);
  t.match(lastJson(run.stdout).threw, 'bad_no_entry.node: no entry point: ' +
    'the addon defines neither NODE_MODULE(name, func) nor extern "C" void ' +
    'init(Handle<Object> target)');
});

t.test('NODE_MODULE with another module version: reported, then loaded',
  async (t) => {
    const run = load('bad_version');
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout), { exports: { loaded: true } });
    t.match(run.stderr, 'NODE_MODULE(bad_version): module version 2, node ' +
      '0.x expected 1');
  });

t.test('two NODE_MODULE in one addon: the first is loaded, the second ' +
  'reported', async (t) => {
  const run = load('bad_two_modules');
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), { exports: { module: 'first' } });
  t.match(run.stderr, 'NODE_MODULE(bad_two_modules_again): a second ' +
    'module in the same addon is ignored');
});
