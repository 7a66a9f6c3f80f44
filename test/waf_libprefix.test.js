'use strict';
// node-waf on an addon whose target starts with "lib" (test/waf/libprefix):
// waf made libprefix.node; gyp would drop the prefix unless told not to.
const t = require('tap');
const fs = require('fs');
const path = require('path');
const h = require('./waf/helpers');

h.allowBuilds(t);
const builds = h.buildBoth(t, 'libprefix');
const probe = (file) =>
  `console.log(JSON.stringify(require('${file}').answer()))`;

t.test('target libprefix builds build/default/libprefix.node', async (t) => {
  const run = await builds.waf;
  t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
  t.same(fs.readdirSync(path.join(builds.wafDir, 'build', 'default')),
    ['libprefix.node']);
  t.same(h.runScript(builds.wafDir, probe('./build/default/libprefix'))
    .value, 42);
});

t.test('the binding.gyp from --gyp keeps the name', async (t) => {
  const { generate, build } = await builds.gyp;
  t.equal(generate.code, 0, 'node-waf --gyp', { stderr: generate.stderr });
  t.equal(build && build.code, 0, 'node-gyp rebuild',
    { stderr: build && build.stderr });
  t.match(fs.readFileSync(path.join(builds.gypDir, 'binding.gyp'), 'utf8'),
    /'product_name': 'libprefix'/);
  t.same(h.runScript(builds.gypDir, probe('./build/Release/libprefix'))
    .value, 42);
  t.same(h.runScript(builds.gypDir, probe('./build/default/libprefix'))
    .value, 42);
});
