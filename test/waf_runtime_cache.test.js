'use strict';
// node-waf builds the SDK's runtime once per node, SDK and compiler, keeps
// it in a cache (compat/waf/runtime_cache.py) and links it into each addon;
// it builds for the running node whatever npm's configuration says, and
// checks the module ABI of what it built.  The builds here use a cache of
// their own, in a folder that does not exist yet.
const t = require('tap');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const h = require('./waf/helpers');
const { gypArgs, gypEnv } = require('../compat/waf/node_gyp');

h.allowBuilds(t);

const top = fs.mkdtempSync(path.join(os.tmpdir(), 'node-waf-cache-'));
if (!process.env.NODE_WAF_KEEP) {
  t.teardown(() => fs.rmSync(top, { recursive: true, force: true }));
}
const cache = path.join(top, 'not', 'yet', 'there');
const runtime = path.join(cache, 'runtime');

const WSCRIPT = `def set_options(opt):
  opt.tool_options('compiler_cxx')

def configure(conf):
  conf.check_tool('compiler_cxx')
  conf.check_tool('node_addon')

def build(bld):
  obj = bld.new_task_gen('cxx', 'shlib', 'node_addon')
  obj.target = 'probe'
  obj.source = 'probe.cc'
`;

// A 0.4-era addon reporting how it was compiled; `entry` is its entry point.
function probe(entry) {
  return `#include <v8.h>
#include <node.h>
using namespace v8;

#ifndef FROM_ENV
#define FROM_ENV 0
#endif

static Handle<Value> Info(const Arguments& args) {
  HandleScope scope;
  Local<Object> info = Object::New();
  info->Set(String::New("cplusplus"), Number::New(__cplusplus));
  info->Set(String::New("fromEnv"), Integer::New(FROM_ENV));
  return scope.Close(info);
}

static void Setup(Handle<Object> target) {
  NODE_SET_METHOD(target, "info", Info);
  target->Set(String::New("entry"), String::New("${entry}"));
}
${entry === 'init'
    ? 'extern "C" void init(Handle<Object> target) { Setup(target); }'
    : 'NODE_MODULE(probe, Setup);'}
`;
}

function project(t, entry) {
  const dir = h.scratch(t, 'runtime-cache');
  fs.writeFileSync(path.join(dir, 'wscript'), WSCRIPT);
  fs.writeFileSync(path.join(dir, 'probe.cc'), probe(entry));
  return dir;
}

function build(dir, env = {}) {
  return h.nodeWaf(dir, ['configure', 'build'],
    { env: { NODE_WAF_COMPAT_CACHE: cache, ...env } });
}

function info(dir) {
  return h.runScript(dir, "const p = require('./build/default/probe');" +
    'console.log(JSON.stringify({ entry: p.entry, ...p.info() }))');
}

function entries() {
  return fs.readdirSync(runtime).sort();
}

const RUNTIME_COMPILE = /obj\.target\/compat_runtime\//;
const BUILDING = /node-waf: building the SDK's runtime for node /;

const first = (() => {
  const byInit = project(t, 'init');
  const byModule = project(t, 'NODE_MODULE');
  return {
    byInit, byModule,
    runs: Promise.all([build(byInit), build(byModule)]),
  };
})();

