'use strict';
// run.js (npm run test:asan): the whole tap suite with texample, every test
// addon and the SDK's runtime built under AddressSanitizer, and LSan's
// leak check at the exit of every process.
//
// The build goes to a copy of the working tree (test/asan/build/tree,
// kept between runs so that they are incremental), where node-gyp builds
// with -fsanitize=address; its node_modules links to ours, except
// node-waf-compat, which is the copy's compat/.  The tests run there with
// the ASan runtime preloaded into node (LD_PRELOAD; node itself is not
// instrumented) and every report written to test/asan/build/logs.  Then
// the reports are read:
//   - any memory error (ERROR: AddressSanitizer) fails the run;
//   - a leak fails it when it was allocated (the first frame past the
//     allocator) in the SDK's runtime or texample, unless its site is one
//     of the known ones below (native state of JS objects alive at exit);
//     leaks allocated by the test addons (which play old code, sloppy
//     lifetimes included) and by node, V8 or the compilers that tests run
//     are counted and listed, not failed.  A suppression file could not do
//     this: every stack through an addon also holds node's frames, and
//     every stack of V8's holds ours when our callback called it.
// Options: --no-build (reuse the last build), --files a.test.js,b.test.js
// (a subset), --report (only read the last run's logs again), any other
// argument goes to tap.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..', '..');
const out = path.join(__dirname, 'build');
const tree = path.join(out, 'tree');
const logs = path.join(out, 'logs');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    stdio: 'inherit', maxBuffer: 256 * 1024 * 1024, ...options,
  });
  if (result.error) throw result.error;
  return result;
}

function libasan() {
  const result = run('g++', ['-print-file-name=libasan.so'],
    { stdio: 'pipe', encoding: 'utf8' });
  const file = result.stdout.trim();
  if (!path.isAbsolute(file) || !fs.existsSync(file))
    throw new Error('g++ has no libasan.so (Debian: g++ brings libasan8)');
  return fs.realpathSync(file);
}

// Copies the files git knows (tracked and untracked, not ignored) that
// changed since the last copy.
function syncTree() {
  const listed = run('git', ['ls-files', '-z', '--cached', '--others',
    '--exclude-standard'], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
  if (listed.status !== 0) throw new Error('git ls-files failed');
  let copied = 0;
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    const from = path.join(root, file);
    const to = path.join(tree, file);
    const stat = fs.statSync(from, { throwIfNoEntry: false });
    if (stat === undefined || !stat.isFile()) continue;
    const old = fs.statSync(to, { throwIfNoEntry: false });
    // utimes keeps milliseconds, not the nanoseconds of the source.
    if (old !== undefined && old.size === stat.size &&
        Math.abs(old.mtimeMs - stat.mtimeMs) < 1) continue;
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    fs.utimesSync(to, stat.atime, stat.mtime);
    fs.chmodSync(to, stat.mode);
    copied++;
  }
  // The standalone ev/eio suites (CMake, test/ev/build) are not addons:
  // the copy shares the builds of the working tree, which have ASan and
  // TSan variants of their own (ev_sanitizers.test.js).
  const evBuild = path.join(tree, 'test', 'ev', 'build');
  if (!fs.lstatSync(evBuild, { throwIfNoEntry: false }))
    fs.symlinkSync(path.join(root, 'test', 'ev', 'build'), evBuild);
  // node_modules: ours, but node-waf-compat is the copy's compat/.
  const modules = path.join(tree, 'node_modules');
  fs.mkdirSync(modules, { recursive: true });
  for (const entry of fs.readdirSync(path.join(root, 'node_modules'))) {
    const link = path.join(modules, entry);
    if (fs.lstatSync(link, { throwIfNoEntry: false })) continue;
    if (entry === 'node-waf-compat') fs.symlinkSync('../compat', link);
    else fs.symlinkSync(path.join(root, 'node_modules', entry), link);
  }
  return copied;
}

