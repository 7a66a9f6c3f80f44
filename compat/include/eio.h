/* eio.h: the libeio API of node-waf era addons (node 0.4's deps/libeio),
 * implemented by node-waf-compat on libuv's thread pool
 * (compat/src/eio_*.cc).
 *
 * The contract is what node 0.4-0.8's libeio did, not libuv's: a request is
 * allocated by the call that submits it and freed when its done callback
 * returns; the work runs on a pool thread and the done callback on the loop
 * thread; `result` and `errorno` carry the syscall's return value and errno;
 * a request keeps the process alive only while old code holds an ev_ref for
 * it; a cancelled request never reaches its done callback.
 *
 * eio_custom takes the work function in both spellings: node 0.4's
 * `int (*)(eio_req *)` and node 0.6's `void (*)(eio_req *)` (overloads in
 * C++, a GNU C generic macro in C).  This header is valid C89 and C++98. */
#ifndef COMPAT_EIO_H_
#define COMPAT_EIO_H_

#include <stddef.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/types.h>

#ifdef EIO_REQ_MEMBERS
/* libeio let a program add members to eio_req; node's libeio was built
 * without them, so an addon that defined them never matched node's. */
#error \
    "EIO_REQ_MEMBERS is not supported by node-waf-compat: keep your data in req->data"
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef struct eio_req eio_req;
typedef struct eio_dirent eio_dirent;

/* The done callback ("finish" in libeio); libeio's manual asks for 0. */
typedef int (*eio_cb)(eio_req *req);

#ifndef EIO_STRUCT_STAT
#define EIO_STRUCT_STAT struct stat
#endif
#ifndef EIO_STRUCT_STATVFS
#define EIO_STRUCT_STATVFS struct statvfs
#endif

/* node 0.6's names for the types of the members and arguments. */
typedef double eio_tstamp;
typedef ssize_t eio_ssize_t;
typedef uid_t eio_uid_t;
typedef gid_t eio_gid_t;
typedef mode_t eio_mode_t;
typedef ino_t eio_ino_t;

/* eio_readdir flags (libeio 0.4 and 0.6 values). */
enum {
  EIO_READDIR_DENTS = 0x01,
  EIO_READDIR_DIRS_FIRST = 0x02,
  EIO_READDIR_STAT_ORDER = 0x04,
  EIO_READDIR_FOUND_UNKNOWN = 0x80,
  EIO_READDIR_CUSTOM1 = 0x100,
  EIO_READDIR_CUSTOM2 = 0x200
};

/* The entry types of an eio_dirent (the usual DT_* values). */
enum eio_dtype {
  EIO_DT_UNKNOWN = 0,
  EIO_DT_FIFO = 1,
  EIO_DT_CHR = 2,
  EIO_DT_MPC = 3,
  EIO_DT_DIR = 4,
  EIO_DT_NAM = 5,
  EIO_DT_BLK = 6,
  EIO_DT_MPB = 7,
  EIO_DT_REG = 8,
  EIO_DT_NWK = 9,
  EIO_DT_CMP = 9,
  EIO_DT_LNK = 10,
  EIO_DT_SOCK = 12,
  EIO_DT_DOOR = 13,
  EIO_DT_WHT = 14,
  EIO_DT_MAX = 15
};

/* With EIO_READDIR_DENTS, ptr1 holds `result` of these; each names an entry
 * of the NUL-separated strings in ptr2. */
struct eio_dirent {
  int nameofs;            /* offset of the name in (char *)req->ptr2 */
  unsigned short namelen; /* without the trailing NUL */
  unsigned char type;     /* EIO_DT_* */
  signed char score;      /* libeio's sort key; 0 here */
  eio_ino_t inode;
};

/* eio_msync, eio_mtouch, eio_sync_file_range, eio_fallocate, eio_mlockall
 * flags. */
enum { EIO_MS_ASYNC = 1, EIO_MS_INVALIDATE = 2, EIO_MS_SYNC = 4 };
enum { EIO_MT_MODIFY = 1 };
enum {
  EIO_SYNC_FILE_RANGE_WAIT_BEFORE = 1,
  EIO_SYNC_FILE_RANGE_WRITE = 2,
  EIO_SYNC_FILE_RANGE_WAIT_AFTER = 4
};
enum { EIO_FALLOC_FL_KEEP_SIZE = 1 };
enum { EIO_MCL_CURRENT = 1, EIO_MCL_FUTURE = 2 };

