'use strict';
// build.js: configures, builds and runs the standalone ev and eio suites
// (test/ev) with CMake: `plain` (the suites and the differential
// scenarios), `address` and `thread` (the suites under ASan and TSan).
// Used by the ev_*.test.js and eio_standalone.test.js files and, as `node
// test/ev/build.js`, by npm's pretest so that the first build does not
// count against tap's per-file timeout.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const source = __dirname;
const configs = {
  plain: ['-DCMAKE_BUILD_TYPE=RelWithDebInfo'],
  // -O1 keeps the sanitizer builds quick to compile and still realistic.
  address: ['-DCOMPAT_SANITIZE=address', '-DCMAKE_BUILD_TYPE=Debug',
    '-DCMAKE_CXX_FLAGS=-O1', '-DCMAKE_C_FLAGS=-O1'],
  thread: ['-DCOMPAT_SANITIZE=thread', '-DCMAKE_BUILD_TYPE=Debug',
    '-DCMAKE_CXX_FLAGS=-O1', '-DCMAKE_C_FLAGS=-O1'],
};

const packages = 'cmake g++ pkg-config libuv1-dev libgtest-dev libev-dev';

function dirOf(config) {
  return path.join(source, 'build', config);
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

// Test files run in parallel; a build directory is built by one at a time.
function withLock(dir, fn) {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const lock = `${dir}.lock`;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      // A build takes minutes at most: an older lock was left by a process
      // that died.
      const stat = fs.statSync(lock, { throwIfNoEntry: false });
      if (stat !== undefined && Date.now() - stat.mtimeMs > 10 * 60 * 1000)
        fs.rmSync(lock, { recursive: true, force: true });
      sleep(200);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options,
  });
  return {
    code: result.status,
    signal: result.signal,
    output: (result.stdout || '') + (result.stderr || ''),
    stdout: result.stdout || '',
    stderr: result.stderr || '',
    missing: result.error !== undefined && result.error.code === 'ENOENT',
    timedOut: result.error !== undefined &&
      result.error.code === 'ETIMEDOUT',
  };
}

// Builds one configuration (incrementally).  Returns { ok, dir, log,
// seconds }.
function build(config) {
  const dir = dirOf(config);
  return withLock(dir, () => {
    const started = Date.now();
    let log = '';
    if (!fs.existsSync(path.join(dir, 'CMakeCache.txt'))) {
      const configure = run('cmake', ['-S', source, '-B', dir,
        ...configs[config]]);
      log += configure.output;
      if (configure.missing || configure.code !== 0) {
        fs.rmSync(path.join(dir, 'CMakeCache.txt'), { force: true });
        return {
          ok: false, dir, seconds: 0,
          log: `${log}\ncmake could not configure test/ev; it needs: ` +
            `${packages} (Debian: apt-get install ${packages})`,
        };
      }
    }
    const jobs = String(Math.max(2, os.availableParallelism?.() ?? 2));
    const make = run('cmake', ['--build', dir, '--', `-j${jobs}`]);
    log += make.output;
    return {
      ok: make.code === 0, dir, log,
      seconds: (Date.now() - started) / 1000,
    };
  });
}

// Runs a GoogleTest suite (ev_tests, or eio_tests) of a built
// configuration.  Returns { code, output, tests: [{ suite, name, ok,
// failure }], timedOut }.
function runSuite(config,
  { env = {}, timeout = 300000, binary = 'ev_tests' } = {}) {
  const dir = dirOf(config);
  const report = path.join(dir, `${binary}-${process.pid}.json`);
  // A sanitizer build carries its own runtime: under npm run test:asan,
  // whose node processes preload ASan, the preload must not reach it.
  const childEnv = { ...process.env, ...env };
  if (config !== 'plain') {
    delete childEnv.LD_PRELOAD;
    delete childEnv.ASAN_OPTIONS;
  }
  const result = run(path.join(dir, binary),
    [`--gtest_output=json:${report}`], { cwd: dir, timeout, env: childEnv });
  let tests = [];
  if (fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    fs.rmSync(report, { force: true });
    tests = json.testsuites.flatMap((suite) => suite.testsuite.map((test) => ({
      suite: suite.name,
      name: test.name,
      ok: !test.failures,
      failure: (test.failures || []).map((f) => f.failure).join('\n'),
    })));
  }
  return { ...result, tests };
}

module.exports = { build, runSuite, run, dirOf, configs };

if (require.main === module) {
  // npm's pretest: build everything once, report, never fail (the tests
  // report a failed build with its log).
  for (const config of Object.keys(configs)) {
    const result = build(config);
    console.log(`test/ev: ${config} build ${result.ok ? 'ok' : 'FAILED'} ` +
      `(${result.seconds.toFixed(1)} s)`);
  }
}
