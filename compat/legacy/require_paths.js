'use strict';
// require_paths.js: require.paths of node 0.2-0.4, the one array of folders
// that every module's require searched for a bare name (after the
// node_modules folders), and that old code changed with
// require.paths.unshift(dir).
//
// Node builds each module's require function in private code, so the
// array cannot be put on them one by one.  Instead Function.prototype gets
// a `paths` accessor that answers only for those functions (recognised by
// the require.cache and require.extensions Node puts on each) and is
// undefined for every other function, as before; assigning `paths` to any
// function makes an ordinary own property, as before.  Resolution reads
// the array through Module._resolveLookupPaths.

const Module = require('module');
const path = require('path');
const { deprecated } = require('./warn');

// node 0.4 started require.paths with NODE_PATH, ~/.node_modules,
// ~/.node_libraries and <prefix>/lib/node: Node's global paths today.
const initial = Module.globalPaths.slice();
const paths = initial.slice();

function isRequire(fn) {
  const cache = Reflect.getOwnPropertyDescriptor(fn, 'cache');
  const extensions = Reflect.getOwnPropertyDescriptor(fn, 'extensions');
  return cache !== undefined && cache.value === Module._cache &&
    extensions !== undefined && extensions.value === Module._extensions;
}

function changed() {
  return paths.length !== initial.length ||
    paths.some((entry, i) => entry !== initial[i]);
}

function relative(request) {
  return request === '.' || request === '..' || request.startsWith('./') ||
    request.startsWith('../') || path.isAbsolute(request);
}

function install() {
  if (Object.hasOwn(Function.prototype, 'paths')) return;
  Object.defineProperty(Function.prototype, 'paths', {
    configurable: true,
    enumerable: false,
    get() {
      if (typeof this !== 'function' || !isRequire(this)) return undefined;
      deprecated('NWC_REQUIRE_PATHS',
        'require.paths is gone from Node; node-waf-compat/legacy restores ' +
        'it. Use node_modules folders or NODE_PATH instead.');
      return paths;
    },
    set(value) {
      Object.defineProperty(this, 'paths',
        { value, writable: true, enumerable: true, configurable: true });
    },
  });

  const nodeLookup = Module._resolveLookupPaths;
  Module._resolveLookupPaths = function _resolveLookupPaths(request, parent) {
    const found = Reflect.apply(nodeLookup, this, arguments);
    if (!Array.isArray(found) || typeof request !== 'string' ||
        relative(request) || !changed()) {
      return found;
    }
    // The parent's node_modules folders first, then require.paths in its
    // current order (in place of Node's global paths), as node 0.4 did.
    const global = new Set(initial);
    return found.filter((entry) => !global.has(entry)).concat(paths);
  };
}

module.exports = { install };
