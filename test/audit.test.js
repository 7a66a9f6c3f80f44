'use strict';
// node-waf audit: every legacy API use with its file:line and the coverage
// table's verdict, found on tokens with C++ name lookup, never by grep.
const t = require('tap');
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const coverage = require('../compat/tools/coverage');
const { audit } = require('../compat/audit/audit');
const { Names } = require('../compat/audit/names');
const { main } = require('../compat/audit/cli');

const root = path.join(__dirname, '..');
const fixtures = path.join(__dirname, 'fixtures', 'audit');
const nodeWaf = path.join(root, 'compat', 'bin', 'node-waf');

// { "file name": count } over the uses the SDK compiles (or the others).
function tally(report, compiled = true) {
  const out = {};
  for (const u of report.uses.filter((x) => x.compiled === compiled)) {
    const key = `${u.file} ${u.name}`;
    out[key] = (out[key] || 0) + 1;
  }
  return out;
}

const statusOf = (report, name) =>
  report.uses.find((u) => u.name === name).status;

t.test('a node 0.4 addon: each use counted once, none from comments or ' +
  'strings, the #else branch of NODE_VERSION_AT_LEAST(0, 5, 0) compiled',
async (t) => {
  const report = audit(path.join(fixtures, 'classic04'));
  const f = 'classic04.cc';
  t.same(tally(report), {
    [`${f} node_version.h`]: 1,
    [`${f} EV_P_`]: 1,
    [`${f} ev_timer_stop`]: 1,
    [`${f} EV_A_`]: 1,
    [`${f} eio_req`]: 2,
    [`${f} ev_unref`]: 1,
    [`${f} EV_DEFAULT_UC`]: 2,
    [`${f} v8::Handle`]: 3,
    [`${f} v8::InvocationCallback`]: 2,
    [`${f} v8::Arguments`]: 2,
    [`${f} v8::HandleScope`]: 1,
    [`${f} ev_timer_init`]: 1,
    [`${f} ev_timer_start`]: 1,
    [`${f} EV_DEFAULT_UC_`]: 1,
    [`${f} eio_custom`]: 1,
    [`${f} EIO_PRI_DEFAULT`]: 1,
    [`${f} ev_ref`]: 1,
    [`${f} v8::HandleScope::Close`]: 1,
    [`${f} v8::String::New`]: 2,
    [`${f} NODE_VERSION_AT_LEAST`]: 1,
    [`${f} v8::ThrowException`]: 1,
    [`${f} v8::Exception::Error`]: 1,
    [`${f} NODE_SET_METHOD`]: 2,
  });
  t.same(tally(report, false), {
    [`${f} v8::Handle`]: 1,
    [`${f} v8::InvocationCallback`]: 1,
    [`${f} v8::Arguments`]: 1,
    [`${f} v8::Undefined`]: 1,
  }, 'the 0.5 branch is listed, marked not compiled');
  t.same(report.summary.counts,
    { exact: 26, approximated: 5, unsupported: 0 });
  t.equal(report.summary.notCompiled, 4);
  t.equal(statusOf(report, 'ev_ref'), 'approximated');
  t.equal(statusOf(report, 'EIO_PRI_DEFAULT'), 'approximated');
  t.equal(report.summary.builds, true);
  t.equal(report.facadeVersion, '0.4.12');
  t.equal(report.conditionals.length, 1);
  t.same(report.conditionals[0].branches.map((b) => [b.line, b.compiled]),
    [[36, false], [40, true]]);
  const skipped = report.uses.find((u) => u.name === 'v8::Undefined');
  t.same(skipped.branch, { line: 36, directive: 'if' });
  // Lines 12 and 1-3 name APIs only in a string and a comment.
  t.notOk(report.uses.some((u) => u.line <= 3 || u.line === 12));
});

t.test('v8:: qualification without using-directives; the addon\'s own ' +
  'Handle, Local and Close() are not V8\'s; macro bodies count',
async (t) => {
  const report = audit(path.join(fixtures, 'qualified'));
  const f = 'qualified.cc';
  t.same(tally(report), {
    [`${f} v8::Handle`]: 2,
    [`${f} v8::InvocationCallback`]: 1,
    [`${f} v8::Arguments`]: 1,
    [`${f} v8::HandleScope`]: 1,
    [`${f} v8::Value::NumberValue`]: 2,
    [`${f} v8::HandleScope::Close`]: 1,
    [`${f} v8::Number::New`]: 1,
    [`${f} v8::Object::Set`]: 1,
    [`${f} v8::String::NewSymbol`]: 1,
    [`${f} v8::FunctionTemplate::New`]: 1,
    [`${f} v8::FunctionTemplate::GetFunction`]: 1,
    [`${f} v8::ThrowException`]: 1,
    [`${f} v8::Exception::TypeError`]: 1,
    [`${f} v8::String::New`]: 1,
  });
  t.same(report.summary.counts, { exact: 16, approximated: 0,
    unsupported: 0 });
  t.equal(report.summary.linesTouched, 8);
  t.same(report.uses.filter((u) => u.line >= 29).map((u) => u.line),
    [31, 31, 31], 'a macro body\'s uses, and not file.Close()');
});

