'use strict';
// compile.js: process.compile(source, filename) of node 0.2-0.4: runs
// source as a script in the global context (it cannot see the caller's
// scope), names it filename in stack traces and returns its value.

const vm = require('vm');
const { deprecated } = require('./warn');

function install() {
  if (Object.hasOwn(process, 'compile')) return;
  Object.defineProperty(process, 'compile', {
    configurable: true,
    enumerable: false,
    writable: true,
    value: function compile(source, filename) {
      deprecated('NWC_PROCESS_COMPILE',
        'process.compile is gone from Node; node-waf-compat/legacy ' +
        'restores it. Use require(\'vm\').runInThisContext(source, ' +
        '{ filename }) instead.');
      if (arguments.length < 2) {
        throw new TypeError(
          'process.compile(source, filename): needs two arguments');
      }
      // Divergence: node 0.4 printed an exception of the script and exited;
      // here it reaches the caller, and exits only if nothing catches it.
      return vm.runInThisContext(String(source),
        { filename: String(filename) });
    },
  });
}

module.exports = { install };
