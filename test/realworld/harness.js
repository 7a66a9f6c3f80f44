'use strict';
// harness.js: one real package of 2010-2012, as a user of the era got it
// from npm, built unchanged with the SDK's node-waf, loaded and tested with
// its own tests, under one node.
//
// Steps (each logged to <work>/<name>@<version>/../logs):
//   fetch   npm pack NAME@VERSION into the cache (the registry only, never
//           a repository), once
//   unpack  a fresh copy of the tarball in the work folder
//   deps    the package's runtime dependencies, with npm, scripts off
//   build   its preinstall/install/postinstall scripts as npm ran them,
//           with the SDK's node-waf first on PATH (or npm 0.x's default
//           for a wscript without scripts: node-waf configure build)
//   load    require() of the package (or of the manifest's `load` path)
//   tests   the manifest's test commands, with the harness help the
//           manifest lists and nothing else
// Nothing of the package is edited.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { count } = require('./counts');

const root = path.join(__dirname, '..', '..');
const compat = path.join(root, 'compat');
const nodeWaf = path.join(compat, 'bin', 'node-waf');
const preload = path.join(compat, 'legacy', 'index.js');

const BUILD_TIMEOUT = 15 * 60 * 1000;
const LOAD_TIMEOUT = 60 * 1000;
const TEST_TIMEOUT = 120 * 1000;

// The verdicts, worst first: a package moves up this list as the SDK
// improves.
const VERDICTS = ['fetch-fail', 'build-fail', 'load-fail', 'hang',
  'test-fail', 'pass'];

function finished(result, started) {
  const timedOut = Boolean(result.error && result.error.code === 'ETIMEDOUT');
  return {
    status: result.status,
    signal: result.signal,
    timedOut,
    error: timedOut ? null : result.error,
    stdout: result.stdout || '',
    output: `${result.stdout || ''}${result.stderr || ''}`,
    seconds: (Date.now() - started) / 1000,
  };
}

function run(command, args, options) {
  const started = Date.now();
  return finished(spawnSync(command, args, {
    encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, killSignal: 'SIGKILL',
    ...options,
  }), started);
}

// run, without blocking: the suite builds and tests packages side by side.
// A command that outlives its timeout is killed with its process group
// (test runners leave children behind).
function runAsync(command, args, { timeout, ...options } = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, detached: true,
      stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    const timer = timeout ? setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch (error) {
        // Gone already.
      }
    }, timeout) : null;
    const done = (status, signal, error) => {
      if (timer) clearTimeout(timer);
      resolve(finished({ status, signal, stdout, stderr,
        error: timedOut ? { code: 'ETIMEDOUT' } : error }, started));
    };
    child.on('error', (error) => done(null, null, error));
    child.on('close', (status, signal) => done(status, signal, null));
  });
}

// A folder with only `node-waf` in it, first on PATH for package scripts, so
// that nothing else of ours (tap, node-gyp) shadows what a package runs.
function shimDir(work) {
  const dir = path.join(work, '.bin');
  const link = path.join(dir, 'node-waf');
  if (!fs.existsSync(link)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.symlinkSync(nodeWaf, link);
  }
  return dir;
}

function tarballPath(cache, pkg) {
  return path.join(cache, 'tarballs', `${pkg.name}-${pkg.version}.tgz`);
}

function fetch(cache, pkg) {
  const file = tarballPath(cache, pkg);
  if (fs.existsSync(file)) return { ok: true, file };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const result = run('npm', ['pack', `${pkg.name}@${pkg.version}`,
    '--pack-destination', path.dirname(file), '--silent'],
  { timeout: 5 * 60 * 1000 });
  return { ok: fs.existsSync(file), file, output: result.output };
}

// Tools the tests need (the era's framework at a version that runs on modern
// Node), installed once per spec set into the cache and given to the tests
// through PATH and NODE_PATH.
function tools(cache, specs) {
  if (!specs || specs.length === 0) return null;
  const key = specs.slice().sort().join('+').replace(/[^A-Za-z0-9@.+_-]/g, '_');
  const dir = path.join(cache, 'tools', key);
  const modules = path.join(dir, 'node_modules');
  const stamp = path.join(dir, '.installed');
  if (!fs.existsSync(stamp)) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
    const result = run('npm', ['install', '--no-save', '--no-package-lock',
      '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error',
      ...specs], { cwd: dir, timeout: 10 * 60 * 1000 });
    if (result.status !== 0) {
      return { error: `npm install ${specs.join(' ')} failed:\n` +
        result.output.slice(-2000) };
    }
    fs.writeFileSync(stamp, specs.join('\n'));
  }
  return { modules, bin: path.join(modules, '.bin') };
}

