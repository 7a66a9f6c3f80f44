'use strict';
// binding.js: process.binding(name) for the bindings node 0.x had and
// modern Node lacks or changed.  Names the preload restores are answered
// here; every other name goes to Node's own process.binding unchanged.

// name -> function returning the binding object (called on each request).
const bindings = new Map();

function install() {
  const nodeBinding = process.binding;
  if (typeof nodeBinding !== 'function') return;
  process.binding = function binding(module) {
    const restore = bindings.get(typeof module === 'string' ? module : '');
    if (restore !== undefined) return restore(nodeBinding);
    return Reflect.apply(nodeBinding, this, arguments);
  };
}

// Serves process.binding(name) with restore(nodeBinding).
function define(name, restore) {
  bindings.set(name, restore);
}

module.exports = { install, define };
