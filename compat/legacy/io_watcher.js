'use strict';
// io_watcher.js: process.binding('io_watcher') (node 0.3-0.8) and
// process.IOWatcher (node 0.2): the IOWatcher class, served by the SDK's
// native part (io_watcher.cc, built into build/Release/io_watcher.node when
// node-waf-compat is installed) on the SDK's ev_io.

const path = require('path');
const binding = require('./binding');
const { deprecated } = require('./warn');

const compatDir = path.join(__dirname, '..');
const file = path.join(compatDir, 'build', 'Release', 'io_watcher.node');

let loaded = null;

// The native binding, loaded on first use.  Throws an Error that says how
// to build it when it is missing or was built for another node.
function load() {
  if (loaded !== null) return loaded;
  try {
    loaded = require(file);
  } catch (error) {
    const missing = error.code === 'MODULE_NOT_FOUND';
    // Anything else (the runtime refusing a worker thread, say) speaks for
    // itself.
    if (!missing && error.code !== 'ERR_DLOPEN_FAILED') throw error;
    throw new Error(
      'node-waf-compat/legacy: IOWatcher needs the SDK\'s native part, ' +
      (missing ? `which is not built (no ${file})`
        : `which does not load in this node (${error.message})`) +
      `; build it for node ${process.version} with ` +
      `\`cd ${compatDir} && npx compat-gyp rebuild\` ` +
      '(npm does this when it installs node-waf-compat)', { cause: error });
  }
  return loaded;
}

function install() {
  binding.define('io_watcher', () => {
    deprecated('NWC_IO_WATCHER',
      'process.binding(\'io_watcher\') is gone from Node; ' +
      'node-waf-compat/legacy restores its IOWatcher on the SDK\'s ev_io. ' +
      'Use a net.Socket, or a libuv poll handle in the addon, instead.');
    return load();
  });
  if (Object.hasOwn(process, 'IOWatcher')) return;
  Object.defineProperty(process, 'IOWatcher', {
    configurable: true,
    enumerable: false,
    get() {
      deprecated('NWC_PROCESS_IOWATCHER',
        'process.IOWatcher (node 0.2) is gone from Node; ' +
        'node-waf-compat/legacy restores it on the SDK\'s ev_io. ' +
        'Use a net.Socket, or a libuv poll handle in the addon, instead.');
      return load().IOWatcher;
    },
    set(value) {
      Object.defineProperty(process, 'IOWatcher', {
        value, writable: true, enumerable: true, configurable: true,
      });
    },
  });
}

module.exports = { install, load };
