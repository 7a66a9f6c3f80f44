'use strict';
// process_events.js: 'beforeExit' as node 0.x knew it, a name with no
// meaning to Node.  The era's test runners gave it one: expresso's 'exit'
// handler emitted process.emit('beforeExit') itself, so that each test's
// last assertions ran before the report.  Node 0.11.12 made 'beforeExit'
// Node's own event, emitted with the exit code when the loop drains, before
// 'exit'; such a runner now runs every listener twice (a test that deletes
// its file in its last assertions finds it gone the second time).
//
// Under the preload, a script's own emission of 'beforeExit' (no exit code,
// as the era's runners wrote it) runs only the listeners that Node's own
// emission has not run; Node's own emissions run every listener, as always.
// Modern code that emits 'beforeExit' itself after Node did is the only
// other code that sees a difference.  It does not warn: the era's runners
// emit it from their 'exit' handler, where a warning is never printed.

function install() {
  const ranByNode = new WeakSet();
  const emit = process.emit;
  process.emit = function legacyEmit(event, ...args) {
    if (event !== 'beforeExit') return emit.apply(this, arguments);
    const listeners = process.rawListeners('beforeExit');
    if (typeof args[0] === 'number') {
      // Node's own emission: the exit code comes first.
      for (const listener of listeners) ranByNode.add(listener);
      return emit.apply(this, arguments);
    }
    const remaining = listeners.filter((l) => !ranByNode.has(l));
    if (remaining.length === listeners.length) {
      return emit.apply(this, arguments);
    }
    // rawListeners: a once() listener comes wrapped, and its wrapper
    // removes it before calling it, as emit() would.
    for (const listener of remaining) listener.apply(this, args);
    return remaining.length > 0;
  };
}

module.exports = { install };
