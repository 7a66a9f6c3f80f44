'use strict';
// node-waf on the classic node 0.4 wscript (test/waf/classic): options,
// env tweaks, real checks, the positional new_task_gen and a shutdown()
// hook; and the binding.gyp node-waf --gyp writes from it.
const t = require('tap');
const fs = require('fs');
const path = require('path');
const h = require('./waf/helpers');

h.allowBuilds(t);
const builds = h.buildBoth(t, 'classic', { configure: ['--greeting=howdy'] });

// What classic.cc's info(0) reports when every flag reached the compiler.
const INFO = {
  greeting: 'howdy',   // Options.options, into CXXFLAGS
  first: 1,            // env.prepend_value('CXXFLAGS', ...)
  cpp: 7,              // env.append_unique('CPPFLAGS', ...)
  define: 42,          // obj.defines
  config: 'from include/', // obj.includes
  extra: 5,            // CPPPATH_EXTRA through obj.uselib
  nosuchFound: 0,      // a failed, non-mandatory conf.check
  cos: 1,              // libm, checked with conf.check(lib='m')
  offsetBits: 64,      // node_addon's large-file flags, kept by the SDK
};
const info = "console.log(JSON.stringify(require('%s').info(0)))";

t.test('node-waf configure build runs the wscript and builds the addon',
  async (t) => {
    const run = await builds.waf;
    t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
    t.equal(run.stdout, [
      "env: CXX_NAME=gcc DEST_OS=linux LIB_M=['m']",
      'HAVE_NOSUCH in env: False',
      'platform: sys=linux2 waf=linux',
      'options: greeting=howdy jobs>0=True',
      "build: env LIB_M=['m'] via Build.bld: True",
      '',
    ].join('\n'), "the wscript's prints, as under Python 2");
    t.match(run.stderr, /Checking for library m\s+: yes/);
    t.match(run.stderr, /Checking for header stdio\.h\s+: yes/);
    t.match(run.stderr,
      /Checking for library no_such_library_for_node_waf\s+: not found/);
    t.match(run.stderr, /'configure' finished successfully/);
    t.match(run.stderr, /'build' finished successfully/);
  });

t.test('the module is in build/default, where node-waf put it, and loads',
  async (t) => {
    await builds.waf;
    const dir = builds.wafDir;
    t.ok(fs.existsSync(path.join(dir, 'build', 'default', 'classic.node')));
    t.ok(fs.existsSync(path.join(dir, 'build', 'Release', 'classic.node')),
      'and in build/Release, where node 0.6 and 0.8 put it');
    const run = h.runScript(dir, info.replace('%s',
      './build/default/classic'));
    t.same(run.value, INFO, 'every flag reached the compiler',
      { stderr: run.stderr });
  });

t.test("shutdown() ran: require('./classic') works through its link",
  async (t) => {
    await builds.waf;
    const link = path.join(builds.wafDir, 'classic.node');
    t.equal(fs.readlinkSync(link), 'build/default/classic.node');
    t.same(h.runScript(builds.wafDir, info.replace('%s', './classic')).value,
      INFO);
  });

t.test('the generated binding.gyp builds the same module with node-gyp',
  async (t) => {
    const { generate, build } = await builds.gyp;
    t.equal(generate.code, 0, 'node-waf --gyp', { stderr: generate.stderr });
    t.equal(build && build.code, 0, 'node-gyp rebuild',
      { stderr: build && build.stderr });
    const dir = builds.gypDir;
    const gyp = fs.readFileSync(path.join(dir, 'binding.gyp'), 'utf8');
    t.match(gyp, /'include_dirs': \['include', 'extra'\]/);
    t.match(gyp, /'library_dirs': \['extra'\]/);
    t.same(h.runScript(dir, info.replace('%s', './build/Release/classic'))
      .value, INFO, 'build/Release/classic.node');
    t.same(h.runScript(dir, info.replace('%s', './build/default/classic'))
      .value, INFO, 'and its copy in build/default, for old loaders');
  });

t.test('node-waf clean removes the module and runs the clean branch of ' +
  'shutdown(); distclean removes the rest', async (t) => {
  await builds.waf;
  // After the other tests of this file have used the build.
  const dir = builds.wafDir;
  const clean = await h.nodeWaf(dir, ['clean']);
  t.equal(clean.code, 0, 'clean', { stderr: clean.stderr });
  t.notOk(fs.existsSync(path.join(dir, 'build', 'default', 'classic.node')));
  t.notOk(fs.existsSync(path.join(dir, 'build', 'Release', 'classic.node')));
  t.notOk(fs.existsSync(path.join(dir, 'classic.node')), 'link removed');
  t.ok(fs.existsSync(path.join(dir, 'build', 'c4che', 'default.cache.py')),
    'the configuration is kept');
  const distclean = await h.nodeWaf(dir, ['distclean']);
  t.equal(distclean.code, 0, 'distclean', { stderr: distclean.stderr });
  t.notOk(fs.existsSync(path.join(dir, 'build')), 'build/ is gone');
  t.notOk(fs.existsSync(path.join(dir, '.lock-wscript')));
});
