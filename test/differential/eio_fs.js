// eio_fs.js: libeio's file requests (the eio_fs addon) on Node 0.8.28,
// whose libeio is the oracle, and on modern Node: a write/read/stat
// sequence, directories, links, errors through ErrnoException, and the
// result conventions (readdir's NUL-separated names, readlink's bytes).
'use strict';
var fs = require('fs');
var common = require('./common');
var addon = common.addon();

var dir = '/tmp/eio-fs-' + process.pid;

// Paths differ from run to run: shown relative to the scenario's folder.
function show(label, value) {
  common.show(label, value);
}
function relative(value) {
  if (typeof value === 'string') return value.split(dir).join('<dir>');
  if (value instanceof Error) {
    var copy = new Error(relative(value.message));
    copy.name = value.name;
    return [copy, value.errno, value.code, value.syscall,
      relative(value.path)];
  }
  if (Array.isArray(value)) return value.map(relative);
  return value;
}

var steps = [];
function step(label, run) {
  steps.push(function (next) {
    run(function (err, value) {
      show(label, relative(err ? err : value));
      next();
    });
  });
}

var fd, fd2;
step('mkdir', function (cb) { addon.mkdir(dir, 448, cb); });
step('mkdir again', function (cb) { addon.mkdir(dir, 448, cb); });
step('open for writing', function (cb) {
  addon.open(dir + '/data', addon.O_RDWR | addon.O_CREAT | addon.O_TRUNC, 420,
    function (err, value) { fd = value; cb(err, value >= 0); });
});
step('write at 0', function (cb) { addon.write(fd, 'hello, eio', 0, cb); });
step('write at the position (-1)', function (cb) {
  addon.write(fd, '!!', -1, cb);
});
step('fsync', function (cb) { addon.fsync(fd, cb); });
step('fstat', function (cb) { addon.fstat(fd, cb); });
step('read 5 at 7', function (cb) { addon.read(fd, 5, 7, cb); });
step('ftruncate to 5', function (cb) { addon.ftruncate(fd, 5, cb); });
step('read all at 0', function (cb) { addon.read(fd, 100, 0, cb); });
step('open a copy target', function (cb) {
  addon.open(dir + '/copy', addon.O_WRONLY | addon.O_CREAT, 420,
    function (err, value) { fd2 = value; cb(err, value >= 0); });
});
step('sendfile 3 from 1', function (cb) { addon.sendfile(fd2, fd, 1, 3, cb); });
step('close the copy', function (cb) { addon.close(fd2, cb); });
step('close', function (cb) { addon.close(fd, cb); });
step('close again', function (cb) { addon.close(fd, cb); });
step('stat the copy', function (cb) { addon.stat(dir + '/copy', cb); });
step('chmod', function (cb) { addon.chmod(dir + '/copy', 384, cb); });
step('stat after chmod', function (cb) { addon.stat(dir + '/copy', cb); });
step('symlink', function (cb) {
  addon.symlink('copy', dir + '/link', cb);
});
step('readlink', function (cb) { addon.readlink(dir + '/link', cb); });
step('lstat the link', function (cb) { addon.lstat(dir + '/link', cb); });
step('rename', function (cb) {
  addon.rename(dir + '/data', dir + '/renamed', cb);
});
step('mkdir sub', function (cb) { addon.mkdir(dir + '/sub', 493, cb); });
step('readdir', function (cb) {
  addon.readdir(dir, function (err, names) {
    cb(err, names && names.sort());
  });
});
step('stat a missing file', function (cb) {
  addon.stat(dir + '/missing', cb);
});
step('open a missing file', function (cb) {
  addon.open(dir + '/missing', addon.O_RDONLY, 0, cb);
});
step('readdir a missing folder', function (cb) {
  addon.readdir(dir + '/missing', cb);
});
step('rmdir a folder that is not empty', function (cb) {
  addon.rmdir(dir, cb);
});
['link', 'copy', 'renamed'].forEach(function (name) {
  step('unlink ' + name, function (cb) { addon.unlink(dir + '/' + name, cb); });
});
step('rmdir sub', function (cb) { addon.rmdir(dir + '/sub', cb); });
step('rmdir', function (cb) { addon.rmdir(dir, cb); });
step('unlink a missing file', function (cb) {
  addon.unlink(dir + '/missing', cb);
});

// node 0.8 starts libeio with its first fs request.
fs.stat(__filename, function () {
  var i = 0;
  (function next() {
    if (i < steps.length) steps[i++](next);
  })();
});
