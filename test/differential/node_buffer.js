// node_buffer.js: node::Buffer and its bytes shared with JavaScript (the
// node_buffer addon) on Node 0.8.28 and on modern Node.  Run with
// --expose-gc.
'use strict';
var common = require('./common');
var show = common.show;
var addon = common.addon();

function bytes(b) {
  var out = [];
  for (var i = 0; i < b.length; i++) out.push(b[i]);
  return out;
}

var made = addon.make(6);
var slow = made[0];
show('make', [made[1], made[2], slow.length, bytes(slow)]);
show('isBuffer', [Buffer.isBuffer(slow), slow instanceof Buffer]);
show('sum', addon.sum());
slow[0] = 100;
slow[5] = 255;
show('sum after JS writes', addon.sum());
show('toString', slow.toString('hex', 0, 6));
show('copy', addon.copy('hello').toString());
show('fromString', [addon.fromString('h\u00e9llo').length,
  addon.fromString('h\u00e9llo').toString()]);
show('empty', [addon.make(0)[1], addon.make(0)[0].length]);

var js = common.newBuffer(4);
js.write('abcd');
show('upper', [addon.upper(js), js.toString()]);
show('info buffer', addon.info(js));
show('info slice', addon.info(js.slice(1, 3)));
show('info uint8array', addon.info(new Uint8Array(7)));
show('info plain', addon.info({ length: 3 }));
show('info string', addon.info('abc'));
show('info number', addon.info(3));
show('kMaxLength', addon.kMaxLength);
// Whether Data() of an empty buffer is NULL differs (node 0.8: NULL; node
// 0.4, a slice of the pool, and the SDK: a valid pointer): the swaps only.
show('empty buffer: swaps', addon.emptyEnd(common.newBuffer(0))[1]);
var word = common.newBuffer(4);
word.write('abcd');
show('reversed', [addon.emptyEnd(word), word.toString()]);

(function () {
  for (var i = 0; i < 10; i++) addon.owned(100);
})();
var ownedKept = addon.owned(3);
show('owned', ownedKept.toString());
common.collect(function () {
  show('freed', addon.freed());
  show('owned still there', ownedKept.toString());
});
