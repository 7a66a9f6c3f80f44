'use strict';
// run.js (npm run test:realworld): the real-world suite.  Every package of
// packages.json, as published on the npm registry in 2010-2012, is built
// unchanged with the SDK's node-waf, loaded and run against its own tests,
// under Node 20 and Node 26 (the matrix's pinned releases), and compared
// with the verdict the manifest expects:
//   - a package that does worse than expected fails the suite;
//   - one that does better is reported, so that the manifest can be raised;
//   - `node-waf audit`'s "builds" verdict must agree with the real build.
//
// First, for each line, the README's `npm install` scenarios
// (install.js), unless --no-install.
//
//   node test/realworld/run.js [--versions 20,26] [--only a,b]
//                              [--no-install] [--jobs 2] [--json FILE] [-v]
// --jobs, how many packages are built and tested at once; -v prints each
// failure's last lines.
// Tarballs and test tools are cached in $NODE_WAF_COMPAT_CACHE or
// ~/.cache/node-waf-compat (realworld/); packages are unpacked and built in
// $TMPDIR/node-waf-compat-realworld/<node>/, with each step's log in logs/.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { PINNED, cacheDir, ensureNode } = require('../helpers/node_dist');
const { runPackage, VERDICTS, tarballFor } = require('./harness');
const install = require('./install');
const manifest = require('./packages.json');

function option(argv, name) {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function nodeFor(line) {
  if (process.versions.node.split('.')[0] === String(line)) {
    return { version: process.versions.node, bin: process.execPath };
  }
  if (!PINNED[line]) throw new Error(`no pinned release for Node ${line}`);
  return ensureNode(PINNED[line]);
}

// The manifest's expectation for one node line: `expect` is either one
// { verdict, tests } for every line or a map from line to one.
function expected(pkg, line) {
  const e = pkg.expect || {};
  return e.verdict ? e : (e[line] || { verdict: 'pass' });
}

const passedOf = (tests) => (/^\d+\//.test(tests || '')
  ? Number(tests.split('/')[0]) : 0);

// -1 worse than expected, 0 as expected, 1 better.  The number of tests
// passed counts too, unless the manifest says why it varies from run to
// run (countVaries).
function compare(row, want, pkg = {}) {
  const got = VERDICTS.indexOf(row.verdict);
  const target = VERDICTS.indexOf(want.verdict);
  if (got !== target) return got < target ? -1 : 1;
  if (want.tests && row.verdict !== 'pass' && !pkg.countVaries) {
    const a = passedOf(row.tests);
    const b = passedOf(want.tests);
    if (a !== b) return a < b ? -1 : 1;
  }
  return 0;
}

function auditAgrees(row, pkg) {
  if (row.audit === null || row.verdict === 'fetch-fail') return true;
  if (row.audit === row.built) return true;
  return Boolean(pkg.auditDiffers);
}

function pad(text, width) {
  const s = String(text);
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

function printTable(rows) {
  const columns = [['node', 'node'], ['package', 'id'], ['build', 'build'],
    ['load', 'load'], ['tests', 'tests'], ['verdict', 'verdict'],
    ['expected', 'expected'], ['audit', 'auditText']];
  const widths = columns.map(([title, key]) => Math.max(title.length,
    ...rows.map((r) => String(r[key]).length)));
  const line = (cells) => cells.map((c, i) => pad(c, widths[i])).join('  ')
    .trimEnd();
  console.log(line(columns.map(([title]) => title)));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(columns.map(([, key]) => row[key])));
}

// Compares a package's row with the manifest and prints it.
function report(row, pkg, line, verbose) {
  const want = expected(pkg, line);
  row.line = line;
  row.expected = want.verdict + (want.tests ? ` ${want.tests}` : '');
  row.change = compare(row, want, pkg);
  row.auditOk = auditAgrees(row, pkg);
  row.auditText = row.audit === null ? '-'
    : `${row.audit ? 'yes' : 'no'}${row.auditOk ? '' : ' (WRONG)'}`;
  const mark = row.change < 0 ? 'REGRESSION' : row.change > 0
    ? 'better than expected' : 'as expected';
  console.log(`[node ${row.node}] ${row.id}: ${row.verdict} ` +
    `(build ${row.build}, load ${row.load}, tests ${row.tests}, ` +
    `${row.seconds.toFixed(0)} s) ${mark}`);
  if ((verbose || row.change < 0) && row.detail) {
    console.log(row.detail.replace(/^/gm, '    '));
  }
}

// fn over items, at most `jobs` at once; results in the items' order.
async function pool(items, jobs, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) },
    worker));
  return results;
}

