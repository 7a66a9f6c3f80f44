'use strict';
// ev_fuzz: the fuzz target that runs random ev_* sequences on real libev
// and on the SDK's ev layer (test/fuzz/) builds, agrees with libev on every
// seed of the corpus, and does catch a difference.  The fuzzing itself is
// `npm run fuzz` (60 s in CI; `-- --seconds N` by hand).
const t = require('tap');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const runner = path.join(__dirname, 'fuzz', 'run.js');
const binary = path.join(__dirname, 'fuzz', 'build', 'ev_fuzz');
const corpus = path.join(__dirname, 'fuzz', 'corpus');

// The target carries clang's ASan runtime: under npm run test:asan (gcc's
// runtime preloaded into node) the preload must not reach it.
const cleanEnv = { ...process.env };
delete cleanEnv.LD_PRELOAD;
delete cleanEnv.ASAN_OPTIONS;

function node(args, env = {}) {
  return spawnSync(process.execPath, [runner, ...args], {
    encoding: 'utf8', env: { ...cleanEnv, ...env }, timeout: 600000,
  });
}

t.test('the target builds (clang, libFuzzer, ASan, libev, libuv)',
  async (t) => {
    const build = node(['--build']);
    t.equal(build.status, 0, `${build.stdout}${build.stderr}\n` +
      'needs the Debian packages clang, libev-dev and libuv1-dev');
    t.ok(fs.existsSync(binary));
  });

t.test('every seed gives the same trace on libev and on the layer',
  async (t) => {
    const seeds = fs.readdirSync(corpus);
    t.ok(seeds.length >= 7, 'the committed seeds are there');
    const replay = node(['--replay']);
    t.equal(replay.status, 0, replay.stderr);
    t.notMatch(replay.stderr, /traces differ|ERROR: AddressSanitizer/);
    t.match(replay.stderr, /Done \d+ runs/, 'libFuzzer ran the corpus');
  });

t.test('a difference between the traces fails the run, with both traces',
  async (t) => {
    const seed = path.join(corpus, 'timers');
    const run = spawnSync(binary, [seed], {
      encoding: 'utf8', env: { ...cleanEnv, EV_FUZZ_SELF_TEST: '1' },
    });
    t.not(run.status, 0);
    t.match(run.stderr, /ev_fuzz: the traces differ at line \d+/);
    t.match(run.stderr, /--- libev\ninit 0\n/);
    t.match(run.stderr, /--- compat\ninit 0\n/);
  });
