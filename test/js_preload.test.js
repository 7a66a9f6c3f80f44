'use strict';
// The legacy preload (node -r node-waf-compat/legacy): nothing changes
// without it; with it each restored API is there and warns once, unless
// silenced; process.compile, require.paths and sys's printers behave as in
// node 0.2-0.4.  The emitters, IOWatcher and buffers have their own files
// (js_events, js_io_watcher, js_buffer).
const t = require('tap');
const { runNode, lastJson, scenarioEnv } = require('./helpers/child');

// Scenarios get a NODE_OPTIONS of their own: under tap, tap's processinfo
// fills a missing or empty one with the test process's (which holds
// --no-warnings on Node 26, and the preload itself under
// npm run test:legacy-preload).
const alone = { NODE_OPTIONS: '--stack-trace-limit=10' };
const preload = { args: ['-r', 'node-waf-compat/legacy'], env: alone };
const bare = { env: alone };
const major = Number(process.versions.node.split('.')[0]);

t.test('without the preload nothing is restored', async (t) => {
  const run = runNode('test/fixtures/js_preload/state.js', [], bare);
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), {
    EventEmitter: 'undefined',
    IOWatcher: 'throws',
    processIOWatcher: false,
    compile: 'undefined',
    requirePaths: false,
    functionPaths: false,
    SlowBuffer: major >= 25 ? 'undefined' : 'function',
    bindingSlowBuffer: 'undefined',
    puts: 'undefined',
    flatConstants: 'undefined',
    sysDebug: true,
    fastBuffer: 3,
    fromIsNodes: true,
    lookupIsNodes: true,
    bindingIsNodes: true,
  });
});

t.test('with it every API is back', async (t) => {
  const run = runNode('test/fixtures/js_preload/state.js', [], preload);
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), {
    EventEmitter: 'function',
    IOWatcher: 'object',
    processIOWatcher: true,
    compile: 'function',
    requirePaths: true,
    functionPaths: true,
    SlowBuffer: 'function',
    bindingSlowBuffer: 'function',
    puts: 'function',
    flatConstants: 'number',
    sysDebug: false,
    fastBuffer: 1,
    fromIsNodes: false,
    lookupIsNodes: false,
    bindingIsNodes: false,
  });
});

const codes = ['NWC_BINDING_CONSTANTS', 'NWC_FAST_BUFFER', 'NWC_IO_WATCHER',
  'NWC_PROCESS_COMPILE', 'NWC_PROCESS_EVENTEMITTER', 'NWC_PROCESS_IOWATCHER',
  'NWC_REQUIRE_PATHS', 'NWC_SYS_DEBUG', 'NWC_UTIL_ERROR', 'NWC_UTIL_PRINT',
  'NWC_UTIL_PUTS',
  ...major >= 23 ? ['NWC_UTIL_LOG'] : [],
  ...major >= 25 ? ['NWC_SLOWBUFFER'] : []].sort();

function warned(stderr) {
  return (stderr.match(/\[NWC_[A-Z_]+\] DeprecationWarning/g) || [])
    .map((w) => w.slice(1, w.indexOf(']'))).sort();
}

t.test('each restored API warns once, on first use', async (t) => {
  const run = runNode('test/fixtures/js_preload/warnings.js', [], preload);
  t.equal(run.code, 0, run.stderr);
  t.same(warned(run.stderr), codes);
});

t.test('--no-deprecation or NODE_WAF_COMPAT_NO_DEPRECATION=1 silences ' +
  'them', async (t) => {
  const flag = runNode('test/fixtures/js_preload/warnings.js', [],
    { args: ['--no-deprecation', ...preload.args], env: alone });
  t.equal(flag.code, 0, flag.stderr);
  t.same(warned(flag.stderr), []);
  const env = runNode('test/fixtures/js_preload/warnings.js', [],
    { ...preload, env: { ...alone, NODE_WAF_COMPAT_NO_DEPRECATION: '1' } });
  t.equal(env.code, 0, env.stderr);
  t.same(warned(env.stderr), []);
});

