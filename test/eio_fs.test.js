'use strict';
// libeio's file requests inside Node, through a legacy addon shaped like
// node 0.4's fs binding: results as libeio gave them (syscall values, the
// stat buffer, readdir's NUL-separated names), errors as node 0.4 reported
// them, and agreement with what Node's own fs sees.
const t = require('tap');
const { runNode, lastJson } = require('./helpers/child');

const fixture = (name) => `test/fixtures/eio_fs/${name}.js`;

t.test('open, write, fsync, fstat, read, close, stat, readdir, unlink, ' +
  'rmdir', async (t) => {
  const run = runNode(fixture('sequence'));
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), {
    open: [null, true],
    written: [null, 12000, 12000],
    fsync: null,
    fstat: [null, { size: 12000, mode: 0o640, file: true, dir: false,
      link: false, nlink: 1 }],
    fsFile: true,
    readBack: [null, true],
    close: null,
    stat: [null, true, true, true],
    readdir: [null, ['data.txt'], ['data.txt']],
    unlink: [null, false],
    rmdir: [null, false],
  });
  t.equal(run.stderr, '', 'nothing reported');
});

t.test('errors come back as ErrnoException with syscall and path',
  async (t) => {
    const run = runNode(fixture('errors'));
    t.equal(run.code, 0, run.stderr);
    const missing = '/nonexistent-eio/file';
    t.same(lastJson(run.stdout), {
      stat: { message: `ENOENT, No such file or directory '${missing}'`,
        errno: 2, code: 'ENOENT', syscall: 'stat', path: missing },
      open: { message: `ENOENT, No such file or directory '${missing}'`,
        errno: 2, code: 'ENOENT', syscall: 'open', path: missing },
      close: { message: 'EBADF, Bad file descriptor', errno: 9,
        code: 'EBADF', syscall: 'close' },
      mkdir: { message: "EEXIST, File exists '/'", errno: 17,
        code: 'EEXIST', syscall: 'mkdir', path: '/' },
    });
  });

t.test('200 stats at once, each called back once with the right size',
  async (t) => {
    const run = runNode(fixture('concurrent'));
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout), { done: 200, right: 200 });
  });