// What npm ran at install time, in its order.  npm 0.x ran
// `node-waf configure build` (after a clean) for a package with a wscript
// and no install scripts of its own.
function installSteps(json, dir) {
  const scripts = json.scripts || {};
  const steps = ['preinstall', 'install', 'postinstall']
    .filter((name) => typeof scripts[name] === 'string' && scripts[name])
    .map((name) => ({ name, script: scripts[name] }));
  if (steps.length === 0 && fs.existsSync(path.join(dir, 'wscript')) &&
      !fs.existsSync(path.join(dir, 'binding.gyp'))) {
    steps.push({ name: 'install (npm 0.x default for a wscript)',
      script: 'node-waf configure build' });
  }
  return steps;
}

function envFor(node, extra) {
  const env = { ...process.env };
  // What npm of our own run puts in the environment is not the package's.
  for (const name of Object.keys(env)) {
    if (/^npm_/i.test(name)) delete env[name];
  }
  delete env.NODE_OPTIONS;
  delete env.NODE_PATH;
  env.PATH = [path.dirname(node.bin), env.PATH].join(path.delimiter);
  return { ...env, ...extra };
}

function nodeOptions(pkg) {
  const options = [];
  if (pkg.preload) options.push(`--require=${preload}`);
  if (pkg.exposeGc) options.push('--expose-gc');
  return options.join(' ');
}

// What `node-waf audit` says of the pristine package: does it build?
async function audit(dir, node) {
  const result = await runAsync(node.bin, [nodeWaf, 'audit', '--json', dir],
    { cwd: dir, timeout: 2 * 60 * 1000 });
  try {
    return JSON.parse(result.stdout || result.output).summary.builds;
  } catch (error) {
    return null;
  }
}