t.test('two first builds at once build the runtime once, into a cache ' +
  'folder they create', async (t) => {
  const runs = await first.runs;
  for (const run of runs) {
    t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
    t.match(run.stderr, /'build' finished successfully/);
  }
  const builders = runs.filter((r) => BUILDING.test(r.stderr));
  t.equal(builders.length, 1, 'one of them built the runtime');
  t.match(builders[0] && builders[0].stderr,
    /the SDK's runtime took [\d.]+ s to build/);
  const waiter = runs.find((r) => !BUILDING.test(r.stderr));
  t.match(waiter && waiter.stderr,
    /node-waf: waiting for another node-waf that is building the runtime/,
    'the other waited for it');
  t.notMatch(waiter && waiter.stderr, RUNTIME_COMPILE,
    'and compiled none of it');
  const names = entries();
  t.equal(names.length, 2, `one entry and its lock file: ${names}`);
  t.match(names[0], new RegExp(`^${process.version.replace(/\./g, '\\.')}` +
    `-abi${process.versions.modules}-[0-9a-f]{16}$`));
  t.equal(names[1], `${names[0]}.lock`);
  t.same(fs.readdirSync(path.join(runtime, names[0])).sort(),
    ['key.json', 'libcompat_runtime.a'], 'no build folder left behind');
  const key = JSON.parse(fs.readFileSync(path.join(runtime, names[0],
    'key.json'), 'utf8'));
  t.equal(key.node, process.version);
  t.equal(key.abi, process.versions.modules);
  t.same(key.flags, [], 'no sanitizer flags');
});

t.test('node-waf runtime prints the cached archive for a binding.gyp to ' +
  'link, and refuses what it cannot do', async (t) => {
  await first.runs;
  const [name] = entries();
  const archive = path.join(runtime, name, 'libcompat_runtime.a');
  const before = fs.statSync(archive).mtimeMs;
  const env = { NODE_WAF_COMPAT_CACHE: cache };
  const printed = await h.nodeWaf(top, ['runtime'], { env });
  t.equal(printed.code, 0, 'exit status 0', { stderr: printed.stderr });
  t.equal(printed.stdout, `${archive}\n`, 'the entry of the first builds');
  t.notMatch(printed.stderr, BUILDING, 'nothing built again');
  t.equal(fs.statSync(archive).mtimeMs, before, 'the archive is untouched');
  const unknown = await h.nodeWaf(top, ['runtime', '--gyp'], { env });
  t.equal(unknown.code, 1);
  t.match(unknown.stderr, /node-waf runtime: unknown argument '--gyp'/);
  const off = await h.nodeWaf(top, ['runtime'],
    { env: { NODE_WAF_COMPAT_CACHE: 'off' } });
  t.equal(off.code, 1);
  t.equal(off.stdout, '', 'no path printed');
  t.match(off.stderr, /the runtime cache is off/);
});

t.test('an addon with a bare init and one with NODE_MODULE both load ' +
  'with the runtime linked from the archive', async (t) => {
  await first.runs;
  const bare = info(first.byInit);
  t.same(bare.value, { entry: 'init', cplusplus: 199711, fromEnv: 0 },
    'extern "C" void init(Handle<Object>)', { stderr: bare.stderr });
  const registered = info(first.byModule);
  t.same(registered.value, { entry: 'NODE_MODULE', cplusplus: 199711,
    fromEnv: 0 }, 'NODE_MODULE(probe, Setup)', { stderr: registered.stderr });
});

t.test('a second addon in a fresh folder compiles only itself, with the ' +
  "environment's flags, which never reach the runtime", async (t) => {
  await first.runs;
  const [name] = entries();
  const archive = path.join(runtime, name, 'libcompat_runtime.a');
  const before = fs.statSync(archive).mtimeMs;
  const dir = project(t, 'init');
  const run = await build(dir, {
    CXXFLAGS: '-std=c++0x -DFROM_ENV=7',
    LDFLAGS: '-Wl,-rpath,/node-waf-ldflags-marker',
  });
  t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
  t.notMatch(run.stderr, BUILDING, 'no runtime build');
  t.notMatch(run.stderr, RUNTIME_COMPILE, 'no runtime source compiled');
  t.match(run.stderr, /CXX\(target\) \S*probe\.o/, 'the addon compiled');
  t.equal(fs.statSync(archive).mtimeMs, before, 'the archive is untouched');
  t.same(entries(), [name, `${name}.lock`], 'the same entry');
  const result = info(dir);
  t.same(result.value, { entry: 'init', cplusplus: 201103, fromEnv: 7 },
    'CXXFLAGS reached the addon', { stderr: result.stderr });
  const dynamic = spawnSync('readelf', ['-d', path.join(dir, 'build',
    'default', 'probe.node')], { encoding: 'utf8' }).stdout;
  t.match(dynamic, /runpath: \[[^\]]*\/node-waf-ldflags-marker/,
    'LDFLAGS reached its link');
});

t.test('npm configuration naming other headers does not change what ' +
  'node-waf builds for', async (t) => {
  await first.runs;
  // Headers that break any compile that uses them.
  const other = path.join(top, 'other-node');
  fs.mkdirSync(path.join(other, 'include', 'node'), { recursive: true });
  fs.writeFileSync(path.join(other, 'include', 'node', 'node.h'),
    '#error these are not the running node\'s headers\n');
  fs.writeFileSync(path.join(other, 'include', 'node', 'common.gypi'), '{}\n');
  const dir = project(t, 'NODE_MODULE');
  const run = await build(dir, {
    npm_config_nodedir: other,
    npm_config_target: '0.8.28',
    npm_config_runtime: 'electron',
    npm_config_dist_url: 'http://127.0.0.1:9/',
    npm_package_config_node_gyp_nodedir: other,
  });
  t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
  t.notMatch(run.stderr, BUILDING, 'the cached runtime is the right one');
  t.match(run.stderr, /'build' finished successfully/,
    'the module ABI check passed');
  t.same(info(dir).value, { entry: 'NODE_MODULE', cplusplus: 199711,
    fromEnv: 0 }, 'it loads in this node');
});

t.test("node-gyp's environment loses the npm configuration that picks " +
  'another node', async (t) => {
  const env = {
    PATH: '/bin',
    npm_config_nodedir: '/other',
    NPM_CONFIG_TARGET: '0.8.28',
    npm_config_dist_url: 'http://mirror/',
    npm_package_config_node_gyp_runtime: 'electron',
    npm_config_jobs: '2',
  };
  t.same(Object.keys(gypEnv(['build', '--nodedir=/usr'], env)).sort(),
    ['PATH', 'npm_config_jobs'], 'with --nodedir: every way to pick headers');
  t.same(Object.keys(gypEnv(['build'], env)).sort(),
    ['PATH', 'npm_config_dist_url', 'npm_config_jobs', 'npm_config_nodedir'],
    'without: the version and runtime, not where headers come from');
  t.same(gypArgs(['configure', '--', '-Dx=1'], process.execPath)
    .slice(-2), ['--', '-Dx=1'], 'gyp variables stay after --');
});

// Runs Python code with compat/waf on sys.path; returns its stdout.
function python(t, code, env = {}) {
  const result = spawnSync(process.env.PYTHON || 'python3', ['-c', code], {
    cwd: path.join(h.compat, 'waf'), encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  t.equal(result.status, 0, 'python ran', { stderr: result.stderr });
  return result.stdout;
}

t.test('a module built for another ABI stops the build, naming both',
  async (t) => {
    const dir = h.scratch(t, 'abi');
    const compile = (name, abi) => spawnSync('g++', ['-shared', '-fPIC',
      '-o', path.join(dir, name), '-x', 'c++', '-'], {
      input: `extern "C" void node_register_module_v${abi}() {}\n`,
    }).status;
    t.equal(compile('other.node', 1), 0);
    t.equal(compile('ours.node', process.versions.modules), 0);
    const out = python(t, `
import gyp_build
from waf_errors import BuildFailure
class Project: pass
p = Project()
p.node_abi = ${JSON.stringify(process.versions.modules)}
p.node_version = ${JSON.stringify(process.version)}
for name in ('ours', 'other'):
    try:
        gyp_build.check_abi(p, name, ${JSON.stringify(dir)} + '/' + name + '.node')
        print(name + ': ok')
    except BuildFailure as error:
        print(name + ': ' + str(error))
`);
    const [ours, other] = out.trim().split('\n');
    t.equal(ours, 'ours: ok');
    t.match(other, 'other: Build failed: other.node is built for ABI 1 ' +
      '(node_register_module_v1), but the node running node-waf ' +
      `(${process.version}) loads module ABI ${process.versions.modules}`);
  });

t.test('the cache key separates nodes and sanitizer builds, not flags ' +
  'meant for the addon', async (t) => {
  const out = python(t, `
import json, os, runtime_cache
class Project: pass
def key(version, abi, environ):
    p = Project()
    p.compat_dir = '..'
    p.nan_dir = ${JSON.stringify(path.dirname(require.resolve('nan/package.json')))}
    p.node_version, p.node_abi = version, abi
    p.node_headers, p.node_gyp_version = '/usr', '12.4.0'
    return runtime_cache.key(p, environ)[0]
base = {'PATH': os.environ['PATH']}
print(json.dumps({
  'base': key('v20.20.2', '115', base),
  'std': key('v20.20.2', '115', dict(base, CXXFLAGS='-std=c++0x -O0')),
  'asan': key('v20.20.2', '115', dict(base,
      CXXFLAGS='-fsanitize=address -fno-omit-frame-pointer -g')),
  'node22': key('v22.22.0', '127', base),
  'flags': runtime_cache.sanitizer_flags({'CXXFLAGS': '-std=c++0x -g '
      '-fsanitize=address', 'CPPFLAGS': '-fno-omit-frame-pointer'}),
  'env': sorted(runtime_cache._build_env({'CXXFLAGS': '-std=c++0x',
      'CPPFLAGS': '-DX', 'CFLAGS': '-O0', 'LDFLAGS': '-lx', 'PATH': '/bin'},
      ['-fsanitize=address']).items()),
  'off': runtime_cache.cache_root({'NODE_WAF_COMPAT_CACHE': 'off'}),
  'given': runtime_cache.cache_root({'NODE_WAF_COMPAT_CACHE': '/x'}),
}))
`);
  const keys = JSON.parse(out);
  t.equal(keys.std, keys.base, 'CXXFLAGS for the addon: the same runtime');
  t.not(keys.asan, keys.base, 'an ASan build has its own entry');
  t.not(keys.node22, keys.base, 'so has another node');
  t.match(keys.node22, /^v22\.22\.0-abi127-/);
  t.same(keys.flags, ['-fno-omit-frame-pointer', '-fsanitize=address'],
    'only sanitizer flags reach the runtime');
  t.same(keys.env, [['CXXFLAGS', '-fsanitize=address'], ['PATH', '/bin']],
    'the runtime builds without the environment\'s flags');
  t.equal(keys.off, null, 'NODE_WAF_COMPAT_CACHE=off turns it off');
  t.equal(keys.given, '/x', 'NODE_WAF_COMPAT_CACHE is the cache folder');
});
