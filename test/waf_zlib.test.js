'use strict';
// node-waf on a wscript that finds zlib with pkg-config (test/waf/zlib):
// check_cfg runs pkg-config for real, the addon links libz, and the
// binding.gyp asks pkg-config again at build time.
const t = require('tap');
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const h = require('./waf/helpers');

h.allowBuilds(t);
const builds = h.buildBoth(t, 'zlib');
const modversion = execFileSync('pkg-config', ['--modversion', 'zlib'],
  { encoding: 'utf8' }).trim();

const probe = (file) => `const z = require('${file}');
console.log(JSON.stringify({ crc: z.crc32('hello'),
  pkgConfig: z.versions().pkgConfig }))`;
// crc32("hello"), as zlib computes it.
const EXPECTED = { crc: 0x3610a686, pkgConfig: modversion };

t.test('check_cfg ran pkg-config and stored its results', async (t) => {
  const run = await builds.waf;
  t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
  t.equal(run.stdout, 'no-such-package-for-node-waf: not found\n' +
    `zlib ${modversion}, HAVE_ZLIB=1, LIB_ZLIB=['z']\n`);
  t.match(run.stderr, /Checking for zlib\s+: yes/);
  t.match(run.stderr, /Checking for no-such-package-for-node-waf\s+: not found/);
  t.match(run.stderr, /Checking for header zlib\.h\s+: yes/);
});

t.test('the addon from src/wscript_build is in build/default/src and ' +
  'links libz', async (t) => {
  await builds.waf;
  const file = path.join(builds.wafDir, 'build', 'default', 'src',
    'zaddon.node');
  t.ok(fs.existsSync(file), 'build/default/src/zaddon.node');
  t.ok(h.neededLibraries(file).some((lib) => /^libz\.so/.test(lib)),
    'DT_NEEDED has libz');
  t.same(h.runScript(builds.wafDir, probe('./build/default/src/zaddon'))
    .value, EXPECTED);
});

t.test('the generated binding.gyp asks pkg-config and builds the same module',
  async (t) => {
    const { generate, build } = await builds.gyp;
    t.equal(generate.code, 0, 'node-waf --gyp', { stderr: generate.stderr });
    t.equal(build && build.code, 0, 'node-gyp rebuild',
      { stderr: build && build.stderr });
    const gyp = fs.readFileSync(path.join(builds.gypDir, 'binding.gyp'),
      'utf8');
    t.match(gyp, /'cflags': \['<!@\(pkg-config --cflags zlib\)'\]/);
    t.match(gyp, /'libraries': \['<!@\(pkg-config --libs zlib\)'\]/);
    t.match(gyp, /'destination': '<\(module_root_dir\)\/build\/default\/src'/);
    const file = path.join(builds.gypDir, 'build', 'Release', 'zaddon.node');
    t.ok(h.neededLibraries(file).some((lib) => /^libz\.so/.test(lib)));
    t.same(h.runScript(builds.gypDir, probe('./build/default/src/zaddon'))
      .value, EXPECTED);
  });
