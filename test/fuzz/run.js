'use strict';
// run.js: builds the ev fuzz target (test/fuzz/build/ev_fuzz: ev_ops.c
// against real libev and against the SDK's ev layer, compared by
// ev_fuzz.cc, under libFuzzer and ASan) and runs it.
//
//   node test/fuzz/run.js [--seconds N]   fuzz N seconds (default 60),
//                                         starting from corpus/ and the
//                                         inputs kept by earlier runs
//   node test/fuzz/run.js --replay        run every seed once
//   node test/fuzz/run.js --build         only build
//
// New inputs go to test/fuzz/build/corpus (not committed), a failing input
// to test/fuzz/build/crash-*; the exit code is libFuzzer's (non-zero on a
// divergence, a crash, a leak or a hang of 20 s).  Needs clang with
// libFuzzer (Debian: clang), libuv1-dev and libev-dev.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const here = __dirname;
const root = path.join(here, '..', '..');
const out = path.join(here, 'build');
const flags = ['-g', '-O1', '-fno-omit-frame-pointer',
  '-fsanitize=fuzzer-no-link,address', '-Wall', '-Wextra', '-Werror'];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status;
}

function newer(target, sources) {
  if (!fs.existsSync(target)) return true;
  const built = fs.statSync(target).mtimeMs;
  return sources.some((source) => fs.statSync(source).mtimeMs > built);
}

// Compiles one source if it (or a header it may include) changed.
function compile(compiler, source, object, extra, headers) {
  if (!newer(object, [source, ...headers])) return object;
  const status = run(compiler, [...flags, ...extra, '-c', source, '-o',
    object]);
  if (status !== 0) throw new Error(`compiling ${source} failed`);
  return object;
}

function build() {
  fs.mkdirSync(out, { recursive: true });
  const src = path.join(root, 'compat', 'src');
  const include = path.join(root, 'compat', 'include');
  const headers = [
    ...fs.readdirSync(src).filter((f) => f.endsWith('.h'))
      .map((f) => path.join(src, f)),
    path.join(include, 'ev.h'), path.join(include, 'eio.h'),
  ];
  const layer = fs.readdirSync(src)
    .filter((f) => /^(ev_|eio_).*\.cc$/.test(f) || f === 'misuse.cc')
    .map((f) => compile('clang++', path.join(src, f),
      path.join(out, f.replace(/\.cc$/, '.o')),
      ['-std=c++17', `-I${include}`, `-I${src}`], headers));
  const ops = path.join(here, 'ev_ops.c');
  const libev = compile('clang', ops, path.join(out, 'ops_libev.o'),
    ['-DOPS_ENTRY=ops_libev'], []);
  const compat = compile('clang', ops, path.join(out, 'ops_compat.o'),
    ['-DOPS_ENTRY=ops_compat', `-I${include}`], headers);
  const driver = path.join(here, 'ev_fuzz.cc');
  const binary = path.join(out, 'ev_fuzz');
  const objects = [...layer, libev, compat];
  if (newer(binary, [driver, ...objects])) {
    const status = run('clang++', ['-g', '-O1', '-std=c++17',
      '-fsanitize=fuzzer,address', '-Wall', '-Wextra', '-Werror', driver,
      ...objects, '-luv', '-lev', '-lpthread', '-lm', '-o', binary]);
    if (status !== 0) throw new Error('linking ev_fuzz failed');
  }
  return binary;
}

function main(argv) {
  const binary = build();
  if (argv.includes('--build')) return 0;
  const seeds = path.join(here, 'corpus');
  const common = ['-timeout=20', '-max_len=512',
    `-artifact_prefix=${out}${path.sep}`];
  if (argv.includes('--replay')) {
    return run(binary, [...common, '-runs=0', seeds]);
  }
  const at = argv.indexOf('--seconds');
  const seconds = at >= 0 ? Number(argv[at + 1]) : 60;
  if (!(seconds > 0)) throw new Error('--seconds wants a positive number');
  const kept = path.join(out, 'corpus');
  fs.mkdirSync(kept, { recursive: true });
  const started = Date.now();
  const status = run(binary, [...common, `-max_total_time=${seconds}`,
    '-print_final_stats=1', kept, seeds]);
  console.log(`ev_fuzz: ${Math.round((Date.now() - started) / 1000)} s, ` +
    `exit ${status}, ${fs.readdirSync(kept).length} inputs in ${kept}`);
  return status;
}

process.exitCode = main(process.argv.slice(2));
