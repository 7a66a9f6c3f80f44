'use strict';
// tty.js: tty.setRawMode(flag), node 0.6's module-level switch for the
// terminal on stdin (node 0.8 kept it as a deprecated alias of
// process.stdin.setRawMode; modern Node has no such function).

const tty = require('tty');
const { deprecated } = require('./warn');

function install() {
  if ('setRawMode' in tty) return;
  Object.defineProperty(tty, 'setRawMode', {
    configurable: true,
    enumerable: false,
    writable: true,
    // node 0.8's (lib/tty.js).
    value: function setRawMode(flag) {
      deprecated('NWC_TTY_SETRAWMODE',
        'tty.setRawMode is gone from Node; node-waf-compat/legacy restores ' +
        'it. Use process.stdin.setRawMode(flag) instead.');
      if (!process.stdin.isTTY) {
        throw new Error('can\'t set raw mode on non-tty');
      }
      process.stdin.setRawMode(flag);
    },
  });
}

module.exports = { install };
