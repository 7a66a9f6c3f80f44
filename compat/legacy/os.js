'use strict';
// os.js: os.tmpDir() and os.getNetworkInterfaces(), node 0.6-0.8's names
// of os.tmpdir() and os.networkInterfaces() (DEP0022 and DEP0023; modern
// Node removed both).

const os = require('os');
const { deprecated } = require('./warn');

const functions = {
  // Node's os.tmpdir() reads TMPDIR, TMP and TEMP as node 0.8's did, and
  // also drops a trailing slash, which node 0.8 kept.
  tmpDir: ['os.tmpdir()', () => os.tmpdir()],
  getNetworkInterfaces: ['os.networkInterfaces()',
    () => os.networkInterfaces()],
};

function install() {
  for (const [name, [instead, fn]] of Object.entries(functions)) {
    if (name in os) continue;
    const restored = {
      [name]() {
        deprecated(`NWC_OS_${name.toUpperCase()}`,
          `os.${name} is gone from Node; node-waf-compat/legacy restores ` +
          `it. Use ${instead} instead.`);
        return fn();
      },
    }[name];
    Object.defineProperty(os, name, {
      value: restored, writable: true, configurable: true, enumerable: false,
    });
  }
}

module.exports = { install };
