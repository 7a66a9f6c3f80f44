'use strict';
// child.js: one benchmark sample in a fresh process, printed as JSON on the
// last line.  run.js starts one per sample so that each variant's peak RSS
// is its own.
//
//   node bench/child.js throughput <legacy|ref|tsfn|worker|worker-batch> N
//   node bench/child.js latency <legacy|ref> ROUNDS
//   node bench/child.js overhead <legacy|nan> CALLS
//   node bench/child.js rss <legacy|ref> N
const path = require('path');

const [kind, variant, countText] = process.argv.slice(2);
const N = Number(countText);
const root = path.join(__dirname, '..');
const benchBuild = path.join(__dirname, 'build', 'Release');

function fail(message) {
  console.error(`bench: ${kind} ${variant}: ${message}`);
  process.exit(1);
}

function finish(result) {
  // resourceUsage().maxRSS is in kilobytes.
  result.peakRssMB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify(result));
}

// Receives 0..N-1 one at a time, checks order, count and sum, and reports
// the rate from `started` to the last one.
function counter(started, done) {
  let next = 0;
  let sum = 0;
  return (i) => {
    if (i !== next) fail(`received ${i} where ${next} was due`);
    next++;
    sum += i;
    if (next === N) {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (sum !== N * (N - 1) / 2) fail(`sum ${sum} is wrong`);
      done({ count: next, seconds, perSecond: N / seconds });
    }
  };
}

function throughput() {
  const keepAlive = setInterval(() => {}, 1 << 30);
  const started = process.hrtime.bigint();
  const done = (result) => {
    clearInterval(keepAlive);
    finish(result);
  };
  if (variant === 'legacy' || variant === 'ref') {
    const addon = require(variant === 'legacy'
      ? path.join(root, 'build', 'Release', 'texample')
      : path.join(benchBuild, 'bench_ref'));
    addon.callback = counter(started, done);
    addon.start(0, N);
  } else if (variant === 'tsfn') {
    require(path.join(benchBuild, 'tsfn')).start(N, counter(started, done));
  } else if (variant === 'worker' || variant === 'worker-batch') {
    const { Worker } = require('worker_threads');
    const batch = variant === 'worker-batch' ? 1024 : 0;
    const worker = new Worker(`
      const { parentPort, workerData } = require('worker_threads');
      const { count, batch } = workerData;
      if (batch === 0) {
        for (let i = 0; i < count; i++) parentPort.postMessage(i);
      } else {
        for (let i = 0; i < count; i += batch) {
          const n = Math.min(batch, count - i);
          const values = new Array(n);
          for (let j = 0; j < n; j++) values[j] = i + j;
          parentPort.postMessage(values);
        }
      }`, { eval: true, workerData: { count: N, batch } });
    const receive = counter(started, (result) => {
      worker.terminate();
      done(result);
    });
    worker.on('message', batch === 0 ? receive
      : (values) => { for (const i of values) receive(i); });
  } else {
    fail('unknown variant');
  }
}

function latency() {
  const addon = require(path.join(benchBuild, `${variant}_pingpong`));
  const oneWayUs = new Float64Array(N);
  let k = 0;
  addon.callback = (sentNs) => {
    oneWayUs[k++] = (Number(process.hrtime.bigint()) - sentNs) / 1000;
    if (k === N) {
      setImmediate(() => {
        addon.stop();
        oneWayUs.sort();
        finish({
          rounds: N,
          medianUs: oneWayUs[Math.floor(N / 2)],
          p99Us: oneWayUs[Math.floor(N * 0.99)],
        });
      });
    }
    addon.ack();
  };
  addon.start(N);
}

function overhead() {
  const addon = require(path.join(benchBuild, `${variant}_overhead`));
  const next = addon.next;
  let x = 0;
  for (let i = 0; i < 1000000; i++) x = next(x) & 0xffff;  // warm-up
  if (next(41) !== 42) fail('next(41) is not 42');
  const started = process.hrtime.bigint();
  for (let i = 0; i < N; i++) x = next(x) & 0xffff;
  const ns = Number(process.hrtime.bigint() - started);
  finish({ calls: N, nsPerCall: ns / N, check: x });
}

// RSS after a warm-up of N/10 callbacks and after all N, through the
// ping-pong addons with a window of 1000 messages a round: the producer
// never runs far ahead, so growth would be the callback path's own.
function rss() {
  const WINDOW = 1000;
  const addon = require(path.join(benchBuild, `${variant}_pingpong`));
  const warm = Math.floor(N / 10);
  let received = 0;
  let afterWarmUp = 0;
  addon.callback = () => {
    received++;
    if (received === warm) afterWarmUp = process.memoryUsage.rss();
    if (received === N) {
      const atEnd = process.memoryUsage.rss();
      setImmediate(() => {
        addon.stop();
        finish({ callbacks: N, growthMB: (atEnd - afterWarmUp) / 1048576 });
      });
    }
    if (received % WINDOW === 0) addon.ack();
  };
  addon.start(N / WINDOW, WINDOW);
}

({ throughput, latency, overhead, rss })[kind]();