/* Request types: node 0.4's values, then the three node 0.6 added. */
enum {
  EIO_CUSTOM,
  EIO_OPEN,
  EIO_CLOSE,
  EIO_DUP2,
  EIO_READ,
  EIO_WRITE,
  EIO_READAHEAD,
  EIO_SENDFILE,
  EIO_STAT,
  EIO_LSTAT,
  EIO_FSTAT,
  EIO_STATVFS,
  EIO_FSTATVFS,
  EIO_TRUNCATE,
  EIO_FTRUNCATE,
  EIO_UTIME,
  EIO_FUTIME,
  EIO_CHMOD,
  EIO_FCHMOD,
  EIO_CHOWN,
  EIO_FCHOWN,
  EIO_SYNC,
  EIO_FSYNC,
  EIO_FDATASYNC,
  EIO_MSYNC,
  EIO_MTOUCH,
  EIO_SYNC_FILE_RANGE,
  EIO_MLOCK,
  EIO_MLOCKALL,
  EIO_UNLINK,
  EIO_RMDIR,
  EIO_MKDIR,
  EIO_RENAME,
  EIO_MKNOD,
  EIO_READDIR,
  EIO_LINK,
  EIO_SYMLINK,
  EIO_READLINK,
  EIO_GROUP,
  EIO_NOP,
  EIO_BUSY,
  EIO_REALPATH,
  EIO_SYNCFS,
  EIO_FALLOCATE
};

/* Priorities are accepted and clamped as libeio did; libuv's pool runs
 * requests in submission order. */
enum { EIO_PRI_MIN = -4, EIO_PRI_MAX = 4, EIO_PRI_DEFAULT = 0 };

/* eio_req::flags: node 0.4's bit for a cancelled request. */
enum { EIO_FLAG_CANCELLED = 0x01 };

/* A request, in libeio's member order.  Zero-filled when it is made; freed
 * after its done callback returns.  The work function may read and write
 * every member; `data`, `result`, `errorno`, `ptr1`, `ptr2`, `size`,
 * `offs`, `int1`..`int3`, `nv1`, `nv2` are what addons used. */
struct eio_req {
  eio_req volatile *next; /* unused */

  ssize_t result; /* the syscall's return value; -1 on error */
  off_t offs;     /* read, write, truncate, sendfile, ...: file offset */
  size_t size;    /* read, write, sendfile, msync, ...: length */
  void *ptr1;     /* path, old name; readdir: eio_dirents or 0 */
  void *ptr2;     /* new name or buffer; stat, readdir, readlink: result */
  eio_tstamp nv1; /* utime, futime: atime; busy: seconds */
  eio_tstamp nv2; /* utime, futime: mtime */

  int type;    /* EIO_* */
  int int1;    /* fd; sendfile: out fd; open, msync, readdir: flags */
  long int2;   /* uid; sendfile: in fd; open, chmod, mkdir: mode */
  long int3;   /* gid; mknod: dev */
  int errorno; /* errno right after the work (0 if it left none) */

  unsigned char cancelled; /* node 0.6's member; read it with EIO_CANCELLED */
  unsigned char flags;     /* node 0.4's member: EIO_FLAG_CANCELLED */
  signed char pri;         /* pri - EIO_PRI_MIN, clamped (libeio) */

  void *data;
  eio_cb finish;
  void (*destroy)(eio_req *req); /* unused */
  void (*feed)(eio_req *req);    /* unused */

  eio_req *grp, *grp_prev, *grp_next, *grp_first; /* unused */
};

/* libeio (eio.h): EIO_CANCELLED is true once eio_cancel was called, also
 * while the work function runs (a long job may poll it and stop early). */
#define EIO_CANCELLED(req) \
  (__atomic_load_n(&(req)->cancelled, __ATOMIC_ACQUIRE) != 0)
#define EIO_RESULT(req) ((req)->result)
#define EIO_BUF(req) ((req)->ptr2)
#define EIO_STAT_BUF(req) ((EIO_STRUCT_STAT *)EIO_BUF(req))
#define EIO_STATVFS_BUF(req) ((EIO_STRUCT_STATVFS *)EIO_BUF(req))
#define EIO_PATH(req) ((char *)(req)->ptr1)

/* ---- runtime entry points (compat/src/eio_*.cc); not for direct use ---- */
/* returns_int: 1 for int (*)(eio_req *), 0 for void (*)(eio_req *). */
eio_req *compat__eio_custom(void (*execute)(void), int returns_int, int pri,
                            eio_cb cb, void *data);