async function main(argv) {
  const lines = (option(argv, '--versions') || '20,26').split(',');
  const only = option(argv, '--only');
  const verbose = argv.includes('-v');
  const jobs = Number(option(argv, '--jobs') || 2);
  let packages = manifest.packages;
  if (only) {
    const wanted = new Set(only.split(','));
    packages = packages.filter((p) => wanted.has(p.name) ||
      wanted.has(`${p.name}@${p.version}`));
  }
  if (packages.length === 0) throw new Error('no package selected');

  const cache = path.join(cacheDir(), 'realworld');
  const rows = [];
  for (const line of lines) {
    let node;
    try {
      node = nodeFor(line);
    } catch (error) {
      console.log(`Node ${line}: ${error.message}`);
      process.exitCode = 1;
      continue;
    }
    const work = path.join(os.tmpdir(), 'node-waf-compat-realworld',
      node.version);
    fs.mkdirSync(work, { recursive: true });
    if (!argv.includes('--no-install')) {
      let found;
      try {
        found = install.scenarios({ node, line, cache, work,
          tarballFor: (pkg) => tarballFor(cache, pkg) });
      } catch (error) {
        found = [{ id: 'npm install scenarios', verdict: 'fetch-fail',
          detail: error.message, seconds: 0 }];
      }
      for (const row of found) {
        Object.assign(row, { node: node.version, line, build: '-',
          load: '-', tests: '-', expected: 'pass', auditOk: true,
          auditText: '-' });
        row.change = row.verdict === 'pass' ? 0 : -1;
        rows.push(row);
        console.log(`[node ${node.version}] ${row.id}: ${row.verdict} ` +
          `(${row.seconds.toFixed(0)} s)`);
        if (row.detail) console.log(row.detail.replace(/^/gm, '    '));
      }
    }
    const done = await pool(packages, jobs, async (pkg) => {
      const row = await runPackage(pkg, { node, cache, work });
      report(row, pkg, line, verbose);
      return row;
    });
    rows.push(...done);
  }

  const out = option(argv, '--json');
  if (out) fs.writeFileSync(out, JSON.stringify(rows, null, 2) + '\n');

  console.log('');
  printTable(rows);
  const worse = rows.filter((r) => r.change < 0);
  const better = rows.filter((r) => r.change > 0);
  const auditWrong = rows.filter((r) => !r.auditOk);
  console.log('');
  for (const r of better) {
    console.log(`better than the manifest: ${r.id} on Node ${r.line}: ` +
      `${r.verdict} ${r.tests} (expected ${r.expected}): raise it`);
  }
  for (const r of worse) {
    console.log(`REGRESSION: ${r.id} on Node ${r.line}: ${r.verdict} ` +
      `${r.tests} (expected ${r.expected})`);
  }
  for (const r of auditWrong) {
    console.log(`AUDIT WRONG: ${r.id} on Node ${r.line}: the audit says ` +
      `"builds: ${r.audit ? 'yes' : 'no'}", the build ` +
      `${r.built ? 'succeeded' : 'failed'}`);
  }
  if (worse.length || auditWrong.length) process.exitCode = 1;
  const packageRows = rows.filter((r) => !r.scenario);
  const passed = packageRows.filter((r) => r.verdict === 'pass').length;
  console.log(`${worse.length} regressions, ${better.length} improvements, ` +
    `${auditWrong.length} audit disagreements`);
  console.log(`${passed} passed, ${packageRows.length - passed} failed`);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