function build() {
  const flags = '-fsanitize=address -fno-omit-frame-pointer -g';
  const env = { ...process.env, CFLAGS: flags, CXXFLAGS: flags,
    LDFLAGS: '-fsanitize=address' };
  const gyp = path.join(tree, 'compat', 'bin', 'compat-gyp');
  for (const dir of [path.join(tree, 'compat'), tree]) {
    const configured = fs.existsSync(path.join(dir, 'build', 'Makefile'));
    const status = run(process.execPath,
      [gyp, configured ? 'build' : 'rebuild'], { cwd: dir, env }).status;
    if (status !== 0) throw new Error(`the ASan build in ${dir} failed`);
  }
  // Every module must really be instrumented.
  const release = path.join(tree, 'build', 'Release');
  const modules = fs.readdirSync(release).filter((f) => f.endsWith('.node'))
    .map((f) => path.join(release, f));
  modules.push(path.join(tree, 'compat', 'build', 'Release',
    'io_watcher.node'));
  for (const module of modules) {
    const symbols = run('nm', ['-D', '--undefined-only', module],
      { stdio: 'pipe', encoding: 'utf8' }).stdout;
    if (!/__asan_init/.test(symbols))
      throw new Error(`${module} is not built with ASan`);
  }
  return modules.length;
}

// One report: its kind and the frames of its stack(s).
function parseLog(text) {
  const reports = [];
  if (/ERROR: AddressSanitizer/.test(text))
    reports.push({ kind: 'error', text });
  const leaks = text.split(/\n(?=(?:Direct|Indirect) leak of )/);
  for (const block of leaks.slice(1)) {
    const body = block.split(/\n\s*\n/)[0];
    reports.push({ kind: 'leak', text: body });
  }
  return reports;
}

