'use strict';
// node-waf on relative paths in flags and library paths
// (test/waf/relpaths), as hiredis 0.1.14 and zipfile 0.2.5 wrote them: waf
// 1.5 ran the compiler in the build folder, so they are relative to it.
const t = require('tap');
const fs = require('fs');
const path = require('path');
const h = require('./waf/helpers');

h.allowBuilds(t);
const builds = h.buildBoth(t, 'relpaths');
const probe = (file) =>
  `console.log(JSON.stringify(require('${file}').total()))`;

t.test('-I../deps, -I ../deps/extra, LIBPATH ../deps and a ../deps ' +
  'archive are read from the build folder', async (t) => {
  const run = await builds.waf;
  t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
  const gyp = fs.readFileSync(path.join(builds.wafDir, 'build', 'node-gyp',
    'binding.gyp'), 'utf8');
  t.match(gyp, /'-I<\(module_root_dir\)\/\.\.\/\.\.\/deps'/);
  t.match(gyp, /'-I', '<\(module_root_dir\)\/\.\.\/\.\.\/deps\/extra'/);
  t.match(gyp, /'<\(module_root_dir\)\/\.\.\/\.\.\/deps\/liboffset\.a'/);
  t.match(gyp, /'library_dirs': \['\.\.\/\.\.\/deps'\]/);
  t.same(h.runScript(builds.wafDir, probe('./build/default/relpaths'))
    .value, 200);
});

t.test('the binding.gyp from --gyp writes them from its own folder',
  async (t) => {
    const { generate, build } = await builds.gyp;
    t.equal(generate.code, 0, 'node-waf --gyp', { stderr: generate.stderr });
    t.equal(build && build.code, 0, 'node-gyp rebuild',
      { stderr: build && build.stderr });
    const gyp = fs.readFileSync(path.join(builds.gypDir, 'binding.gyp'),
      'utf8');
    t.match(gyp, /'-I<\(module_root_dir\)\/deps'/);
    t.match(gyp, /'library_dirs': \['deps'\]/);
    t.same(h.runScript(builds.gypDir, probe('./build/default/relpaths'))
      .value, 200);
  });
