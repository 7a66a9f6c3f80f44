'use strict';
// events.js: process.EventEmitter, the EventEmitter constructor that node
// 0.2-0.4 kept on process (lib/events.js re-exported it from there), so old
// glue's util.inherits(X, process.EventEmitter) and
// X.prototype.__proto__ = process.EventEmitter.prototype work again.

const EventEmitter = require('events');
const { deprecated } = require('./warn');

function install() {
  if (Object.hasOwn(process, 'EventEmitter')) return;
  // An accessor, so that the first use warns; enumerable: false keeps it out
  // of code that copies or lists process's own properties.  Assigning
  // replaces it with a plain value, as on node 0.x.
  Object.defineProperty(process, 'EventEmitter', {
    configurable: true,
    enumerable: false,
    get() {
      deprecated('NWC_PROCESS_EVENTEMITTER',
        'process.EventEmitter is gone from Node; node-waf-compat/legacy ' +
        'restores it. Use require(\'events\') instead.');
      return EventEmitter;
    },
    set(value) {
      Object.defineProperty(process, 'EventEmitter', {
        value, writable: true, enumerable: true, configurable: true,
      });
    },
  });
}

module.exports = { install };