t.test('an unsupported API in compiled code: will not build, and why',
  async (t) => {
    const report = audit(path.join(fixtures, 'unsupported'));
    t.equal(report.summary.builds, false);
    t.same(report.summary.counts, { exact: 2, approximated: 0,
      unsupported: 2 });
    t.equal(report.summary.reasons.length, 3);
    t.match(report.summary.reasons[0], /^unsupported\.cc:11: ev_stat_init /);
    t.match(report.summary.reasons[1], /^unsupported\.cc:12: ev_stat_start /);
    t.match(report.summary.reasons[2],
      /^unsupported\.cc:13: v8::Debug is not declared by the SDK headers/);
    const embed = report.uses.find((u) => u.name === 'ev_embed_start');
    t.same([embed.compiled, embed.blocks], [false, false],
      'an unsupported call under #if 0 does not stop the build');
  });

t.test('a wscript and JavaScript glue: waf and node 0.x APIs by their ' +
  'spelling, runtime-only refusals do not stop the build', async (t) => {
  const report = audit(path.join(fixtures, 'glue'));
  t.same(tally(report), {
    'glue.cc v8::Handle': 2,
    'glue.cc v8::InvocationCallback': 1,
    'glue.cc v8::Arguments': 1,
    'glue.cc v8::HandleScope': 1,
    'glue.cc v8::HandleScope::Close': 1,
    'glue.cc v8::String::New': 1,
    'glue.cc NODE_SET_METHOD': 1,
    'glue.js require(\'sys\')': 1,
    'glue.js SlowBuffer': 2,
    'glue.js require.paths': 1,
    'glue.js util.puts': 1,
    'glue.js process.compile': 1,
    'glue.js process.binding(\'http_parser\')': 1,
    'wscript srcdir =': 1,
    'wscript blddir =': 1,
    'wscript VERSION =': 1,
    'wscript def set_options': 1,
    'wscript .tool_options': 1,
    'wscript def configure': 1,
    'wscript .check_tool(\'compiler_cxx\')': 1,
    'wscript .check_tool(\'node_addon\')': 1,
    'wscript .check_cfg': 1,
    'wscript def build': 1,
    'wscript .new_task_gen': 1,
    'wscript .target': 1,
    'wscript .source': 1,
    'wscript .uselib': 1,
    'wscript .install_files': 1,
  });
  t.same(report.summary.counts,
    { exact: 24, approximated: 4, unsupported: 2 });
  t.equal(statusOf(report, '.install_files'), 'unsupported');
  t.equal(statusOf(report, 'process.binding(\'http_parser\')'),
    'unsupported');
  t.equal(report.summary.builds, true);
  t.match(report.summary.reasons[0], /2 unsupported use\(s\) fail only when/);
  t.equal(report.summary.wscripts, 1);
});

t.test('old global and module names in glue: GLOBAL and root where the ' +
  'file does not declare its own, process.ENOENT, path.exists, os.tmpDir, ' +
  'tty.setRawMode, process.assert, buf.binarySlice', async (t) => {
  const report = audit(path.join(fixtures, 'oldnames'));
  t.same(tally(report), {
    'glue.js global.GLOBAL': 1,
    'glue.js global.root': 1,
    'glue.js os.tmpDir': 1,
    'glue.js tty.setRawMode': 1,
    'glue.js path.existsSync': 1,
    'glue.js path.exists': 1,
    'glue.js process.ENOENT': 1,
    'glue.js process.assert': 1,
    'glue.js .binarySlice': 1,
  }, 'none from the comment, the object key or tree.js\'s own root');
  t.same(report.summary.counts,
    { exact: 7, approximated: 2, unsupported: 0 });
  t.equal(statusOf(report, 'process.ENOENT'), 'approximated');
});