eio_req *compat__eio_request(int type, const char *path, const char *path2,
                             void *buf, int int1, long int2, long int3,
                             off_t offs, size_t size, eio_tstamp nv1,
                             eio_tstamp nv2, int pri, eio_cb cb, void *data);
void compat__eio_cancel(eio_req *req);
unsigned int compat__eio_count(int which);
ssize_t compat__eio_sendfile_sync(int ofd, int ifd, off_t offset, size_t count);

/* ---- requests (libeio's wrappers) ---- */
#define COMPAT__EIO_FD(type, fd, int2, offs, size, buf)                     \
  compat__eio_request((type), 0, 0, (buf), (fd), (int2), 0, (offs), (size), \
                      0., 0., pri, cb, data)
#define COMPAT__EIO_PATH(type, path, path2, int1, int2, int3, offs)       \
  compat__eio_request((type), (path), (path2), 0, (int1), (int2), (int3), \
                      (offs), 0, 0., 0., pri, cb, data)

static __inline__ eio_req *eio_nop(int pri, eio_cb cb, void *data) {
  return COMPAT__EIO_FD(EIO_NOP, -1, 0, 0, 0, 0);
}
static __inline__ eio_req *eio_busy(eio_tstamp delay, int pri, eio_cb cb,
                                    void *data) {
  return compat__eio_request(EIO_BUSY, 0, 0, 0, 0, 0, 0, 0, 0, delay, 0., pri,
                             cb, data);
}
static __inline__ eio_req *eio_sync(int pri, eio_cb cb, void *data) {
  return COMPAT__EIO_FD(EIO_SYNC, -1, 0, 0, 0, 0);
}
static __inline__ eio_req *eio_fsync(int fd, int pri, eio_cb cb, void *data) {
  return COMPAT__EIO_FD(EIO_FSYNC, fd, 0, 0, 0, 0);
}
static __inline__ eio_req *eio_fdatasync(int fd, int pri, eio_cb cb,
                                         void *data) {
  return COMPAT__EIO_FD(EIO_FDATASYNC, fd, 0, 0, 0, 0);
}
static __inline__ eio_req *eio_syncfs(int fd, int pri, eio_cb cb, void *data) {
  return COMPAT__EIO_FD(EIO_SYNCFS, fd, 0, 0, 0, 0);
}
static __inline__ eio_req *eio_msync(void *addr, size_t length, int flags,
                                     int pri, eio_cb cb, void *data) {
  return COMPAT__EIO_FD(EIO_MSYNC, flags, 0, 0, length, addr);
}
static __inline__ eio_req *eio_mtouch(void *addr, size_t length, int flags,
                                      int pri, eio_cb cb, void *data) {
  return COMPAT__EIO_FD(EIO_MTOUCH, flags, 0, 0, length, addr);
}
static __inline__ eio_req *eio_mlock(void *addr, size_t length, int pri,
                                     eio_cb cb, void *data) {
  return COMPAT__EIO_FD(EIO_MLOCK, 0, 0, 0, length, addr);
}
static __inline__ eio_req *eio_mlockall(int flags, int pri, eio_cb cb,
                                        void *data) {
  return COMPAT__EIO_FD(EIO_MLOCKALL, flags, 0, 0, 0, 0);
}
static __inline__ eio_req *eio_sync_file_range(int fd, off_t offset,
                                               size_t nbytes,
                                               unsigned int flags, int pri,
                                               eio_cb cb, void *data) {
  return COMPAT__EIO_FD(EIO_SYNC_FILE_RANGE, fd, (long)flags, offset, nbytes,
                        0);
}
static __inline__ eio_req *eio_fallocate(int fd, int mode, off_t offset,
                                         size_t len, int pri, eio_cb cb,
                                         void *data) {
  return COMPAT__EIO_FD(EIO_FALLOCATE, fd, mode, offset, len, 0);
}
static __inline__ eio_req *eio_close(int fd, int pri, eio_cb cb, void *data) {
  return COMPAT__EIO_FD(EIO_CLOSE, fd, 0, 0, 0, 0);
}
static __inline__ eio_req *eio_readahead(int fd, off_t offset, size_t length,
                                         int pri, eio_cb cb, void *data) {
  return COMPAT__EIO_FD(EIO_READAHEAD, fd, 0, offset, length, 0);
}
/* libeio: buf 0 makes the request allocate the buffer (ptr2, freed with the
 * request); offset -1 reads or writes at the file position. */