t.test('require(\'node-waf-compat/legacy\') works as -r does, and a second ' +
  'load changes nothing', async (t) => {
  for (const options of [bare, preload]) {
    const run = runNode('test/fixtures/js_preload/entry.js', [], options);
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout), {
      same: true,
      fromKept: true,
      bindingKept: true,
      view: [5, 0, 7, 8],
      EventEmitter: 'function',
    });
  }
});

t.test('process.compile runs a script in the global context', async (t) => {
  const run = runNode('test/fixtures/js_preload/compile.js', [], preload);
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), {
    value: 42,
    global: 'undefined',
    definedGlobal: 1,
    stack: true,
    message: 'inside',
    syntax: 'SyntaxError',
    oneArgument:
      'TypeError: process.compile(source, filename): needs two arguments',
  });
});

t.test('require.paths is one array every require searches, and nothing ' +
  'else changes', async (t) => {
  const run = runNode('test/fixtures/js_preload/require_paths.js', [], preload);
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), {
    oneArray: true,
    startsWithGlobals: true,
    before: 'MODULE_NOT_FOUND',
    onlyA: 'lib_a/only_a',
    shared: 'lib_b/shared',
    resolvePaths: true,
    peerSees: 'lib_a/only_a',
    relative: 'MODULE_NOT_FOUND',
    plain: 'undefined',
    assigned: [5, ['paths']],
    classStatic: 'own',
  });
});

t.test('sys.puts, print, error, log and debug print as in node 0.x',
  async (t) => {
    const run = runNode('test/fixtures/js_events/sys.js', [], preload);
    t.equal(run.code, 0, run.stderr);
    const lines = run.stdout.split('\n');
    t.same(lines.slice(0, 3), ['one', '2', 'no newline|']);
    t.match(lines[3], /^\d{1,2} [A-Z][a-z]{2} \d\d:\d\d:\d\d - a log line$/);
    t.same(JSON.parse(lines[4]), {
      isDate: [true, false],
      isRegExp: [true, false],
      isError: [true, false],
      isArray: true,
      inspect: '{ a: 1 }',
      utilDebug: 'function',
    });
    t.match(run.stderr, /^to stderr\n3\nDEBUG: a debug line\n/m);
  });

t.test('process.binding(\'http_parser\') can be looked up on every Node; on ' +
  'Node 24+, where Node dropped it, its HTTPParser throws', async (t) => {
  const run = runNode('test/fixtures/js_preload/http_parser.js', [], preload);
  t.equal(run.code, 0, run.stderr);
  const out = lastJson(run.stdout);
  t.match(out, { type: 'function', request: 'number', methods: true });
  if (major >= 24) {
    t.match(out.construct, new RegExp('^process.binding\\(\'http_parser\'\\)' +
      '.HTTPParser: node 0.x\'s HTTP parser is not restored'));
    t.match(run.stderr, /\[NWC_BINDING_HTTP_PARSER\] DeprecationWarning/);
  } else {
    t.notMatch(run.stderr, /NWC_BINDING_HTTP_PARSER/, 'Node\'s own binding');
  }
});

t.test('npm run test:legacy-preload: the preload reaches the tests and ' +
  'their scenarios', { skip: !process.env.NODE_WAF_COMPAT_SUITE_PRELOADED },
async (t) => {
  t.ok(process[Symbol.for('node-waf-compat.legacy')], 'in this process');
  t.match(scenarioEnv().NODE_OPTIONS, /compat[/\\]legacy/,
    'scenarios keep it in NODE_OPTIONS');
  t.notMatch(scenarioEnv().NODE_OPTIONS, /@tapjs/, 'without tap\'s loaders');
  const run = runNode('test/fixtures/js_preload/state.js');
  t.equal(run.code, 0, run.stderr);
  t.equal(lastJson(run.stdout).EventEmitter, 'function', 'in a scenario');
});
