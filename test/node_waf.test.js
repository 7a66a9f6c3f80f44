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
    const dist = nodeWafSync(dir, ['dist']);
    t.equal(dist.code, 1);
    t.match(dist.stderr,
      /node-waf: node-waf dist: not provided by node-waf-compat\n {2}instead: use npm pack/);
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
  const dir = project(t, 'print "the wscript loads"\n' + HEAD + `  print "configure prints"

def build(bld):
  obj = bld.new_task_gen('cxx', 'shlib', 'node_addon')
  obj.target = 'x'
  obj.source = 'x.cc'
  obj.lib = ['m']
`, { 'x.cc': ADDON, 'binding.gyp': "{'targets': []}\n" });
  const printed = nodeWafSync(dir, ['--gyp', '--gyp-out=-']);
  t.equal(printed.code, 0, 'exit status 0', { stderr: printed.stderr });
  t.match(printed.stderr, /the wscript loads[^]*configure prints/,
    "the wscript's prints go to stderr");
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

t.test('the configuration API does what waf 1.5 did', async (t) => {
  const dir = project(t, `import Configure, Utils, Environment, Constants
def set_options(opt):
  opt.tool_options('compiler_cxx')
  opt.tool_options('compiler_cc')
  opt.tool_options('gnu_dirs')
  opt.sub_options('sub')

def configure(conf):
  conf.check_tool('compiler_cxx compiler_cc node_addon gnu_dirs')
  say = lambda *k: Utils.pprint('NORMAL', 'SAY ' + ' '.join(map(str, k)))
  print conf.check(function_name='printf', header_name='stdio.h'), \\
    conf.is_defined('HAVE_PRINTF')
  print conf.check(type_name='uint64_t'), conf.is_defined('HAVE_UINT64_T')
  print conf.check(type_name='no_such_type_t'), \\
    conf.is_defined('HAVE_NO_SUCH_TYPE_T')
  print repr(conf.check_cc(fragment='#include <stdio.h>\\n'
    'int main() { printf("%d", 6 * 7); return 0; }\\n',
    execute=True, define_name='ANSWER'))
  print conf.get_define('ANSWER')
  print conf.check_cxx(fragment='int main() { return __cplusplus > 0 ? 0 : 1; }')
  print conf.check(lib='m', libpath=['/usr/lib'], uselib_store='MATH'), \\
    conf.env['LIB_MATH'], conf.env['LIBPATH_MATH']
  print bool(conf.find_program('sh', var='SH')), conf.env['SH'] == Utils.to_list(conf.env['SH'])[0]
  print repr(conf.find_program('no-such-program-node-waf'))
  print conf.check_cfg(package='zlib', atleast_version='1.0') is not None, \\
    conf.env['HAVE_ZLIB']
  print conf.check_cfg(package='zlib', atleast_version='999') is None
  print conf.check_cfg(package='zlib', variables='prefix') is None, \\
    conf.env['ZLIB_prefix'] != []
  print conf.check_cfg(path='printf', args='-- "-I/opt/x -DX=1 -lfoo"',
    package='', uselib_store='FAKE') is not None, conf.env['CPPPATH_FAKE'], \\
    conf.env['CXXDEFINES_FAKE'], conf.env['LIB_FAKE']
  try:
    conf.check_cfg(package='no-such-package-node-waf', mandatory=True)
  except Configure.ConfigurationError, e:
    print 'ConfigurationError:', str(e).startswith('the configuration failed')
  conf.define('NAME', 'value')
  conf.undefine('GONE')
  print conf.get_config_header().split('\\n')[-2:]
  print conf.env['BINDIR'].endswith('/bin'), conf.env.get_flat('CXX') == conf.env['CXX'][0]
  derived = conf.env.copy()
  derived.append_value('CXXFLAGS', '-DDERIVED')
  print '-DDERIVED' in conf.env['CXXFLAGS'], derived['CXXFLAGS'][-1]
  print Constants.DEFAULT, isinstance(conf.env, Environment.Environment)
  print conf.env['CCFLAGS_NODE'], conf.env['CXX_NAME'], conf.env['CC_NAME']
  conf.sub_config('sub')
`, {
    'sub/wscript': `def set_options(opt):
  opt.add_option('--sub-flag', action='store_true', default=False)
def configure(conf):
  import Options
  print 'sub:', conf.curdir.endswith('sub'), Options.options.sub_flag
`,
  });
  const run = nodeWafSync(dir, ['configure', '--sub-flag']);
  t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
  t.equal(run.stdout, [
    'True True',
    'True True',
    'False False',
    "'42'",
    '"42"',
    'True',
    "True ['m'] ['/usr/lib']",
    'True True',
    "''",
    'True 1',
    'True',
    'True True',
    "True ['/opt/x'] ['X=1'] ['foo']",
    'ConfigurationError: True',
    "['#define NAME \"value\"', '/* #undef GONE */']",
    'True True',
    'False -DDERIVED',
    'default True',
    "['-D_LARGEFILE_SOURCE', '-D_FILE_OFFSET_BITS=64'] gcc gcc",
    'sub: True True',
    '',
  ].join('\n'));
});

