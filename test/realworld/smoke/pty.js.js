// pty.js@0.0.4 ships no tests: what its README shows.  A shell in a pty of
// 80x30 sees its environment and its window size, and its output comes back
// through the terminal's 'data' events.  Run in the package's folder.
var pty = require(require('path').resolve('.'));

var term = pty.spawn('sh', ['-c', 'echo hello-$HELLO; stty size'], {
  name: 'xterm', cols: 80, rows: 30, cwd: process.cwd(),
  env: { HELLO: 'WORLD', PATH: process.env.PATH }
});
var out = '';
var done = false;
function finish() {
  if (done) return;
  done = true;
  var ok = /hello-WORLD/.test(out) && /30 80/.test(out);
  console.log((ok ? 'ok 1' : 'not ok 1') + ' ' + JSON.stringify(out));
  process.exit(ok ? 0 : 1);
}
// Done as soon as both lines are in: pty.js 0.0.4 throws the EIO that
// Linux gives a pty's master once the child has gone (later versions of
// the package ignore it), so the check does not wait for the exit.
term.on('data', function (data) {
  out += data;
  if (/hello-WORLD/.test(out) && /30 80/.test(out)) finish();
});
term.on('exit', finish);
term.on('close', finish);
setTimeout(function () {
  console.log('not ok 1 nothing within 10 s: ' + JSON.stringify(out));
  process.exit(1);
}, 10000);
