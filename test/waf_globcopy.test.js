'use strict';
// An install step that copies the module with a glob over waf's variant
// folders (test/waf/globcopy's Makefile: cp build/*/globcopy.node lib/)
// finds exactly one module: node-waf then leaves out the build/Release copy
// it otherwise adds for node 0.6 and 0.8's loaders.
const t = require('tap');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const h = require('./waf/helpers');

h.allowBuilds(t);

t.test('cp build/*/NAME.node lib/ in the package\'s Makefile works',
  async (t) => {
    const dir = h.scratch(t, 'globcopy');
    const bin = path.join(__dirname, '..', 'compat', 'bin');
    const run = spawnSync('make', [], { cwd: dir, encoding: 'utf8',
      env: { ...process.env, PATH: [bin, path.dirname(process.execPath),
        process.env.PATH].join(path.delimiter) } });
    t.equal(run.status, 0, run.stderr);
    t.ok(fs.existsSync(path.join(dir, 'build', 'default', 'globcopy.node')));
    t.notOk(fs.existsSync(path.join(dir, 'build', 'Release', 'globcopy.node')),
      'no second copy for the glob to find');
    t.same(h.runScript(dir, "console.log(JSON.stringify(require('./lib/" +
      "globcopy').answer()))").value, 42);
  });