t.test('the build API: ant_glob, find_resource, env_of_name, post functions',
  async (t) => {
    const dir = project(t, HEAD.replace(/$/m, "\n  opt.tool_options('compiler_cc')") +
      `  conf.check_tool('compiler_cc')
  conf.env['LIB_Z'] = ['z']

def build(bld):
  print bld.env_of_name('default')['LIB_Z'], bld.path.abspath() == bld.srcnode.abspath()
  print bld.path.find_resource('src/a.cc').abspath() == bld.path.abspath() + '/src/a.cc'
  print bld.path.find_resource('src/none.cc'), bld.path.find_dir('src').name
  print bld.path.ant_glob('src/*.cc'), '|', bld.path.ant_glob('**/*.c')
  print bld.path.find_dir('src').abspath(bld.env).endswith('build/default/src')
  obj = bld(features='cxx cshlib node_addon', target='x', uselib='Z',
            includes='#src', CXXFLAGS=['-O1'], LinkFlags=['-Wl,-O1', '-lm'])
  obj.source = bld.path.ant_glob('src/*.cc') + ' ' + 'src/c/b.c'
  obj.features.append('cc')
  obj.install_path = None
  bld.add_post_fun(lambda ctx: sys.stdout.write('post function\\n'))
import sys
`, { 'src/a.cc': ADDON, 'src/b.cc': '', 'src/c/b.c': '' });
    t.equal(nodeWafSync(dir, ['configure']).code, 0);
    const run = nodeWafSync(dir, ['--gyp', '--gyp-out=-']);
    t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
    t.match(run.stderr, /\['z'\] True\nTrue\nNone src\nsrc\/a\.cc src\/b\.cc \| src\/c\/b\.c\nTrue\n/);
    const gyp = spawnSync('python3', ['-c',
      'import ast, json, sys; print(json.dumps(ast.literal_eval(' +
      'sys.stdin.read())))'], { input: run.stdout, encoding: 'utf8' });
    const x = JSON.parse(gyp.stdout).targets[0];
    t.same(x.sources, ['src/a.cc', 'src/b.cc', 'src/c/b.c'],
      "with the 'cc' feature, .c stays C");
    t.same(x.include_dirs, ['src']);
    t.same(x.libraries, ['-Wl,-O1', '-lm', '-lz'],
      'LinkFlags (plural, case-insensitive; a -l too) link after the ' +
      'objects, before LIB, as in waf 1.5');
    t.same(x.cflags_cc, ['-g', '-O1'], 'CXXFLAGS: case-insensitive');
    t.notOk(x.ldflags, 'no link flag before the objects');
    t.notOk(x.actions, 'no C-as-C++ action');
  });

t.test('tabs and spaces mixed in indentation read as Python 2 read them',
  async (t) => {
    // Python 2 put tab stops every 8 columns; Python 3 refuses the mix.
    const dir = project(t, 'def configure(conf):\n' +
      '        x = 1\n' +
      '\tif x:\n' +
      '\t    print "mixed", x\n' +
      '        print """a string\n\twith a tab"""\n');
    const run = nodeWafSync(dir, ['configure']);
    t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
    t.equal(run.stdout, 'mixed 1\na string\n\twith a tab\n',
      'the tab inside the string is kept');
  });