static __inline__ eio_req *eio_read(int fd, void *buf, size_t length,
                                    off_t offset, int pri, eio_cb cb,
                                    void *data) {
  return COMPAT__EIO_FD(EIO_READ, fd, 0, offset, length, buf);
}
static __inline__ eio_req *eio_write(int fd, void *buf, size_t length,
                                     off_t offset, int pri, eio_cb cb,
                                     void *data) {
  return COMPAT__EIO_FD(EIO_WRITE, fd, 0, offset, length, buf);
}
static __inline__ eio_req *eio_fstat(int fd, int pri, eio_cb cb, void *data) {
  return COMPAT__EIO_FD(EIO_FSTAT, fd, 0, 0, 0, 0);
}
static __inline__ eio_req *eio_fstatvfs(int fd, int pri, eio_cb cb,
                                        void *data) {
  return COMPAT__EIO_FD(EIO_FSTATVFS, fd, 0, 0, 0, 0);
}
static __inline__ eio_req *eio_futime(int fd, eio_tstamp atime,
                                      eio_tstamp mtime, int pri, eio_cb cb,
                                      void *data) {
  return compat__eio_request(EIO_FUTIME, 0, 0, 0, fd, 0, 0, 0, 0, atime, mtime,
                             pri, cb, data);
}
static __inline__ eio_req *eio_ftruncate(int fd, off_t offset, int pri,
                                         eio_cb cb, void *data) {
  return COMPAT__EIO_FD(EIO_FTRUNCATE, fd, 0, offset, 0, 0);
}
static __inline__ eio_req *eio_fchmod(int fd, mode_t mode, int pri, eio_cb cb,
                                      void *data) {
  return COMPAT__EIO_FD(EIO_FCHMOD, fd, (long)mode, 0, 0, 0);
}
static __inline__ eio_req *eio_fchown(int fd, uid_t uid, gid_t gid, int pri,
                                      eio_cb cb, void *data) {
  return compat__eio_request(EIO_FCHOWN, 0, 0, 0, fd, (long)uid, (long)gid, 0,
                             0, 0., 0., pri, cb, data);
}
static __inline__ eio_req *eio_dup2(int fd, int fd2, int pri, eio_cb cb,
                                    void *data) {
  return COMPAT__EIO_FD(EIO_DUP2, fd, fd2, 0, 0, 0);
}
static __inline__ eio_req *eio_sendfile(int out_fd, int in_fd, off_t in_offset,
                                        size_t length, int pri, eio_cb cb,
                                        void *data) {
  return COMPAT__EIO_FD(EIO_SENDFILE, out_fd, in_fd, in_offset, length, 0);
}
static __inline__ eio_req *eio_open(const char *path, int flags, mode_t mode,
                                    int pri, eio_cb cb, void *data) {
  return COMPAT__EIO_PATH(EIO_OPEN, path, 0, flags, (long)mode, 0, 0);
}
static __inline__ eio_req *eio_utime(const char *path, eio_tstamp atime,
                                     eio_tstamp mtime, int pri, eio_cb cb,
                                     void *data) {
  return compat__eio_request(EIO_UTIME, path, 0, 0, 0, 0, 0, 0, 0, atime, mtime,
                             pri, cb, data);
}
static __inline__ eio_req *eio_truncate(const char *path, off_t offset, int pri,
                                        eio_cb cb, void *data) {
  return COMPAT__EIO_PATH(EIO_TRUNCATE, path, 0, 0, 0, 0, offset);
}
static __inline__ eio_req *eio_chown(const char *path, uid_t uid, gid_t gid,
                                     int pri, eio_cb cb, void *data) {
  return COMPAT__EIO_PATH(EIO_CHOWN, path, 0, 0, (long)uid, (long)gid, 0);
}
static __inline__ eio_req *eio_chmod(const char *path, mode_t mode, int pri,
                                     eio_cb cb, void *data) {
  return COMPAT__EIO_PATH(EIO_CHMOD, path, 0, 0, (long)mode, 0, 0);
}
static __inline__ eio_req *eio_mkdir(const char *path, mode_t mode, int pri,
                                     eio_cb cb, void *data) {
  return COMPAT__EIO_PATH(EIO_MKDIR, path, 0, 0, (long)mode, 0, 0);
}
/* libeio: ptr2 holds the names ("." and ".." left out) one after another,
 * each NUL-terminated, `result` how many; with EIO_READDIR_DENTS ptr1 holds
 * as many eio_dirents. */
