'use strict';
// The legacy preload's os glue: os.tmpDir() and os.getNetworkInterfaces(),
// node 0.6-0.8's names; the same glue under Node 0.8.28 where it is at hand.
const t = require('tap');
const { spawnSync } = require('child_process');
const path = require('path');
const { runNode, lastJson, root } = require('./helpers/child');
const { oracle } = require('./helpers/differential');

const alone = { NODE_OPTIONS: '--stack-trace-limit=10', TMPDIR: '/var/tmp' };
const fixture = 'test/fixtures/js_os/old_names.js';

t.test('os.tmpDir and os.getNetworkInterfaces answer as os.tmpdir and ' +
  'os.networkInterfaces', async (t) => {
  const run = runNode(fixture, [],
    { args: ['-r', 'node-waf-compat/legacy'], env: alone });
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout),
    { tmpDir: '/var/tmp', interfaces: true, listed: false });
  t.match(run.stderr, /\[NWC_OS_GETNETWORKINTERFACES\] DeprecationWarning/);
  t.match(run.stderr, /\[NWC_OS_TMPDIR\] DeprecationWarning/);
  const plain = runNode(fixture, [], { env: alone });
  t.match(plain.stderr, /os.getNetworkInterfaces is not a function/);
});

t.test('node 0.8.28 gives the same answers', { skip: process.platform !==
  'linux' && 'the loopback interface is named lo on Linux' }, async (t) => {
  const node = oracle();
  if (node.skip) return t.skip(node.skip);
  const run = spawnSync(node.bin, [path.join(root, fixture)], {
    cwd: root, encoding: 'utf8',
    env: { PATH: process.env.PATH, TMPDIR: '/var/tmp' },
  });
  t.equal(run.status, 0, run.stderr);
  t.same(lastJson(run.stdout),
    { tmpDir: '/var/tmp', interfaces: true, listed: true },
    'node 0.8 listed it among os\'s keys');
});
