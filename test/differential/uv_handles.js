// uv_handles.js: libuv handles with the callbacks of libuv 0.8 (`int
// status`) on Node 0.8.28 and on modern Node (the uv_handles addon):
// timers once and repeating, an async handle woken from a thread, idle,
// prepare and check handles, a poll handle on a pipe, uv_close's callback,
// and a long timer made not to keep the process alive with uv_unref(handle).
'use strict';
var common = require('./common');
var show = common.show;
var addon = common.addon();

var events = [];
addon.event = function (what, value) {
  events.push([what, value]);
};

process.on('exit', function () {
  // Timer events are ordered by time; the others land in between.
  function only(names) {
    return events.filter(function (e) { return names.indexOf(e[0]) >= 0; });
  }
  // Each timer's own events, in order (the two timers' relative order
  // depends on when the loop last read the clock).
  show('repeating timer', only(['repeat']));
  show('one-shot timer', only(['once']));
  show('close callbacks', only(['closed']));
  show('async', only(['async done']));
  show('idle, prepare, check', only(['idle', 'prepare', 'check']).sort());
  show('poll', only(['poll readable', 'poll status']));
  show('the unref\'d timer', only(['unref\'d timer fired']));
});

show('timers started', addon.timers());
show('async started', addon.async());
show('watchers started', addon.watchers());
show('poll started', addon.poll());
show('unref\'d timer started', addon.unrefTimer(60000, true));