t.test('a tool node-waf-compat lacks: check_tool refused by its argument',
  async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-'));
    t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.writeFileSync(path.join(dir, 'wscript'), 'def configure(conf):\n' +
      '  conf.check_tool("compiler_cxx bison")\n' +
      '  conf.check_tool("gcc", tooldir=".")\n' +
      '  conf.check_tool("gcc")\n');
    const report = audit(dir);
    t.same(report.uses.map((u) => [u.line, u.name, u.status]), [
      [1, 'def configure', 'exact'],
      [2, '.check_tool', 'unsupported'],
      [3, '.check_tool', 'unsupported'],
      [4, '.check_tool(\'gcc\')', 'exact'],
    ]);
    t.equal(report.summary.builds, false);
  });

t.test('#if is decided as the SDK compiles: node 0.4.12 from ' +
  'node_version.h, compat.gyp\'s -D flags, GNU C++98', async (t) => {
  const preprocessor = require('../compat/audit/preprocessor');
  const { tokenize } = require('../compat/audit/c_lexer');
  const decide = (condition, cplusplus = true) => preprocessor
    .forFile(cplusplus).test(tokenize(`#if ${condition}\n`)[0].tokens);
  t.equal(preprocessor.facadeVersion(), '0.4.12');
  t.equal(decide('NODE_VERSION_AT_LEAST(0, 4, 12)'), true);
  t.equal(decide('NODE_VERSION_AT_LEAST(0, 4, 13)'), false);
  t.equal(decide('NODE_VERSION_AT_LEAST(0, 5, 0)'), false);
  t.equal(decide('NODE_MAJOR_VERSION == 0 && NODE_MINOR_VERSION < 5'), true);
  t.equal(decide('EV_MULTIPLICITY'), true);
  t.equal(decide('_FILE_OFFSET_BITS == 64 && defined _GNU_SOURCE'), true);
  t.equal(decide('__cplusplus >= 201103L'), false);
  t.equal(decide('defined(__cplusplus)'), true);
  t.equal(decide('defined(__cplusplus)', false), false);
  t.equal(decide('UNKNOWN_MACRO'), false);
  t.equal(decide('1 ? 2 : (0'), false, 'an unreadable expression is false');
  const classic = audit(path.join(root, 'test', 'waf', 'classic'));
  t.equal(classic.summary.notCompiled, 0,
    'classic.cc\'s #ifdef _FILE_OFFSET_BITS branch is compiled');
});

t.test('every coverage entry has names; every name belongs to one entry ' +
  'and the audit knows no other', async (t) => {
  const table = coverage.load();
  const owner = new Map();
  for (const entry of table.entries) {
    t.ok(Array.isArray(entry.names), `${entry.symbol}: names`);
    for (const name of entry.names) {
      t.notOk(owner.has(name), `${name}: in ${entry.symbol} only` +
        (owner.has(name) ? ` (also in ${owner.get(name)})` : ''));
      owner.set(name, entry.symbol);
    }
  }
  // An entry may go without names only when the audit cannot see it in
  // source (a behaviour, a command line) or its names are an overload's.
  const empty = table.entries.filter((e) => e.names.length === 0 &&
    e.kind !== 'behaviour').map((e) => e.symbol);
  t.same(empty, [
    'eio_custom(void (*)(eio_req *) execute, pri, cb, data)',
    'uv_ref(uv_handle_t*), uv_unref(uv_handle_t*)',
    'libuv 0.8 streams and addresses: uv_read_start with 0.8 callbacks, ' +
      'uv_ip4_addr(ip, port), uv_ip6_addr(ip, port), uv_tcp_bind(handle, ' +
      'struct sockaddr_in)',
    'node-waf --gyp, --gyp-out=FILE, --force',
    'new Buffer(slowBuffer, length, offset), Buffer(slowBuffer, length, ' +
      'offset)',
  ]);
  const names = new Names(table);
  const known = [...names.exact.keys(),
    ...names.prefixes.map((p) => `${p.prefix}*`)].sort();
  t.same(known, [...owner.keys()].sort());
  for (const entry of table.entries) {
    if (Array.isArray(entry.blocks)) {
      for (const name of entry.blocks) {
        t.ok(entry.names.includes(name), `${entry.symbol}: blocks ${name}`);
      }
    }
  }
});

