// node_wrap.js: node::ObjectWrap deletion by the garbage collector, and
// weak Persistents with the old callback (the node_wrap addon), on Node
// 0.8.28 and on modern Node.  Run with --expose-gc.
'use strict';
var common = require('./common');
var show = common.show;
var addon = common.addon();

var kept = [];
var pinned = [];
(function () {
  for (var i = 0; i < 100; i++) {
    var c = new addon.Counter(i);
    c.inc();
    if (i < 10) kept.push(c);
    else if (i < 15) {
      c.ref();
      pinned.push(c.state());
    }
  }
})();
show('state', kept[3].state());
show('pinned state', pinned[0]);
show('stats before', addon.stats());

(function () {
  for (var i = 0; i < 20; i++) addon.watch({ i: i });
})();
show('watch', addon.watch({}));
show('keep', addon.keep({ name: 'kept object' }));

// gc() runs the old weak callbacks of what it collected before it
// returns, as V8 3.x did: the destructors have run, and the native cache
// hands out a new wrapper, never the collected one.
(function () {
  var shared = addon.shared();
  shared.tag = 'first';
  show('shared is cached', addon.shared() === shared);
})();
gc();
gc();
show('stats right after gc', addon.stats());
show('weak stats right after gc', addon.weakStats());
(function () {
  var fresh = addon.shared();
  show('shared after gc', [fresh.tag === undefined ? 'a new wrapper' :
    fresh.tag, addon.sharedStats()]);
})();

common.collect(function () {
  show('stats after collect', addon.stats());
  show('weak stats', addon.weakStats());
  show('kept', addon.kept());
  show('kept counters alive', kept.map(function (c) { return c.inc(); }));
  // The pinned counters are unreachable from JS but referenced: unref them
  // (through the objects the C++ side still holds) by making new ones...
  var again = [];
  for (var i = 0; i < 3; i++) {
    var c = new addon.Counter(0);
    c.ref();
    c.unref();
    again.push(c.state());
  }
  show('ref then unref', again);
  kept = null;
  common.collect(function () {
    show('stats after dropping', addon.stats());
  });
});
