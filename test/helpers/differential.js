'use strict';
// differential.js: runs a legacy-style test addon twice from the same
// source -- built against Node 0.8.28's own headers with plain g++ and run
// under Node 0.8.28 (the oracle), and built through node-waf-compat and run
// under the node running the tests -- and returns both outputs, normalised.
//
// The oracle build is cached in build/differential/<version>/, keyed by a
// hash of the sources and the command line.
const { spawnSync, execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { ensureNode, ORACLE } = require('./node_dist');
const { normalise } = require('../differential/normalise');

const root = path.join(__dirname, '..', '..');

// The oracle node, or { skip: reason } when it cannot be had.
function oracle() {
  try {
    return ensureNode(ORACLE);
  } catch (error) {
    return { skip: `Node ${ORACLE} is not available: ${error.message}` };
  }
}

// The addon `concern` built against the oracle's headers with g++ (its C
// files with gcc), as node-waf era compilers built it (GNU C++98, GNU C99);
// cached.
function buildOracleAddon(node, concern) {
  const dir = path.join(root, 'test', 'addons', concern);
  const files = fs.readdirSync(dir).sort();
  const sources = files.filter((f) => f.endsWith('.cc'))
    .map((f) => path.join(dir, f));
  const cSources = files.filter((f) => f.endsWith('.c'))
    .map((f) => path.join(dir, f));
  const out = path.join(root, 'build', 'differential', node.version);
  const target = path.join(out, `${concern}.node`);
  // <prefix>/include too: old code spelled <node/node.h> where node's
  // headers were installed under a system prefix.
  const includes = [`-I${node.include}`, `-I${path.dirname(node.include)}`];
  const objects = cSources.map((file) =>
    path.join(out, `${concern}.${path.basename(file, '.c')}.o`));
  const cArgs = cSources.map((file, i) => ['-std=gnu99', '-fPIC', '-c',
    ...includes, '-w', '-O1', file, '-o', objects[i]]);
  const args = ['-std=gnu++98', '-fPIC', '-shared', '-DBUILDING_NODE_EXTENSION',
    ...includes, '-w', '-O1', ...sources, ...objects, '-o', target];
  const hash = crypto.createHash('sha256');
  hash.update(args.join('\0'));
  for (const c of cArgs) hash.update(c.join('\0'));
  for (const file of [...sources, ...cSources]) {
    hash.update(fs.readFileSync(file));
  }
  const key = hash.digest('hex');
  const stamp = `${target}.sha256`;
  if (fs.existsSync(target) && fs.existsSync(stamp) &&
      fs.readFileSync(stamp, 'utf8') === key) {
    return target;
  }
  fs.mkdirSync(out, { recursive: true });
  for (const c of cArgs) execFileSync('gcc', c, { stdio: 'pipe' });
  execFileSync('g++', args, { stdio: 'pipe' });
  fs.writeFileSync(stamp, key);
  return target;
}

function run(nodeBin, concern, addon, flags = []) {
  const driver = path.join(root, 'test', 'differential', `${concern}.js`);
  // Node 0.8.28 is the oracle as it was: not under the ASan runtime that
  // npm run test:asan preloads into this node (its malloc fills fresh
  // memory, which node 0.8 copied uninitialised into some results).
  const env = { ...process.env };
  if (nodeBin !== process.execPath) {
    delete env.LD_PRELOAD;
    delete env.ASAN_OPTIONS;
  }
  const result = spawnSync(nodeBin, ['--expose-gc', ...flags, driver, addon], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60000,
    env,
  });
  return {
    code: result.status,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

// V8 flags that move and collect objects far more often than a real run:
// the modern side runs a second time under them, where the slot and
// dead-cell tricks of the facade would break first.
const GC_STRESS = ['--stress-compaction', '--gc-interval=100'];

// { skip } or { oracle: {lines, raw}, modern: {lines, raw} } for concern;
// with stress, the modern side runs under GC_STRESS.
function compare(concern, { stress = false } = {}) {
  const node = oracle();
  if (node.skip) return { skip: node.skip };
  let oracleAddon;
  try {
    oracleAddon = buildOracleAddon(node, concern);
  } catch (error) {
    return { skip: `cannot build the oracle addon with g++: ` +
      String(error.stderr || error.message).split('\n')[0] };
  }
  const modernAddon = path.join(root, 'build', 'Release', `${concern}.node`);
  const old = run(node.bin, concern, oracleAddon);
  const now = run(process.execPath, concern, modernAddon,
    stress ? GC_STRESS : []);
  return {
    oracle: { ...old, lines: normalise(old.stdout, 'oracle', concern) },
    modern: { ...now, lines: normalise(now.stdout, 'modern', concern) },
  };
}

module.exports = { compare, oracle, buildOracleAddon, GC_STRESS };
