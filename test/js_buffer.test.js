'use strict';
// node 0.4's fast-buffer idiom and SlowBuffer under the legacy preload, on
// native buffers made by a node 0.4 addon (test/addons/js_buffer); node
// 0.x's buf.binarySlice and buf.binaryWrite.
const t = require('tap');
const { spawnSync } = require('child_process');
const path = require('path');
const { runNode, lastJson, root } = require('./helpers/child');
const { oracle } = require('./helpers/differential');

// Scenarios get a NODE_OPTIONS of their own: under tap, tap's processinfo
// fills a missing or empty one with the test process's (which holds
// --no-warnings on Node 26, and the preload itself under
// npm run test:legacy-preload).
const alone = { NODE_OPTIONS: '--stack-trace-limit=10' };
const preload = { args: ['-r', 'node-waf-compat/legacy'], env: alone };
const bare = { env: alone };

t.test('new Buffer(slow, length, offset) is a view of the native bytes, ' +
  'from JavaScript and from C++', async (t) => {
  const run = runNode('test/fixtures/js_buffer/idiom.js', [], preload);
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), {
    js: { bytes: [10, 11, 12, 13], length: 4, within: [10, 4] },
    cpp: { bytes: [2, 3, 4], length: 3, within: [2, 3] },
    seenInSlow: 200,
    seenInCpp: 201,
    parent: true,
    call: [14, 15],
    empty: 0,
  });
  t.match(run.stderr, /\[NWC_FAST_BUFFER\] DeprecationWarning/);
  t.equal(run.stderr.match(/NWC_FAST_BUFFER/g).length, 1, 'warned once');
  t.notMatch(run.stderr, /called from C\+\+/,
    'the preload honours the C++ call: nothing to say about it');
});

t.test('without the preload modern Node copies the whole buffer (the bug ' +
  'the preload fixes)', async (t) => {
  const run = runNode('test/fixtures/js_buffer/idiom.js', [], bare);
  t.equal(run.code, 0, run.stderr);
  const out = lastJson(run.stdout);
  const all = Array.from({ length: 16 }, (_, i) => i);
  t.same(out.js, { bytes: all, length: 16, within: null });
  t.same(out.cpp, { bytes: all, length: 16, within: null });
  t.equal(out.parent, false);
  const said = run.stderr.match(/new Buffer\(slow, length, offset\) called from C\+\+: modern Node copies the whole of slow/g);
  t.equal(said && said.length, 1, 'the C++ call is reported, once');
});

t.test('modern Buffer calls mean what they mean on modern Node', async (t) => {
  const plain = runNode('test/fixtures/js_buffer/modern.js', [], bare);
  const preloaded = runNode('test/fixtures/js_buffer/modern.js', [], preload);
  t.equal(plain.code, 0, plain.stderr);
  t.equal(preloaded.code, 0, preloaded.stderr);
  t.same(lastJson(preloaded.stdout), lastJson(plain.stdout));
  t.match(lastJson(preloaded.stdout), {
    fromBuffer: [9, 8, 7, 6, 5],
    arrayBufferView: [2, 3, 4],
    arrayBufferShared: true,
    fromName: 'from',
    fromLength: 3,
  });
  t.notMatch(preloaded.stderr, /NWC_/, 'no legacy API was used');
});

t.test('the idiom on a non-buffer or out of range throws', async (t) => {
  const run = runNode('test/fixtures/js_buffer/misuse.js', [], bare);
  t.equal(run.code, 0, run.stderr);
  const notABuffer = new RegExp('^TypeError: new Buffer\\(buffer, length, ' +
    'offset\\) \\(node 0.4\'s fast-buffer idiom\\): the first argument must ' +
    'be a Buffer, got ');
  t.match(lastJson(run.stdout), {
    string: notABuffer,
    array: notABuffer,
    object: notABuffer,
    cpp: notABuffer,
    offset: /^RangeError: .*offset 9 is out of range \(the buffer has 8/,
    negativeOffset: /^RangeError: .*offset -1 is out of range/,
    length: /^RangeError: .*length 5 from offset 4 is out of range/,
    fraction: 'no error: 3',
    negativeLength: 'no error: 0',
    typedArray: 'no error: 4',
  });
});

t.test('SlowBuffer is there on every Node, also as ' +
  'process.binding(\'buffer\').SlowBuffer', async (t) => {
  const run = runNode('test/fixtures/js_buffer/slow_buffer.js', [], preload);
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), {
    type: 'function',
    made: [4, true],
    called: [3, true],
    binding: true,
    prototype: 'object',
    inheritsFromUint8Array: true,
    instance: false,
    tooLarge: 'ERR_OUT_OF_RANGE',
  });
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 25) {
    t.match(run.stderr, /\[NWC_SLOWBUFFER\] DeprecationWarning/,
      'restored by the preload, which says so');
  } else {
    t.notMatch(run.stderr, /NWC_SLOWBUFFER/, 'Node\'s own SlowBuffer');
  }
});

t.test('buf.binarySlice and buf.binaryWrite read and write latin1 as in ' +
  'node 0.8', async (t) => {
  const expected = {
    slice: ['a\u00e9\u0000\u00ffb', '\u00e9\u0000\u00ff', '\u00ffb'],
    written: [3, 2],
    bytes: [0x61, 0x62, 0x78, 0xff, 0, 0],
    listed: false,
  };
  const run = runNode('test/fixtures/js_buffer/binary.js', [], preload);
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), expected);
  t.match(run.stderr, /\[NWC_BUFFER_BINARYWRITE\] DeprecationWarning/);
  t.match(run.stderr, /\[NWC_BUFFER_BINARYSLICE\] DeprecationWarning/);
  const plain = runNode('test/fixtures/js_buffer/binary.js', [], bare);
  t.match(plain.stderr, /binaryWrite is not a function/);
  const node = oracle();
  if (node.skip) return t.skip(node.skip);
  const old = spawnSync(node.bin,
    [path.join(root, 'test/fixtures/js_buffer/binary.js')],
    { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH } });
  t.equal(old.status, 0, old.stderr);
  t.same(lastJson(old.stdout), { ...expected, listed: true },
    'node 0.8.28 prints the same, and listed them among the methods');
});