t.test('every C/C++ name in the table is declared by the SDK headers',
  async (t) => {
    const text = [];
    const walk = (dir) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else text.push(fs.readFileSync(file, 'utf8'));
      }
    };
    walk(path.join(root, 'compat', 'include'));
    // The SDK's uv.h is Node's own plus the 2012 API: the uv names libuv
    // still has are declared there.
    const nodeUv = path.join(path.dirname(process.execPath), '..', 'include',
      'node', 'uv.h');
    if (fs.existsSync(nodeUv)) text.push(fs.readFileSync(nodeUv, 'utf8'));
    const headers = text.join('\n');
    const files = fs.readdirSync(path.join(root, 'compat', 'include'));
    for (const entry of coverage.load().entries) {
      if (!['ev', 'eio', 'uv', 'v8', 'node'].includes(entry.area)) continue;
      for (const name of entry.names) {
        if (name.endsWith('.h')) {
          t.ok(files.includes(name), `${name} is a header of the SDK`);
          continue;
        }
        const last = name.replace(/\(int\)$|\*$/g, '').split('::').pop();
        t.match(headers, new RegExp(`\\b${last}`), `${name}`);
      }
    }
  });

t.test('the repository\'s unsupported fixtures: the audit refuses exactly ' +
  'the lines the compiler refuses (test/unsupported.test.js)', async (t) => {
  // Lines marked `// <api>` are the ones that must fail to compile.
  const marked = (file) => fs.readFileSync(file, 'utf8').split('\n')
    .map((text, i) => (/[;>]\s*\/\/ \S+$/.test(text) ? i + 1 : 0))
    .filter(Boolean);
  for (const name of ['unsupported', 'eio_unsupported']) {
    const dir = path.join(__dirname, 'fixtures', name);
    const report = audit(dir);
    t.equal(report.summary.builds, false, `${name}: builds no`);
    for (const file of fs.readdirSync(dir)) {
      const refused = new Set([
        ...report.uses.filter((u) => u.file === file && u.blocks),
        ...report.unknown.filter((u) => u.file === file),
      ].map((u) => u.line));
      t.same([...refused].sort((a, b) => a - b),
        marked(path.join(dir, file)), `${name}/${file}`);
    }
  }
});

t.test('a refused call is reported with the message the compiler gives ' +
  'on that line', async (t) => {
  const include = path.join(root, 'compat', 'include');
  for (const name of ['unsupported', 'eio_unsupported']) {
    const dir = path.join(__dirname, 'fixtures', name);
    const report = audit(dir);
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.cc'))) {
      const full = path.join(dir, file);
      const compiled = spawnSync('g++', ['-std=gnu++98', '-c', '-o',
        '/dev/null', `-I${include}`, full], { encoding: 'utf8' });
      if (compiled.error) {
        t.skip(`g++ is not available: ${compiled.error.message}`);
        return;
      }
      const quoted = report.uses.filter((u) => u.file === file && u.refusal);
      // headers.cc refuses whole headers (#error), not calls.
      if (file === 'calls.cc') {
        const least = { unsupported: 40, eio_unsupported: 10 }[name];
        t.ok(quoted.length >= least, `${name}/${file}: messages quoted`);
      }
      for (const u of quoted) {
        const said = compiled.stderr.split('\n').find((line) =>
          line.startsWith(`${full}:${u.line}:`) && / error: /.test(line));
        t.ok(said && said.includes(u.refusal),
          `${name}/${file}:${u.line} ${u.name}: the compiler's words`);
      }
    }
  }
});

// The addons npm install builds (test/addons, src/texample.cc with the root
// wscript, the node-waf fixtures built by the waf tests) all build, so the
// audit must say so for each.
const built = [
  ...fs.readdirSync(path.join(__dirname, 'addons'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join('test', 'addons', e.name)),
  'src', 'wscript',
  ...fs.readdirSync(path.join(__dirname, 'waf'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join('test', 'waf', e.name)),
];

t.test('a member through a pointer to a handle is the handle\'s; an ' +
  'unknown receiver never makes the verdict "no"', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-pointer-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'done.cc'), [
    '#include <v8.h>',
    'using namespace v8;',
    'static void Done(Persistent<Function>* cb) {',
    '  cb->Dispose();',
    '  delete cb;',
    '}',
    'static void Release(struct Baton* baton) {',
    '  baton->handle->Dispose();',
    '}',
    '',
  ].join('\n'));
  const report = audit(dir);
  const at = (line) => report.uses.filter((u) => u.line === line)
    .map((u) => `${u.name} ${u.status}`);
  t.same(at(4), ['v8::Persistent::Dispose exact'], 'cb->Dispose()');
  t.same(at(8), [], 'an unknown receiver\'s Dispose is not claimed');
  t.equal(report.summary.builds, true, report.summary.reasons.join('; '));
});

