'use strict';
// counts.js: how many tests passed, read from what the era's test
// frameworks print.  Each reader returns { passed, total } or null when the
// output holds no summary of its kind; the caller then counts the command
// as one test that passed when it exited 0.

// Terminal colour codes, which expresso and vows print even into a pipe.
const strip = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');

const readers = {
  // "OK: 12 assertions (45ms)" / "FAILURES: 2/12 assertions failed (45ms)"
  nodeunit(text) {
    let m = text.match(/OK: (\d+) assertions?/);
    if (m) return { passed: Number(m[1]), total: Number(m[1]) };
    m = text.match(/FAILURES: (\d+)\/(\d+) assertions? failed/);
    if (m) {
      return { passed: Number(m[2]) - Number(m[1]), total: Number(m[2]) };
    }
    return null;
  },

  // "✓ OK » 10 honored (0.01s)" / "✗ Broken » 8 honored ∙ 2 broken"
  // (also "errored" and "pending").
  vows(text) {
    const line = text.split('\n').reverse()
      .find((l) => /(OK|Broken|Errored) »/.test(l));
    if (!line) return null;
    const n = (word) => {
      const m = line.match(new RegExp(`(\\d+) ${word}`));
      return m ? Number(m[1]) : 0;
    };
    const honored = n('honored');
    return { passed: honored, total: honored + n('broken') + n('errored') };
  },

  // "100% 5 tests" on success; "Failures: 2" above the total otherwise.
  expresso(text) {
    const total = text.match(/(\d+) tests?/g);
    if (!total) return null;
    const count = Number(total[total.length - 1].match(/\d+/)[0]);
    const failures = text.match(/Failures: (\d+)/);
    const failed = failures ? Number(failures[1]) : 0;
    return { passed: count - failed, total: count };
  },

  // "5 passing (12ms)", "2 failing", "1 pending" (mocha 1.x and later),
  // summed over the runs of a command that runs mocha once per file.
  mocha(text) {
    const sum = (re) => (text.match(re) || [])
      .reduce((total, line) => total + Number(line.match(/\d+/)[0]), 0);
    const p = sum(/(\d+) passing/g);
    const f = sum(/(\d+) failing/g);
    if (!/\d+ (passing|failing)/.test(text)) return null;
    return { passed: p, total: p + f };
  },

  // TAP: "# pass N" / "# fail M" (node-tap 0.x, tape), or ok / not ok lines.
  tap(text) {
    const pass = text.match(/^# pass\s+(\d+)/m);
    const fail = text.match(/^# fail\s+(\d+)/m);
    if (pass || fail) {
      const p = pass ? Number(pass[1]) : 0;
      return { passed: p, total: p + (fail ? Number(fail[1]) : 0) };
    }
    const ok = (text.match(/^ok \d+/gm) || []).length;
    const notOk = (text.match(/^not ok \d+/gm) || []).length;
    return ok + notOk > 0 ? { passed: ok, total: ok + notOk } : null;
  },

  // A plain `node test.js` with assert: one test, passed when it exits 0.
  exit() {
    return null;
  },
};

function count(kind, output, exitedZero) {
  const reader = readers[kind];
  if (!reader) throw new Error(`unknown test output kind '${kind}'`);
  const found = reader(strip(output));
  if (found && found.total > 0) {
    // A runner that died after its summary (or before printing failures)
    // did not pass: at most total - 1 then.
    if (!exitedZero && found.passed === found.total) {
      return { passed: found.total - 1, total: found.total };
    }
    return found;
  }
  return { passed: exitedZero ? 1 : 0, total: 1 };
}

module.exports = { count, kinds: Object.keys(readers) };
