// node_misc.js: node's helpers, V8's statics and C++ exceptions/RTTI (the
// node_misc addon) on Node 0.8.28 and on modern Node.  Run with --expose-gc.
'use strict';
var common = require('./common');
var show = common.show;
var attempt = common.attempt;
var addon = common.addon();

show('errno', addon.errno());
show('errno props', addon.errnoProps());
show('constants', [addon.READY_STATE, addon.ENOENT]);
attempt('constant is read-only', function () {
  addon.READY_STATE = 99;
  return addon.READY_STATE;
});
attempt('constant is not deletable', function () {
  return delete addon.READY_STATE;
});
var thing = new addon.Thing('with new');
var called = addon.Thing('without new', 2);
show('thing', [thing.name, thing.count, called.name, called.count,
  called instanceof addon.Thing]);
show('persisted', addon.persisted(function (text) { return 'got ' + text; }));
show('cxx throw', addon.cxx(true));
show('cxx no throw', addon.cxx(false));
show('statics', addon.statics());
gc();
show('gc callbacks', addon.gcCount());
