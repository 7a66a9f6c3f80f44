'use strict';
// child.js: runs a scenario in a fresh node (the one running the tests, so
// the version matrix exercises the same node) and returns what it printed.
const { spawnSync, spawn } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..', '..');

// The environment of a scenario: ours, without the loaders tap puts in
// NODE_OPTIONS for its own test processes (a scenario is a plain program).
function scenarioEnv(extra) {
  const env = { ...process.env, ...extra };
  if (!extra || !('NODE_OPTIONS' in extra)) delete env.NODE_OPTIONS;
  return env;
}

// Runs `node [nodeArgs] file args...` (file relative to the repository
// root) to the end.
function runNode(file, args = [],
  { timeout = 20000, input, env, args: nodeArgs = [] } = {}) {
  const result = spawnSync(process.execPath,
    [...nodeArgs, path.join(root, file), ...args], {
    cwd: root,
    input,
    timeout,
    encoding: 'utf8',
    env: scenarioEnv(env),
  });
  return {
    code: result.status,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr,
    timedOut: result.error !== undefined && result.error.code === 'ETIMEDOUT',
  };
}

// The JSON object a scenario printed on its last stdout line.
function lastJson(stdout) {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

// Starts `node file` with piped stdio for an interactive session.
function startNode(file, args = [], { env } = {}) {
  return spawn(process.execPath, [path.join(root, file), ...args], {
    cwd: root,
    env: scenarioEnv(env),
  });
}

module.exports = { root, runNode, lastJson, startNode };
