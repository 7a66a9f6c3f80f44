// eio_fs.cc: libeio's file requests (eio_open, eio_read, eio_stat,
// eio_readdir, ...) as syscalls on libuv's pool threads, with libeio's
// result conventions: `result` is the syscall's return value (-1 on error,
// errno then in `errorno`), results that need memory land in ptr2.
//
// The work calls the syscalls itself, as libeio did, rather than going
// through uv_fs_*: the results are then exactly libeio's (the struct stat
// that stat(2) filled, readlink's unterminated bytes, read(2) at the file
// position for offset -1, readdir in directory order).
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "eio_internal.h"
#include "misuse.h"

namespace compat {
namespace eio {
namespace {

// libeio's buffer for emulated sendfile.
const size_t kBufferSize = 65536;

// libeio's ALLOC: a result buffer in ptr2 unless old code gave one; the
// request frees it.  False (ENOMEM, result -1) when there is no memory.
bool Alloc(Request* request, size_t size) {
  eio_req* req = &request->req;
  if (req->ptr2 != nullptr) return true;
  req->ptr2 = malloc(size > 0 ? size : 1);
  if (req->ptr2 == nullptr) {
    errno = ENOMEM;
    req->result = -1;
    return false;
  }
  request->owns_ptr2 = true;
  return true;
}

// libeio's page alignment of an address range for msync, mtouch, mlock.
void PageAlign(void** addr, size_t* length) {
  uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  uintptr_t start = reinterpret_cast<uintptr_t>(*addr);
  uintptr_t offset = start & (page - 1);
  *addr = reinterpret_cast<void*>(start - offset);
  *length = (*length + offset + page - 1) & ~(page - 1);
}

ssize_t SendFile(int out_fd, int in_fd, off_t offset, size_t count) {
  if (count == 0) return 0;
  ssize_t result = sendfile(out_fd, in_fd, &offset, count);
  if (result >= 0 ||
      !(errno == ENOSYS || errno == EINVAL || errno == ENOTSOCK ||
        errno == ENOTSUP || errno == EOPNOTSUPP || errno == EAFNOSUPPORT ||
        errno == EPROTOTYPE))
    return result;
  // libeio (eio.c, eio__sendfile): where the kernel cannot, copy with pread
  // and write; the result is what was written.
  std::vector<char> buffer(std::min(count, kBufferSize));
  result = 0;
  while (count > 0) {
    ssize_t got =
        pread(in_fd, buffer.data(), std::min(count, kBufferSize), offset);
    if (got <= 0) {
      if (got < 0 && result == 0) result = -1;
      break;
    }
    ssize_t put = write(out_fd, buffer.data(), static_cast<size_t>(got));
    if (put <= 0) {
      if (put < 0 && result == 0) result = -1;
      break;
    }
    result += put;
    offset += put;
    count -= static_cast<size_t>(put);
    if (put < got) break;
  }
  return result;
}

int MsyncFlags(long flags) {
  return (flags & EIO_MS_ASYNC ? MS_ASYNC : 0) |
         (flags & EIO_MS_INVALIDATE ? MS_INVALIDATE : 0) |
         (flags & EIO_MS_SYNC ? MS_SYNC : 0);
}

int Touch(eio_req* req) {
  void* addr = req->ptr2;
  size_t length = req->size;
  PageAlign(&addr, &length);
  size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  volatile char* bytes = static_cast<volatile char*>(addr);
  // libeio (eio.c, eio__mtouch): reads (or rewrites) one byte per page, and
  // stops early once the request is cancelled.
  for (size_t at = 0; at < length && !EIO_CANCELLED(req); at += page) {
    if (req->int1 & EIO_MT_MODIFY)
      bytes[at] = bytes[at];
    else
      (void)bytes[at];
  }
  return 0;
}

unsigned char DirentType(const struct dirent* entry) {
#ifdef _DIRENT_HAVE_D_TYPE
  switch (entry->d_type) {
    case DT_FIFO:
      return EIO_DT_FIFO;
    case DT_CHR:
      return EIO_DT_CHR;
    case DT_DIR:
      return EIO_DT_DIR;
    case DT_BLK:
      return EIO_DT_BLK;
    case DT_REG:
      return EIO_DT_REG;
    case DT_LNK:
      return EIO_DT_LNK;
    case DT_SOCK:
      return EIO_DT_SOCK;
    default:
      return EIO_DT_UNKNOWN;
  }
#else
  (void)entry;
  return EIO_DT_UNKNOWN;
#endif
}

// libeio (eio.c, eio__scandir): the names without "." and "..", each
// NUL-terminated, one after another in ptr2, in the order the directory
// gives them; `result` is how many.  ptr1 (the path) is replaced by the
// eio_dirents when EIO_READDIR_DENTS asks for them, else by 0; int1 gets
// the flags back (EIO_READDIR_FOUND_UNKNOWN added when a type is unknown).
void ReadDir(Request* request) {
  eio_req* req = &request->req;
  int flags = req->int1;
  if (!(flags & EIO_READDIR_DENTS))
    flags &= ~(EIO_READDIR_DIRS_FIRST | EIO_READDIR_STAT_ORDER);
  req->result = -1;
  DIR* dir = opendir(static_cast<const char*>(req->ptr1));
  int open_errno = errno;
  if (request->owns_ptr1) free(req->ptr1);
  req->ptr1 = nullptr;
  request->owns_ptr1 = false;
  if (dir == nullptr) {
    errno = open_errno;
    return;
  }
  std::string names;
  std::vector<eio_dirent> dents;
  ssize_t count = 0;
  bool failed = false;
  for (;;) {
    errno = 0;
    struct dirent* entry = readdir(dir);
    if (entry == nullptr) {
      failed = errno != 0;
      break;
    }
    const char* name = entry->d_name;
    if (name[0] == '.' &&
        (name[1] == '\0' || (name[1] == '.' && name[2] == '\0')))
      continue;
    size_t length = strlen(name);
    if (flags & EIO_READDIR_DENTS) {
      eio_dirent dent;
      memset(&dent, 0, sizeof dent);
      dent.nameofs = static_cast<int>(names.size());
      dent.namelen = static_cast<unsigned short>(length);
      dent.type = DirentType(entry);
      dent.inode = entry->d_ino;
      if (dent.type == EIO_DT_UNKNOWN) flags |= EIO_READDIR_FOUND_UNKNOWN;
      dents.push_back(dent);
    }
    names.append(name, length + 1);
    ++count;
  }
  int read_errno = errno;
  closedir(dir);
  // A NUL-separated block, as libeio handed it over.
  req->ptr2 = malloc(names.size() + 1);
  if (req->ptr2 == nullptr) {
    errno = ENOMEM;
    return;
  }
  request->owns_ptr2 = true;
  memcpy(req->ptr2, names.data(), names.size());
  static_cast<char*>(req->ptr2)[names.size()] = '\0';
  if (flags & EIO_READDIR_STAT_ORDER) {
    std::stable_sort(dents.begin(), dents.end(),
                     [](const eio_dirent& a, const eio_dirent& b) {
                       return a.inode < b.inode;
                     });
  } else if (flags & EIO_READDIR_DIRS_FIRST) {
    // Directories first, sorted by inode (libeio's "good stat order").
    auto others = std::stable_partition(
        dents.begin(), dents.end(),
        [](const eio_dirent& d) { return d.type == EIO_DT_DIR; });
    std::stable_sort(dents.begin(), others,
                     [](const eio_dirent& a, const eio_dirent& b) {
                       return a.inode < b.inode;
                     });
  }
  if (flags & EIO_READDIR_DENTS) {
    req->ptr1 = malloc(std::max<size_t>(dents.size(), 1) * sizeof(eio_dirent));
    if (req->ptr1 == nullptr) {
      errno = ENOMEM;
      return;
    }
    request->owns_ptr1 = true;
    if (!dents.empty())
      memcpy(req->ptr1, dents.data(), dents.size() * sizeof(eio_dirent));
  }
  if (failed) {
    errno = read_errno;
    return;
  }
  req->int1 = flags;
  req->result = count;
  errno = 0;
}

const char* Path(const eio_req* req) {
  return static_cast<const char*>(req->ptr1);
}

struct timeval* Times(const eio_req* req, struct timeval tv[2]) {
  // libeio: -1 for both times means "now".
  if (req->nv1 == -1. && req->nv2 == -1.) return nullptr;
  tv[0].tv_sec = static_cast<time_t>(req->nv1);
  tv[0].tv_usec = static_cast<suseconds_t>((req->nv1 - tv[0].tv_sec) * 1e6);
  tv[1].tv_sec = static_cast<time_t>(req->nv2);
  tv[1].tv_usec = static_cast<suseconds_t>((req->nv2 - tv[1].tv_sec) * 1e6);
  return tv;
}

}  // namespace

void ExecuteFile(Request* request) {
  eio_req* req = &request->req;
  // What libeio's eio_execute did for each type (node 0.4's eio.c; the
  // three types node 0.6 added as its eio.c).
  switch (req->type) {
    case EIO_READ:
      if (!Alloc(request, req->size)) break;
      req->result = req->offs >= 0
                        ? pread(req->int1, req->ptr2, req->size, req->offs)
                        : read(req->int1, req->ptr2, req->size);
      break;
    case EIO_WRITE:
      req->result = req->offs >= 0
                        ? pwrite(req->int1, req->ptr2, req->size, req->offs)
                        : write(req->int1, req->ptr2, req->size);
      break;
    case EIO_READAHEAD:
      req->result = readahead(req->int1, req->offs, req->size);
      break;
    case EIO_SENDFILE:
      req->result = SendFile(req->int1, static_cast<int>(req->int2), req->offs,
                             req->size);
      break;
    case EIO_STAT:
      if (!Alloc(request, sizeof(EIO_STRUCT_STAT))) break;
      req->result = stat(Path(req), static_cast<struct stat*>(req->ptr2));
      break;
    case EIO_LSTAT:
      if (!Alloc(request, sizeof(EIO_STRUCT_STAT))) break;
      req->result = lstat(Path(req), static_cast<struct stat*>(req->ptr2));
      break;
    case EIO_FSTAT:
      if (!Alloc(request, sizeof(EIO_STRUCT_STAT))) break;
      req->result = fstat(req->int1, static_cast<struct stat*>(req->ptr2));
      break;
    case EIO_STATVFS:
      if (!Alloc(request, sizeof(EIO_STRUCT_STATVFS))) break;
      req->result = statvfs(Path(req), static_cast<struct statvfs*>(req->ptr2));
      break;
    case EIO_FSTATVFS:
      if (!Alloc(request, sizeof(EIO_STRUCT_STATVFS))) break;
      req->result =
          fstatvfs(req->int1, static_cast<struct statvfs*>(req->ptr2));
      break;
    case EIO_CHOWN:
      req->result = chown(Path(req), static_cast<uid_t>(req->int2),
                          static_cast<gid_t>(req->int3));
      break;
    case EIO_FCHOWN:
      req->result = fchown(req->int1, static_cast<uid_t>(req->int2),
                           static_cast<gid_t>(req->int3));
      break;
    case EIO_CHMOD:
      req->result = chmod(Path(req), static_cast<mode_t>(req->int2));
      break;
    case EIO_FCHMOD:
      req->result = fchmod(req->int1, static_cast<mode_t>(req->int2));
      break;
    case EIO_TRUNCATE:
      req->result = truncate(Path(req), req->offs);
      break;
    case EIO_FTRUNCATE:
      req->result = ftruncate(req->int1, req->offs);
      break;
    case EIO_OPEN:
      // As libeio: no O_CLOEXEC, the flags and mode as given.
      req->result = open(Path(req), req->int1, static_cast<mode_t>(req->int2));
      break;
    case EIO_CLOSE:
      req->result = close(req->int1);
      break;
    case EIO_DUP2:
      req->result = dup2(req->int1, static_cast<int>(req->int2));
      break;
    case EIO_UNLINK:
      req->result = unlink(Path(req));
      break;
    case EIO_RMDIR:
      req->result = rmdir(Path(req));
      break;
    case EIO_MKDIR:
      req->result = mkdir(Path(req), static_cast<mode_t>(req->int2));
      break;
    case EIO_RENAME:
      req->result = rename(Path(req), static_cast<const char*>(req->ptr2));
      break;
    case EIO_LINK:
      req->result = link(Path(req), static_cast<const char*>(req->ptr2));
      break;
    case EIO_SYMLINK:
      req->result = symlink(Path(req), static_cast<const char*>(req->ptr2));
      break;
    case EIO_MKNOD:
      req->result = mknod(Path(req), static_cast<mode_t>(req->int2),
                          static_cast<dev_t>(req->int3));
      break;
    case EIO_READLINK:
      // Not NUL-terminated: `result` bytes are the target.
      if (!Alloc(request, PATH_MAX)) break;
      req->result =
          readlink(Path(req), static_cast<char*>(req->ptr2), PATH_MAX);
      break;
    case EIO_REALPATH:
      // node 0.6: `result` bytes of ptr2 are the canonical path (here also
      // NUL-terminated).
      if (!Alloc(request, PATH_MAX)) break;
      req->result =
          realpath(Path(req), static_cast<char*>(req->ptr2)) != nullptr
              ? static_cast<ssize_t>(strlen(static_cast<char*>(req->ptr2)))
              : -1;
      break;
    case EIO_SYNC:
      req->result = 0;
      sync();
      break;
    case EIO_FSYNC:
      req->result = fsync(req->int1);
      break;
    case EIO_FDATASYNC:
      req->result = fdatasync(req->int1);
      break;
    case EIO_SYNCFS:
      req->result = syncfs(req->int1);
      break;
    case EIO_MSYNC: {
      void* addr = req->ptr2;
      size_t length = req->size;
      PageAlign(&addr, &length);
      req->result = msync(addr, length, MsyncFlags(req->int1));
      break;
    }
    case EIO_MTOUCH:
      req->result = Touch(req);
      break;
    case EIO_MLOCK: {
      void* addr = req->ptr2;
      size_t length = req->size;
      PageAlign(&addr, &length);
      req->result = mlock(addr, length);
      break;
    }
    case EIO_MLOCKALL:
      req->result = mlockall((req->int1 & EIO_MCL_CURRENT ? MCL_CURRENT : 0) |
                             (req->int1 & EIO_MCL_FUTURE ? MCL_FUTURE : 0));
      break;
    case EIO_SYNC_FILE_RANGE:
      req->result = sync_file_range(
          req->int1, req->offs, static_cast<off_t>(req->size),
          static_cast<unsigned int>((req->int2 & EIO_SYNC_FILE_RANGE_WAIT_BEFORE
                                         ? SYNC_FILE_RANGE_WAIT_BEFORE
                                         : 0) |
                                    (req->int2 & EIO_SYNC_FILE_RANGE_WRITE
                                         ? SYNC_FILE_RANGE_WRITE
                                         : 0) |
                                    (req->int2 & EIO_SYNC_FILE_RANGE_WAIT_AFTER
                                         ? SYNC_FILE_RANGE_WAIT_AFTER
                                         : 0)));
      break;
    case EIO_FALLOCATE:
      req->result = fallocate(
          req->int1,
          req->int2 & EIO_FALLOC_FL_KEEP_SIZE ? FALLOC_FL_KEEP_SIZE : 0,
          req->offs, static_cast<off_t>(req->size));
      break;
    case EIO_READDIR:
      ReadDir(request);
      break;
    case EIO_BUSY: {
      // libeio: ties a pool thread up for nv1 seconds.
      struct timeval tv;
      tv.tv_sec = static_cast<time_t>(req->nv1);
      tv.tv_usec = static_cast<suseconds_t>((req->nv1 - tv.tv_sec) * 1e6);
      req->result = select(0, nullptr, nullptr, nullptr, &tv);
      break;
    }
    case EIO_UTIME:
    case EIO_FUTIME: {
      struct timeval tv[2];
      struct timeval* times = Times(req, tv);
      req->result = req->type == EIO_FUTIME ? futimes(req->int1, times)
                                            : utimes(Path(req), times);
      break;
    }
    case EIO_NOP:
      req->result = 0;
      break;
    default:
      errno = ENOSYS;
      req->result = -1;
      break;
  }
}

const char* ApiName(int type) {
  switch (type) {
    case EIO_CUSTOM:
      return "eio_custom";
    case EIO_OPEN:
      return "eio_open";
    case EIO_CLOSE:
      return "eio_close";
    case EIO_DUP2:
      return "eio_dup2";
    case EIO_READ:
      return "eio_read";
    case EIO_WRITE:
      return "eio_write";
    case EIO_READAHEAD:
      return "eio_readahead";
    case EIO_SENDFILE:
      return "eio_sendfile";
    case EIO_STAT:
      return "eio_stat";
    case EIO_LSTAT:
      return "eio_lstat";
    case EIO_FSTAT:
      return "eio_fstat";
    case EIO_STATVFS:
      return "eio_statvfs";
    case EIO_FSTATVFS:
      return "eio_fstatvfs";
    case EIO_TRUNCATE:
      return "eio_truncate";
    case EIO_FTRUNCATE:
      return "eio_ftruncate";
    case EIO_UTIME:
      return "eio_utime";
    case EIO_FUTIME:
      return "eio_futime";
    case EIO_CHMOD:
      return "eio_chmod";
    case EIO_FCHMOD:
      return "eio_fchmod";
    case EIO_CHOWN:
      return "eio_chown";
    case EIO_FCHOWN:
      return "eio_fchown";
    case EIO_SYNC:
      return "eio_sync";
    case EIO_FSYNC:
      return "eio_fsync";
    case EIO_FDATASYNC:
      return "eio_fdatasync";
    case EIO_MSYNC:
      return "eio_msync";
    case EIO_MTOUCH:
      return "eio_mtouch";
    case EIO_SYNC_FILE_RANGE:
      return "eio_sync_file_range";
    case EIO_MLOCK:
      return "eio_mlock";
    case EIO_MLOCKALL:
      return "eio_mlockall";
    case EIO_UNLINK:
      return "eio_unlink";
    case EIO_RMDIR:
      return "eio_rmdir";
    case EIO_MKDIR:
      return "eio_mkdir";
    case EIO_RENAME:
      return "eio_rename";
    case EIO_MKNOD:
      return "eio_mknod";
    case EIO_READDIR:
      return "eio_readdir";
    case EIO_LINK:
      return "eio_link";
    case EIO_SYMLINK:
      return "eio_symlink";
    case EIO_READLINK:
      return "eio_readlink";
    case EIO_NOP:
      return "eio_nop";
    case EIO_BUSY:
      return "eio_busy";
    case EIO_REALPATH:
      return "eio_realpath";
    case EIO_SYNCFS:
      return "eio_syncfs";
    case EIO_FALLOCATE:
      return "eio_fallocate";
  }
  return "eio_request";
}

}  // namespace eio
}  // namespace compat