function log(dir, step, text) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${step}.log`), text);
}

function tail(text, lines = 25) {
  return text.trim().split('\n').slice(-lines).join('\n');
}

// Runs one package under one node; returns its row.
async function runPackage(pkg, { node, cache, work }) {
  const id = `${pkg.name}@${pkg.version}`;
  const row = { id, name: pkg.name, version: pkg.version, node: node.version,
    build: '-', built: false, audit: null, load: '-', tests: '-',
    verdict: 'fetch-fail', detail: '', seconds: 0 };
  const started = Date.now();
  const dir = path.join(work, id);
  const logs = path.join(work, 'logs', id);
  const finish = (verdict, detail = '') => {
    row.verdict = verdict;
    row.detail = detail;
    row.seconds = (Date.now() - started) / 1000;
    return row;
  };

  const fetched = fetch(cache, pkg);
  if (!fetched.ok) return finish('fetch-fail', tail(fetched.output || ''));

  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // The top folder of the era's tarballs is not always package/.
  const unpacked = run('tar', ['xzf', fetched.file, '-C', dir,
    '--strip-components=1']);
  if (unpacked.status !== 0) return finish('fetch-fail', tail(unpacked.output));
  const json = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'),
    'utf8'));

  row.audit = await audit(dir, node);

  const env = envFor(node, {});
  const deps = Object.keys(json.dependencies || {});
  if (deps.length > 0 && pkg.deps !== false) {
    const installed = await runAsync('npm', ['install', '--omit=dev',
      '--ignore-scripts',
      '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: dir, env, timeout: 10 * 60 * 1000 });
    log(logs, 'deps', installed.output);
    if (installed.status !== 0) {
      return finish('fetch-fail', `npm install of its dependencies ` +
        `failed:\n${tail(installed.output)}`);
    }
  }

  const tooling = tools(cache, pkg.tools);
  if (tooling && tooling.error) return finish('fetch-fail', tooling.error);

  // Build: the package's own install scripts, node-waf = ours.
  const buildEnv = envFor(node, {
    PATH: [shimDir(work), path.join(dir, 'node_modules', '.bin'),
      path.dirname(node.bin), process.env.PATH].join(path.delimiter),
  });
  let buildLog = '';
  let buildSeconds = 0;
  for (const step of installSteps(json, dir)) {
    const result = await runAsync('sh', ['-c', step.script],
      { cwd: dir, env: buildEnv, timeout: BUILD_TIMEOUT });
    buildSeconds += result.seconds;
    buildLog += `$ ${step.script}   # ${step.name}\n${result.output}\n`;
    if (result.status !== 0 || result.timedOut) {
      log(logs, 'build', buildLog);
      row.build = 'failed';
      return finish('build-fail', result.timedOut
        ? `the build did not end within ${BUILD_TIMEOUT / 60000} min`
        : tail(result.output));
    }
  }
  log(logs, 'build', buildLog);
  row.build = `ok ${buildSeconds.toFixed(0)}s`;
  row.built = true;

  // NODE_PATH, as the package's tests of the era expected it: the test
  // tools, folders of the package (nodePath), and, for tests that
  // require('<name>') of the package itself, a folder linking it by name.
  const nodePath = [tooling ? tooling.modules : null,
    ...(pkg.nodePath || []).map((p) => path.join(dir, p))];
  if (pkg.requireSelf) {
    const self = path.join(work, '.self', id);
    fs.rmSync(self, { recursive: true, force: true });
    fs.mkdirSync(self, { recursive: true });
    fs.symlinkSync(dir, path.join(self, pkg.name));
    nodePath.push(self);
  }
  const testEnv = envFor(node, {
    NODE_OPTIONS: nodeOptions(pkg),
    NODE_PATH: nodePath.filter(Boolean).join(path.delimiter),
    PATH: [tooling ? tooling.bin : null, path.join(dir, 'node_modules',
      '.bin'), path.dirname(node.bin), process.env.PATH]
      .filter(Boolean).join(path.delimiter),
    ...(pkg.env || {}),
  });

  const target = pkg.load ? path.resolve(dir, pkg.load) : dir;
  const loaded = await runAsync(node.bin,
    ['-e', 'require(process.argv[1])', target],
    { cwd: dir, env: testEnv, timeout: LOAD_TIMEOUT });
  log(logs, 'load', loaded.output);
  if (loaded.status !== 0) {
    row.load = loaded.timedOut ? 'hangs' : 'failed';
    return finish('load-fail', tail(loaded.output));
  }
  row.load = 'ok';

  let passed = 0;
  let total = 0;
  let hung = false;
  const failures = [];
  for (const test of pkg.tests || []) {
    // $SMOKE/x.js: a check of ours for a package that ships no tests.
    const [command, ...args] = test.cmd.map((arg) => arg.replace(/^\$SMOKE\//,
      `${path.join(__dirname, 'smoke')}/`));
    const program = command === 'node' ? node.bin : command;
    // reaper: orphans the tests leave are reaped, as by a machine's init
    // (reaper.py).
    const result = await runAsync(pkg.reaper ? 'python3' : program,
      pkg.reaper ? [path.join(__dirname, 'reaper.py'), program, ...args] : args, {
      cwd: test.cwd ? path.join(dir, test.cwd) : dir, env: testEnv,
      timeout: (test.timeout || TEST_TIMEOUT / 1000) * 1000,
    });
    log(logs, `test-${test.cmd.join(' ').replace(/[^A-Za-z0-9.-]+/g, '_')
      .slice(0, 60)}`, result.output);
    const ok = result.status === 0;
    const got = count(test.count || 'exit', result.output, ok);
    if (result.timedOut) {
      hung = true;
      failures.push(`${test.cmd.join(' ')}: killed after ` +
        `${test.timeout || TEST_TIMEOUT / 1000} s`);
    } else if (!ok || got.passed < got.total) {
      failures.push(`${test.cmd.join(' ')}: exit ${result.status}` +
        `${result.signal ? ` (${result.signal})` : ''}\n` +
        tail(result.output, 15));
    }
    passed += got.passed;
    total += got.total;
  }
  row.tests = total > 0 ? `${passed}/${total}` : '-';
  if (hung) return finish('hang', failures.join('\n'));
  if (failures.length > 0) return finish('test-fail', failures.join('\n'));
  return finish('pass');
}

// The cached tarball of a package, fetched on first use; throws when the
// registry does not have it.
function tarballFor(cache, pkg) {
  const fetched = fetch(cache, pkg);
  if (!fetched.ok) {
    throw new Error(`npm pack ${pkg.name}@${pkg.version} failed: ` +
      tail(fetched.output || ''));
  }
  return fetched.file;
}

module.exports = { runPackage, VERDICTS, tarballFor, run, envFor, tail };
