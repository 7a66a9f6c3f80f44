'use strict';
// child.js: runs a scenario in a fresh node (the one running the tests, so
// the version matrix exercises the same node) and returns what it printed.
const { spawnSync, spawn } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..', '..');

// NODE_OPTIONS split into options as Node reads it: separated by spaces,
// "double quotes" around one that holds spaces, \" and \\ inside them.
function splitNodeOptions(text) {
  const options = [];
  let current = null;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '\\' && i + 1 < text.length) {
      current += text[++i];
    } else if (c === '"') {
      quoted = !quoted;
      if (current === null) current = '';
    } else if (!quoted && /\s/.test(c)) {
      if (current !== null) options.push(current);
      current = null;
    } else {
      current = (current === null ? '' : current) + c;
    }
  }
  if (current !== null) options.push(current);
  return options;
}

// The loaders tap adds for its own test processes (--import=<a tap
// plugin>, or --import and the plugin as two options).
function withoutTapLoaders(options) {
  const tap = /[/\\]node_modules[/\\](?:@tapjs|tap)[/\\]/;
  const loader = /^--(?:import|loader|experimental-loader|require|r)$/;
  const out = [];
  for (let i = 0; i < options.length; i++) {
    const [flag, value] = options[i].split(/=(.*)/s);
    if (value !== undefined && loader.test(flag) && tap.test(value)) continue;
    if (value === undefined && loader.test(flag) && i + 1 < options.length &&
        tap.test(options[i + 1])) {
      i++;
      continue;
    }
    out.push(options[i]);
  }
  return out;
}

// The environment of a scenario: ours, without the loaders tap puts in
// NODE_OPTIONS for its own test processes (a scenario is a plain program).
// Whatever else NODE_OPTIONS holds stays, such as the legacy preload when
// the suite runs under it (npm run test:legacy-preload).
function scenarioEnv(extra) {
  const env = { ...process.env, ...extra };
  if (extra && 'NODE_OPTIONS' in extra) return env;
  const kept = withoutTapLoaders(splitNodeOptions(env.NODE_OPTIONS || ''));
  if (kept.length === 0) {
    delete env.NODE_OPTIONS;
  } else {
    env.NODE_OPTIONS = kept.map((option) => /[\s"\\]/.test(option)
      ? `"${option.replace(/[\\"]/g, (c) => `\\${c}`)}"` : option).join(' ');
  }
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

module.exports = { root, runNode, lastJson, startNode, scenarioEnv };
