'use strict';
// The facade's layout assumptions are checked when the runtime compiles: a
// V8 whose Locals are no longer one pointer to a handle slot (direct
// handles) stops the build with a sentence, never a wrong read at run time.
const t = require('tap');
const { spawnSync } = require('child_process');
const path = require('path');
const { nodeDir } = require('../compat/waf/node_gyp');

const root = path.join(__dirname, '..');
const headers = path.join(nodeDir(), 'include', 'node');
const nan = path.dirname(require.resolve('nan/package.json'));

function compile(defines) {
  return spawnSync('g++', ['-fsyntax-only', '-std=gnu++20',
    '-DCOMPAT_LEGACY_RUNTIME', ...defines.map((d) => `-D${d}`),
    `-I${headers}`, `-I${nan}`,
    path.join(root, 'compat', 'src', 'v8_handles.cc')], { encoding: 'utf8' });
}

t.test('the runtime compiles against this node\'s real V8 headers',
  async (t) => {
    const result = compile([]);
    t.equal(result.status, 0, result.stderr);
  });

t.test('direct handles stop the build with a sentence', async (t) => {
  const result = compile(['V8_ENABLE_DIRECT_HANDLE']);
  t.not(result.status, 0, 'the build fails');
  t.match(result.stderr, 'this Node\'s V8 is built with direct handles ' +
    '(V8_ENABLE_DIRECT_HANDLE): a v8::Local holds the object itself');
});
