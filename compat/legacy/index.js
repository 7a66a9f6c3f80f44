'use strict';
// legacy/index.js: the opt-in preload of node-waf-compat,
//
//   node -r node-waf-compat/legacy app.js     or
//   require('node-waf-compat/legacy')         first thing in the program,
//
// which restores the runtime APIs that the JavaScript half of node 0.2-0.8
// addons used and modern Node removed or changed.  Nothing changes in a
// process that does not load it.  Each restored API warns once, on first
// use (see warn.js for how to silence the warnings).  compat/README.md
// lists them ("JavaScript glue").

const installed = Symbol.for('node-waf-compat.legacy');

if (!process[installed]) {
  // A second copy of node-waf-compat in the same process finds the first
  // one's APIs and leaves them alone.
  Object.defineProperty(process, installed, { value: true });
  require('./binding').install();
  require('./events').install();
  require('./io_watcher').install();
  require('./buffer').install();
  require('./constants').install();
  require('./http_parser').install();
  require('./compile').install();
  require('./require_paths').install();
  require('./util').install();
  require('./globals').install();
  require('./fs').install();
  require('./path').install();
  require('./assert').install();
  require('./net').install();
  require('./tty').install();
  require('./os').install();
  require('./process_events').install();
}
