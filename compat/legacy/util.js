'use strict';
// util.js: the functions of node 0.2-0.8's util module (alias sys) that
// era glue and examples called and modern Node removed: puts, print and
// error (gone in Node 12), log, isDate, isRegExp and isError (gone in Node
// 23).  Those Node still has are left alone.
//
// require('sys') gives node 0.x's sys: util's functions (inherited from
// Node's util module, which is what Node's own require('sys') returns) and
// node 0.x's sys.debug(message), which printed "DEBUG: message" on stderr.
// Node's util.debug is debuglog(section) now, so on it the old call would
// print nothing; util.debug itself stays Node's.

const Module = require('module');
const util = require('util');
const { deprecated } = require('./warn');

function pad(n) {
  return n < 10 ? `0${n}` : `${n}`;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep',
  'Oct', 'Nov', 'Dec'];

// The functions as node 0.x defined their behaviour, by name.  Each warns
// once, naming what to use instead.
const functions = {
  // Each argument on a line of its own on stdout.
  puts: ['console.log', function puts(...args) {
    for (const arg of args) process.stdout.write(arg + '\n');
  }],
  // The arguments on stdout as they are, no newline.
  print: ['process.stdout.write', function print(...args) {
    for (const arg of args) process.stdout.write(String(arg));
  }],
  // Each argument on a line of its own on stderr.
  error: ['console.error', function error(...args) {
    for (const arg of args) process.stderr.write(arg + '\n');
  }],
  // "26 Feb 16:19:34 - message" on stdout.
  log: ['console.log', function log(message) {
    const d = new Date();
    const time = [d.getHours(), d.getMinutes(), d.getSeconds()].map(pad)
      .join(':');
    process.stdout.write(
      `${d.getDate()} ${months[d.getMonth()]} ${time} - ${message}\n`);
  }],
  isDate: ['util.types.isDate', function isDate(value) {
    return util.types.isDate(value);
  }],
  isRegExp: ['util.types.isRegExp', function isRegExp(value) {
    return util.types.isRegExp(value);
  }],
  isError: ['value instanceof Error', function isError(value) {
    return util.types.isNativeError(value) || value instanceof Error;
  }],
};

let sys = null;

function sysModule(nodeSys) {
  if (sys !== null) return sys;
  sys = Object.create(nodeSys);
  Object.defineProperty(sys, 'debug', {
    value: function debug(message) {
      deprecated('NWC_SYS_DEBUG',
        'sys.debug(message) of node 0.x is restored by ' +
        'node-waf-compat/legacy (util.debug is util.debuglog on modern ' +
        'Node). Use console.error instead.');
      process.stderr.write('DEBUG: ' + message + '\n');
    },
    writable: true, configurable: true, enumerable: true,
  });
  return sys;
}

function install() {
  const nodeLoad = Module._load;
  Module._load = function _load(request) {
    // Node's own require('sys') runs first: its deprecation warning stays.
    const loaded = Reflect.apply(nodeLoad, this, arguments);
    return request === 'sys' && loaded === util ? sysModule(loaded) : loaded;
  };
  for (const [name, [instead, fn]] of Object.entries(functions)) {
    if (name in util) continue;
    const restored = {
      [name](...args) {
        deprecated(`NWC_UTIL_${name.toUpperCase()}`,
          `util.${name} is gone from Node; node-waf-compat/legacy restores ` +
          `it. Use ${instead} instead.`);
        return Reflect.apply(fn, this, args);
      },
    }[name];
    Object.defineProperty(util, name, {
      value: restored, writable: true, configurable: true, enumerable: false,
    });
  }
}

module.exports = { install };
