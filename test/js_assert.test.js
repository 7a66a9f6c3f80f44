'use strict';
// The legacy preload's assert glue: assert.throws(block, 'message') read as
// node 0.x read it (the string is the message), process.assert; the same
// tests under Node 0.8.28 where it is at hand; modern forms as on modern
// Node.
const t = require('tap');
const { spawnSync } = require('child_process');
const path = require('path');
const { runNode, lastJson, root } = require('./helpers/child');
const { oracle } = require('./helpers/differential');

const alone = { NODE_OPTIONS: '--stack-trace-limit=10' };
const preload = { args: ['-r', 'node-waf-compat/legacy'], env: alone };
const bare = { env: alone };

function warned(stderr) {
  return (stderr.match(/\[NWC_[A-Z_]+\] DeprecationWarning/g) || [])
    .map((w) => w.slice(1, w.indexOf(']'))).sort();
}

const old = {
  sameMessage: 'pass',
  otherMessage: 'pass',
  thrownString: 'pass',
  thirdArgument: 'pass',
  processAssert: ['pass', 'Error: needs a value'],
};

t.test('a string second argument is the message: the addon\'s own message ' +
  'and a third argument pass again', async (t) => {
  const run = runNode('test/fixtures/js_assert/old_throws.js', [], preload);
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), {
    ...old,
    noThrow: 'AssertionError: Missing expected exception: rejects strings',
  });
  const codes = warned(run.stderr);
  t.ok(codes.includes('NWC_ASSERT_THROWS_MESSAGE'), 'warns once');
  t.same(codes.filter((c) => c !== 'NWC_PROCESS_ASSERT'),
    ['NWC_ASSERT_THROWS_MESSAGE']);
});

t.test('without the preload Node refuses three of them', async (t) => {
  const run = runNode('test/fixtures/js_assert/old_throws.js', [], bare);
  t.equal(run.code, 0, run.stderr);
  t.match(lastJson(run.stdout), {
    sameMessage: /argument is ambiguous/,
    otherMessage: 'pass',
    thrownString: /argument is ambiguous/,
    thirdArgument: /The "error" argument must be/,
  });
});

t.test('node 0.8.28 gives the same verdicts', async (t) => {
  const node = oracle();
  if (node.skip) return t.skip(node.skip);
  const run = spawnSync(node.bin,
    [path.join(root, 'test/fixtures/js_assert/old_throws.js')],
    { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH } });
  t.equal(run.status, 0, run.stderr);
  t.same(lastJson(run.stdout), {
    ...old,
    noThrow: 'AssertionError: Missing expected exception. rejects strings',
  }, 'only the wording of the failure differs');
});

t.test('a RegExp, class, object, function or no second argument, ' +
  'doesNotThrow and assert.strict are modern Node\'s', async (t) => {
  const modern = runNode('test/fixtures/js_assert/modern.js', [], preload);
  const plain = runNode('test/fixtures/js_assert/modern.js', [], bare);
  t.equal(modern.code, 0, modern.stderr);
  t.same(lastJson(modern.stdout), lastJson(plain.stdout));
  t.equal(lastJson(modern.stdout).stackTop, true,
    'a failure\'s stack starts at the caller');
  t.same(warned(modern.stderr), []);
});
