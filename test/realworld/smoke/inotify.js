// inotify@0.1.6 ships no tests: what its README shows.  A watch on a fresh
// folder reports the creation and the close of a file written there, then
// removeWatch and close let the process exit.  Run in the package's folder.
var fs = require('fs');
var os = require('os');
var path = require('path');
var Inotify = require(path.resolve('inotify')).Inotify;

var dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inotify-smoke-'));
var inotify = new Inotify();
var seen = [];
var wd = inotify.addWatch({
  path: dir,
  watch_for: Inotify.IN_CREATE | Inotify.IN_CLOSE_WRITE,
  callback: function (event) {
    seen.push(event.name + ':' + event.mask);
    if (seen.length < 2) return;
    inotify.removeWatch(wd);
    inotify.close();
    var ok = seen[0] === 'a.txt:' + Inotify.IN_CREATE &&
      seen[1] === 'a.txt:' + Inotify.IN_CLOSE_WRITE;
    console.log((ok ? 'ok 1' : 'not ok 1') + ' events ' + seen.join(', '));
    process.exitCode = ok ? 0 : 1;
  }
});
setTimeout(function () { fs.writeFileSync(path.join(dir, 'a.txt'), 'x'); },
  100);
setTimeout(function () {
  console.log('not ok 1 no events within 5 s: ' + seen.join(', '));
  process.exit(1);
}, 5000).unref();
