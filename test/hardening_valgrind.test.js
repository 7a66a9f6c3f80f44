'use strict';
// hardening: texample's whole life (load, thread, callbacks, exit) under
// valgrind's memcheck: no error and no block definitely lost whose stack
// passes through our code (texample.node: the addon and the SDK's runtime
// linked into it).  Errors wholly inside node or V8 are listed, not
// counted: Node 22's V8 has one in its GC tracer on every run.  V8 runs
// with --jitless: its JIT's self-modifying code only makes valgrind slow,
// and none of it is ours.
const t = require('tap');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { root, scenarioEnv } = require('./helpers/child');

// Memcheck's records whose first line matches head (an error such as
// "Invalid read of size 8", or "N bytes in M blocks are definitely lost
// ..."), each with its frames, from a log.
const ERROR_HEAD = new RegExp('^(Invalid (read|write|free)|Conditional ' +
  'jump|Use of uninitialised|Syscall param|Mismatched free|Source and ' +
  'destination overlap|Argument .* of function|Jump to the invalid)');
const LOSS_HEAD = /are definitely lost/;
function records(log, head) {
  const lines = log.split('\n').map((l) => l.replace(/^==\d+== ?/, ''));
  const found = [];
  for (let i = 0; i < lines.length; i++) {
    if (!head.test(lines[i])) continue;
    const frames = [];
    for (let j = i + 1; j < lines.length && /^\s+(at|by) /.test(lines[j]); j++)
      frames.push(lines[j]);
    found.push({ head: lines[i], frames });
  }
  return found;
}

const ourFrame = /texample\.node|\/compat\/src\/|\/src\/texample\.cc/;
const underAsan = /libasan/.test(process.env.LD_PRELOAD || '');

t.test('texample under valgrind memcheck: no error, no leak through our code',
  { skip: underAsan && 'the ASan run (npm run test:asan) preloads ASan, ' +
    'which valgrind cannot run with' }, async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'valgrind-'));
    t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
    const log = path.join(dir, 'memcheck.log');
    const env = scenarioEnv({});
    delete env.LD_PRELOAD;
    const run = spawnSync('valgrind', ['--tool=memcheck', '--leak-check=full',
      '--show-leak-kinds=definite', '--errors-for-leak-kinds=none',
      '--smc-check=all-non-file', '--num-callers=30', `--log-file=${log}`,
      process.execPath, '--jitless',
      path.join(root, 'test/fixtures/hardening/valgrind.js')],
    { cwd: root, env, encoding: 'utf8', timeout: 300000 });
    t.notOk(run.error, run.error && `valgrind: ${run.error.message} ` +
      '(Debian: apt-get install valgrind)');
    const report = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
    t.equal(run.status, 0, 'node exits 0 under valgrind', { report });
    t.same(JSON.parse(run.stdout.trim().split('\n').pop()),
      { seen: [0, 1, 2, 3, 4] }, 'the callbacks arrived under valgrind');
    t.match(report, /ERROR SUMMARY: \d+ errors/, 'memcheck ran to its end');
    const ours = (head) => records(report, head)
      .filter((record) => record.frames.some((f) => ourFrame.test(f)));
    const errors = records(report, ERROR_HEAD);
    if (errors.length > 0) {
      t.comment(`${errors.length} memcheck error(s) inside node/V8, none ` +
        'through our code: ' + [...new Set(errors.map((e) => e.head))]
        .join('; '));
    }
    t.same(ours(ERROR_HEAD), [], 'no memcheck error through our code');
    t.same(ours(LOSS_HEAD), [], 'no block definitely lost through our code');
  });
