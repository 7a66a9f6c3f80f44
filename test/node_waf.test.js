'use strict';
// node-waf: the command line, the wscript API it refuses, and how it fails.
// None of these runs node-gyp: each stops before or after configure, so they
// are quick; the builds are in test/waf_*.test.js.
const t = require('tap');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { scratch, nodeWafSync, messages } = require('./waf/helpers');

// A scratch project whose wscript is `source` (plus other files).
function project(t, source, files = {}) {
  const dir = scratch(t, 'inline');
  fs.writeFileSync(path.join(dir, 'wscript'), source);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const HEAD = `def set_options(opt):
  opt.tool_options('compiler_cxx')

def configure(conf):
  conf.check_tool('compiler_cxx')
  conf.check_tool('node_addon')
`;

const ADDON = `#include <v8.h>
extern "C" void init(v8::Handle<v8::Object> target) {}
`;

// What every refusal and failure looks like: one line naming the wscript
// line and the call, the source line, no Python traceback.
function assertStops(t, run, { where, call, line, instead }) {
  t.equal(run.code, 1, 'exit status 1');
  const first = messages(run.stderr).find((m) => m.includes(where));
  t.ok(first, `a message naming ${where}:\n${run.stderr}`);
  if (first) t.ok(first.includes(call), `it names the call ${call}`);
  if (line) t.match(run.stderr, line, 'it quotes the source line');
  if (instead) t.match(run.stderr, /\n {2}instead: \S/, 'it says what to do');
  t.notMatch(run.stderr, /Traceback/, 'no Python traceback');
}

t.test('a waf tool node-waf-compat does not have stops configure at its ' +
  'line', async (t) => {
  const dir = project(t, HEAD + "  conf.check_tool('bison')\n");
  assertStops(t, nodeWafSync(dir, ['configure']), {
    where: 'wscript:7:',
    call: "conf.check_tool('bison'): the waf tool 'bison' is not part of " +
      'node-waf-compat',
    line: /7 \| conf\.check_tool\('bison'\)/,
    instead: true,
  });
});

t.test('importing waf internals stops at the import line', async (t) => {
  const dir = project(t, 'import Options\nimport TaskGen\n' + HEAD);
  assertStops(t, nodeWafSync(dir, ['configure']), {
    where: 'wscript:2:',
    call: 'import TaskGen: the waf 1.5 module',
    line: /2 \| import TaskGen/,
    instead: true,
  });
});

t.test('a refusal swallowed by a bare except still stops the command',
  async (t) => {
    const dir = project(t, HEAD + `  try:
    conf.check_tool('ragel')
  except:
    print "swallowed"
`);
    const run = nodeWafSync(dir, ['configure']);
    t.equal(run.stdout, 'swallowed\n', 'the wscript went on, as written');
    assertStops(t, run, { where: 'wscript:8:', call: "check_tool('ragel')",
      instead: true });
  });

t.test('conf.fatal stops with its message and line', async (t) => {
  const dir = project(t, HEAD + "  conf.fatal('libfoo is required')\n");
  assertStops(t, nodeWafSync(dir, ['configure']), {
    where: 'wscript:7:',
    call: 'in configure(): libfoo is required',
    line: /7 \| conf\.fatal/,
  });
});

t.test('a mandatory check that fails stops configure as waf did',
  async (t) => {
    const dir = project(t, HEAD +
      "  conf.check(lib='no_such_lib_node_waf', mandatory=True)\n");
    const run = nodeWafSync(dir, ['configure']);
    assertStops(t, run, { where: 'wscript:7:',
      call: 'the configuration failed (see' });
    t.match(run.stderr, /Checking for library no_such_lib_node_waf\s+: not found/);
    t.match(fs.readFileSync(path.join(dir, 'build', 'config.log'), 'utf8'),
      /-lno_such_lib_node_waf/, 'config.log has the compile command');
  });

t.test('compiler_cxx without its tool_options fails as it did in waf',
  async (t) => {
    const dir = project(t, "def configure(conf):\n  conf.check_tool('compiler_cxx')\n");
    assertStops(t, nodeWafSync(dir, ['configure']), {
      where: 'wscript:2:',
      call: "Add set_options(opt): opt.tool_options('compiler_cxx')",
    });
  });

t.test('a Python error in the wscript names the line, not a traceback',
  async (t) => {
    const source = HEAD + `
def build(bld):
  conf.fatal('conf is not defined in build()')
`;
    const dir = project(t, source);
    t.equal(nodeWafSync(dir, ['configure']).code, 0);
    const run = nodeWafSync(dir, ['build']);
    assertStops(t, run, {
      where: 'wscript:9:',
      call: "in build(): NameError: name 'conf' is not defined",
      line: /9 \| conf\.fatal/,
    });
    t.match(run.stderr, /node-waf -v shows the Python traceback/);
    const verbose = nodeWafSync(dir, ['build', '-v']);
    t.match(verbose.stderr, /Traceback[^]*File "[^"]*wscript", line 9/,
      '-v shows the traceback');
  });

