'use strict';
// node 0.2's Buffer API (test/addons/node_buffer02): Unwrap<Buffer>,
// buf->data(), buf->length(), Buffer::New(length)->handle_.
const t = require('tap');
const { runNode, lastJson } = require('./helpers/child');

t.test('node 0.2 Buffers: Unwrap<Buffer> finds one C++ Buffer per JS ' +
  'buffer, data() and length() are its bytes', async (t) => {
  const run = runNode('test/fixtures/node_buffer02/run.js', [],
    { args: ['--expose-gc'] });
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), {
    filled: [5, 'aaaaa'],
    made: 'hello',
    same: true,
    madeUnwraps: true,
    notABuffer: true,
    emptyData: true,
    afterGc: 'bbbbb',
  });
  t.match(run.stderr, 'node::ObjectWrap::Unwrap<node::Buffer>: the object ' +
    'is not a Buffer; NULL returned');
});
