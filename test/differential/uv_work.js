// uv_work.js: thread-pool work through uv_queue_work with libuv 0.8's
// one-argument after-work callback (the uv_work addon) on Node 0.8.28 and on
// modern Node: every result, called back once each, by Function::Call and by
// node::MakeCallback, and the loop kept alive until the last one.
'use strict';
var common = require('./common');
var show = common.show;
var addon = common.addon();

var results = {};
var calls = 0;
var statuses = [];
var N = 20;

process.on('exit', function () {
  show('callbacks', calls);
  show('stats at exit', addon.stats());
});

function record(n, square) {
  calls++;
  results[n] = square;
  if (calls === N) {
    var keys = Object.keys(results).sort(function (a, b) { return a - b; });
    var all = [];
    for (var i = 0; i < keys.length; i++) all.push([+keys[i], results[keys[i]]]);
    show('results', all);
    show('uv_queue_work returned', statuses);
    receiver();
  }
}

for (var i = 0; i < N; i++) statuses.push(addon.square(i, record));

function receiver() {
  var seen = [];
  var object = {
    done: function (n, square) {
      seen.push([this === object, n, square]);
      if (seen.length === 3) {
        seen.sort(function (a, b) { return a[1] - b[1]; });
        show('MakeCallback(object, "done")', seen);
      }
    }
  };
  addon.squareTo(7, object);
  addon.squareTo(8, object);
  addon.squareTo(9, object);
}
