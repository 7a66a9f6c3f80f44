'use strict';
// libuv 0.8's error model (uv_err_t, uv_last_error, uv_strerror,
// uv_err_name) from C and C++, a C half using 2012 callbacks, and what the
// SDK's uv.h does to code that is not 2012's: modern libuv code in the same
// addon compiles unchanged and calls libuv's own functions; a callback of
// neither era's type is a compile error that names it.
const t = require('tap');
const { spawnSync } = require('child_process');
const path = require('path');
const { runNode } = require('./helpers/child');

const root = path.join(__dirname, '..');
const include = path.join(root, 'compat', 'include');
// The running node's own headers (uv.h among them), as node-gyp finds them.
const nodeInclude = path.join(path.dirname(process.execPath), '..',
  'include', 'node');
const fixture = (name) => path.join(__dirname, 'fixtures', 'uv_errors', name);

function compile(compiler, args, file, output = '/dev/null') {
  const result = spawnSync(compiler, [...args, '-c', '-o', output,
    `-I${include}`, `-I${nodeInclude}`, file], { encoding: 'utf8' });
  if (result.error) return { missing: result.error.message };
  return { code: result.status, stderr: result.stderr };
}

t.test('uv_err_t: libuv 0.8\'s names and texts, from C and from the calls ' +
  'that returned one; a C half\'s 2012 callbacks run', async (t) => {
  const run = runNode('test/differential/uv_errors.js',
    ['build/Release/uv_errors.node']);
  t.equal(run.code, 0, run.stderr);
  t.same(run.stdout.trim().split('\n'), [
    'uv_err_t OK: ["success", 1]',
    'uv_err_t EOF: ["end of file", 0]',
    'uv_err_t ENOENT: ["no such file or directory", 0]',
    'uv_err_t EACCES: ["permission denied", 0]',
    'uv_err_t EADDRINUSE: ["address already in use", 0]',
    'uv_err_t EINVAL: ["invalid argument", 0]',
    'uv_err_t EPIPE: ["broken pipe", 0]',
    'uv_err_t ECONNREFUSED: ["connection refused", 0]',
    'uv_err_t EEXIST: ["file already exists", 0]',
    'uv_err_t EAGAIN: ["no more processes", 0]',
    'uv_chdir to a missing directory: ["ENOENT", "no such file or directory"]',
    'uv_chdir to /: ["OK", "success"]',
    'uv_kill of a missing process: ["ESRCH", "no such process"]',
    'C timer started: 0',
    'C work queued: 0',
    'C work events: [["c work", 42]]',
    'C timer events: [["c timer", 10], ["c timer", 20], ' +
      '["c timer closed", 1]]',
  ]);
  t.equal(run.stderr, '', 'nothing reported');
});

for (const [name, compiler, args] of [
  ['modern.cc', 'g++', ['-std=gnu++17']],
  ['modern.cc', 'g++', ['-std=gnu++20']],
  ['modern.c', 'gcc', ['-std=gnu17']],
  ['modern.c', 'gcc', ['-std=gnu99']],
]) {
  t.test(`${name} (${args[0]}): libuv 1.x code in a legacy addon compiles ` +
    'without a warning and calls only libuv\'s own functions', async (t) => {
    const object = path.join(require('os').tmpdir(),
      `nwc-uv-${process.pid}-${name}.o`);
    const result = compile(compiler,
      [...args, '-Wall', '-Wextra', '-Werror'], fixture(name), object);
    if (result.missing) {
      t.skip(`${compiler} is not available: ${result.missing}`);
      return;
    }
    t.equal(result.code, 0, result.stderr);
    t.equal(result.stderr, '', 'no diagnostics');
    const nm = spawnSync('nm', ['-u', object], { encoding: 'utf8' });
    require('fs').rmSync(object, { force: true });
    if (nm.error) {
      t.skip(`nm is not available: ${nm.error.message}`);
      return;
    }
    t.notMatch(nm.stdout, /compat/, 'no compat_uv_* function is called');
    t.match(nm.stdout, /\buv_queue_work\b/, 'libuv\'s uv_queue_work is');
  });
}

t.test('a callback of neither era\'s type is a compile error that names ' +
  'the call, the types it takes, and the caller\'s line', async (t) => {
  const file = fixture('bad_callbacks.cc');
  const result = compile('g++', ['-std=gnu++98'], file);
  if (result.missing) {
    t.skip(`g++ is not available: ${result.missing}`);
    return;
  }
  t.not(result.code, 0, 'the file does not compile');
  const lines = require('fs').readFileSync(file, 'utf8').split('\n');
  const marked = lines.map((text, i) => [i + 1, text.match(/\/\/ (uv_\w+)$/)])
    .filter(([, match]) => match);
  t.equal(marked.length, 6);
  const blocks = result.stderr.split(/\n(?=In function)/);
  for (const [line, [, api]] of marked) {
    const block = blocks.find((b) => b.includes(`${file}:${line}:`));
    t.ok(block, `line ${line} (${api}) is reported`);
    if (!block) continue;
    t.match(block, new RegExp(`error: [^\\n]*${api}: the [a-z-]*\\s?callback ` +
      'must be void \\(\\*\\)\\([^\\n]*\\(libuv 0\\.6/0\\.8\\)'),
    `it names ${api} and the 2012 callback type`);
  }
});
