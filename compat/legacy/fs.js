'use strict';
// fs.js: node 0.4-0.8's asynchronous fs calls without a callback.  node 0.4
// passed `callback || noop` to the binding and node 0.6-0.8 made a missing
// callback a function that does nothing (lib/fs.js, makeCallback), so
// fs.unlink(path), fs.writeFile(path, data) or fs.close(fd) did their work
// and dropped any error.  Modern Node throws ERR_INVALID_ARG_TYPE at once
// (fs.close(fd) alone is accepted, and its error thrown later, uncaught).
//
// The preload wraps the functions node 0.8 had.  A call that passes a
// function anywhere in its arguments goes to Node's function untouched; a
// call with nothing (or null) where node 0.8 took the callback gets a
// callback that does nothing, in that place.  Any other value there is
// left for Node to refuse.

const fs = require('fs');
const { deprecated } = require('./warn');

// name -> the index of the callback in node 0.8's argument list.
const callbackIndex = {
  close: 1, open: 3, read: 5, rename: 2, truncate: 2, rmdir: 1,
  fdatasync: 1, fsync: 1, mkdir: 2, readdir: 1, fstat: 1, lstat: 1, stat: 1,
  readlink: 1, symlink: 3, link: 2, unlink: 1, fchmod: 2, chmod: 2,
  fchown: 3, chown: 3, utimes: 3, futimes: 3, writeFile: 3, appendFile: 3,
  readFile: 2, exists: 1,
  // fs.write(fd, buffer, offset, length, position, callback), and its
  // string form fs.write(fd, string, position, encoding, callback).
  write: (args) => ArrayBuffer.isView(args[1]) ? 5 : 4,
};

function noop() {}

function wrap(name, nodeFn, index) {
  const restored = {
    [name](...args) {
      if (args.some((arg) => typeof arg === 'function')) {
        return Reflect.apply(nodeFn, this, args);
      }
      const at = typeof index === 'function' ? index(args) : index;
      if (args.length > at && args[at] != null) {
        return Reflect.apply(nodeFn, this, args);
      }
      const promise = name === 'exists' ? 'access' : name;
      deprecated(`NWC_FS_${name.toUpperCase()}_NO_CALLBACK`,
        `fs.${name} without a callback (node 0.x ignored its errors) throws ` +
        'on modern Node; node-waf-compat/legacy gives it one that does ' +
        `nothing. Pass a callback, or use fs.${name}Sync or ` +
        `fs.promises.${promise}, instead.`);
      while (args.length < at) args.push(undefined);
      args[at] = noop;
      return Reflect.apply(nodeFn, this, args);
    },
  }[name];
  // Node's function keeps what hangs on it: its length, and the symbols
  // util.promisify reads (fs.exists's custom form, the named results of
  // fs.read and fs.write).
  for (const key of Reflect.ownKeys(nodeFn)) {
    if (key === 'prototype' || key === 'arguments' || key === 'caller') {
      continue;
    }
    Object.defineProperty(restored, key,
      Object.getOwnPropertyDescriptor(nodeFn, key));
  }
  return restored;
}

function install() {
  for (const [name, index] of Object.entries(callbackIndex)) {
    const nodeFn = fs[name];
    if (typeof nodeFn !== 'function') continue;
    fs[name] = wrap(name, nodeFn, index);
  }
}

module.exports = { install };
