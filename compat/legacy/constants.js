'use strict';
// constants.js: process.binding('constants') as node 0.2-0.8 glue read it,
// one flat object (ENOENT, SIGINT, O_RDONLY, S_IFMT, ...).  Modern Node
// groups the same values under .os.errno, .os.signals and .fs, so an old
// read such as process.binding('constants').EINPROGRESS is undefined; the
// preload adds the flat names, as non-enumerable properties, to the object
// Node returns.  require('constants') is still flat on modern Node.
//
// node 0.2 also put the errno names on process itself (src/node.cc called
// DefineConstants(process)), and glue compared with process.ENOENT.  Its
// list (src/constants.cc, E2BIG to EXDEV) is the list of
// os.constants.errno, so those are added to process, not enumerable.

const fs = require('fs');
const os = require('os');
const binding = require('./binding');
const { deprecated } = require('./warn');

let done = false;

function addFlatNames(object) {
  done = true;
  const flat = { ...os.constants.errno, ...os.constants.signals,
    ...fs.constants };
  for (const [name, value] of Object.entries(flat)) {
    if (name in object) continue;
    Object.defineProperty(object, name, {
      configurable: true,
      enumerable: false,
      get() {
        deprecated('NWC_BINDING_CONSTANTS',
          'process.binding(\'constants\') is grouped on modern Node; ' +
          'node-waf-compat/legacy adds node 0.x\'s flat names. Use ' +
          'require(\'os\').constants and require(\'fs\').constants instead.');
        return value;
      },
    });
  }
}

// Divergence: the values are right, but node 0.2's err.errno was the
// positive errno and modern Node's is negative (libuv's -ENOENT), so
// err.errno === process.ENOENT is false on modern Node; err.code works.
function addErrnoNames() {
  for (const [name, value] of Object.entries(os.constants.errno)) {
    if (name in process) continue;
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: false,
      get() {
        deprecated('NWC_PROCESS_ERRNO',
          `process.${name} (node 0.2's errno constants on process) is ` +
          'gone from Node; node-waf-compat/legacy restores them. Use ' +
          `require('os').constants.errno.${name}, or compare err.code ` +
          `with '${name}', instead.`);
        return value;
      },
      set(assigned) {
        Object.defineProperty(process, name, {
          value: assigned, writable: true, enumerable: true,
          configurable: true,
        });
      },
    });
  }
}

function install() {
  addErrnoNames();
  binding.define('constants', (nodeBinding) => {
    const object = nodeBinding('constants');
    if (!done && Object.isExtensible(object)) addFlatNames(object);
    return object;
  });
}

module.exports = { install };
