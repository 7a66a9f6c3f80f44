'use strict';
// net.js: node 0.4-0.6's new net.Socket(fd) and new net.Stream(fd) on a
// terminal.  node 0.6-0.8 opened any fd given as a number as a pipe handle
// (lib/net.js: createPipe().open(fd)), readable and writable, so glue wrote
// `var stdin = new net.Stream(0)` or `new net.Socket(1)` on a terminal.
// Modern Node still takes the number (as { fd }) but opens only pipes and
// sockets: a terminal is ERR_INVALID_FD_TYPE.
//
// The preload puts a Proxy of Node's constructor in net.Socket and
// net.Stream.  new net.Socket(fd) and net.Socket.call(this, fd) with a
// number that is a terminal get Node's net.Socket over a TTY handle of
// that fd (what tty.ReadStream is built on), readable and writable, paused
// until read as node 0.8's was.  Every other call, and everything else
// about the constructor (instanceof, its statics, subclassing), goes to
// Node's untouched.  Only `socket.constructor === net.Socket` is false.

const net = require('net');
const tty = require('tty');
const { deprecated } = require('./warn');

// Node's TTY handle class, or null where Node no longer exposes it.
function ttyHandleClass() {
  try {
    const { TTY } = process.binding('tty_wrap');
    return typeof TTY === 'function' ? TTY : null;
  } catch {
    return null;
  }
}

// Node's Socket options for a terminal fd, or null for any other argument
// (Node's own constructor then decides).
function terminalOptions(args) {
  const fd = args[0];
  if (typeof fd !== 'number' || !tty.isatty(fd)) return null;
  const TTY = ttyHandleClass();
  if (TTY === null) return null;
  deprecated('NWC_NET_SOCKET_TTY_FD',
    'new net.Socket(fd) on a terminal throws ERR_INVALID_FD_TYPE on modern ' +
    'Node; node-waf-compat/legacy opens it as node 0.6 did. Use ' +
    'process.stdin / process.stdout, or new tty.ReadStream(fd), instead.');
  const ctx = {};
  const handle = new TTY(fd, ctx);
  if (ctx.code !== undefined) {
    const error = new Error(`new net.Socket(${fd}): cannot open the ` +
      `terminal: ${ctx.code} (${ctx.message || ctx.syscall || 'tty'})`);
    error.code = ctx.code;
    throw error;
  }
  // manualStart: reading starts with resume() or a 'data' listener, so a
  // socket that is only written to does not hold the process open.
  return [{ handle, manualStart: true }];
}

function install() {
  const NodeSocket = net.Socket;
  if (typeof NodeSocket !== 'function') return;
  const Socket = new Proxy(NodeSocket, {
    construct(target, args, newTarget) {
      const options = terminalOptions(args);
      return Reflect.construct(target, options || args,
        newTarget === Socket ? target : newTarget);
    },
    apply(target, thisArg, args) {
      const options = terminalOptions(args);
      return Reflect.apply(target, thisArg, options || args);
    },
  });
  net.Socket = Socket;
  if (net.Stream === NodeSocket) net.Stream = Socket;
}

module.exports = { install };