// Where a leak was allocated: the first frame of its stack that is not the
// allocator or the C++ library.  Deeper frames decide nothing: V8 and Node
// allocate below our callbacks too.
function allocationSite(report) {
  const frames = report.text.split('\n').filter((l) => /^\s*#\d+ /.test(l));
  return frames.slice(1).find((l) => !/\b(?:operator new|malloc|calloc|realloc|strdup|__interceptor_\w+)\b|\bstd::|__gnu_cxx|libsanitizer/.test(l)) || '';
}

// The SDK's runtime (its namespaces, or its sources, which symbolised
// frames name relative to the build folder) and texample.
const ourSite = /\blegacy_v8::|\blegacy_node::|\bcompat::|(?:^|[\s/(])compat\/(?:src|include|legacy)\/|src\/texample\.cc/;
// The test addons, which play old code (also those the waf tests build in
// temporary folders); node 0.8.28's oracle addons do not count.
const oldCodeSite = /test\/addons\/|\/tmp\/node-waf-|\.node\+0x/;

// Leaks of the SDK that are known and allowed, with the reason: native
// state that lives exactly as long as a JS object, and is freed by V8's
// weak callback when that object is collected.  V8 runs no weak callback
// when the isolate is disposed, so what is alive at exit is reported;
// nothing grows while the process runs.  Anything else fails the run.
const knownSites = [
  { site: /MakeWeakGlobal/, why: 'the record of a weak Persistent whose ' +
    'object is alive at exit (ObjectWrap); freed by its weak callback' },
  { site: /FacadeAccess::NewBuffer|AttachBuffer/, why: 'the facade of a ' +
    'node::Buffer alive at exit; freed with the Buffer' },
  { site: /io_watcher\.cc/, why: "an IOWatcher (the SDK's own 0.4-style " +
    'ObjectWrap) alive at exit' },
];

function classify(report) {
  if (report.kind === 'error') return 'error';
  const site = allocationSite(report);
  if (/\/differential\/0\.8\.28\//.test(site)) return 'elsewhere';
  // Old code's frames name the facade's types too (Arguments): first.
  if (oldCodeSite.test(site)) return 'old code';
  if (ourSite.test(site)) {
    const known = knownSites.find((k) => k.site.test(site));
    return known ? 'known' : 'ours';
  }
  return 'elsewhere';
}

function programOf(file) {
  const text = fs.readFileSync(file, 'utf8');
  const m = /#\d+ 0x[0-9a-f]+ in main .*?\(([^)+]+)/.exec(text) ||
    /\(([^()+]+)\+0x[0-9a-f]+\)/.exec(text);
  return m ? path.basename(m[1]) : '?';
}

function main(argv) {
  const started = Date.now();
  const noBuild = argv.includes('--no-build');
  const filesAt = argv.indexOf('--files');
  const files = filesAt >= 0 ? argv[filesAt + 1].split(',') : [];
  const tapArgs = argv.filter((a, i) => a !== '--no-build' &&
    a !== '--report' &&
    i !== filesAt && i !== filesAt + 1);
  if (argv.includes('--report')) {
    // Only read the logs of the last run again.
    return analyse({ status: 0 }, started, started, started);
  }
  const preload = libasan();
  fs.mkdirSync(tree, { recursive: true });
  const copied = syncTree();
  let modules = 0;
  if (!noBuild) modules = build();
  const built = Date.now();
  console.log(`test:asan: ${copied} files copied, ${modules} modules ` +
    `built with ASan in ${Math.round((built - started) / 1000)} s`);

  fs.rmSync(logs, { recursive: true, force: true });
  fs.mkdirSync(logs, { recursive: true });
  const env = {
    ...process.env,
    LD_PRELOAD: preload,
    // exitcode=0: a report must not change what a test sees (the compilers
    // that some tests run leak by design); the logs decide instead.
    ASAN_OPTIONS: ['detect_leaks=1', 'exitcode=0',
      `log_path=${path.join(logs, 'asan')}`, 'malloc_context_size=30',
      'detect_odr_violation=0'].join(':'),
  };
  // pretest: the shared standalone builds, configured from the working
  // tree (not the copy), without the preload, outside tap's timeouts.
  const shared = path.join(root, 'test', 'ev', 'build');
  const home = `CMAKE_HOME_DIRECTORY:INTERNAL=${path.join(root, 'test', 'ev')}\n`;
  for (const config of fs.existsSync(shared) ? fs.readdirSync(shared) : []) {
    const cache = path.join(shared, config, 'CMakeCache.txt');
    if (fs.existsSync(cache) && !fs.readFileSync(cache, 'utf8').includes(home))
      fs.rmSync(path.join(shared, config), { recursive: true, force: true });
  }
  run(process.execPath, [path.join(root, 'test', 'ev', 'build.js')],
    { cwd: root });
  const tap = run(process.execPath,
    [path.join(tree, 'node_modules', '.bin', 'tap'), '--timeout=600',
      ...tapArgs, ...files], { cwd: tree, env });
  return analyse(tap, started, built, Date.now());
}

function analyse(tap, started, built, finished) {

  const reports = [];
  const byProgram = {};
  const sites = { ours: {}, known: {}, 'old code': {} };
  for (const file of fs.readdirSync(logs).map((f) => path.join(logs, f))) {
    for (const report of parseLog(fs.readFileSync(file, 'utf8'))) {
      report.file = file;
      report.class = classify(report);
      reports.push(report);
      if (report.class === 'elsewhere') {
        const program = programOf(file);
        byProgram[program] = (byProgram[program] || 0) + 1;
      } else if (sites[report.class]) {
        const site = allocationSite(report).replace(/^\s*#\d+ 0x[0-9a-f]+ in /, '')
          .replace(/\(\/tmp[^)]*\)/, '').slice(0, 120);
        sites[report.class][site] = (sites[report.class][site] || 0) + 1;
      }
    }
  }
  const count = (c) => reports.filter((r) => r.class === c).length;
  const errors = reports.filter((r) => r.class === 'error');
  const ourLeaks = reports.filter((r) => r.class === 'ours');
  for (const report of [...errors, ...ourLeaks].slice(0, 10))
    console.log(`\n--- ${report.class} (${report.file})\n${report.text}`);
  for (const [name, bySite] of Object.entries(sites)) {
    if (Object.keys(bySite).length === 0) continue;
    console.log(`\nleaks at exit, ${name}:`);
    for (const [site, n] of Object.entries(bySite)) console.log(`  ${n} x ${site}`);
  }
  console.log(`\ntest:asan: tap exit ${tap.status}; ` +
    `${errors.length} ASan errors, ${ourLeaks.length} leaks from our code, ` +
    `${count('known')} known leaks at exit (listed), ${count('old code')} ` +
    `of the test addons' own, ${count('elsewhere')} reports elsewhere ` +
    `(${JSON.stringify(byProgram)}); ` +
    `tests ${Math.round((finished - built) / 1000)} s, total ` +
    `${Math.round((finished - started) / 1000)} s`);
  return tap.status === 0 && errors.length === 0 && ourLeaks.length === 0
    ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
