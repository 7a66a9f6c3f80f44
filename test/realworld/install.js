'use strict';
// install.js: the README's first way to migrate, as a user types it, with
// the npm that ships with each supported Node (npm 10.8.2 with Node 20,
// 11.19.1 with Node 26, from the registry, cached):
//   project   `npm install node-waf-compat <old package>` in a project: the
//             old package's install script (`node-waf configure build`)
//             finds our node-waf and require() loads it
//   global    `npm install -g node-waf-compat`, then `node-waf configure
//             build` in an old addon's own folder, whose 2011 package.json
//             lists a devDependency that no longer installs and which
//             committed its own node_modules: it builds, loads, passes its
//             test, and node_modules is left as it was
//   failing   `npm install` of an old package whose wscript we cannot run:
//             the user sees node-waf's message (line, call, what to do)
// Each scenario gives a row like a package's, expected to pass.
const fs = require('fs');
const path = require('path');
const { run, envFor, tail } = require('./harness');

const root = path.join(__dirname, '..', '..');
const fixtures = path.join(root, 'test', 'fixtures', 'realworld');

// The npm each line ships with.
const NPM = { 20: '10.8.2', 26: '11.19.1' };

function npmFor(line, cache) {
  const version = NPM[line];
  if (!version) throw new Error(`no npm known for Node ${line}`);
  const dir = path.join(cache, 'npm', version);
  const cli = path.join(dir, 'package', 'bin', 'npm-cli.js');
  if (!fs.existsSync(cli)) {
    fs.mkdirSync(dir, { recursive: true });
    const packed = run('npm', ['pack', `npm@${version}`, '--pack-destination',
      dir, '--silent'], { timeout: 5 * 60 * 1000 });
    if (packed.status !== 0) throw new Error(tail(packed.output));
    const unpacked = run('tar', ['xzf', path.join(dir, `npm-${version}.tgz`),
      '-C', dir]);
    if (unpacked.status !== 0) throw new Error(tail(unpacked.output));
  }
  return { version, cli };
}

// npm pack of a folder into `out`; returns the tarball's path.
function pack(folder, out) {
  fs.mkdirSync(out, { recursive: true });
  const packed = run('npm', ['pack', folder, '--pack-destination', out,
    '--json', '--silent'], { timeout: 5 * 60 * 1000 });
  if (packed.status !== 0) throw new Error(tail(packed.output));
  return path.join(out, JSON.parse(packed.stdout)[0].filename);
}

function scenarios({ node, line, cache, work, tarballFor }) {
  const npm = npmFor(line, cache);
  const base = path.join(work, 'install');
  fs.rmSync(base, { recursive: true, force: true });
  const sdk = pack(path.join(root, 'compat'), path.join(base, 'tarballs'));
  const env = envFor(node, {});
  const npmRun = (args, cwd, extra = {}) => run(node.bin, [npm.cli, ...args,
    '--no-audit', '--no-fund'], { cwd, env: { ...env, ...extra },
    timeout: 15 * 60 * 1000 });
  const rows = [];
  const row = (id, check) => {
    const started = Date.now();
    let detail = '';
    try {
      detail = check() || '';
    } catch (error) {
      detail = error.message;
    }
    rows.push({ id: `${id} (npm ${npm.version})`, scenario: true,
      verdict: detail ? 'test-fail' : 'pass', detail,
      seconds: (Date.now() - started) / 1000 });
  };

  row('npm install node-waf-compat microtime', () => {
    const project = path.join(base, 'project');
    fs.mkdirSync(project, { recursive: true });
    fs.writeFileSync(path.join(project, 'package.json'),
      '{ "name": "project", "version": "1.0.0", "private": true }\n');
    const old = tarballFor({ name: 'microtime', version: '0.1.3' });
    const installed = npmRun(['install', sdk, old], project);
    if (installed.status !== 0) {
      return `npm install failed:\n${tail(installed.output)}`;
    }
    const loaded = run(node.bin, ['-e',
      'const t = require("microtime").now(); if (!(t > 1e15)) throw t'],
    { cwd: project, env });
    if (loaded.status !== 0) return `require failed:\n${tail(loaded.output)}`;
    return '';
  });

  row('npm install -g node-waf-compat; node-waf in an old checkout', () => {
    const prefix = path.join(base, 'global');
    const installed = npmRun(['install', '-g', '--prefix', prefix, sdk], base);
    if (installed.status !== 0) {
      return `npm install -g failed:\n${tail(installed.output)}`;
    }
    const addon = path.join(base, 'old_addon');
    fs.cpSync(path.join(fixtures, 'old_addon'), addon, { recursive: true });
    const pathEnv = { PATH: [path.join(prefix, 'bin'), env.PATH]
      .join(path.delimiter) };
    const built = run('sh', ['-c', 'node-waf configure build'],
      { cwd: addon, env: { ...env, ...pathEnv }, timeout: 15 * 60 * 1000 });
    if (built.status !== 0) return `node-waf failed:\n${tail(built.output)}`;
    const tested = run(node.bin, ['test.js'], { cwd: addon, env });
    if (tested.status !== 0) return `its test failed:\n${tail(tested.output)}`;
    const kept = path.join(addon, 'node_modules', 'helper', 'index.js');
    if (!fs.existsSync(kept)) return 'its committed node_modules was touched';
    return '';
  });

  row('npm install of a package whose wscript cannot run', () => {
    const project = path.join(base, 'failing');
    fs.mkdirSync(project, { recursive: true });
    fs.writeFileSync(path.join(project, 'package.json'),
      '{ "name": "failing", "version": "1.0.0", "private": true }\n');
    const broken = pack(path.join(fixtures, 'broken_wscript'),
      path.join(base, 'tarballs'));
    const first = npmRun(['install', sdk], project);
    if (first.status !== 0) return `npm install failed:\n${tail(first.output)}`;
    const installed = npmRun(['install', broken], project);
    if (installed.status === 0) return 'npm install did not fail';
    const message = /node-waf: wscript:7: conf\.check_tool\('bison'\)/;
    if (!message.test(installed.output)) {
      return `node-waf's message is not shown:\n${tail(installed.output)}`;
    }
    return '';
  });
  return rows;
}

module.exports = { scenarios, npmFor, NPM };
