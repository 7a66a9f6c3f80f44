#!/usr/bin/env node
'use strict';
// first_build.js (npm run bench:build): what the first build of a small
// addon in a fresh folder costs, node-waf against node-gyp, as ratios
// measured in one run.
//
//   node bench/first_build.js [--rounds 7] [--no-uncached]
//
// legacy: `node-waf configure build` of bench/first_build/legacy (a 60-line
//         addon in the node 0.4 API and its wscript), with the SDK's runtime
//         already in node-waf's cache;
// nan:    `node-gyp rebuild` (offline: --nodedir of this node) of
//         bench/first_build/nan, the same addon in NAN.
// Every sample copies the addon into a fresh folder and counts the CPU time
// (user + system) of the command and everything it ran, and its wall time.
// Before the rounds: the one-time build of the runtime into an empty cache
// (a cache of the run's own, $NODE_WAF_COMPAT_CACHE), and, for comparison,
// a build with the cache off (the runtime compiled in the addon's build, as
// before the cache).  Every module built is loaded and called.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { nodeDir } = require('../compat/waf/node_gyp');

const argv = process.argv.slice(2);
const roundsAt = argv.indexOf('--rounds');
const ROUNDS = roundsAt < 0 ? 7 : Number(argv[roundsAt + 1]);
const UNCACHED = !argv.includes('--no-uncached');

const root = path.join(__dirname, '..');
const sources = path.join(__dirname, 'first_build');
const nodeWaf = path.join(root, 'compat', 'bin', 'node-waf');
const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
const nanDir = path.dirname(require.resolve('nan/package.json'));
const python = process.env.PYTHON || 'python3';

const top = fs.mkdtempSync(path.join(os.tmpdir(), 'node-waf-first-build-'));
const env = {
  ...process.env,
  PATH: path.dirname(process.execPath) + path.delimiter + process.env.PATH,
  NODE_WAF_COMPAT_CACHE: path.join(top, 'cache'),
};
delete env.CFLAGS;
delete env.CXXFLAGS;
delete env.CPPFLAGS;
delete env.LDFLAGS;

// Runs a command under Python, which reports the CPU time of its waited-for
// descendants (getrusage(RUSAGE_CHILDREN)): the command, node-gyp, make and
// every compiler.
const TIMER = `
import json, resource, subprocess, sys, time
started = time.monotonic()
result = subprocess.run(sys.argv[2:], cwd=sys.argv[1], stdout=subprocess.PIPE,
                        stderr=subprocess.STDOUT)
wall = time.monotonic() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stderr.buffer.write(result.stdout)
print(json.dumps({'status': result.returncode, 'wall': wall,
                  'cpu': usage.ru_utime + usage.ru_stime}))
`;

let folders = 0;
function fresh(kind) {
  const dir = path.join(top, `${kind}-${++folders}`);
  fs.cpSync(path.join(sources, kind), dir, { recursive: true });
  if (kind === 'nan') {
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.symlinkSync(nanDir, path.join(dir, 'node_modules', 'nan'));
  }
  return dir;
}

function timed(dir, command, extraEnv = {}) {
  const result = spawnSync(python, ['-c', TIMER, dir, ...command],
    { encoding: 'utf8', env: { ...env, ...extraEnv },
      maxBuffer: 64 * 1024 * 1024 });
  let report = null;
  try {
    report = JSON.parse(result.stdout.trim().split('\n').pop());
  } catch (error) {
    report = null;
  }
  if (!report || report.status !== 0) {
    throw new Error(`${command.join(' ')} in ${dir} failed:\n` +
      `${result.stderr}${result.stdout}`);
  }
  report.output = result.stderr;
  return report;
}

function check(file) {
  const small = require(file);
  const ok = small.add(2, 3) === 5 && small.sum([1, 2, 3]) === 6 &&
    small.greet('waf') === 'hello, waf' &&
    small.apply((x) => x * 2, 21) === 42 && small.version === 1;
  if (!ok) throw new Error(`${file} does not work`);
}

function build(kind, extraEnv) {
  const dir = fresh(kind);
  const report = kind === 'legacy'
    ? timed(dir, [process.execPath, nodeWaf, 'configure', 'build'], extraEnv)
    : timed(dir, [process.execPath, nodeGyp, 'rebuild', '--loglevel=warn',
      ...(nodeDir() ? [`--nodedir=${nodeDir()}`] : [])], extraEnv);
  check(path.join(dir, 'build', kind === 'legacy' ? 'default' : 'Release',
    'small.node'));
  fs.rmSync(dir, { recursive: true, force: true });
  return report;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const fmt = (x, digits = 2) => Number(x).toFixed(digits);
const range = (v) => `${fmt(Math.min(...v))}–${fmt(Math.max(...v))}`;

function main() {
  console.log(`Node ${process.version}, ${os.cpus().length} CPUs, ` +
    `${ROUNDS} rounds after a warm-up, medians; ratio = median / median ` +
    'of nan.\n');

  const once = build('legacy');
  const runtimeLine = once.output.match(
    /the SDK's runtime took ([\d.]+) s to build/);
  if (!runtimeLine) throw new Error('the first build did not build the ' +
    `runtime into the empty cache:\n${once.output}`);
  console.log('### One-time build of the runtime (empty cache)\n');
  console.log(`First node-waf configure build with an empty cache: ` +
    `${fmt(once.cpu)} s CPU, ${fmt(once.wall)} s wall, of which the ` +
    `runtime's build ${runtimeLine[1]} s wall.`);
  if (UNCACHED) {
    const uncached = build('legacy', { NODE_WAF_COMPAT_CACHE: 'off' });
    console.log(`With the cache off (the runtime compiled in the addon's ` +
      `build): ${fmt(uncached.cpu)} s CPU, ${fmt(uncached.wall)} s wall.`);
  }
  console.log('');

  build('legacy');
  build('nan');
  const samples = { legacy: [], nan: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of ['legacy', 'nan']) {
      const report = build(kind);
      if (kind === 'legacy' && /building the SDK's runtime/.test(report.output))
        throw new Error('a build with the runtime cached built it again');
      samples[kind].push(report);
    }
    process.stderr.write(`  round ${round + 1}/${ROUNDS}\r`);
  }
  process.stderr.write('\n');

  const cpu = (kind) => samples[kind].map((s) => s.cpu);
  const wall = (kind) => samples[kind].map((s) => s.wall);
  console.log('### First build of a small addon in a fresh folder ' +
    '(runtime cached)\n');
  console.log('| variant | CPU s | min–max | vs nan | wall s | min–max | ' +
    'vs nan |');
  console.log('|---|---|---|---|---|---|---|');
  for (const kind of ['nan', 'legacy']) {
    console.log(`| ${kind} | ${fmt(median(cpu(kind)))} | ${range(cpu(kind))} ` +
      `| ${fmt(median(cpu(kind)) / median(cpu('nan')))}× ` +
      `| ${fmt(median(wall(kind)))} | ${range(wall(kind))} ` +
      `| ${fmt(median(wall(kind)) / median(wall('nan')))}× |`);
  }
  const perRound = samples.legacy.map((s, i) => s.cpu / samples.nan[i].cpu);
  console.log(`\nCPU ratio legacy/nan per round: median ` +
    `${fmt(median(perRound))}×, ${range(perRound)}×.`);
  fs.rmSync(top, { recursive: true, force: true });
}

main();
