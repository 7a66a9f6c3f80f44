'use strict';
// helpers.js: runs node-waf, node-gyp and built addons in throwaway copies
// of the fixtures (test/waf/<fixture>/), never in the repository itself.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..', '..');
const compat = path.join(root, 'compat');
const nodeWafBin = path.join(compat, 'bin', 'node-waf');
const compatGypBin = path.join(compat, 'bin', 'compat-gyp');

// Builds compile the SDK's runtime (node-waf: once, into its cache) and the
// addon: well within this on two busy cores, and the same limit everywhere
// (tests do not time anything).
const BUILD_TIMEOUT = 15 * 60 * 1000;

// Extends the tap runner's limit for this file (its own "# timeout=" TAP
// comment) and the file's own.
function allowBuilds(t) {
  t.setTimeout(BUILD_TIMEOUT);
  t.comment(`timeout=${BUILD_TIMEOUT}`);
}

// gyp's <!(node ...) expansions and actions run the node of the tests.
function childEnv(extra) {
  return {
    ...process.env,
    PATH: path.dirname(process.execPath) + path.delimiter + process.env.PATH,
    ...extra,
  };
}

// A fresh folder holding a copy of test/waf/<name> (or an empty one).
function scratch(t, name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `node-waf-${name}-`));
  const fixture = path.join(__dirname, name);
  if (fs.existsSync(fixture)) fs.cpSync(fixture, dir, { recursive: true });
  if (!process.env.NODE_WAF_KEEP) {
    t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  } else {
    t.comment(`kept ${dir}`);
  }
  return dir;
}

function collect(child, resolve) {
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk) => { stdout += chunk; });
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
}

// Runs `node file args` in cwd; resolves { code, stdout, stderr }.
function runAsync(file, args, { cwd, env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file, ...args],
      { cwd, env: childEnv(env) });
    collect(child, resolve);
  });
}

function nodeWaf(cwd, args, options = {}) {
  return runAsync(nodeWafBin, args, { cwd, ...options });
}

function nodeWafSync(cwd, args, { env, input } = {}) {
  const result = spawnSync(process.execPath, [nodeWafBin, ...args],
    { cwd, env: childEnv(env), encoding: 'utf8', input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// What `npm install node-waf-compat` gives an addon: the package inside its
// node_modules (a copy: gyp needs the runtime's sources inside the project)
// and nan beside it.
function installSdk(dir) {
  const sdk = path.join(dir, 'node_modules', 'node-waf-compat');
  fs.mkdirSync(sdk, { recursive: true });
  for (const name of ['package.json', 'index.js', 'compat.gyp', 'include',
    'src']) {
    fs.cpSync(path.join(compat, name), path.join(sdk, name),
      { recursive: true });
  }
  const nan = path.dirname(require.resolve('nan/package.json',
    { paths: [compat] }));
  fs.symlinkSync(nan, path.join(dir, 'node_modules', 'nan'));
}

function compatGyp(cwd, args) {
  return runAsync(compatGypBin, args, { cwd });
}

// The runtime archive node-waf's cache holds for this node (`node-waf
// runtime`, built there once): the generated binding.gyp files link it, as
// a user may (-Dcompat_runtime_lib), instead of each compiling the runtime
// again (about 40 s a build).  The repository's own binding.gyp and the
// matrix still compile it from source.
let runtimeArchive = null;
function cachedRuntime() {
  if (!runtimeArchive) {
    runtimeArchive = runAsync(nodeWafBin, ['runtime'], { cwd: root })
      .then((run) => {
        if (run.code !== 0) {
          throw new Error(`node-waf runtime failed:\n${run.stderr}`);
        }
        return run.stdout.trim();
      });
  }
  return runtimeArchive;
}

// Starts both builds of a fixture at once, each in its own scratch copy:
//   waf: node-waf configure build, as in 2011;
//   gyp: node-waf --gyp, then node-gyp on the binding.gyp it wrote, with the
//        SDK installed beside it as npm would.
// `prepare(dir)` may add files to each copy first.
function buildBoth(t, name, { configure = [], prepare } = {}) {
  const wafDir = scratch(t, name);
  const gypDir = scratch(t, name);
  if (prepare) {
    prepare(wafDir);
    prepare(gypDir);
  }
  const waf = nodeWaf(wafDir, ['configure', ...configure, 'build']);
  const gyp = (async () => {
    const generate = await nodeWaf(gypDir, ['configure', ...configure,
      '--gyp']);
    if (generate.code !== 0) return { generate, build: null };
    installSdk(gypDir);
    const build = await compatGyp(gypDir, ['rebuild', '--',
      `-Dcompat_runtime_lib=${await cachedRuntime()}`]);
    return { generate, build };
  })();
  return { wafDir, gypDir, waf, gyp };
}

// Runs a script in a fresh node in cwd and returns the JSON object it
// printed last.
function runScript(cwd, source) {
  const result = spawnSync(process.execPath, ['-e', source],
    { cwd, encoding: 'utf8', env: childEnv(), timeout: 60000 });
  const lines = (result.stdout || '').trim().split('\n');
  let value = null;
  try {
    value = JSON.parse(lines[lines.length - 1]);
  } catch (error) {
    value = null;
  }
  return { code: result.status, stderr: result.stderr, value };
}

// The shared libraries an ELF file needs (DT_NEEDED), from readelf.
function neededLibraries(file) {
  const result = spawnSync('readelf', ['-d', file], { encoding: 'utf8' });
  return [...(result.stdout || '').matchAll(/Shared library: \[([^\]]+)\]/g)]
    .map((m) => m[1]);
}

// Lines of node-waf's own messages that name a wscript location.
function messages(stderr) {
  return stderr.split('\n').filter((line) => line.startsWith('node-waf: '));
}

module.exports = {
  root, compat, BUILD_TIMEOUT, allowBuilds, scratch, nodeWaf, nodeWafSync,
  installSdk, compatGyp, cachedRuntime, buildBoth, runScript,
  neededLibraries, messages,
};