static __inline__ eio_req *eio_readdir(const char *path, int flags, int pri,
                                       eio_cb cb, void *data) {
  return COMPAT__EIO_PATH(EIO_READDIR, path, 0, flags, 0, 0, 0);
}
static __inline__ eio_req *eio_rmdir(const char *path, int pri, eio_cb cb,
                                     void *data) {
  return COMPAT__EIO_PATH(EIO_RMDIR, path, 0, 0, 0, 0, 0);
}
static __inline__ eio_req *eio_unlink(const char *path, int pri, eio_cb cb,
                                      void *data) {
  return COMPAT__EIO_PATH(EIO_UNLINK, path, 0, 0, 0, 0, 0);
}
/* libeio: ptr2 holds the target, `result` bytes of it, not NUL-terminated. */
static __inline__ eio_req *eio_readlink(const char *path, int pri, eio_cb cb,
                                        void *data) {
  return COMPAT__EIO_PATH(EIO_READLINK, path, 0, 0, 0, 0, 0);
}
static __inline__ eio_req *eio_realpath(const char *path, int pri, eio_cb cb,
                                        void *data) {
  return COMPAT__EIO_PATH(EIO_REALPATH, path, 0, 0, 0, 0, 0);
}
static __inline__ eio_req *eio_stat(const char *path, int pri, eio_cb cb,
                                    void *data) {
  return COMPAT__EIO_PATH(EIO_STAT, path, 0, 0, 0, 0, 0);
}
static __inline__ eio_req *eio_lstat(const char *path, int pri, eio_cb cb,
                                     void *data) {
  return COMPAT__EIO_PATH(EIO_LSTAT, path, 0, 0, 0, 0, 0);
}
static __inline__ eio_req *eio_statvfs(const char *path, int pri, eio_cb cb,
                                       void *data) {
  return COMPAT__EIO_PATH(EIO_STATVFS, path, 0, 0, 0, 0, 0);
}
static __inline__ eio_req *eio_mknod(const char *path, mode_t mode, dev_t dev,
                                     int pri, eio_cb cb, void *data) {
  return COMPAT__EIO_PATH(EIO_MKNOD, path, 0, 0, (long)mode, (long)dev, 0);
}
static __inline__ eio_req *eio_link(const char *path, const char *new_path,
                                    int pri, eio_cb cb, void *data) {
  return COMPAT__EIO_PATH(EIO_LINK, path, new_path, 0, 0, 0, 0);
}
static __inline__ eio_req *eio_symlink(const char *path, const char *new_path,
                                       int pri, eio_cb cb, void *data) {
  return COMPAT__EIO_PATH(EIO_SYMLINK, path, new_path, 0, 0, 0, 0);
}
static __inline__ eio_req *eio_rename(const char *path, const char *new_path,
                                      int pri, eio_cb cb, void *data) {
  return COMPAT__EIO_PATH(EIO_RENAME, path, new_path, 0, 0, 0, 0);
}

/* libeio: may be called from any thread.  A request that has not started
 * never runs; one that runs may poll EIO_CANCELLED and stop early.  Either
 * way its done callback is not called (libeio's EIO_FINISH skips cancelled
 * requests), so whatever old code holds for it (an ev_ref, the baton) is
 * released by the code that cancels. */
static __inline__ void eio_cancel(eio_req *req) { compat__eio_cancel(req); }

/* Requests submitted and not yet finished; not yet started; finished and
 * waiting for their done callback; the size of libuv's pool. */
static __inline__ unsigned int eio_nreqs(void) { return compat__eio_count(0); }
static __inline__ unsigned int eio_nready(void) { return compat__eio_count(1); }
static __inline__ unsigned int eio_npending(void) {
  return compat__eio_count(2);
}
static __inline__ unsigned int eio_nthreads(void) {
  return compat__eio_count(3);
}

static __inline__ ssize_t eio_sendfile_sync(int ofd, int ifd, off_t offset,
                                            size_t count) {
  return compat__eio_sendfile_sync(ofd, ifd, offset, count);
}

/* ---- not available: a call fails to compile with the modern replacement
 * in the message ---- */
#define COMPAT__EIO_UNAVAILABLE(text) __attribute__((error(text)))
#define COMPAT__EIO_NO_POOL_SETTING(api)                                    \
  COMPAT__EIO_UNAVAILABLE(api                                               \
                          " is not supported by node-waf-compat (the pool " \
                          "is libuv's); set UV_THREADPOOL_SIZE in the "     \
                          "environment before node starts")
