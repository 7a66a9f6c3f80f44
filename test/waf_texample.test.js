'use strict';
// The repository's own wscript builds texample with node-waf, and the
// binding.gyp node-waf --gyp writes from it builds the same module: both
// deliver the producer thread's numbers to the callback.  (The hand-written
// binding.gyp of npm install is tested by texample.test.js.)
const t = require('tap');
const fs = require('fs');
const path = require('path');
const h = require('./waf/helpers');

h.allowBuilds(t);

function copyTexample(dir) {
  fs.copyFileSync(path.join(h.root, 'wscript'), path.join(dir, 'wscript'));
  fs.mkdirSync(path.join(dir, 'src'));
  fs.copyFileSync(path.join(h.root, 'src', 'texample.cc'),
    path.join(dir, 'src', 'texample.cc'));
}

const builds = h.buildBoth(t, 'texample', { prepare: copyTexample });
// Like the repository, the node-waf copy also has a binding.gyp of its own.
fs.copyFileSync(path.join(h.root, 'binding.gyp'),
  path.join(builds.wafDir, 'binding.gyp'));

// The article's session, run as a script: callback, start, three numbers.
const SESSION = `const texample = require('./build/default/texample');
const seen = [];
texample.callback = function (i) {
  seen.push(i);
  if (seen.length === 3) {
    console.log(JSON.stringify({ seen }));
    process.exit(0);
  }
};
texample.start(5, 3);
setTimeout(() => {}, 60000);`;

t.test('node-waf configure build builds texample from the wscript',
  async (t) => {
    const run = await builds.waf;
    t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
    t.match(run.stderr, /Checking for library pthread\s+: yes/);
    t.ok(fs.existsSync(path.join(builds.wafDir, 'build', 'default',
      'texample.node')), 'build/default/texample.node');
    t.notOk(fs.existsSync(path.join(builds.wafDir, 'build', 'Release')),
      'build/Release is left to the binding.gyp of the folder');
    const session = h.runScript(builds.wafDir, SESSION);
    t.same(session.value, { seen: [0, 1, 2] }, 'Bang: 0, 1, 2',
      { stderr: session.stderr });
  });

t.test('the binding.gyp from node-waf --gyp builds the same texample',
  async (t) => {
    const { generate, build } = await builds.gyp;
    t.equal(generate.code, 0, 'node-waf --gyp', { stderr: generate.stderr });
    t.equal(build && build.code, 0, 'node-gyp rebuild',
      { stderr: build && build.stderr });
    const session = h.runScript(builds.gypDir, SESSION);
    t.same(session.value, { seen: [0, 1, 2] }, 'Bang: 0, 1, 2',
      { stderr: session.stderr });
  });
