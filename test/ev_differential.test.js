'use strict';
// The ev layer against real libev 4.33: every scenario in test/ev/diff is one
// C program written against the libev API, built twice (Debian's libev-dev;
// compat/include/ev.h and the layer on libuv).  Both print what happened, in
// order; the traces must be the same.  The few scenarios that show a
// documented divergence (compat/README.md, "Known differences") must differ
// in exactly the documented lines.
const t = require('tap');
const fs = require('fs');
const path = require('path');
const { build, run, dirOf } = require('./ev/build');

t.setTimeout(10 * 60 * 1000);

const scenarios = fs.readdirSync(path.join(__dirname, 'ev', 'diff'))
  .filter((file) => file.endsWith('.c'))
  .map((file) => file.slice(0, -2));

// The divergences, line by line: what only libev prints and what only the
// layer prints (stdout), and the report the layer makes (stderr).
const divergences = {
  // libev keeps running while its count is non-zero, negative included;
  // the layer treats a negative count as zero so that a process can exit.
  negative_count: {
    libev: ['  first TIMER', '  last TIMER', 'ev_run returned -3'],
    compat: ['ev_run returned -1'],
    report: /ev_unref: called more often than ev_ref/,
  },
  // libuv's uv_run cannot be entered from its own callbacks.
  nested_run: {
    libev: ['  inner TIMER depth 2', '  nested ev_run returned 0'],
    compat: ['  nested ev_run returned 1', '  inner TIMER depth 1'],
    report: /ev_run: called from a callback of the same loop/,
  },
  // libev reaps every child as soon as it exits, so a watcher started later
  // never hears of it; the layer waits only for watched pids (inside Node
  // it must not reap Node's own children) and still reports it.
  late_child: {
    libev: ['  timeout TIMER: no child event'],
    compat: ['  child CHILD exit status 4'],
  },
};

function lines(text) {
  return text.split('\n').filter((line) => line !== '');
}

// The trace without the expected lines, which must all be present.
function without(trace, expected, t, who) {
  const rest = trace.slice();
  for (const line of expected) {
    const i = rest.indexOf(line);
    t.not(i, -1, `${who} prints "${line}"`);
    if (i >= 0) rest.splice(i, 1);
  }
  return rest;
}

t.test('libev and the layer agree, scenario by scenario', async (t) => {
  const result = build('plain');
  t.ok(result.ok, 'cmake build of the scenarios',
    { log: result.log.slice(-4000) });
  if (!result.ok) return;
  t.ok(scenarios.length >= 15, `${scenarios.length} scenarios`);

  for (const name of scenarios) {
    t.test(name, async (t) => {
      const options = { cwd: dirOf('plain'), timeout: 120000 };
      const libev = run(path.join(dirOf('plain'), `diff_${name}_libev`), [],
        options);
      const compat = run(path.join(dirOf('plain'), `diff_${name}_compat`), [],
        options);
      t.equal(libev.code, 0, 'the libev build exits with 0',
        { output: libev.output });
      t.equal(compat.code, 0, 'the layer build exits with 0',
        { output: compat.output });
      const known = divergences[name];
      if (known === undefined) {
        t.equal(compat.stdout, libev.stdout, 'same trace');
        t.equal(compat.stderr, '', 'no report from the layer');
        return;
      }
      const a = without(lines(libev.stdout), known.libev, t, 'libev');
      const b = without(lines(compat.stdout), known.compat, t, 'the layer');
      t.same(b, a, 'same trace apart from the documented divergence');
      if (known.report) t.match(compat.stderr, known.report, 'reported');
    });
  }
});
