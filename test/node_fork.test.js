'use strict';
// fork() from an old addon (daemonising addons of the era): the child of a
// running modern Node has V8's heap (which V8 marks not to be copied on
// fork) and goes on running JavaScript after ev_default_fork().  The child
// has only the thread that forked, and V8 work it posts to the parent's
// worker queue may hang it (see the coverage note): the parent waits 15 s
// at most and says so (status -1).
const t = require('tap');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runNode, lastJson } = require('./helpers/child');

t.test('the forked child runs timers, promises and fs, then exits',
  async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'node-fork-'));
    t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
    const run = runNode('test/fixtures/node_fork/child_runs.js',
      [path.join(dir, 'child.json')], { env: { NODE_OPTIONS: '' } });
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout), {
      status: 0,  // -1: it hung, and the parent killed it after 15 s
      child: { parent: true, sum: 499500, later: 'after an immediate',
        text: 'object 999' },
    });
  });

t.test('the child\'s loop may also end by itself: its exit code stays',
  async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'node-fork-'));
    t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
    const run = runNode('test/fixtures/node_fork/child_runs.js',
      [path.join(dir, 'child.json'), 'natural'],
      { env: { NODE_OPTIONS: '' } });
    t.equal(run.code, 0, run.stderr);
    t.match(lastJson(run.stdout), { status: 3,
      child: { later: 'after an immediate' } });
  });
