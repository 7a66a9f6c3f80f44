'use strict';
// texample: the classic threaded-callback addon, written in the node 0.4 API
// (src/texample.cc) and built through the SDK, behaves as its era promised.
const t = require('tap');
const { runNode, lastJson, startNode } = require('./helpers/child');

const fixture = (name) => `test/fixtures/texample/${name}.js`;

t.test('a full-speed burst arrives on the main thread in order, none lost',
  async (t) => {
    const count = 1000000;
    const run = runNode(fixture('burst'), [String(count)], { timeout: 60000 });
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout), { received: count, outOfOrder: 0 });
  });

t.test('nextTick and promise jobs from the callback run before the next ' +
  'loop phase', async (t) => {
  const run = runNode(fixture('ticks'));
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout).order, ['nextTick', 'promise', 'setImmediate']);
});

t.test('a throwing callback reaches uncaughtException and later callbacks ' +
  'still arrive', async (t) => {
  const run = runNode(fixture('throws'), ['handled']);
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), {
    seen: [0, 1, 2, 3],
    errors: ['thrown by callback at 1'],
  });
});

t.test('without a handler a throwing callback ends the process as Node does',
  async (t) => {
    const run = runNode(fixture('throws'), ['unhandled']);
    t.equal(run.code, 1);
    t.match(run.stderr, /Error: thrown by callback at 1/);
    t.match(run.stderr, /throws\.js/, 'the JS stack is printed');
  });

t.test('start() alone does not keep the process alive (ev_unref)',
  async (t) => {
    const run = runNode(fixture('unref'), ['alone'], { timeout: 10000 });
    t.notOk(run.timedOut, 'the process exited by itself');
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout), { started: true });
  });

t.test('while something else keeps the process alive, callbacks flow',
  async (t) => {
    const run = runNode(fixture('unref'), ['with-timer']);
    t.equal(run.code, 0, run.stderr);
    t.ok(lastJson(run.stdout).calls > 0, 'callbacks arrived');
  });

t.test('without a callback function the events wait, then arrive in order',
  async (t) => {
    const run = runNode(fixture('no_callback'));
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout), { seen: [0, 1, 2, 3, 4, 5] });
  });

t.test('start() twice keeps one producer and takes the new interval',
  async (t) => {
    const run = runNode(fixture('twice'));
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout), { first: true, second: true, seen: [0, 1, 2] });
    t.equal(run.stderr, '', 'no warning: texample does not misuse libev');
  });

t.test('start() rejects a bad interval with a TypeError', async (t) => {
  const texample = require('../build/Release/texample');
  t.throws(() => texample.start('soon'), {
    name: 'TypeError',
    message: /intervalMs must be a number >= 0/,
  });
  t.throws(() => texample.start(10, -1), {
    name: 'TypeError',
    message: /count must be a number >= 0/,
  });
});

t.test('the module loads from build/Release and from build/default',
  async (t) => {
    const run = runNode(fixture('both_paths'));
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout), { default: 'function', release: 'function' });
  });

t.test('the REPL demo shows Bang: 0 when driven as in the article',
  async (t) => {
    const child = startNode('demo/repl.js');
    t.teardown(() => child.kill());
    let screen = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => { screen += chunk; });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => { screen += chunk; });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const waitFor = (pattern, ms) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(
        `no ${pattern} within ${ms} ms; screen:\n${screen}`)), ms);
      const poll = setInterval(() => {
        if (pattern.test(screen)) {
          clearTimeout(timer);
          clearInterval(poll);
          resolve();
        }
      }, 20);
    });
    await waitFor(/> $/m, 10000);
    child.stdin.write("texample = require('./build/default/texample')\n");
    child.stdin.write('texample.callback = function (i) {\n');
    child.stdin.write("console.log('Bang: ' + i);\n");
    child.stdin.write('}\n');
    child.stdin.write('texample.start()\n');
    await waitFor(/^(> )*true$/m, 10000);
    await waitFor(/Bang: 0/, 10000);
    child.stdin.write('.exit\n');
    t.equal(await exited, 0, '.exit leaves cleanly');
    t.match(screen, /start: \[Function/, 'require printed the module');
  });
