'use strict';
// node-waf on a wscript whose build() only runs its own Makefile
// (test/waf/makefile), as 2011 addons that bundled a C library did: the
// steps get node-waf's toolchain as $CC and $CXX (GCC 4's defaults: gnu89
// C with common symbols and gets() declared, GNU C++98; the SDK's runtime
// linked into the module), the module counts as built where the Makefile
// put it, and a failed step is named.  Also `node-waf install`.
const t = require('tap');
const fs = require('fs');
const os = require('os');
const path = require('path');
const h = require('./waf/helpers');

h.allowBuilds(t);

t.test('a module its Makefile builds: built with the era\'s compilers, ' +
  'linked with the runtime, loaded from where the Makefile put it',
async (t) => {
  const dir = h.scratch(t, 'makefile');
  const run = await h.nodeWaf(dir, ['configure', 'build', 'install']);
  t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
  t.match(run.stderr,
    "node-waf: makefile_addon.node (built by the wscript's own step)");
  t.notMatch(run.stderr, '* installing', 'nothing for install to copy');
  // Each of the three needs GCC 4's C defaults: common symbols (counter),
  // gnu89 inline (twice), gets() declared (gets).
  t.same(h.runScript(dir,
    "console.log(JSON.stringify(require('./makefile_addon').compute(21)))")
    .value, { twice: 42, count: 2, gets: 1 });
});

t.test('a failed step of the wscript is named with its exit status',
  async (t) => {
    const dir = h.scratch(t, 'makefile');
    const run = await h.nodeWaf(dir, ['configure', 'build'],
      { env: { MAKE_TARGET: 'broken' } });
    t.equal(run.code, 1);
    t.match(run.stderr, /node-waf: wscript:15: build\(bld\): the wscript's own step `make broken [^`]*` exited with status 2 \(its output is above\), and no node module was built/);
    t.notMatch(run.stderr, 'builds no node addon');
  });

t.test('a node-waf that a step starts gets the user\'s compilers back',
  async (t) => {
    const dir = h.scratch(t, 'makefile');
    const env = { MAKE_TARGET: 'nested',
      PATH: path.join(h.compat, 'bin') + path.delimiter + process.env.PATH };
    const unset = await h.nodeWaf(dir, ['configure', 'build'], { env });
    t.match(unset.stdout, /nested CC=\/\S*\/gcc\n/, 'the compiler found');
    const mine = await h.nodeWaf(dir, ['configure', 'build'],
      { env: { ...env, CC: 'cc' } });
    t.match(mine.stdout, /nested CC=\/\S*\/cc\n/, 'the user\'s $CC');
  });

t.test('node-waf install copies the module to ${LIBDIR} ($NODE_PATH at ' +
  'configure time), uninstall removes it', async (t) => {
  const dir = h.scratch(t, 'classic');
  const libs = fs.mkdtempSync(path.join(os.tmpdir(), 'node-waf-libdir-'));
  t.teardown(() => fs.rmSync(libs, { recursive: true, force: true }));
  const configure = await h.nodeWaf(dir, ['configure'],
    { env: { NODE_PATH: libs } });
  t.equal(configure.code, 0, 'configure', { stderr: configure.stderr });
  const run = await h.nodeWaf(dir, ['build', 'install']);
  t.equal(run.code, 0, 'build install', { stderr: run.stderr });
  t.match(run.stderr, `* installing build/default/classic.node as ` +
    path.join(libs, 'classic.node'));
  t.equal(run.stderr.split('Waf: Entering directory').length - 1, 1,
    'built once');
  t.ok(fs.existsSync(path.join(libs, 'classic.node')));
  const removed = await h.nodeWaf(dir, ['uninstall']);
  t.equal(removed.code, 0, 'uninstall', { stderr: removed.stderr });
  t.notOk(fs.existsSync(path.join(libs, 'classic.node')));
});

t.test('the toolchain\'s C preprocessor (-E) keeps a line whole, as GCC 4 ' +
  'did', async (t) => {
  const dir = h.scratch(t, 'makefile-cpp');
  const file = path.join(dir, 'uses_stdin.c');
  // stdin is a macro of a system header: GCC 5 and later mark its
  // expansion with line markers in the middle of the call.
  fs.writeFileSync(file, '#include <stdio.h>\n' +
    'int next_char(void) { return getc(stdin); }\n');
  const cc = path.join(h.compat, 'waf', 'toolchain', 'cc');
  const run = require('child_process').spawnSync(cc, ['-E', file],
    { encoding: 'utf8' });
  t.equal(run.status, 0, run.stderr);
  t.match(run.stdout, /int next_char\(void\) \{ return getc\(stdin\); \}/);
});
