// common.js: what every differential driver shares.  Plain ES5: the same
// file runs under Node 0.8.28 (V8 3.11) and under modern Node.
//
// A driver loads the addon named on its command line, exercises it and
// prints one line per check, `label: value`, where value is a stable text
// form of what the addon returned (see show).  The tap test compares the
// two runs line by line.
'use strict';

var path = require('path');

// The addon under test: process.argv[2], an absolute path to a .node file.
exports.addon = function () {
  return require(path.resolve(process.argv[2]));
};

// A printable, engine-independent form of a value: strings are quoted with
// every character outside printable ASCII escaped as \uXXXX (so lone
// surrogates print the same everywhere), arrays and plain objects are
// listed in order, errors as Name: message, functions as [function name].
function form(value, depth) {
  depth = depth || 0;
  if (depth > 4) return '...';
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'string': return quote(value);
    case 'number':
      if (value === 0 && 1 / value < 0) return '-0';
      return String(value);
    case 'boolean': return String(value);
    case 'function': return '[function ' + (value.name || '') + ']';
  }
  if (value instanceof Error) {
    return '[' + value.name + ': ' + quote(value.message) + ']';
  }
  if (Buffer.isBuffer(value)) {
    var bytes = [];
    for (var b = 0; b < value.length; b++) bytes.push(value[b]);
    return '<Buffer ' + bytes.join(' ') + '>';
  }
  if (Array.isArray(value)) {
    var items = [];
    for (var i = 0; i < value.length; i++) {
      items.push(i in value ? form(value[i], depth + 1) : '<hole>');
    }
    return '[' + items.join(', ') + ']';
  }
  var keys = Object.keys(value);
  var parts = [];
  for (var k = 0; k < keys.length; k++) {
    parts.push(keys[k] + '=' + form(value[keys[k]], depth + 1));
  }
  return '{' + parts.join(', ') + '}';
}
exports.form = form;

function quote(text) {
  var out = '"';
  for (var i = 0; i < text.length; i++) {
    var c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) {
      out += text.charAt(i);
    } else {
      var hex = c.toString(16);
      out += '\\u' + '0000'.slice(hex.length) + hex;
    }
  }
  return out + '"';
}
exports.quote = quote;

// A zero-filled Buffer without Node's deprecation warning where it has one.
exports.newBuffer = function (size) {
  if (typeof Buffer.alloc === 'function') return Buffer.alloc(size);
  var buffer = new Buffer(size);
  buffer.fill(0);
  return buffer;
};

exports.show = function (label, value) {
  console.log(label + ': ' + form(value));
};

// Runs fn and shows what it returned or threw.
exports.attempt = function (label, fn) {
  var result;
  try {
    result = fn();
  } catch (error) {
    console.log(label + ': threw ' + form(error));
    return;
  }
  console.log(label + ': ' + form(result));
};

// Collects garbage until weak callbacks have run, then calls done.  Both
// engines run old weak callbacks from gc() itself; the extra rounds and
// the timer let a modern V8 also finish callbacks it posted as tasks.
exports.collect = function (done) {
  var rounds = 0;
  function round() {
    gc();
    gc();
    if (++rounds < 3) {
      setTimeout(round, 5);
    } else {
      setTimeout(done, 5);
    }
  }
  round();
};
