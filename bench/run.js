#!/usr/bin/env node
'use strict';
// run.js (npm run bench): callbacks from native threads into JS, the legacy
// path against every alternative, as ratios measured in one run.
//
//   node bench/run.js [--rounds 7] [--quick]
//
// Variants alternate (A B C ... A B C ...) after a warm-up round; each
// sample is a fresh process (bench/child.js) that verifies what it received
// and reports its peak RSS.  Medians, min-max and ratios against the
// reference (the hand port to NAN, examples/texample-nan) are printed as
// Markdown tables.
const { spawnSync } = require('child_process');
const path = require('path');
const { runNodeGyp } = require('../compat/waf/node_gyp');

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i < 0 ? fallback : Number(argv[i + 1]);
};
const quick = argv.includes('--quick');
const ROUNDS = option('--rounds', quick ? 2 : 7);
const N = quick ? 100000 : 1000000;
const PINGS = quick ? 1000 : 10000;
const CALLS = quick ? 1000000 : 10000000;

function sample(kind, variant, count) {
  const result = spawnSync(process.execPath,
    [path.join(__dirname, 'child.js'), kind, variant, String(count)],
    { encoding: 'utf8', timeout: 10 * 60 * 1000 });
  if (result.status !== 0) {
    throw new Error(`${kind} ${variant} failed (status ${result.status}):\n` +
      `${result.stdout}${result.stderr}`);
  }
  const lines = result.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

// Warm-up, then ROUNDS rounds of every variant in turn.
function alternate(kind, variants, count) {
  for (const variant of variants) sample(kind, variant, count);
  const samples = Object.fromEntries(variants.map((v) => [v, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const variant of variants) {
      samples[variant].push(sample(kind, variant, count));
    }
    process.stderr.write(`  ${kind}: round ${round + 1}/${ROUNDS}\r`);
  }
  process.stderr.write('\n');
  return samples;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const fmt = (x, digits = 2) => Number(x).toFixed(digits);

function statRow(name, values, reference, scale, digits) {
  const m = median(values);
  return `| ${name} | ${fmt(m / scale, digits)} | ` +
    `${fmt(Math.min(...values) / scale, digits)}–` +
    `${fmt(Math.max(...values) / scale, digits)} | ` +
    `${fmt(m / median(reference))}× |`;
}

function main() {
  console.error('building bench addons...');
  const status = runNodeGyp(['rebuild', '--jobs', 'max'],
    { cwd: __dirname, stdio: ['ignore', 'ignore', 'inherit'] });
  if (status !== 0) throw new Error('building bench/binding.gyp failed');

  const out = [];
  out.push(`Node ${process.version}, ${ROUNDS} rounds after a warm-up, ` +
    `medians; ratio = median / median of ref.`);

  const variants = ['ref', 'legacy', 'tsfn', 'worker', 'worker-batch'];
  const tp = alternate('throughput', variants, N);
  out.push('', `### Throughput: ${N} integers from one thread to a JS ` +
    'callback', '', '| variant | M msg/s | min–max | vs ref |',
  '|---|---|---|---|');
  const rate = (v) => tp[v].map((s) => s.perSecond);
  for (const v of variants) out.push(statRow(v, rate(v), rate('ref'), 1e6, 2));
  out.push('', `legacy / tsfn: ${fmt(median(rate('legacy')) /
    median(rate('tsfn')))}×`);

  out.push('', '### Peak RSS of the throughput samples', '',
    '| variant | MB | min–max | vs ref |', '|---|---|---|---|');
  const peak = (v) => tp[v].map((s) => s.peakRssMB);
  for (const v of variants) out.push(statRow(v, peak(v), peak('ref'), 1, 1));

  const lat = alternate('latency', ['ref', 'legacy'], PINGS);
  const floor = Array.from({ length: ROUNDS }, () => {
    const run = spawnSync(path.join(__dirname, 'build', 'Release',
      'wake_floor'), [String(PINGS)], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`wake_floor failed: ${run.stderr}`);
    return JSON.parse(run.stdout);
  });
  out.push('', `### Wake-up latency: ${PINGS} ping-pongs, one-way µs`, '',
    '| variant | median µs | min–max | vs ref | p99 µs | min–max | vs ref |',
    '|---|---|---|---|---|---|---|');
  for (const v of ['ref', 'legacy']) {
    const med = lat[v].map((s) => s.medianUs);
    const p99 = lat[v].map((s) => s.p99Us);
    const refMed = lat.ref.map((s) => s.medianUs);
    const refP99 = lat.ref.map((s) => s.p99Us);
    out.push(statRow(v, med, refMed, 1, 2) +
      statRow('', p99, refP99, 1, 2).slice(4));
  }
  out.push('', 'Floor (the operating system alone: a thread writes an ' +
    'eventfd, a thread blocked in epoll_wait wakes): median ' +
    `${fmt(median(floor.map((f) => f.medianUs)))} µs, p99 ` +
    `${fmt(median(floor.map((f) => f.p99Us)))} µs.`);

  const ovh = alternate('overhead', ['nan', 'legacy'], CALLS);
  out.push('', `### Call overhead: ${CALLS} calls of a trivial function`, '',
    '| variant | ns/call | min–max | vs nan |', '|---|---|---|---|');
  const ns = (v) => ovh[v].map((s) => s.nsPerCall);
  for (const v of ['nan', 'legacy']) out.push(statRow(v, ns(v), ns('nan'), 1, 1));

  const grow = alternate('rss', ['ref', 'legacy'], 10 * N);
  out.push('', `### RSS growth over ${10 * N} callbacks after a warm-up of ` +
    `${N} (ping-pong, 1000 a round)`, '', '| variant | MB | min–max |',
  '|---|---|---|');
  const mb = (v) => grow[v].map((s) => s.growthMB);
  for (const v of ['ref', 'legacy']) {
    const m = median(mb(v));
    out.push(`| ${v} | ${fmt(m)} | ${fmt(Math.min(...mb(v)))}–` +
      `${fmt(Math.max(...mb(v)))} |`);
  }
  console.log(out.join('\n'));
}

main();