namespace {

// The requests whose ptr1 is a path (copied, as libeio's strdup).
bool TakesPath(int type) {
  switch (type) {
    case EIO_OPEN:
    case EIO_UTIME:
    case EIO_TRUNCATE:
    case EIO_CHOWN:
    case EIO_CHMOD:
    case EIO_MKDIR:
    case EIO_READDIR:
    case EIO_RMDIR:
    case EIO_UNLINK:
    case EIO_READLINK:
    case EIO_REALPATH:
    case EIO_STAT:
    case EIO_LSTAT:
    case EIO_STATVFS:
    case EIO_MKNOD:
    case EIO_LINK:
    case EIO_SYMLINK:
    case EIO_RENAME:
      return true;
  }
  return false;
}

bool TakesTwoPaths(int type) {
  return type == EIO_LINK || type == EIO_SYMLINK || type == EIO_RENAME;
}

// libeio's strdup of a path argument.  A null path (libeio crashed on it)
// stays null: the syscall then fails with EFAULT.
bool CopyPath(const char* path, const char* api, void** into, bool* owns) {
  if (path == nullptr) {
    compat::Warn("%s: the path is null; the request fails with EFAULT", api);
    return true;
  }
  *into = strdup(path);
  if (*into == nullptr) return false;
  *owns = true;
  return true;
}

}  // namespace

extern "C" {

eio_req* compat__eio_request(int type, const char* path, const char* path2,
                             void* buf, int int1, long int2, long int3,
                             off_t offs, size_t size, eio_tstamp nv1,
                             eio_tstamp nv2, int pri, eio_cb cb, void* data) {
  using namespace compat::eio;
  const char* api = ApiName(type);
  Request* request = NewRequest(type, pri, cb, data, api);
  eio_req* req = &request->req;
  req->int1 = int1;
  req->int2 = int2;
  req->int3 = int3;
  req->offs = offs;
  req->size = size;
  req->nv1 = nv1;
  req->nv2 = nv2;
  req->ptr2 = buf;
  // libeio returned 0 when it could not copy a path.
  if ((TakesPath(type) &&
       !CopyPath(path, api, &req->ptr1, &request->owns_ptr1)) ||
      (TakesTwoPaths(type) &&
       !CopyPath(path2, api, &req->ptr2, &request->owns_ptr2))) {
    Free(request);
    return nullptr;
  }
  return Submit(request);
}

ssize_t compat__eio_sendfile_sync(int ofd, int ifd, off_t offset,
                                  size_t count) {
  return compat::eio::SendFile(ofd, ifd, offset, count);
}

}  // extern "C"
