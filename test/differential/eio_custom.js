// eio_custom.js: work on the thread pool through eio_custom (the eio_custom
// addon) on Node 0.8.28, whose libeio is the oracle, and on modern Node:
// the idiom's results, what an int work function's return value becomes,
// errno reported through ErrnoException, 10,000 requests in flight,
// cancellation before and while the work runs, and a request without
// ev_ref.
'use strict';
var fs = require('fs');
var common = require('./common');
var show = common.show;
var addon = common.addon();

// Pool threads: node 0.8's libeio starts up to 4; libuv's pool has 4
// unless UV_THREADPOOL_SIZE says otherwise.
var POOL = /^v0\./.test(process.version) ? 4 :
  Number(process.env.UV_THREADPOOL_SIZE) || 4;

process.on('exit', function () {
  // Printed before the held request may finish: its done callback never
  // runs, as it did not run in node 0.x (nothing held the loop for it).
  show('stats at exit', addon.stats());
  addon.releaseDetached();
});

// node 0.8 starts libeio with its first fs request.
fs.stat(__filename, function () {
  addon.hash('secret', 'salt', 12, function (err, digest) {
    show('hash', [err, digest, digest === addon.hashSync('secret', 'salt', 12)]);
    addon.returned(42, function (result, type) {
      show('int work returned 42: result, type', [result, type]);
      addon.stored(7, function (result) {
        show('void work stored 7: result', result);
        addon.openOnPool('/nonexistent/eio', function (err) {
          show('open(2) failing on the pool', err);
          show('its errno, code, syscall, path',
            [err.errno, err.code, err.syscall, err.path]);
          addon.many(10000, function (once) {
            show('10000 requests in flight: ran exactly once', once);
            cancellation();
          });
        });
      });
    });
  });
});

function cancellation() {
  // Every pool thread held: the victim waits in the queue.
  addon.block(POOL);
  addon.waitArrived(POOL);
  addon.submitVictim();
  show('EIO_CANCELLED after eio_cancel (queued)', addon.cancelVictim());
  // A work that runs until it sees EIO_CANCELLED; it starts once a held
  // thread is released.
  addon.submitCooperative();
  addon.release();
  addon.waitArrived(POOL + 1);
  show('EIO_CANCELLED after eio_cancel (running)', addon.cancelVictim());
  addon.waitFinished(1);
  addon.detached();
}