t.test('env.set_variant names the variant folder of the build; a method ' +
  "waf's Environment did not have stops at its line", async (t) => {
  const dir = project(t, HEAD + `  conf.define('X', 1)
  conf.env.set_variant('Release')
  conf.write_config_header('x_config.h')
  derived = conf.env.copy()
  print conf.env.variant(), derived.variant(), conf.env.NO_SUCH_KEY

def build(bld):
  print bld.path.abspath(bld.env).endswith('/build/Release')
  bld.env.set_varient('debug')
`);
  const configure = nodeWafSync(dir, ['configure']);
  t.equal(configure.code, 0, 'exit status 0', { stderr: configure.stderr });
  t.equal(configure.stdout, 'Release Release []\n');
  t.ok(fs.existsSync(path.join(dir, 'build', 'Release', 'x_config.h')),
    'the config header is in the variant folder');
  const run = nodeWafSync(dir, ['build']);
  t.equal(run.stdout, 'True\n');
  assertStops(t, run, {
    where: 'wscript:15:',
    call: "env.set_varient(...): waf 1.5's Environment has no method " +
      "'set_varient'",
    line: /15 \| bld\.env\.set_varient\('debug'\)/,
    instead: true,
  });
  t.notMatch(run.stderr, /TypeError/);
});

t.test("conf.link_add_flags, cc_add_flags and cxx_add_flags fold the " +
  "environment's flags in, as waf 1.5's config_c did", async (t) => {
  const dir = project(t, HEAD + `  conf.env.append_value('LINKFLAGS', ['-lgmp'])
  conf.link_add_flags()
  conf.cxx_add_flags()
  conf.cc_add_flags()
  print conf.env['LINKFLAGS'], conf.env['CXXFLAGS'], conf.env['CCFLAGS']

def build(bld):
  bld.new_task_gen('cxx', 'shlib', 'node_addon', target='x', source='x.cc')
`, { 'x.cc': ADDON });
  const env = { LINKFLAGS: '-Wl,-O1', LDFLAGS: '-Wl,-z,now',
    CXXFLAGS: '-DFROM_ENV', CFLAGS: '-DFROM_C' };
  const run = nodeWafSync(dir, ['configure'], { env });
  t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
  // compiler_cxx folded them once already, as g++'s detect did.
  t.equal(run.stdout, "['-Wl,-O1', '-Wl,-z,now', '-lgmp', '-Wl,-O1', " +
    "'-Wl,-z,now'] ['-DFROM_ENV', '-g', '-DFROM_ENV'] ['-g', '-DFROM_C']\n");
  const gyp = nodeWafSync(dir, ['--gyp', '--gyp-out=-'], { env });
  t.equal(gyp.code, 0, 'exit status 0', { stderr: gyp.stderr });
  t.match(gyp.stdout,
    /'libraries': \['-Wl,-O1', '-lgmp', '-Wl,-O1', '-Wl,-z,now'\]/,
    'LINKFLAGS reach the link twice; LDFLAGS once, as make reads it again');
});

t.test('bld.exec_command runs in the build folder, as waf 1.5 ran it; ' +
  '-mimpure-text is left out of the link with a note', async (t) => {
  const dir = project(t, HEAD + `
def build(bld):
  print bld.exec_command('pwd > where.txt'), bld.exec_command('exit 3')
  obj = bld.new_task_gen('cxx', 'shlib', 'node_addon', target='x',
                         source='x.cc')
  obj.linkflags = ['-lm', '-mimpure-text']
`, { 'x.cc': ADDON });
  t.equal(nodeWafSync(dir, ['configure']).code, 0);
  const run = nodeWafSync(dir, ['--gyp', '--gyp-out=-']);
  t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
  t.match(run.stderr, /0 3\n/, 'exit statuses, as waf returned them');
  t.equal(fs.readFileSync(path.join(dir, 'build', 'where.txt'), 'utf8'),
    fs.realpathSync(path.join(dir, 'build')) + '\n');
  t.match(run.stderr, /node-waf: wscript:12: -mimpure-text \(a Solaris option\) left out/);
  t.match(run.stdout, /'libraries': \['-lm'\]/);
});
