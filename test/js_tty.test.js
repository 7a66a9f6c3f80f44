'use strict';
// The legacy preload's terminal glue: node 0.6's new net.Socket(fd) and
// net.Stream.call(this, fd) on a terminal (here a pty from python3, see
// helpers/pty_session.py) and tty.setRawMode; the same glue under Node
// 0.8.28 where it is at hand; net.Socket's modern forms as on modern Node.
const t = require('tap');
const { spawnSync } = require('child_process');
const path = require('path');
const { runNode, lastJson, root, scenarioEnv } = require('./helpers/child');
const { oracle } = require('./helpers/differential');

const alone = { NODE_OPTIONS: '--stack-trace-limit=10' };
const preload = ['-r', 'node-waf-compat/legacy'];
const pty = path.join(__dirname, 'helpers', 'pty_session.py');

// Runs `node ...args` on a pty through the steps; its JSON report.
function session(node, args, steps, env = alone) {
  const run = spawnSync('python3', [pty, node, ...args], {
    cwd: root, input: JSON.stringify(steps), encoding: 'utf8',
    env: scenarioEnv(env), timeout: 60000,
  });
  if (run.status !== 0) throw new Error(`pty_session.py: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const hasPython = spawnSync('python3', ['-c', 'import pty'],
  { encoding: 'utf8' }).status === 0;
const terminal = 'test/fixtures/js_tty/terminal.js';
const steps = [['expect', 'prompt> '], ['send', 'hello\n'], ['expect', 'bye']];
const dialogue = 'socket=true true raw=true\r\nprompt> hello\r\n' +
  'got [hello]\r\nbye\r\n';

t.test('new net.Socket(fd) and net.Stream.call(this, fd) on a terminal read ' +
  'and write it; tty.setRawMode switches stdin', { skip: !hasPython &&
  'python3 with pty is needed' }, async (t) => {
  const run = session(process.execPath, [...preload, terminal], steps);
  t.same([run.code, run.failedStep], [0, null], run.screen);
  t.match(run.screen, /\[NWC_NET_SOCKET_TTY_FD\] DeprecationWarning/);
  t.match(run.screen, /\[NWC_TTY_SETRAWMODE\] DeprecationWarning/);
  const quiet = session(process.execPath, [...preload, terminal], steps,
    { ...alone, NODE_WAF_COMPAT_NO_DEPRECATION: '1' });
  t.equal(quiet.screen, dialogue);
});

t.test('without the preload a terminal fd is ERR_INVALID_FD_TYPE',
  { skip: !hasPython && 'python3 with pty is needed' }, async (t) => {
    const run = session(process.execPath, [terminal], steps);
    t.equal(run.code, 1);
    t.match(run.screen, /ERR_INVALID_FD_TYPE.*TTY/);
  });

t.test('node 0.8.28 holds the same dialogue', {
  skip: !hasPython && 'python3 with pty is needed' }, async (t) => {
  const node = oracle();
  if (node.skip) return t.skip(node.skip);
  const run = session(node.bin, [terminal], steps, {});
  t.same([run.code, run.failedStep], [0, null], run.screen);
  t.equal(run.screen.replace(/^tty\.setRawMode: .*\r\n/, ''), dialogue,
    'node 0.8 printed its own deprecation line first');
});

t.test('every other form of net.Socket, instanceof and subclassing are ' +
  'modern Node\'s', async (t) => {
  const modern = runNode('test/fixtures/js_tty/modern.js', [],
    { args: preload, env: alone, input: 'piped' });
  const plain = runNode('test/fixtures/js_tty/modern.js', [],
    { env: alone, input: 'piped' });
  t.equal(modern.code, 0, modern.stderr);
  t.same(lastJson(modern.stdout), lastJson(plain.stdout));
  t.equal(lastJson(modern.stdout).pipeNumber, 'piped', 'a pipe by number');
  t.notMatch(modern.stderr, /NWC_/);
  if (!hasPython) return;
  const onTerminal = session(process.execPath,
    [...preload, 'test/fixtures/js_tty/modern.js'], []);
  t.match(JSON.parse(onTerminal.screen.trim()),
    { stdinIsTTY: true, fdObject: 'ERR_INVALID_FD_TYPE', sub: true },
    'new net.Socket({ fd }) on a terminal stays Node\'s refusal');
});
