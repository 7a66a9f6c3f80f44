'use strict';
// hardening: texample's whole life (load, thread, callbacks, exit) under
// valgrind's memcheck: no error at all, and no block definitely lost whose
// allocation passes through our code (texample.node: the addon and the
// SDK's runtime linked into it).  V8 runs with --jitless: its JIT's
// self-modifying code only makes valgrind slow, and none of it is ours.
const t = require('tap');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { root, scenarioEnv } = require('./helpers/child');

// Memcheck's blocks ("N bytes in M blocks are definitely lost ...", then
// its frames) from a log.
function lossRecords(log) {
  const lines = log.split('\n').map((l) => l.replace(/^==\d+== ?/, ''));
  const records = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/are definitely lost/.test(lines[i])) continue;
    const frames = [];
    for (let j = i + 1; j < lines.length && /^\s+(at|by) /.test(lines[j]); j++)
      frames.push(lines[j]);
    records.push({ head: lines[i], frames });
  }
  return records;
}

const ourFrame = /texample\.node|\/compat\/src\/|\/src\/texample\.cc/;
const underAsan = /libasan/.test(process.env.LD_PRELOAD || '');

t.test('texample under valgrind memcheck: no errors, no leak from our code',
  { skip: underAsan && 'the ASan run (npm run test:asan) preloads ASan, ' +
    'which valgrind cannot run with' }, async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'valgrind-'));
    t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
    const log = path.join(dir, 'memcheck.log');
    const env = scenarioEnv({});
    delete env.LD_PRELOAD;
    const run = spawnSync('valgrind', ['--tool=memcheck',
      '--error-exitcode=99', '--leak-check=full',
      '--show-leak-kinds=definite', '--errors-for-leak-kinds=none',
      '--smc-check=all-non-file', '--num-callers=30', `--log-file=${log}`,
      process.execPath, '--jitless',
      path.join(root, 'test/fixtures/hardening/valgrind.js')],
    { cwd: root, env, encoding: 'utf8', timeout: 300000 });
    t.notOk(run.error, run.error && `valgrind: ${run.error.message} ` +
      '(Debian: apt-get install valgrind)');
    const report = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
    t.equal(run.status, 0, 'valgrind and node exit 0', { report });
    t.same(JSON.parse(run.stdout.trim().split('\n').pop()),
      { seen: [0, 1, 2, 3, 4] }, 'the callbacks arrived under valgrind');
    t.match(report, /ERROR SUMMARY: 0 errors from 0 contexts/,
      'memcheck found no error');
    const ours = lossRecords(report)
      .filter((record) => record.frames.some((f) => ourFrame.test(f)));
    t.same(ours, [], 'no block definitely lost through our code');
  });
