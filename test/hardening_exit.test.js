'use strict';
// hardening: the process ends (normally, process.exit() in a callback, an
// uncaught exception, SIGINT, the REPL's keys) while an addon thread floods
// ev_async_send and eio work is in flight: no crash, no hang, no queued
// work run after exit began (it would write to a recycled fd), and the
// exit code plain Node gives for the same JavaScript.
const t = require('tap');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { root, runNode, scenarioEnv, lastJson } = require('./helpers/child');

const exitFixture = 'test/fixtures/hardening/exit.js';
const plainFixture = 'test/fixtures/hardening/plain_exit.js';
const crashSignals = ['SIGSEGV', 'SIGABRT', 'SIGBUS', 'SIGILL', 'SIGFPE'];

function scratch(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hardening-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// What the 'exit' handler of exit.js printed, and what the files hold.
function outcome(run, dir) {
  const line = run.stdout.trim().split('\n').pop();
  const read = (name) => {
    const file = path.join(dir, name);
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  };
  return {
    handler: line ? JSON.parse(line) : null,
    victim: read('victim.txt'),
    recycled: read('recycled.txt'),
  };
}

const modes = [
  { mode: 'normal', code: 0, running: 2 },
  { mode: 'exit-in-callback', code: 7, running: 2 },
  { mode: 'throw-in-callback', code: 1, running: 2 },
  // The first request's done callback exits; one blocker is certain.
  { mode: 'exit-in-done', code: 5, running: 1 },
];

for (const { mode, code, running } of modes) {
  t.test(`${mode}: exit code ${code} as plain Node gives, no queued eio ` +
    'work runs after exit began, no crash', async (t) => {
    const plain = runNode(plainFixture, [mode]);
    t.equal(plain.code, code, `plain Node exits with ${code}`);

    const dir = scratch(t);
    const run = runNode(exitFixture, [mode, dir],
      { env: { UV_THREADPOOL_SIZE: '2' } });
    t.notOk(run.timedOut, 'no hang');
    t.notOk(crashSignals.includes(run.signal), `no crash (${run.signal})`);
    t.equal(run.code, plain.code, run.stderr);
    const { handler, victim, recycled } = outcome(run, dir);
    t.ok(handler !== null, 'the exit handler ran');
    t.equal(handler.recycledFd, handler.victimFd,
      'the exit handler reopened the victim fd number');
    t.ok(handler.running >= running,
      'the blockers were still running when exit began');
    t.equal(recycled, '', 'nothing wrote to the recycled fd');
    t.equal(victim, '', 'no queued request ran');
    t.notMatch(run.stderr, /node-waf-compat/, 'no report from the SDK');
    if (code === 1) {
      t.match(run.stderr, /Error: thrown by onAsync at \d+/);
      t.match(plain.stderr, /Error: thrown by onAsync at 3/);
    } else {
      t.equal(run.stderr, '');
    }
  });
}

// Starts a fixture and sends SIGINT once it printed `ready`.
function interrupt(file, args, env, ready) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, file), ...args],
      { cwd: root, env: scenarioEnv(env) });
    let stdout = '';
    let stderr = '';
    const killer = setTimeout(() => child.kill('SIGKILL'), 20000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (ready.test(stdout)) child.kill('SIGINT');
    });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('exit', (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

t.test('SIGINT while flooding and with eio work in flight ends the process ' +
  'by the signal, as plain Node', async (t) => {
  const plain = await interrupt(plainFixture, ['sigint'], {}, /flooding/);
  t.same([plain.code, plain.signal], [null, 'SIGINT']);
  const dir = scratch(t);
  const run = await interrupt(exitFixture, ['sigint', dir],
    { UV_THREADPOOL_SIZE: '2' }, /flooding/);
  t.same([run.code, run.signal], [plain.code, plain.signal], run.stderr);
  t.equal(run.stderr, '');
  t.equal(fs.readFileSync(path.join(dir, 'victim.txt'), 'utf8'), '',
    'no queued request ran');
});

// The REPL demo on a terminal (python3's pty), against its twin without
// the addon: the same keys give the same end.
const pty = path.join(__dirname, 'helpers', 'pty_session.py');
function session(file, steps) {
  const run = spawnSync('python3', [pty, process.execPath, file], {
    cwd: root, input: JSON.stringify(steps), encoding: 'utf8',
    env: scenarioEnv({}), timeout: 60000,
  });
  if (run.status !== 0) throw new Error(`pty_session.py: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const start = [['expect', '> '], ['send', 'texample.start(1)\r'],
  ['expect', 'Bang: 5']];
const endings = {
  'Ctrl-C twice': [['send', '\u0003'], ['expect', 'press Ctrl\\+C again'],
    ['send', '\u0003']],
  '.exit': [['send', '.exit\r']],
  'Ctrl-D': [['send', '\u0004']],
  'SIGINT from outside': [['kill', 'SIGINT']],
};
for (const [name, ending] of Object.entries(endings)) {
  t.test(`REPL demo: ${name} while texample sends every millisecond ends ` +
    'as the plain REPL does', async (t) => {
    const steps = [...start, ...ending];
    const plain = session('test/fixtures/hardening/plain_repl.js', steps);
    t.equal(plain.failedStep, null, 'every step happened (plain)',
      { screen: plain.screen });
    t.notOk(plain.timedOut);
    const demo = session('demo/repl.js', steps);
    t.equal(demo.failedStep, null, 'every step happened (demo)',
      { screen: demo.screen });
    t.notOk(demo.timedOut, 'no hang');
    t.same([demo.code, demo.signal], [plain.code, plain.signal],
      'the same exit code and signal', { screen: demo.screen });
    t.notMatch(demo.screen, /node-waf-compat|Segmentation|Aborted/,
      'no report, no crash');
  });
}

t.test('a static destructor that calls V8 at exit (after Node disposed the ' +
  'isolate) is harmless: the process ends with status 0', async (t) => {
  const run = runNode('test/fixtures/hardening/static_destructor.js');
  t.equal(run.signal, null, 'no signal');
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), { held: 4096 });
});
