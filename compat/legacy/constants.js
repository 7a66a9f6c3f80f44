'use strict';
// constants.js: process.binding('constants') as node 0.2-0.8 glue read it,
// one flat object (ENOENT, SIGINT, O_RDONLY, S_IFMT, ...).  Modern Node
// groups the same values under .os.errno, .os.signals and .fs, so an old
// read such as process.binding('constants').EINPROGRESS is undefined; the
// preload adds the flat names, as non-enumerable properties, to the object
// Node returns.  require('constants') is still flat on modern Node.

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

function install() {
  binding.define('constants', (nodeBinding) => {
    const object = nodeBinding('constants');
    if (!done && Object.isExtensible(object)) addFlatNames(object);
    return object;
  });
}

module.exports = { install };