#define COMPAT__EIO_NO_GROUPS(api)                                           \
  COMPAT__EIO_UNAVAILABLE(api                                                \
                          " (request groups) is not supported by "           \
                          "node-waf-compat; count the outstanding requests " \
                          "in your baton, or use uv_queue_work")
#define COMPAT__EIO_NO_POLL_SETTING(api)                                 \
  COMPAT__EIO_UNAVAILABLE(api                                            \
                          " is not supported by node-waf-compat (libuv " \
                          "delivers every finished request in the "      \
                          "iteration it finished); remove the call")
int eio_init(void (*want_poll)(void), void (*done_poll)(void))
    COMPAT__EIO_UNAVAILABLE(
        "eio_init is not supported by node-waf-compat (the SDK drives "
        "libuv's thread pool itself, as node drove libeio); remove the call");
int eio_poll(void) COMPAT__EIO_UNAVAILABLE(
    "eio_poll is not supported by node-waf-compat (done callbacks run from "
    "the event loop by themselves); remove the call");
void eio_submit(eio_req *req) COMPAT__EIO_UNAVAILABLE(
    "eio_submit of a hand-made eio_req is not supported by node-waf-compat; "
    "use eio_custom, or uv_queue_work");
void eio_destroy(eio_req *req) COMPAT__EIO_UNAVAILABLE(
    "eio_destroy is not supported by node-waf-compat (a request frees "
    "itself after its done callback); remove the call");
eio_req *eio_grp(eio_cb cb, void *data) COMPAT__EIO_NO_GROUPS("eio_grp");
void eio_grp_feed(eio_req *grp, void (*feed)(eio_req *req), int limit)
    COMPAT__EIO_NO_GROUPS("eio_grp_feed");
void eio_grp_limit(eio_req *grp, int limit)
    COMPAT__EIO_NO_GROUPS("eio_grp_limit");
void eio_grp_add(eio_req *grp, eio_req *req)
    COMPAT__EIO_NO_GROUPS("eio_grp_add");
void eio_grp_cancel(eio_req *grp) COMPAT__EIO_NO_GROUPS("eio_grp_cancel");
void eio_set_max_poll_time(eio_tstamp nseconds)
    COMPAT__EIO_NO_POLL_SETTING("eio_set_max_poll_time");
void eio_set_max_poll_reqs(unsigned int nreqs)
    COMPAT__EIO_NO_POLL_SETTING("eio_set_max_poll_reqs");
void eio_set_min_parallel(unsigned int nthreads)
    COMPAT__EIO_NO_POOL_SETTING("eio_set_min_parallel");
void eio_set_max_parallel(unsigned int nthreads)
    COMPAT__EIO_NO_POOL_SETTING("eio_set_max_parallel");
void eio_set_max_idle(unsigned int nthreads)
    COMPAT__EIO_NO_POOL_SETTING("eio_set_max_idle");

#ifdef __cplusplus
}

/* C++: one overload per spelling of the work function (C++ linkage even
 * when old code includes this header inside extern "C", as some wrapped
 * libeio's C header). */
extern "C++" {
static __inline__ eio_req *eio_custom(int (*execute)(eio_req *), int pri,
                                      eio_cb cb, void *data) {
  return compat__eio_custom((void (*)(void))execute, 1, pri, cb, data);
}
static __inline__ eio_req *eio_custom(void (*execute)(eio_req *), int pri,
                                      eio_cb cb, void *data) {
  return compat__eio_custom((void (*)(void))execute, 0, pri, cb, data);
}
}
#else
/* C: node 0.4's prototype; with GNU C the macro takes node 0.6's spelling
 * too, and the runtime calls the function through its own type. */
static __inline__ eio_req *eio_custom(eio_cb execute, int pri, eio_cb cb,
                                      void *data) {
  return compat__eio_custom((void (*)(void))execute, 1, pri, cb, data);
}
#if defined(__GNUC__)
#define eio_custom(execute, pri, cb, data)                                  \
  compat__eio_custom((void (*)(void))(execute),                             \
                     !__builtin_types_compatible_p(__typeof__(&*(execute)), \
                                                   void (*)(eio_req *)),    \
                     (pri), (cb), (data))
#endif
#endif

#endif /* COMPAT_EIO_H_ */
