'use strict';
// path.js: path.exists(p, callback) and path.existsSync(p), where node
// 0.2-0.6 kept what is fs.exists and fs.existsSync now (node 0.8 moved
// them and left these two as deprecated aliases; modern Node has neither).
// As in node 0.x, the callback gets one argument, true or false, never an
// error, and may be left out.

const fs = require('fs');
const path = require('path');
const { deprecated } = require('./warn');

function noop() {}

const functions = {
  exists: ['fs.exists (or fs.access)', function exists(p, callback) {
    fs.exists(p, typeof callback === 'function' ? callback : noop);
  }],
  existsSync: ['fs.existsSync', function existsSync(p) {
    return fs.existsSync(p);
  }],
};

function install() {
  for (const [name, [instead, fn]] of Object.entries(functions)) {
    if (name in path) continue;
    const restored = {
      [name](...args) {
        deprecated(`NWC_PATH_${name.toUpperCase()}`,
          `path.${name} (node 0.x's place of fs.${name}) is gone from Node; ` +
          `node-waf-compat/legacy restores it. Use ${instead} instead.`);
        return Reflect.apply(fn, this, args);
      },
    }[name];
    // Not enumerable: code listing path's functions sees modern Node's.
    // path and path.posix (or path.win32) are one object.
    Object.defineProperty(path, name, {
      value: restored, writable: true, configurable: true, enumerable: false,
    });
  }
}

module.exports = { install };
