'use strict';
// node-waf compiles a wscript's sources as node-waf did: -g and the
// wscript's own flags, no optimisation and no warning flags (node-gyp's -O3
// -Wall -Wextra are taken out), so code whose undefined behaviour -O0
// forgave runs as it did; NODE_WAF_COMPAT_OPTIMIZE=1, or a -O of the
// wscript's or the environment's, optimises.
const t = require('tap');
const fs = require('fs');
const path = require('path');
const h = require('./waf/helpers');

h.allowBuilds(t);

const PROBE = "const a = require('./build/default/flags'); let threw = null;" +
  "try { a.check(); } catch (e) { threw = e.message; }" +
  'console.log(JSON.stringify({ optimised: a.optimised(), ' +
  'one: a.check(1), threw }))';

function build(t, env) {
  const dir = h.scratch(t, 'flags');
  return h.nodeWaf(dir, ['configure', 'build', '-v'], { env })
    .then((run) => ({ dir, run }));
}

function compileLine(stderr) {
  return stderr.split('\n').find((l) => /g\+\+ .*flags\.cc/.test(l)) || '';
}

const plain = build(t, {});
const optimised = build(t, { NODE_WAF_COMPAT_OPTIMIZE: '1' });
const ownO2 = build(t, { CXXFLAGS: '-O2' });

t.test('the source is compiled with -g, without -O3, -Wall or -Wextra, and ' +
  'the function that falls off its end after ThrowException works',
async (t) => {
  const { dir, run } = await plain;
  t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
  const line = compileLine(run.stderr);
  t.match(line, / -g\b/);
  t.notMatch(line, / -O[1-3s]\b/, 'no optimisation');
  t.notMatch(line, / -W(all|extra)\b/, 'no warning flags');
  t.notMatch(line, /-DBUILDING_NODE_EXTENSION/, 'node-waf did not define it');
  t.notMatch(run.stderr, /"BUILDING_NODE_EXTENSION" redefined/,
    'the source defines it itself without a warning');
  t.same(h.runScript(dir, PROBE).value,
    { optimised: false, one: 2, threw: 'need one argument' });
  const gyp = fs.readFileSync(path.join(dir, 'build', 'node-gyp',
    'binding.gyp'), 'utf8');
  t.match(gyp, /'cflags!': \['-Wall', '-Wextra', '-Wno-unused-parameter'\]/);
  t.match(gyp, /'Release': \{\s*'cflags!': \['-O3'\],/);
});

t.test('NODE_WAF_COMPAT_OPTIMIZE=1 gives node-gyp\'s -O3 and warnings back',
  async (t) => {
    const { dir, run } = await optimised;
    t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
    t.match(compileLine(run.stderr), / -O3\b.* -g\b|-g\b.* -O3\b/);
    t.match(compileLine(run.stderr), / -Wall\b/);
    t.equal(h.runScript(dir, "console.log(JSON.stringify(require('./build/" +
      "default/flags').optimised()))").value, true);
  });

t.test("the environment's -O2 reaches the source, as under waf",
  async (t) => {
    const { dir, run } = await ownO2;
    t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
    t.match(compileLine(run.stderr), / -O2\b/);
    t.notMatch(compileLine(run.stderr), / -O3\b/);
    t.equal(h.runScript(dir, "console.log(JSON.stringify(require('./build/" +
      "default/flags').optimised()))").value, true);
  });
