'use strict';
// node-waf on a wscript that calls conf.env.set_variant("Release")
// (test/waf/variant), as node 0.6-era wscripts did: waf 1.5 built into
// <blddir>/<variant>/.
const t = require('tap');
const fs = require('fs');
const path = require('path');
const h = require('./waf/helpers');

h.allowBuilds(t);
const builds = h.buildBoth(t, 'variant');
const answer = (file) =>
  `console.log(JSON.stringify(require('${file}').answer()))`;

t.test('the module lands in build/Release, not build/default',
  async (t) => {
  const run = await builds.waf;
  const dir = builds.wafDir;
  t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
  t.equal(run.stdout, 'variant: Release\nbuild variant: Release\n');
  t.match(fs.readFileSync(path.join(dir, 'build', 'c4che',
    'default.cache.py'), 'utf8'), /^_VARIANT_ = 'Release'$/m,
  'the variant is stored with the env, as waf stored it');
  t.notOk(fs.existsSync(path.join(dir, 'build', 'default')),
    'nothing in build/default');
  t.match(run.stderr, /node-waf: build\/Release\/variant\.node/);
  t.same(h.runScript(dir, answer('./build/Release/variant')).value, 42);
});

t.test('the binding.gyp from --gyp leaves the module in build/Release',
  async (t) => {
    const { generate, build } = await builds.gyp;
    t.equal(generate.code, 0, 'node-waf --gyp', { stderr: generate.stderr });
    t.equal(build && build.code, 0, 'node-gyp rebuild',
      { stderr: build && build.stderr });
    const gyp = fs.readFileSync(path.join(builds.gypDir, 'binding.gyp'),
      'utf8');
    t.notMatch(gyp, /_node_waf_layout/, 'no copy: node-gyp puts it there');
    t.same(h.runScript(builds.gypDir, answer('./build/Release/variant'))
      .value, 42);
  });
