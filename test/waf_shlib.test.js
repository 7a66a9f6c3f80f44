'use strict';
// node-waf on helper libraries declared as plain shared libraries
// (test/waf/shlib), as hashlib 1.0.0 did: each becomes a static library of
// position-independent objects linked into the addon, so the module loads
// on its own.
const t = require('tap');
const fs = require('fs');
const path = require('path');
const h = require('./waf/helpers');

h.allowBuilds(t);
const builds = h.buildBoth(t, 'shlib');
const probe = (file) =>
  `console.log(JSON.stringify(require('${file}').compute(20, 22)))`;
const EXPECTED = { sum: 42, twice: 40, pic: 1 };

t.test('add_objects and uselib_local of a plain shlib link its code into ' +
  'the module', async (t) => {
  const run = await builds.waf;
  t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
  const file = path.join(builds.wafDir, 'build', 'default',
    'shlib_addon.node');
  t.ok(fs.existsSync(file), 'build/default/shlib_addon.node');
  t.notOk(h.neededLibraries(file).some((lib) => /sum|twice/.test(lib)),
    'no shared library of its own to find at load time');
  t.same(h.runScript(builds.wafDir, probe('./build/default/shlib_addon'))
    .value, EXPECTED);
});

t.test('the binding.gyp from --gyp has static libraries compiled with ' +
  '-fPIC -DPIC', async (t) => {
  const { generate, build } = await builds.gyp;
  t.equal(generate.code, 0, 'node-waf --gyp', { stderr: generate.stderr });
  t.equal(build && build.code, 0, 'node-gyp rebuild',
    { stderr: build && build.stderr });
  const gyp = fs.readFileSync(path.join(builds.gypDir, 'binding.gyp'), 'utf8');
  t.match(gyp, /'target_name': 'libsum',\s+'type': 'static_library'/);
  t.match(gyp, /'target_name': 'twice',\s+'type': 'static_library'/);
  t.match(gyp, /'defines': \['PIC'\],\s+'cflags': \['-fPIC'\]/);
  t.same(h.runScript(builds.gypDir, probe('./build/default/shlib_addon'))
    .value, EXPECTED);
});
