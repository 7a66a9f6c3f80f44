'use strict';
// buffer.js: node 0.3-0.8's "fast buffer" idiom and SlowBuffer.
//
// A node 0.x Buffer was a JavaScript view {parent, offset, length} over a
// SlowBuffer (the C++ node::Buffer), and new Buffer(slow, length, offset),
// with a number as third argument, made such a view without copying: glue
// code, and C++ through the global Buffer constructor, turned a native
// SlowBuffer into a Buffer that way.  Modern Node reads the same call as
// Buffer.from(slow) and copies all of slow, ignoring length and offset.
//
// Node's Buffer constructor forwards its arguments to Buffer.from, so the
// preload wraps Buffer.from: a call that comes from the Buffer constructor
// (new Buffer(...) or Buffer(...)) with a numeric third argument and a
// typed array or DataView first becomes a view.  Buffer.from called
// directly, every other argument list and ArrayBuffers (new Buffer(ab,
// byteOffset, length) is modern Node's own view form) are left to Node.
//
// Also buf.binarySlice(start, end) and buf.binaryWrite(string, offset),
// node 0.x's methods for the 'binary' encoding, which Node kept for the
// other encodings (asciiSlice, utf8Write, ...) and renamed latin1.

const buffer = require('buffer');
const { isAnyArrayBuffer } = require('util').types;
const binding = require('./binding');
const { deprecated } = require('./warn');

// True when `fn` was called by node:buffer's Buffer function.  Runs only for
// the rare argument lists that may be the old idiom.
function calledByBufferConstructor(fn) {
  const prepare = Error.prepareStackTrace;
  const limit = Error.stackTraceLimit;
  const holder = {};
  try {
    Error.prepareStackTrace = (error, callSites) => callSites;
    Error.stackTraceLimit = 1;
    Error.captureStackTrace(holder, fn);
    const callSites = holder.stack;
    const caller = Array.isArray(callSites) ? callSites[0] : undefined;
    return caller !== undefined && caller.getFileName() === 'node:buffer' &&
      caller.getFunctionName() === 'Buffer';
  } catch {
    return false;
  } finally {
    Error.prepareStackTrace = prepare;
    Error.stackTraceLimit = limit;
  }
}

function describe(value) {
  if (value === null) return 'null';
  if (typeof value === 'object') {
    return value.constructor && value.constructor.name
      ? `an instance of ${value.constructor.name}` : 'an object';
  }
  return `type ${typeof value}`;
}

// new Buffer(subject, length, offset): a Buffer over subject's bytes
// [offset, offset + length), sharing them.  The checks are node 0.8's
// (makeFastBuffer): offset as a uint32, length rounded up and at least 0,
// both within subject.
function fastBuffer(from, subject, length, offset) {
  if (!ArrayBuffer.isView(subject)) {
    throw new TypeError('new Buffer(buffer, length, offset) (node 0.4\'s ' +
      'fast-buffer idiom): the first argument must be a Buffer, got ' +
      describe(subject));
  }
  deprecated('NWC_FAST_BUFFER',
    'new Buffer(buffer, length, offset) (node 0.4\'s fast-buffer idiom) ' +
    'copies the whole buffer on modern Node; node-waf-compat/legacy makes ' +
    'it a view again. Use buffer.subarray(offset, offset + length) ' +
    'instead.');
  const size = subject.byteLength;
  const start = offset >>> 0;
  const rounded = Math.ceil(Number(length));
  const count = rounded > 0 ? rounded : 0;
  if (start > size) {
    throw new RangeError('new Buffer(buffer, length, offset): offset ' +
      `${String(offset)} is out of range (the buffer has ${size} bytes)`);
  }
  if (count > size - start) {
    throw new RangeError(`new Buffer(buffer, length, offset): length ${count}` +
      ` from offset ${start} is out of range (the buffer has ${size} bytes)`);
  }
  const view = Reflect.apply(from, buffer.Buffer,
    [subject.buffer, subject.byteOffset + start, count]);
  // node 0.x's view said what it was a view of; a modern Buffer's own
  // parent and offset getters would name the ArrayBuffer instead.
  Object.defineProperty(view, 'parent',
    { value: subject, writable: true, configurable: true });
  Object.defineProperty(view, 'offset',
    { value: start, writable: true, configurable: true });
  return view;
}

// Node 24's SlowBuffer, for Node 25+, which removed it.
function SlowBuffer(size) {
  deprecated('NWC_SLOWBUFFER',
    'SlowBuffer is gone from Node 25; node-waf-compat/legacy restores it. ' +
    'Use Buffer.allocUnsafeSlow(size) instead.');
  return buffer.Buffer.allocUnsafeSlow(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

// node 0.8's (lib/buffer.js, "Legacy methods for backwards compatibility").
const binaryMethods = {
  binarySlice(start, end) {
    deprecated('NWC_BUFFER_BINARYSLICE',
      'buf.binarySlice is gone from Node; node-waf-compat/legacy restores ' +
      'it. Use buf.toString(\'latin1\', start, end) instead.');
    return this.toString('latin1', start, end);
  },
  binaryWrite(string, offset) {
    deprecated('NWC_BUFFER_BINARYWRITE',
      'buf.binaryWrite is gone from Node; node-waf-compat/legacy restores ' +
      'it. Use buf.write(string, offset, \'latin1\') instead.');
    return this.write(string, offset, 'latin1');
  },
};

function install() {
  const { Buffer } = buffer;
  for (const [name, fn] of Object.entries(binaryMethods)) {
    if (name in Buffer.prototype) continue;
    Object.defineProperty(Buffer.prototype, name,
      { value: fn, writable: true, configurable: true, enumerable: false });
  }
  const nodeFrom = Buffer.from;
  function from(value, encodingOrOffset, length) {
    if (typeof length === 'number' && !isAnyArrayBuffer(value) &&
        calledByBufferConstructor(from)) {
      return fastBuffer(nodeFrom, value, encodingOrOffset, length);
    }
    return Reflect.apply(nodeFrom, this, arguments);
  }
  Buffer.from = from;

  if (buffer.SlowBuffer === undefined) buffer.SlowBuffer = SlowBuffer;
  // node 0.x glue also reached it as process.binding('buffer').SlowBuffer.
  binding.define('buffer', (nodeBinding) => {
    const object = nodeBinding('buffer');
    if (!('SlowBuffer' in object) && Object.isExtensible(object)) {
      Object.defineProperty(object, 'SlowBuffer',
        { value: buffer.SlowBuffer, writable: true, configurable: true });
    }
    return object;
  });
}

module.exports = { install };