t.test('a line that is neither Python 2 nor 3 is a syntax error at its line',
  async (t) => {
    const dir = project(t, HEAD + '\ndef build(bld)\n  pass\n');
    assertStops(t, nodeWafSync(dir, ['configure']), {
      where: 'wscript:8:', call: 'SyntaxError' });
  });

t.test('build before configure says to configure first', async (t) => {
  const dir = project(t, HEAD + '\ndef build(bld):\n  pass\n');
  const run = nodeWafSync(dir, ['build']);
  t.equal(run.code, 1);
  t.match(run.stderr,
    /node-waf: Project not configured \(run 'node-waf configure' first\)/);
});

const BUILD_REFUSALS = [
  ['a feature it does not translate',
    "  obj = bld.new_task_gen(features='cxx cshlib node_addon subst',\n" +
    "                         target='x', source='x.cc')\n",
    "new_task_gen(... 'subst' ...): the waf feature 'subst'", 'wscript:9:'],
  ['a task generator class other than cc/cxx',
    "  bld.new_task_gen('py')\n", "new_task_gen('py')", 'wscript:9:'],
  ['a program target',
    "  bld.new_task_gen('cxx', 'program', target='x', source='x.cc')\n",
    'cprogram', 'wscript:9:'],
  ['a build API it does not have',
    "  bld.use_the_source('x')\n", 'bld.use_the_source', 'wscript:9:'],
  ['a build variant',
    "  obj = bld.new_task_gen('cxx', 'shlib', 'node_addon', target='x',\n" +
    "                         source='x.cc')\n  obj.clone('debug')\n",
    "obj.clone('debug')", 'wscript:11:'],
  ['a source of an unknown kind',
    "  bld.new_task_gen('cxx', 'shlib', 'node_addon', target='x',\n" +
    "                   source='x.cc grammar.y')\n",
    'grammar.y has no mapping', 'wscript:9:'],
];

for (const [what, body, call, where] of BUILD_REFUSALS) {
  t.test(`build stops, before compiling, at ${what}`, async (t) => {
    const dir = project(t, HEAD + '\ndef build(bld):\n' + body,
      { 'x.cc': ADDON, 'grammar.y': '' });
    t.equal(nodeWafSync(dir, ['configure']).code, 0);
    const run = nodeWafSync(dir, ['build']);
    assertStops(t, run, { where, call, instead: true });
    t.notOk(fs.existsSync(path.join(dir, 'build', 'node-gyp', 'build')),
      'node-gyp did not run');
  });
}

t.test('a C++ task generator without compiler_cxx fails as waf did',
  async (t) => {
    const dir = project(t, `def configure(conf):
  conf.check_tool('node_addon')

def build(bld):
  bld.new_task_gen('cxx', 'shlib', 'node_addon', target='x', source='x.cc')
`, { 'x.cc': ADDON });
    t.equal(nodeWafSync(dir, ['configure']).code, 0);
    assertStops(t, nodeWafSync(dir, ['build']), { where: 'wscript:5:',
      call: "At least one compiler (g++, ..) must be selected" });
  });

t.test('init, a command of the wscript and shutdown run in order',
  async (t) => {
    const dir = project(t, `import Options
def init():
  print "init"
def hello(ctx):
  print "hello from the wscript", ctx.curdir == Options.launch_dir
def shutdown(ctx):
  print "shutdown", Options.commands['hello'], Options.commands['build']
`);
    const run = nodeWafSync(dir, ['hello']);
    t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
    t.equal(run.stdout, 'init\nhello from the wscript True\nshutdown True 0\n');
    t.match(run.stderr, /'hello' finished successfully/);
  });

t.test('an unknown command, and waf commands it does not provide',
  async (t) => {
    const dir = project(t, HEAD);
    const unknown = nodeWafSync(dir, ['frobnicate']);
    t.equal(unknown.code, 1);
    t.match(unknown.stderr, /node-waf: No such command 'frobnicate'/);
    const install = nodeWafSync(dir, ['install']);
    t.equal(install.code, 1);
    t.match(install.stderr,
      /node-waf: node-waf install: not provided by node-waf-compat\n {2}instead: copy build\/default/);
  });

t.test('a wscript that defines clean runs its own', async (t) => {
  const dir = project(t, HEAD + `
def clean(ctx):
  print "the wscript's clean"
`);
  const run = nodeWafSync(dir, ['clean']);
  t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
  t.equal(run.stdout, "the wscript's clean\n");
});

