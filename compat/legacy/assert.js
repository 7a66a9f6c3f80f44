'use strict';
// assert.js: assert.throws(block, 'message') as node 0.x read it, and
// process.assert.
//
// node 0.x (lib/assert.js, _throws) read a string second argument as the
// message: any exception passed, and no exception failed with that message.
// Modern Node reads it the same way but refuses two forms old tests wrote:
// a string equal to the exception's message (or to a thrown string) is
// ERR_AMBIGUOUS_ARGUMENT, and a string followed by a third argument is
// ERR_INVALID_ARG_TYPE.  The preload runs the block itself when the second
// argument is a string, so both pass again; everything else (a RegExp, a
// class, an object, a validation function, no second argument) goes to
// Node's assert.throws untouched.
//
// assert.doesNotThrow(block, 'message') has no such trap: Node reads the
// string as the message too.  It is left alone (node 0.8 rethrew the
// block's exception; Node throws an AssertionError naming it).

const assert = require('assert');
const { deprecated } = require('./warn');

function noThrow() {}

function install() {
  const nodeThrows = assert.throws;
  assert.throws = function throws(block, error, message) {
    if (typeof error !== 'string' || typeof block !== 'function') {
      return Reflect.apply(nodeThrows, this, arguments);
    }
    let threw = false;
    let actual;
    try {
      block();
    } catch (e) {
      threw = true;
      actual = e;
    }
    if (threw) {
      // Divergence: node 0.8 counted a thrown undefined, null, 0 or '' as
      // no exception (`if (!actual)`); any throw passes here, as in Node.
      const same = typeof actual === 'object' && actual !== null
        ? actual.message === error : actual === error;
      if (same || arguments.length > 2) {
        deprecated('NWC_ASSERT_THROWS_MESSAGE',
          'assert.throws(block, \'message\') with the exception\'s own ' +
          'message, or with a third argument, throws ERR_AMBIGUOUS_ARGUMENT ' +
          'or ERR_INVALID_ARG_TYPE on modern Node; node-waf-compat/legacy ' +
          'reads the string as node 0.x did, as the message. Use ' +
          'assert.throws(block, { message: \'...\' }) or a RegExp instead.');
      }
      return undefined;
    }
    // No exception: Node's own failure ("Missing expected exception:
    // message"; node 0.8 said "Missing expected exception. message"), its
    // stack starting at the caller, not here.
    try {
      Reflect.apply(nodeThrows, this, [noThrow, error]);
    } catch (failure) {
      restack(failure, throws);
      throw failure;
    }
    return undefined;
  };

  if (typeof process.assert !== 'function') {
    Object.defineProperty(process, 'assert', {
      configurable: true,
      enumerable: false,
      writable: true,
      // node 0.8's (src/node.js): an Error, not an AssertionError.
      value: function processAssert(value, message) {
        deprecated('NWC_PROCESS_ASSERT',
          'process.assert is gone from Node; node-waf-compat/legacy ' +
          'restores it. Use require(\'assert\')(value, message) instead.');
        if (!value) throw new Error(message || 'assertion error');
      },
    });
  }
}

// Replaces the frames of `error`'s stack with those above `fn`.
function restack(error, fn) {
  if (error === null || typeof error !== 'object' ||
      typeof error.stack !== 'string') return;
  const holder = {};
  Error.captureStackTrace(holder, fn);
  const frames = holder.stack.indexOf('\n    at ');
  const own = error.stack.indexOf('\n    at ');
  if (frames < 0 || own < 0) return;
  error.stack = error.stack.slice(0, own) + holder.stack.slice(frames);
}

module.exports = { install };