t.test('every addon the repository builds: builds yes', async (t) => {
  t.ok(built.length >= 20, `${built.length} addons`);
  for (const dir of built) {
    const report = audit(path.join(root, dir));
    t.ok(report.summary.uses > 0, `${dir}: legacy uses found`);
    t.equal(report.summary.builds, true,
      `${dir}: ${report.summary.reasons.join('; ')}`);
  }
});

function run(args, options = {}) {
  return spawnSync(process.execPath, [nodeWaf, 'audit', ...args],
    { encoding: 'utf8', cwd: root, ...options });
}

t.test('node-waf audit: text with the summary first, --json, exit codes',
  async (t) => {
    const text = run([path.join('test', 'fixtures', 'audit', 'classic04')]);
    t.equal(text.status, 0);
    const lines = text.stdout.split('\n');
    t.equal(lines[0], `node-waf audit: ${path.join('test', 'fixtures', 'audit',
      'classic04')}`);
    t.match(text.stdout, /builds with the SDK: yes\n/);
    t.match(text.stdout, /26 exact, 5 approximated, 0 unsupported \(\+4 in/);
    t.match(text.stdout, /hand port: {2}about 19 lines to change in 1 file/);
    t.match(text.stdout, new RegExp('classic04\\.cc:36 {2}#if ' +
      'NODE_VERSION_AT_LEAST\\(0, 5, 0\\)\\n {4}compiles: line 40: #else'));
    t.match(text.stdout, new RegExp('classic04\\.cc:38 +v8::Undefined +' +
      'exact +-> .*\\[not compiled: #if at line 36\\]'));
    t.notMatch(text.stdout, /\x1b\[/, 'no colour when not a terminal');
    const colour = run(['--color', 'test/fixtures/audit/unsupported']);
    t.match(colour.stdout, /\x1b\[31mno\x1b\[0m/);
    const json = run(['--json', 'test/fixtures/audit/unsupported']);
    t.equal(json.status, 0, 'a report that says "no" is still a report');
    const report = JSON.parse(json.stdout);
    t.equal(report.summary.builds, false);
    t.same(Object.keys(report.uses[0]).sort(), ['area', 'blocks', 'branch',
      'changes', 'column', 'compiled', 'file', 'kind', 'line', 'mechanism',
      'modern', 'name', 'note', 'path', 'refusal', 'status', 'symbol',
      'text']);
  });

t.test('node-waf audit: usage errors and unreadable folders exit 2 with ' +
  'a message', async (t) => {
  const missing = run(['no/such/dir']);
  t.equal(missing.status, 2);
  t.match(missing.stderr, /^node-waf audit: cannot read no\/such\/dir: ENOENT/);
  const option = run(['--frobnicate']);
  t.equal(option.status, 2);
  t.match(option.stderr, /unknown option --frobnicate/);
  const two = run(['a', 'b']);
  t.equal(two.status, 2);
  t.match(two.stderr, /one DIR only/);
  const html = run(['--html']);
  t.equal(html.status, 2);
  t.match(html.stderr, /--html needs a FILE/);
  const unwritable = run(['--html', path.join('no', 'such', 'dir', 'a.html'),
    'test/fixtures/audit/qualified']);
  t.equal(unwritable.status, 2);
  t.match(unwritable.stderr, /cannot write no\/such\/dir\/a\.html: ENOENT/);
  const notSource = run(['package.json']);
  t.equal(notSource.status, 2);
  t.match(notSource.stderr, /package\.json: not a C\/C\+\+ source/);
  const help = run(['--help']);
  t.equal(help.status, 0);
  t.match(help.stdout, /^usage: node-waf audit \[DIR\]/);
  if (process.getuid && process.getuid() !== 0) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-'));
    t.teardown(() => {
      fs.chmodSync(dir, 0o700);
      fs.rmSync(dir, { recursive: true, force: true });
    });
    fs.chmodSync(dir, 0);
    const locked = run([dir]);
    t.equal(locked.status, 2);
    t.match(locked.stderr, /cannot read .*EACCES/);
  }
});

t.test('main() writes through the streams it is given', async (t) => {
  const chunks = [];
  const sink = { write: (s) => chunks.push(s), on: () => {} };
  const code = main(['--json', path.join(fixtures, 'qualified')],
    { stdout: sink, stderr: sink });
  t.equal(code, 0);
  t.equal(JSON.parse(chunks.join('')).summary.uses, 16);
});
