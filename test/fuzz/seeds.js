'use strict';
// seeds.js: writes the seed corpus (corpus/<name>) from the readable
// programs below, one op per word: OP[:WATCHER[:FLAGS]] with the ops of
// ev_ops.c (init start stop again send ref unref nowait once feed clear
// priority query invoke free remaining; "thread" and the bytes after it
// drive phase 2).  Watchers: t0 t1 a0 a1 idle prepare check.  Usage:
// node test/fuzz/seeds.js (the corpus is committed; rerun after editing).
const fs = require('fs');
const path = require('path');

const ops = ['init', 'start', 'stop', 'again', 'send', 'ref', 'unref',
  'nowait', 'once', 'feed', 'clear', 'priority', 'query', 'invoke', 'free',
  'remaining'];
const watchers = ['t0', 't1', 'a0', 'a1', 'idle', 'prepare', 'check'];

// The argument byte whose watcher (arg % 7) and flags (arg >> 3, masked
// as the op reads them) are the ones asked for.
function argFor(watcher, flags) {
  for (let arg = 0; arg < 256; arg++)
    if (arg % 7 === watcher && ((arg >> 3) % 5) === flags % 5 &&
        ((arg >> 3) & 3) === (flags & 3)) return arg;
  throw new Error(`no argument byte for ${watcher}/${flags}`);
}

function assemble(program) {
  const bytes = [];
  const words = program.trim().split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'thread') {
      bytes.push(0xff, 0);
      for (const n of words.slice(i + 1)) bytes.push(Number(n));
      break;
    }
    const [op, watcher = 't0', flags = '0'] = words[i].split(':');
    if (!ops.includes(op)) throw new Error(`unknown op ${op}`);
    if (!watchers.includes(watcher)) throw new Error(`unknown ${watcher}`);
    bytes.push(ops.indexOf(op), argFor(watchers.indexOf(watcher),
      Number(flags)));
  }
  return Buffer.from(bytes);
}

const seeds = {
  // Flags of init: 1 = after 1000 s, 2 = repeat 1000 s.
  timers: 'init:t0:0 init:t1:3 start:t0 start:t1 remaining:t1 nowait query ' +
    'again:t1 remaining:t1 again:t0 stop:t1 nowait query',
  asyncs: 'init:a0 init:a1 start:a0 start:a1 send:a1 send:a0 send:a1 ' +
    'query nowait query stop:a0 send:a1 nowait',
  priorities: 'init:idle init:prepare init:check priority:idle:2 ' +
    'priority:check:4 start:idle start:prepare start:check nowait ' +
    'feed:t0 init:t0 feed:t0 clear:t0 feed:check invoke:prepare query ' +
    'nowait stop:idle',
  refs: 'ref ref unref nowait init:idle start:idle once stop:idle unref ' +
    'nowait query',
  free: 'init:t0:1 start:t0 stop:t0 free:t0 init:t0 start:t0 nowait ' +
    'free:a0 init:a0 start:a0 send:a0 stop:a0 free:a0 nowait query',
  pending: 'init:t0 init:t1 start:t0 start:t1 feed:t1 feed:a0 init:a0 ' +
    'feed:a0 query stop:t1 clear:a0 nowait query',
  thread: 'init:a0 start:a0 init:idle start:idle thread 3 5 4',
};

const dir = path.join(__dirname, 'corpus');
fs.mkdirSync(dir, { recursive: true });
for (const [name, program] of Object.entries(seeds))
  fs.writeFileSync(path.join(dir, name), assemble(program));
console.log(`wrote ${Object.keys(seeds).length} seeds to ${dir}`);
