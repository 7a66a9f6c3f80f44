// uv_errors.js: libuv 0.8's error model and a C half using libuv 0.8's
// callbacks (the uv_errors addon) on Node 0.8.28 and on modern Node:
// uv_err_name and uv_strerror of uv_err_t values from C and from calls
// that returned one, a C timer with status and C work without it.
'use strict';
var common = require('./common');
var show = common.show;
var addon = common.addon();

var events = [];
addon.event = function (what, value) {
  events.push([what, value]);
};

process.on('exit', function () {
  // The work and the timer race each other; each one's events are ordered.
  show('C work events', events.filter(function (e) {
    return e[0] === 'c work';
  }));
  show('C timer events', events.filter(function (e) {
    return e[0] !== 'c work';
  }));
});

var names = addon.names();
for (var i = 0; i < names.length; i++) {
  show('uv_err_t ' + names[i][0], [names[i][1], names[i][2]]);
}
var cwd = process.cwd();
show('uv_chdir to a missing directory', addon.chdir('/nonexistent/uv_errors'));
show('uv_chdir to /', addon.chdir('/'));
process.chdir(cwd);
show('uv_kill of a missing process', addon.kill(0x3ffffff0));
show('C timer started', addon.startTimer());
show('C work queued', addon.queue(14));
