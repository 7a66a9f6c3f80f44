/* eio_header_check.c: compat/include/eio.h compiles as the C89 and C++98 of
 * the node-waf era (with -pedantic), together with ev.h as node.h brings
 * them in (or inside extern "C"), and every wrapper and macro expands;
 * eio_custom takes node 0.4's int-returning work function and node 0.6's
 * void one in both languages.
 * Compiled only, never run. */
#include <ev.h>
#include <fcntl.h>
/* Some addons wrapped libeio's C header in extern "C". */
#ifdef __cplusplus
extern "C" {
#endif
#include <eio.h>
#ifdef __cplusplus
}
#endif

static int work_04(eio_req *req) {
  req->result = 1;
  return 0;
}

static void work_06(eio_req *req) { req->result = 2; }

static int done(eio_req *req) {
  struct stat *st = EIO_STAT_BUF(req);
  char *path = EIO_PATH(req);
  void *buf = EIO_BUF(req);
  (void)st;
  (void)path;
  (void)buf;
  if (EIO_CANCELLED(req)) return 0;
  return EIO_RESULT(req) < 0 ? req->errorno : 0;
}

int compat_eio_header_check(void);
int compat_eio_header_check(void) {
  static char buf[16];
  eio_req *reqs[48];
  int n = 0;
  int (*int_work)(eio_req *) = work_04;
  void (*void_work)(eio_req *) = work_06;
  reqs[n++] = eio_custom(work_04, EIO_PRI_DEFAULT, done, 0);
  reqs[n++] = eio_custom(work_06, EIO_PRI_MAX, done, 0);
  reqs[n++] = eio_custom(int_work, EIO_PRI_MIN, done, 0);
  reqs[n++] = eio_custom(void_work, 0, done, 0);
  ev_ref(EV_DEFAULT_UC);
  reqs[n++] = eio_nop(0, done, 0);
  reqs[n++] = eio_busy(0.1, 0, done, 0);
  reqs[n++] = eio_sync(0, done, 0);
  reqs[n++] = eio_fsync(1, 0, done, 0);
  reqs[n++] = eio_fdatasync(1, 0, done, 0);
  reqs[n++] = eio_syncfs(1, 0, done, 0);
  reqs[n++] = eio_msync(buf, sizeof buf, EIO_MS_SYNC, 0, done, 0);
  reqs[n++] = eio_mtouch(buf, sizeof buf, EIO_MT_MODIFY, 0, done, 0);
  reqs[n++] = eio_mlock(buf, sizeof buf, 0, done, 0);
  reqs[n++] = eio_mlockall(EIO_MCL_CURRENT, 0, done, 0);
  reqs[n++] = eio_sync_file_range(1, 0, 1, EIO_SYNC_FILE_RANGE_WRITE, 0,
                                  done, 0);
  reqs[n++] = eio_fallocate(1, EIO_FALLOC_FL_KEEP_SIZE, 0, 1, 0, done, 0);
  reqs[n++] = eio_close(1, 0, done, 0);
  reqs[n++] = eio_readahead(1, 0, 1, 0, done, 0);
  reqs[n++] = eio_read(1, buf, sizeof buf, -1, 0, done, 0);
  reqs[n++] = eio_write(1, buf, sizeof buf, 0, 0, done, 0);
  reqs[n++] = eio_fstat(1, 0, done, 0);
  reqs[n++] = eio_fstatvfs(1, 0, done, 0);
  reqs[n++] = eio_futime(1, -1., -1., 0, done, 0);
  reqs[n++] = eio_ftruncate(1, 0, 0, done, 0);
  reqs[n++] = eio_fchmod(1, 0644, 0, done, 0);
  reqs[n++] = eio_fchown(1, 0, 0, 0, done, 0);
  reqs[n++] = eio_dup2(1, 2, 0, done, 0);
  reqs[n++] = eio_sendfile(1, 2, 0, 1, 0, done, 0);
  reqs[n++] = eio_open("/tmp/x", O_RDONLY, 0, 0, done, 0);
  reqs[n++] = eio_utime("/tmp/x", 1., 2., 0, done, 0);
  reqs[n++] = eio_truncate("/tmp/x", 0, 0, done, 0);
  reqs[n++] = eio_chown("/tmp/x", 0, 0, 0, done, 0);
  reqs[n++] = eio_chmod("/tmp/x", 0644, 0, done, 0);
  reqs[n++] = eio_mkdir("/tmp/x", 0755, 0, done, 0);
  reqs[n++] = eio_readdir("/tmp", EIO_READDIR_DENTS | EIO_READDIR_DIRS_FIRST,
                          0, done, 0);
  reqs[n++] = eio_rmdir("/tmp/x", 0, done, 0);
  reqs[n++] = eio_unlink("/tmp/x", 0, done, 0);
  reqs[n++] = eio_readlink("/tmp/x", 0, done, 0);
  reqs[n++] = eio_realpath("/tmp/x", 0, done, 0);
  reqs[n++] = eio_stat("/tmp/x", 0, done, 0);
  reqs[n++] = eio_lstat("/tmp/x", 0, done, 0);
  reqs[n++] = eio_statvfs("/tmp/x", 0, done, 0);
  reqs[n++] = eio_mknod("/tmp/x", 0644, 0, 0, done, 0);
  reqs[n++] = eio_link("/tmp/x", "/tmp/y", 0, done, 0);
  reqs[n++] = eio_symlink("/tmp/x", "/tmp/y", 0, done, 0);
  reqs[n++] = eio_rename("/tmp/x", "/tmp/y", 0, done, 0);
  eio_cancel(reqs[0]);
  return n + (int)eio_nreqs() + (int)eio_nready() + (int)eio_npending() +
         (int)eio_nthreads() + (int)eio_sendfile_sync(1, 2, 0, 1) +
         reqs[1]->type + reqs[1]->pri + (int)reqs[1]->int2 +
         (int)reqs[1]->offs + (int)reqs[1]->size + (reqs[1]->data != 0) +
         (reqs[1]->ptr1 != 0) + (reqs[1]->ptr2 != 0) + reqs[1]->int1 +
         reqs[1]->errorno + (int)reqs[1]->nv1 + (int)reqs[1]->int3 +
         reqs[1]->cancelled + (reqs[1]->flags & EIO_FLAG_CANCELLED);
}
