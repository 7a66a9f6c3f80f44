'use strict';
// Differential: every legacy-style test addon with a driver in
// test/differential/ is built twice from the same source -- against Node
// 0.8.28's own headers with plain g++, run under Node 0.8.28, and through
// node-waf-compat, run under this node -- and must print the same lines,
// after the engine differences listed in test/differential/normalise.js.
const t = require('tap');
const fs = require('fs');
const path = require('path');
const { compare, oracle, GC_STRESS } = require('./helpers/differential');
const { RULES, STDERR_ALLOWED, unexpectedStderr } =
  require('./differential/normalise');

const dir = path.join(__dirname, 'differential');
const concerns = fs.readdirSync(dir)
  .filter((f) => f.endsWith('.js') && f !== 'common.js' &&
    f !== 'normalise.js')
  .map((f) => f.slice(0, -3))
  .sort();

const node = oracle();
if (node.skip) {
  t.skip(`differential tests against Node 0.8.28: ${node.skip}`);
} else {
  let compared = 0;
  const runs = concerns.flatMap((concern) => [
    { concern, stress: false, title: `${concern}: same results on node ` +
      '0.8.28 and through the SDK' },
    { concern, stress: true, title: `${concern}: same results under GC ` +
      `stress (${GC_STRESS.join(' ')})` },
  ]);
  for (const { concern, stress, title } of runs) {
    t.test(title,
      async (t) => {
        const result = compare(concern, { stress });
        if (result.skip) {
          t.skip(result.skip);
          return;
        }
        const { oracle: old, modern } = result;
        t.equal(old.code, 0, `node 0.8.28 ran the driver: ${old.stderr}`);
        t.equal(modern.code, 0, `this node ran the driver: ${modern.stderr}`);
        t.ok(old.lines.length > 0, 'the oracle printed results');
        t.same(modern.lines, old.lines, `${old.lines.length} checks`);
        t.same(unexpectedStderr(old.stderr, 'oracle', concern), [],
          'node 0.8.28 printed nothing unexpected on stderr');
        t.same(unexpectedStderr(modern.stderr, 'modern', concern), [],
          'the SDK printed nothing unexpected on stderr');
        compared += old.lines.length;
      });
  }
  t.teardown(() => {
    t.comment(`${compared} checks compared across ${concerns.length} ` +
      `addons; ${RULES.length} engine differences normalised, ` +
      `${STDERR_ALLOWED.length} stderr lines allowed ` +
      '(test/differential/normalise.js)');
  });
}

t.test('a stray line on stderr fails the comparison', async (t) => {
  const stray = 'node-waf-compat: v8::Function::Cast: the value is not of ' +
    'that type (old V8 would crash when it is used as one)';
  t.same(unexpectedStderr(`${stray}\n`, 'modern', 'v8_values'), [stray]);
  t.same(unexpectedStderr('WARNING: ev_ref is deprecated, use uv_ref\n',
    'oracle', 'eio_custom'), [], 'node 0.8\'s own warning is expected there');
  t.same(unexpectedStderr('WARNING: ev_ref is deprecated, use uv_ref\n',
    'modern', 'eio_custom'), ['WARNING: ev_ref is deprecated, use uv_ref'],
  'but not from the SDK');
});
