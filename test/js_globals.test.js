'use strict';
// The legacy preload's global names: GLOBAL and root (node 0.x's names for
// the global object) and node 0.2's errno constants on process.  The same
// glue runs under Node 0.8.28 where it is at hand (node 0.8 had GLOBAL and
// root but no longer the constants on process).
const t = require('tap');
const { spawnSync } = require('child_process');
const path = require('path');
const { runNode, lastJson, root } = require('./helpers/child');
const { oracle } = require('./helpers/differential');

const alone = { NODE_OPTIONS: '--stack-trace-limit=10' };
const preload = { args: ['-r', 'node-waf-compat/legacy'], env: alone };
const bare = { env: alone };

function warned(stderr) {
  return (stderr.match(/\[NWC_[A-Z_]+\] DeprecationWarning/g) || [])
    .map((w) => w.slice(1, w.indexOf(']'))).sort();
}

t.test('GLOBAL and root are the global object, and process.ENOENT and the ' +
  'other errno names have their values', async (t) => {
  const run = runNode('test/fixtures/js_globals/old_names.js', [], preload);
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), {
    GLOBAL: true,
    root: true,
    counter: 2,
    errno: { ENOENT: true, EINVAL: true, EAGAIN: true, EWOULDBLOCK: 'number' },
  });
  t.same(warned(run.stderr), ['NWC_GLOBAL', 'NWC_PROCESS_ERRNO', 'NWC_ROOT'],
    'each name family warns once');
});

t.test('without the preload the same glue stops at GLOBAL', async (t) => {
  const run = runNode('test/fixtures/js_globals/old_names.js', [], bare);
  t.not(run.code, 0);
  t.match(run.stderr, /ReferenceError: GLOBAL is not defined/);
});

t.test('node 0.8.28 gives GLOBAL and root the same answers', async (t) => {
  const node = oracle();
  if (node.skip) return t.skip(node.skip);
  const run = spawnSync(node.bin,
    [path.join(root, 'test/fixtures/js_globals/old_names.js')],
    { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH } });
  t.equal(run.status, 0, run.stderr);
  t.same(lastJson(run.stdout),
    { GLOBAL: true, root: true, counter: 2, errno: 'undefined' },
    'node 0.8 had dropped the errno names from process already');
});

t.test('modern code sees modern Node\'s global and process keys, and can ' +
  'assign root', async (t) => {
  const modern = runNode('test/fixtures/js_globals/modern.js', [], preload);
  const plain = runNode('test/fixtures/js_globals/modern.js', [], bare);
  t.equal(modern.code, 0, modern.stderr);
  t.same(lastJson(modern.stdout), lastJson(plain.stdout));
  t.same(lastJson(modern.stdout).processErrnoKeys, []);
  t.same(warned(modern.stderr), [], 'assigning root does not warn');
});
