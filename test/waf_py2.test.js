'use strict';
// node-waf on a Python 2 wscript (test/waf/py2): its print statements and
// other Python 2 syntax mean what they meant; the keyword form of
// new_task_gen, a .c file in a C++ addon, a static helper library in a
// subfolder (sub_config, add_subdirs, uselib_local), install_files.
const t = require('tap');
const h = require('./waf/helpers');

h.allowBuilds(t);
const builds = h.buildBoth(t, 'py2');

// What Python 2.7 printed for the wscript's configure() and shutdown().
const PY2_STDOUT = [
  'lib configured in lib',
  'print statement: 1 2',
  'no newline after',
  "('a', 'tuple')",
  '',
  'has_key False',
  'a 1',
  'b 2',
  "keys ['a', 'b']",
  'octal 493 True',
  'long 11 16',
  "backticks 42 's'",
  'not equal True',
  'caught old raise',
  'caught a string exception',
  'exec 42',
  'platform linux2',
  'commands from-commands',
  'map [2, 4] 6',
  'unicode u True',
  'environ has_key',
];

// legacy_c.c compiled as C++ (waf's cxx tool took .c files), helper.c as C.
const REPORT = { mode: 420, legacyAnswer: 42, legacyIsCxx: true,
  helper: 101, helperIsCxx: false };
const report = (file) =>
  `console.log(JSON.stringify(require('${file}').report()))`;

t.test('a Python 2 wscript prints what Python 2 printed', async (t) => {
  const run = await builds.waf;
  t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
  t.equal(run.stdout, [...PY2_STDOUT,
    'shutdown ran, build requested: True', ''].join('\n'));
  t.match(run.stderr, /^to stderr$/m, 'print >>sys.stderr');
});

t.test('install_files is ignored with a note naming its line', async (t) => {
  const run = await builds.waf;
  const notes = h.messages(run.stderr).filter((m) => m.includes('ignored'));
  t.match(notes[0], /^node-waf: lib\/wscript:17: bld\.install_files\('\$\{PREFIX\}\/include', \.\.\.\) ignored/);
  t.match(notes[1], /^node-waf: wscript:65: bld\.install_files/);
});

t.test('the addon links a C++-compiled .c file and a C helper library',
  async (t) => {
    await builds.waf;
    const run = h.runScript(builds.wafDir,
      report('./build/default/py2addon'));
    t.same(run.value, REPORT, 'report()', { stderr: run.stderr });
  });

t.test('the generated binding.gyp builds the same module with node-gyp',
  async (t) => {
    const { generate, build } = await builds.gyp;
    t.equal(generate.code, 0, 'node-waf --gyp', { stderr: generate.stderr });
    t.equal(build && build.code, 0, 'node-gyp rebuild',
      { stderr: build && build.stderr });
    t.same(h.runScript(builds.gypDir, report('./build/default/py2addon'))
      .value, REPORT);
  });
