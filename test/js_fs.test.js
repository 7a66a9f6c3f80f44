'use strict';
// The legacy preload's fs glue: node 0.4-0.8's async fs calls without a
// callback (the work done, errors dropped) and path.exists / existsSync;
// the same glue under Node 0.8.28 where it is at hand; modern calls as on
// modern Node.
const t = require('tap');
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runNode, lastJson, root } = require('./helpers/child');
const { oracle } = require('./helpers/differential');

const alone = { NODE_OPTIONS: '--stack-trace-limit=10' };
const preload = { args: ['-r', 'node-waf-compat/legacy'], env: alone };
const bare = { env: alone };

function scratch(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'js-fs-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function warned(stderr) {
  return (stderr.match(/\[NWC_[A-Z_]+\] DeprecationWarning/g) || [])
    .map((w) => w.slice(1, w.indexOf(']'))).sort();
}

const expected = {
  written: 'saved',
  made: true,
  answers: {
    existsSync: [true, false],
    existsDir: true,
    existsMissing: false,
    arguments: 1,
  },
};

t.test('calls without a callback do their work and drop their errors; ' +
  'path.exists answers true or false', async (t) => {
  const run = runNode('test/fixtures/js_fs/no_callback.js', [scratch(t)],
    preload);
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), expected);
  t.same(warned(run.stderr), ['NWC_FS_CLOSE_NO_CALLBACK',
    'NWC_FS_EXISTS_NO_CALLBACK', 'NWC_FS_MKDIR_NO_CALLBACK',
    'NWC_FS_READDIR_NO_CALLBACK', 'NWC_FS_RMDIR_NO_CALLBACK',
    'NWC_FS_STAT_NO_CALLBACK', 'NWC_FS_UNLINK_NO_CALLBACK',
    'NWC_FS_WRITEFILE_NO_CALLBACK', 'NWC_PATH_EXISTS',
    'NWC_PATH_EXISTSSYNC']);
  t.notMatch(run.stderr, /ENOENT|EBADF/, 'no error reaches the program');
});

t.test('without the preload the first such call throws', async (t) => {
  const run = runNode('test/fixtures/js_fs/no_callback.js', [scratch(t)],
    bare);
  t.not(run.code, 0);
  t.match(run.stderr, /ERR_INVALID_ARG_TYPE/);
});

t.test('node 0.8.28 prints the same', async (t) => {
  const node = oracle();
  if (node.skip) return t.skip(node.skip);
  const run = spawnSync(node.bin,
    [path.join(root, 'test/fixtures/js_fs/no_callback.js'), scratch(t)],
    { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH } });
  t.equal(run.status, 0, run.stderr);
  t.same(lastJson(run.stdout), expected);
});

t.test('calls with a callback, promisified calls and Node\'s refusals are ' +
  'modern Node\'s', async (t) => {
  const modern = runNode('test/fixtures/js_fs/modern.js', [scratch(t)],
    preload);
  const plain = runNode('test/fixtures/js_fs/modern.js', [scratch(t)], bare);
  t.equal(modern.code, 0, modern.stderr);
  t.equal(plain.code, 0, plain.stderr);
  t.same(lastJson(modern.stdout), lastJson(plain.stdout));
  t.match(lastJson(modern.stdout), {
    unlinkError: 'ENOENT: no such file or directory, unlink \'DIR/missing\'',
    read: [3, 'abc'],
    badCallback: 'ERR_INVALID_ARG_TYPE',
  });
  t.same(warned(modern.stderr), []);
});