t.test('-v, --version and --help', async (t) => {
  const dir = project(t, HEAD + `
def set_options(opt):
  opt.tool_options('compiler_cxx')
  opt.add_option('--with-foo', action='store_true', default=False,
                 help='build with foo')
`);
  const version = nodeWafSync(dir, ['--version']);
  t.equal(version.code, 0);
  t.match(version.stdout, /^waf 1\.5\.16 \(node-waf-compat\)/);
  const help = nodeWafSync(dir, ['--help']);
  t.equal(help.code, 0);
  t.match(help.stdout, /--with-foo\s+build with foo/, "the wscript's options");
  t.match(help.stdout, /--gyp\s/);
  t.match(help.stdout, /--check-cxx-compiler/, "compiler_cxx's option");
  const bad = nodeWafSync(dir, ['--no-such-option']);
  t.equal(bad.code, 2, 'optparse rejects an unknown option');
});

t.test('a wscript in Python 3 runs unchanged', async (t) => {
  const dir = project(t, `import sys
def set_options(opt):
  opt.tool_options('compiler_cxx')

def configure(conf):
  conf.check_tool('compiler_cxx')
  name = 'py3'
  try:
    raise ValueError('as e')
  except ValueError as e:
    print(f"{name}: {e}", 0o755, file=sys.stdout)
  print('to stderr', file=sys.stderr)
  print(sorted({'b': 1, 'a': 2}.items()))
`);
  const run = nodeWafSync(dir, ['configure']);
  t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
  t.equal(run.stdout, "py3: as e 493\n[('a', 2), ('b', 1)]\n");
  t.match(run.stderr, /^to stderr$/m);
});

t.test('configure stores what waf stored, where waf stored it', async (t) => {
  const dir = project(t, `srcdir = '.'
blddir = 'out'
` + HEAD + `  conf.env['LIB_FOO'] = 'foo'
  conf.env.append_value('CXXFLAGS', ['-DA=1'])
  conf.define('HAVE_THING', 1)
  conf.write_config_header('config.h')
`);
  const run = nodeWafSync(dir, ['configure']);
  t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
  const cache = fs.readFileSync(path.join(dir, 'out', 'c4che',
    'default.cache.py'), 'utf8');
  t.match(cache, /^LIB_FOO = 'foo'$/m);
  t.match(cache, /^CXXFLAGS = \['-g', '-DA=1'\]$/m, "node_addon's -g first");
  t.match(fs.readFileSync(path.join(dir, '.lock-wscript'), 'utf8'),
    new RegExp(`^blddir = '${path.join(dir, 'out')}'$`, 'm'));
  t.match(fs.readFileSync(path.join(dir, 'out', 'default', 'config.h'),
    'utf8'), /#define HAVE_THING 1/);
});

t.test('node-waf --gyp: to standard output, and never over a foreign ' +
  'binding.gyp', async (t) => {
  const dir = project(t, HEAD + `  print "configure prints"

def build(bld):
  obj = bld.new_task_gen('cxx', 'shlib', 'node_addon')
  obj.target = 'x'
  obj.source = 'x.cc'
  obj.lib = ['m']
`, { 'x.cc': ADDON, 'binding.gyp': "{'targets': []}\n" });
  const printed = nodeWafSync(dir, ['--gyp', '--gyp-out=-']);
  t.equal(printed.code, 0, 'exit status 0', { stderr: printed.stderr });
  t.match(printed.stderr, /configure prints/, "the wscript's prints go to " +
    'stderr');
  const parsed = spawnSync('python3', ['-c',
    'import ast, json, sys; print(json.dumps(ast.literal_eval(' +
    'sys.stdin.read())))'], { input: printed.stdout, encoding: 'utf8' });
  t.equal(parsed.status, 0, 'standard output is the gyp file alone');
  const gyp = JSON.parse(parsed.stdout);
  t.same(gyp.targets.map((target) => target.target_name),
    ['x', 'x_node_waf_layout']);
  t.same(gyp.targets[0].libraries, ['-lm']);
  t.same(gyp.targets[0].dependencies,
    ["<!(node -p \"require('node-waf-compat').gyp\")"]);

  const refused = nodeWafSync(dir, ['--gyp']);
  t.equal(refused.code, 1);
  t.match(refused.stderr, /binding\.gyp exists and was not written by node-waf: pass --force/);
  t.equal(fs.readFileSync(path.join(dir, 'binding.gyp'), 'utf8'),
    "{'targets': []}\n", 'the file is untouched');
  const forced = nodeWafSync(dir, ['--gyp', '--force']);
  t.equal(forced.code, 0, 'exit status 0', { stderr: forced.stderr });
  t.match(fs.readFileSync(path.join(dir, 'binding.gyp'), 'utf8'),
    /written by node-waf --gyp/);
  t.match(forced.stderr, /node-waf-compat is not installed here/);
  t.equal(nodeWafSync(dir, ['--gyp']).code, 0, 'its own file it replaces');
});
