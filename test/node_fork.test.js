'use strict';
// fork() from an old addon (daemonising addons of the era): the child of a
// running modern Node has V8's heap (which V8 marks not to be copied on
// fork) and goes on running JavaScript after ev_default_fork().
const t = require('tap');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runNode, lastJson } = require('./helpers/child');

t.test('the forked child runs timers, async fs, promises and a server',
  async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'node-fork-'));
    t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
    const run = runNode('test/fixtures/node_fork/child_runs.js',
      [path.join(dir, 'child.json')]);
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout), {
      parentStill: true,
      status: 0,
      child: { parent: true, sum: 499500, readOwnSource: true,
        got: 'from the child' },
    });
  });

t.test('the child\'s loop may also end by itself: its exit code stays',
  async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'node-fork-'));
    t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
    const run = runNode('test/fixtures/node_fork/child_runs.js',
      [path.join(dir, 'child.json'), 'natural']);
    t.equal(run.code, 0, run.stderr);
    t.match(lastJson(run.stdout), { status: 3,
      child: { got: 'from the child' } });
  });
