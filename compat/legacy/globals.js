'use strict';
// globals.js: GLOBAL and root, node 0.x's two other names for the global
// object (Node 14 removed them, DEP0016).

const { deprecated } = require('./warn');

// node 0.x name -> the code of its warning.
const names = { GLOBAL: 'NWC_GLOBAL', root: 'NWC_ROOT' };

function install() {
  for (const [name, code] of Object.entries(names)) {
    if (Object.hasOwn(globalThis, name)) continue;
    // An accessor, so that the first use warns.  node 0.8 made them
    // enumerable; here they are not, so that code listing the global
    // object's keys (leak checks in test runners) sees modern Node's list.
    // Assigning replaces the accessor with a plain value, as on node 0.x.
    Object.defineProperty(globalThis, name, {
      configurable: true,
      enumerable: false,
      get() {
        deprecated(code,
          `${name} (node 0.x's name for the global object) is gone from ` +
          'Node; node-waf-compat/legacy restores it. Use globalThis (or ' +
          'global) instead.');
        return globalThis;
      },
      set(value) {
        Object.defineProperty(globalThis, name, {
          value, writable: true, enumerable: true, configurable: true,
        });
      },
    });
  }
}

module.exports = { install };
