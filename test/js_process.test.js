'use strict';
// The legacy preload's 'beforeExit': a 2011 runner that emits it from its
// 'exit' hook runs its listeners once, as on node 0.x, where Node had no
// such event; modern code still gets Node's own emissions.
const t = require('tap');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { runNode, lastJson, root } = require('./helpers/child');
const { oracle } = require('./helpers/differential');

const RUNNER = 'test/fixtures/js_process/runner_2011.js';
// NODE_OPTIONS of our own: the preload suite (npm run test:legacy-preload)
// puts the preload there, and the runs without it must not have it.
const alone = { NODE_OPTIONS: '--stack-trace-limit=10' };
const preload = { args: ['-r', 'node-waf-compat/legacy'], env: alone };
const bare = { env: alone };

function scratch(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'js-process-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

t.test("a runner's own 'beforeExit' runs each listener once", async (t) => {
  const run = runNode(RUNNER, [scratch(t)], preload);
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), { calls: 1, failures: 0, left: 0 },
    'the last assertion found its file and removed it');
  t.equal(run.stderr, '', 'and nothing is printed');
});

t.test('without the preload Node runs the listener twice', async (t) => {
  const run = runNode(RUNNER, [scratch(t)], bare);
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), { calls: 2, failures: 1, left: 0 },
    'the second call finds the file gone');
});

t.test('node 0.8.28 runs it once', async (t) => {
  const node = oracle();
  if (node.skip) return t.skip(node.skip);
  const run = spawnSync(node.bin, [path.join(root, RUNNER), scratch(t)],
    { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH } });
  t.equal(run.status, 0, run.stderr);
  t.same(lastJson(run.stdout), { calls: 1, failures: 0, left: 0 });
});

t.test("modern code sees Node's own 'beforeExit' emissions unchanged",
  async (t) => {
    const file = 'test/fixtures/js_process/modern.js';
    const withPreload = runNode(file, [], preload);
    const plain = runNode(file, [], bare);
    t.equal(withPreload.code, 0, withPreload.stderr);
    t.same(lastJson(plain.stdout), { seen: [7, 0, 0], once: 1 });
    t.same(lastJson(withPreload.stdout), lastJson(plain.stdout));
  });
