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
//   - a leak fails it when a frame of its allocation stack is in our code
//     (a .node or a source file of the copy: the SDK, texample, the test
//     addons).  Leaks of node, V8 or the compilers that tests run are
//     counted and listed by program, not failed: a suppression file cannot
//     tell them apart, since every stack through an addon also holds
//     node's frames.
// Options: --no-build (reuse the last build), --files a.test.js,b.test.js
// (a subset), any other argument goes to tap.
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
    if (old !== undefined && old.size === stat.size &&
        old.mtimeMs === stat.mtimeMs) continue;
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

function ours(report) {
  return report.text.split('\n').some((line) => /^\s*#\d+ /.test(line) &&
    line.includes(tree) && !line.includes(`${path.sep}node_modules${path.sep}`));
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
    i !== filesAt && i !== filesAt + 1);
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
  const finished = Date.now();

  const reports = [];
  const byProgram = {};
  for (const file of fs.readdirSync(logs).map((f) => path.join(logs, f))) {
    const found = parseLog(fs.readFileSync(file, 'utf8'));
    for (const report of found) {
      report.file = file;
      reports.push(report);
      if (report.kind === 'leak' && !ours(report)) {
        const program = programOf(file);
        byProgram[program] = (byProgram[program] || 0) + 1;
      }
    }
  }
  const errors = reports.filter((r) => r.kind === 'error');
  const ourLeaks = reports.filter((r) => r.kind === 'leak' && ours(r));
  const otherLeaks = reports.filter((r) => r.kind === 'leak' && !ours(r));
  for (const report of [...errors, ...ourLeaks].slice(0, 10))
    console.log(`\n--- ${report.kind} (${report.file})\n${report.text}`);
  console.log(`\ntest:asan: tap exit ${tap.status}; ` +
    `${errors.length} ASan errors, ${ourLeaks.length} leaks in our code, ` +
    `${otherLeaks.length} leak reports elsewhere ` +
    `(${JSON.stringify(byProgram)}); ` +
    `tests ${Math.round((finished - built) / 1000)} s, total ` +
    `${Math.round((finished - started) / 1000)} s`);
  return tap.status === 0 && errors.length === 0 && ourLeaks.length === 0
    ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
