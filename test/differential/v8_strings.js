// v8_strings.js: strings and node's encodings (the v8_strings addon) on
// Node 0.8.28 and on modern Node.
'use strict';
var common = require('./common');
var show = common.show;
var addon = common.addon();

var NO_NULL = 2;
var texts = {
  ascii: 'hello',
  empty: '',
  nul: 'a\u0000b',
  latin1: 'caf\u00e9',
  bmp: '\u20ac1',
  astral: 'x\ud83d\ude00y',
  loneLead: 'a\ud800b',
  loneTrail: 'a\udc00b',
  leadAtEnd: 'ab\ud83d',
  wide: '\u0100\u0141z'
};

Object.keys(texts).forEach(function (name) {
  var s = texts[name];
  show('lengths ' + name, addon.lengths(s));
  show('copies ' + name, addon.copies(s));
  [[0, -1, 0], [0, 2, 0], [1, -1, 0], [1, 2, 0], [0, 3, NO_NULL],
   [0, 100, 0], [s.length, -1, 0], [s.length, 2, 0]].forEach(function (c) {
    // (A start past the end crashed V8 3.11: old code never did that.)
    if (c[0] > s.length) return;
    show('write ' + name + ' ' + c.join(','), addon.write(s, c[0], c[1], c[2]));
    show('writeAscii ' + name + ' ' + c.join(','),
      addon.writeAscii(s, c[0], c[1], c[2]));
  });
  [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 20].forEach(function (capacity) {
    show('writeUtf8 ' + name + ' ' + capacity,
      addon.writeUtf8(s, capacity, 0));
  });
  show('writeUtf8 ' + name + ' -1 nonull', addon.writeUtf8(s, -1, NO_NULL));
  show('writeUtf8 ' + name + ' 20 nonull', addon.writeUtf8(s, 20, NO_NULL));
});

show('copies number', addon.copies(12.5));
show('copies object', addon.copies({}));
show('copies throwing', addon.copies({ toString: function () {
  throw new Error('no');
} }));
show('made', addon.made());
show('externals', addon.externals());

show('encodings', [addon.ASCII, addon.UTF8, addon.BASE64, addon.UCS2,
  addon.BINARY, addon.HEX]);
['utf8', 'UTF-8', 'ascii', 'base64', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le',
  'binary', 'hex', 'latin1', 'nonsense'].forEach(function (name) {
  show('parseEncoding ' + name, addon.parseEncoding(name));
});
show('parseEncoding number', addon.parseEncoding(3));

var bytes = [0x68, 0x69, 0xc3, 0xa9, 0xff, 0x00, 0x41];
['binary', 'utf8', 'ascii'].forEach(function (enc) {
  show('encode ' + enc, addon.encode(bytes, enc));
});
show('encode empty', addon.encode([], 'binary'));

['utf8', 'ascii', 'binary'].forEach(function (enc) {
  Object.keys(texts).forEach(function (name) {
    show('decode ' + enc + ' ' + name, addon.decode(texts[name], enc));
  });
  show('decode ' + enc + ' number', addon.decode(1234, enc));
  show('decode ' + enc + ' short buffer', addon.decode('abcdef', enc, 3));
  show('decode ' + enc + ' long buffer', addon.decode('ab', enc, 5));
});
// (node 0.8 sized these but aborted in DecodeWrite.)
show('decodeBytes ucs2', addon.decodeBytes('ab\u20ac', 'ucs2'));
show('decodeBytes hex', addon.decodeBytes('a1b2c3', 'hex'));
show('decodeBytes utf8', addon.decodeBytes('\u20ac', 'utf8'));

// V8 3.x read the three bytes of an encoded surrogate back as that unit, so
// a lone surrogate survives Utf8Value -> String::New (and a pair written as
// two such sequences comes back as the pair).
Object.keys(texts).forEach(function (name) {
  show('roundTrip ' + name, addon.roundTrip(texts[name]));
});
var encoded = {
  lead: [0x61, 0xed, 0xa0, 0x80, 0x62],
  trail: [0xed, 0xbf, 0xbf],
  pair: [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80],
  mixed: [0xe2, 0x82, 0xac, 0xed, 0xa5, 0x8c, 0xc3, 0xa9, 0xed, 0xb0, 0x80],
  notSurrogate: [0xed, 0x9f, 0xbf, 0x41],
  cutBefore: [0xed, 0xa0]
};
Object.keys(encoded).forEach(function (name) {
  show('fromBytes ' + name, addon.fromBytes(encoded[name]));
  show('encode utf8 ' + name, addon.encode(encoded[name], 'utf8'));
});
