// eio_fs_test.cc: libeio's file requests on plain libuv, with libeio's
// result conventions: `result` is the syscall's value (-1 and `errorno` on
// error), stat buffers, readlink bytes and readdir names in ptr2.
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "eio_test_util.h"

namespace {

// What a done callback saw; ptr2 is freed with the request, so what it
// pointed to is copied here.
struct Outcome {
  int calls = 0;
  ssize_t result = -12345;
  int errorno = -12345;
  int int1 = 0;
  std::string path;  // EIO_PATH while the done callback ran
  struct stat st;
  struct statvfs vfs;
  std::string bytes;               // read, readlink, realpath: result bytes
  std::vector<std::string> names;  // readdir: the NUL-separated names
  std::vector<eio_dirent> dents;   // readdir with EIO_READDIR_DENTS
  bool ptr1_null = false;
};

int Record(eio_req* req) {
  ev_unref(EV_DEFAULT_UC);
  Outcome* out = static_cast<Outcome*>(req->data);
  out->calls++;
  out->result = req->result;
  out->errorno = req->errorno;
  out->int1 = req->int1;
  out->ptr1_null = req->ptr1 == nullptr;
  switch (req->type) {
    case EIO_STAT:
    case EIO_LSTAT:
    case EIO_FSTAT:
      out->path = EIO_PATH(req) != nullptr ? EIO_PATH(req) : "";
      if (req->result == 0) out->st = *EIO_STAT_BUF(req);
      break;
    case EIO_STATVFS:
    case EIO_FSTATVFS:
      if (req->result == 0) out->vfs = *EIO_STATVFS_BUF(req);
      break;
    case EIO_READ:
    case EIO_READLINK:
    case EIO_REALPATH:
      if (req->result > 0)
        out->bytes.assign(static_cast<char*>(EIO_BUF(req)), req->result);
      break;
    case EIO_READDIR:
      if (req->result >= 0) {
        const char* name = static_cast<const char*>(EIO_BUF(req));
        for (ssize_t i = 0; i < req->result; ++i) {
          out->names.push_back(name);
          name += strlen(name) + 1;
        }
        if (req->ptr1 != nullptr) {
          const eio_dirent* dents = static_cast<const eio_dirent*>(req->ptr1);
          out->dents.assign(dents, dents + req->result);
        }
      }
      break;
    default:
      out->path = EIO_PATH(req) != nullptr ? EIO_PATH(req) : "";
  }
  return 0;
}

// Makes a request with a fresh Outcome named o_ and waits for it.
#define DO(call)              \
  ([&] {                      \
    Outcome o_;               \
    return Wait((call), &o_); \
  }())

class EioFsTest : public eiotest::EioTest {
 protected:
  void SetUp() override {
    EioTest::SetUp();
    char tmpl[] = "/tmp/eio-fs-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir = tmpl;
  }
  void TearDown() override {
    std::string command = "rm -rf '" + dir + "'";
    EXPECT_EQ(system(command.c_str()), 0);
    EioTest::TearDown();
  }
  // The node 0.4 idiom: submit, ev_ref; the done callback ev_unrefs.
  Outcome Wait(eio_req* req, Outcome* out) {
    EXPECT_NE(req, nullptr);
    ev_ref(EV_DEFAULT_UC);
    ev_run(loop, 0);
    EXPECT_EQ(out->calls, 1);
    return *out;
  }
  std::string Path(const char* name) { return dir + "/" + name; }
  void WriteFile(const char* name, const std::string& text) {
    int fd = open(Path(name).c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(write(fd, text.data(), text.size()),
              static_cast<ssize_t>(text.size()));
    close(fd);
  }
  std::string ReadFile(const char* name) {
    std::string text;
    int fd = open(Path(name).c_str(), O_RDONLY);
    if (fd < 0) return "<missing>";
    char buf[256];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) text.append(buf, n);
    close(fd);
    return text;
  }
  std::string dir;
};

TEST_F(EioFsTest, OpenWriteFsyncFstatReadCloseAsASequence) {
  std::string file = Path("data");
  Outcome opened = DO(eio_open(file.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0644,
                               EIO_PRI_DEFAULT, Record, &o_));
  ASSERT_GE(opened.result, 0);
  EXPECT_EQ(opened.errorno, 0);
  int fd = static_cast<int>(opened.result);
  char text[] = "hello, eio";
  Outcome written = DO(eio_write(fd, text, 10, 0, 0, Record, &o_));
  EXPECT_EQ(written.result, 10);
  EXPECT_EQ(DO(eio_fsync(fd, 0, Record, &o_)).result, 0);
  Outcome stat = DO(eio_fstat(fd, 0, Record, &o_));
  EXPECT_EQ(stat.result, 0);
  EXPECT_EQ(stat.st.st_size, 10);
  EXPECT_TRUE(S_ISREG(stat.st.st_mode));
  char buf[16] = {0};
  Outcome read = DO(eio_read(fd, buf, 5, 7, 0, Record, &o_));
  EXPECT_EQ(read.result, 3);
  EXPECT_EQ(std::string(buf, 3), "eio");
  EXPECT_EQ(DO(eio_close(fd, 0, Record, &o_)).result, 0);
  Outcome again = DO(eio_close(fd, 0, Record, &o_));
  EXPECT_EQ(again.result, -1);
  EXPECT_EQ(again.errorno, EBADF);
}

TEST_F(EioFsTest, ReadWithoutABufferAllocatesOneAndMinusOneReadsAtThePosition) {
  WriteFile("abc", "abcdef");
  int fd = open(Path("abc").c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  Outcome first = DO(eio_read(fd, nullptr, 3, -1, 0, Record, &o_));
  Outcome second = DO(eio_read(fd, nullptr, 3, -1, 0, Record, &o_));
  Outcome at = DO(eio_read(fd, nullptr, 2, 1, 0, Record, &o_));
  close(fd);
  EXPECT_EQ(first.bytes, "abc");
  EXPECT_EQ(second.bytes, "def");
  EXPECT_EQ(at.bytes, "bc");
}

TEST_F(EioFsTest, AMissingFileFailsWithEnoentInErrorno) {
  std::string missing = Path("missing");
  Outcome stat = DO(eio_stat(missing.c_str(), 0, Record, &o_));
  EXPECT_EQ(stat.result, -1);
  EXPECT_EQ(stat.errorno, ENOENT);
  EXPECT_EQ(stat.path, missing);  // EIO_PATH, as node's fs errors used it
  Outcome open = DO(eio_open(missing.c_str(), O_RDONLY, 0, 0, Record, &o_));
  EXPECT_EQ(open.result, -1);
  EXPECT_EQ(open.errorno, ENOENT);
  Outcome unlink = DO(eio_unlink(missing.c_str(), 0, Record, &o_));
  EXPECT_EQ(unlink.errorno, ENOENT);
  Outcome readdir = DO(eio_readdir(missing.c_str(), 0, 0, Record, &o_));
  EXPECT_EQ(readdir.result, -1);
  EXPECT_EQ(readdir.errorno, ENOENT);
}

TEST_F(EioFsTest, ReaddirGivesNulSeparatedNamesWithoutDotAndDotDot) {
  WriteFile("a", "1");
  WriteFile("bb", "2");
  ASSERT_EQ(mkdir(Path("sub").c_str(), 0755), 0);
  Outcome plain = DO(eio_readdir(dir.c_str(), 0, 0, Record, &o_));
  EXPECT_EQ(plain.result, 3);
  EXPECT_EQ(plain.errorno, 0);
  std::vector<std::string> names = plain.names;
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"a", "bb", "sub"}));
  EXPECT_TRUE(plain.ptr1_null);  // libeio replaced the path with 0

  Outcome dents = DO(eio_readdir(
      dir.c_str(), EIO_READDIR_DENTS | EIO_READDIR_DIRS_FIRST, 0, Record, &o_));
  ASSERT_EQ(dents.result, 3);
  ASSERT_EQ(dents.dents.size(), 3u);
  EXPECT_EQ(dents.dents[0].type, EIO_DT_DIR);
  EXPECT_EQ(dents.dents[0].namelen, 3);
  EXPECT_EQ(dents.dents[1].type, EIO_DT_REG);
  EXPECT_EQ(dents.int1 & EIO_READDIR_DENTS, EIO_READDIR_DENTS);
  for (const eio_dirent& dent : dents.dents) {
    std::string name = dents.names[0];  // the block starts at offset 0
    size_t offset = 0;
    for (const std::string& each : dents.names) {
      if (static_cast<int>(offset) == dent.nameofs) name = each;
      offset += each.size() + 1;
    }
    EXPECT_EQ(name.size(), dent.namelen);
    if (dent.type == EIO_DT_DIR) {
      EXPECT_EQ(name, "sub");
    }
  }
}

TEST_F(EioFsTest, SymlinkReadlinkAndLstat) {
  std::string link = Path("link");
  Outcome made = DO(eio_symlink("some/target", link.c_str(), 0, Record, &o_));
  EXPECT_EQ(made.result, 0);
  Outcome read = DO(eio_readlink(link.c_str(), 0, Record, &o_));
  EXPECT_EQ(read.result, 11);  // the length; ptr2 is not NUL-terminated
  EXPECT_EQ(read.bytes, "some/target");
  Outcome lstat = DO(eio_lstat(link.c_str(), 0, Record, &o_));
  EXPECT_EQ(lstat.result, 0);
  EXPECT_TRUE(S_ISLNK(lstat.st.st_mode));
  Outcome stat = DO(eio_stat(link.c_str(), 0, Record, &o_));
  EXPECT_EQ(stat.errorno, ENOENT);  // the target does not exist
}

TEST_F(EioFsTest, MkdirRenameRmdirUnlinkLink) {
  std::string made = Path("made");
  std::string moved = Path("moved");
  EXPECT_EQ(DO(eio_mkdir(made.c_str(), 0700, 0, Record, &o_)).result, 0);
  Outcome exists = DO(eio_mkdir(made.c_str(), 0700, 0, Record, &o_));
  EXPECT_EQ(exists.result, -1);
  EXPECT_EQ(exists.errorno, EEXIST);
  Outcome stat = DO(eio_stat(made.c_str(), 0, Record, &o_));
  EXPECT_TRUE(S_ISDIR(stat.st.st_mode));
  EXPECT_EQ(stat.st.st_mode & 0777, 0700u);
  EXPECT_EQ(DO(eio_rename(made.c_str(), moved.c_str(), 0, Record, &o_)).result,
            0);
  EXPECT_EQ(DO(eio_rmdir(moved.c_str(), 0, Record, &o_)).result, 0);
  EXPECT_EQ(DO(eio_rmdir(moved.c_str(), 0, Record, &o_)).errorno, ENOENT);

  WriteFile("file", "x");
  std::string file = Path("file");
  std::string hard = Path("hard");
  EXPECT_EQ(DO(eio_link(file.c_str(), hard.c_str(), 0, Record, &o_)).result, 0);
  EXPECT_EQ(DO(eio_stat(file.c_str(), 0, Record, &o_)).st.st_nlink, 2u);
  EXPECT_EQ(DO(eio_unlink(hard.c_str(), 0, Record, &o_)).result, 0);
  EXPECT_EQ(ReadFile("hard"), "<missing>");
}

TEST_F(EioFsTest, ChmodTruncateAndTimes) {
  WriteFile("file", "0123456789abcdef");
  std::string file = Path("file");
  EXPECT_EQ(DO(eio_chmod(file.c_str(), 0600, 0, Record, &o_)).result, 0);
  EXPECT_EQ(DO(eio_stat(file.c_str(), 0, Record, &o_)).st.st_mode & 0777,
            0600u);
  int fd = open(file.c_str(), O_RDWR);
  ASSERT_GE(fd, 0);
  EXPECT_EQ(DO(eio_fchmod(fd, 0640, 0, Record, &o_)).result, 0);
  EXPECT_EQ(DO(eio_fchown(fd, getuid(), getgid(), 0, Record, &o_)).result, 0);
  EXPECT_EQ(DO(eio_ftruncate(fd, 10, 0, Record, &o_)).result, 0);
  EXPECT_EQ(DO(eio_fstat(fd, 0, Record, &o_)).st.st_size, 10);
  EXPECT_EQ(DO(eio_truncate(file.c_str(), 3, 0, Record, &o_)).result, 0);
  EXPECT_EQ(ReadFile("file"), "012");
  EXPECT_EQ(DO(eio_utime(file.c_str(), 1000., 2000., 0, Record, &o_)).result,
            0);
  Outcome stat = DO(eio_stat(file.c_str(), 0, Record, &o_));
  EXPECT_EQ(stat.st.st_atime, 1000);
  EXPECT_EQ(stat.st.st_mtime, 2000);
  EXPECT_EQ(DO(eio_futime(fd, -1., -1., 0, Record, &o_)).result, 0);
  EXPECT_GT(DO(eio_fstat(fd, 0, Record, &o_)).st.st_mtime, 2000);
  EXPECT_EQ(DO(eio_fdatasync(fd, 0, Record, &o_)).result, 0);
  EXPECT_EQ(DO(eio_readahead(fd, 0, 3, 0, Record, &o_)).result, 0);
  EXPECT_EQ(DO(eio_sync_file_range(fd, 0, 3, EIO_SYNC_FILE_RANGE_WRITE, 0,
                                   Record, &o_))
                .result,
            0);
  close(fd);
}

TEST_F(EioFsTest, SendfileCopiesFromAnOffsetAndDup2) {
  WriteFile("src", "hello world");
  int in = open(Path("src").c_str(), O_RDONLY);
  int out = open(Path("dst").c_str(), O_WRONLY | O_CREAT, 0644);
  ASSERT_GE(in, 0);
  ASSERT_GE(out, 0);
  EXPECT_EQ(DO(eio_sendfile(out, in, 6, 5, 0, Record, &o_)).result, 5);
  EXPECT_EQ(eio_sendfile_sync(out, in, 5, 1), 1);
  EXPECT_EQ(ReadFile("dst"), "world ");
  int spare = dup(out);
  EXPECT_EQ(DO(eio_dup2(in, spare, 0, Record, &o_)).result, spare);
  char c = 0;
  EXPECT_EQ(pread(spare, &c, 1, 0), 1);  // spare reads the source now
  EXPECT_EQ(c, 'h');
  close(spare);
  close(in);
  close(out);
}

TEST_F(EioFsTest, RealpathStatvfsNopBusy) {
  WriteFile("file", "x");
  std::string winding = dir + "/./file";
  char* expected = realpath(Path("file").c_str(), nullptr);
  ASSERT_NE(expected, nullptr);
  Outcome real = DO(eio_realpath(winding.c_str(), 0, Record, &o_));
  EXPECT_EQ(real.bytes, expected);
  EXPECT_EQ(real.result, static_cast<ssize_t>(strlen(expected)));
  free(expected);
  Outcome vfs = DO(eio_statvfs(dir.c_str(), 0, Record, &o_));
  EXPECT_EQ(vfs.result, 0);
  EXPECT_GT(vfs.vfs.f_bsize, 0u);
  EXPECT_EQ(DO(eio_nop(0, Record, &o_)).result, 0);
  EXPECT_EQ(DO(eio_busy(0., 0, Record, &o_)).result, 0);
}

TEST_F(EioFsTest, MemoryRequestsWorkOnPageAlignedRanges) {
  long page = sysconf(_SC_PAGESIZE);
  void* memory = mmap(nullptr, 2 * page, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  ASSERT_NE(memory, MAP_FAILED);
  char* inside = static_cast<char*>(memory) + 10;  // aligned down by eio
  EXPECT_EQ(DO(eio_mtouch(inside, 100, EIO_MT_MODIFY, 0, Record, &o_)).result,
            0);
  EXPECT_EQ(DO(eio_msync(inside, 100, EIO_MS_SYNC, 0, Record, &o_)).result, 0);
  Outcome lock = DO(eio_mlock(inside, 100, 0, Record, &o_));
  // RLIMIT_MEMLOCK may forbid it; either way through libeio's channel.
  EXPECT_TRUE(
      lock.result == 0 ||
      (lock.result == -1 && (lock.errorno == ENOMEM || lock.errorno == EPERM)));
  munmap(memory, 2 * page);
}

TEST_F(EioFsTest, ThePathIsCopiedWhenTheRequestIsMade) {
  WriteFile("file", "x");
  std::string buffer = Path("file");
  Outcome out;
  eio_req* req = eio_stat(&buffer[0], 0, Record, &out);
  std::fill(buffer.begin(), buffer.end(), 'z');
  Wait(req, &out);
  EXPECT_EQ(out.result, 0);
}

TEST_F(EioFsTest, ANullPathIsReportedAndFailsWithEfault) {
  Outcome out;
  eio_req* req;
  EXPECT_REPORTS("eio_stat: the path is null", 1,
                 req = eio_stat(nullptr, 0, Record, &out));
  Wait(req, &out);
  EXPECT_EQ(out.result, -1);
  EXPECT_EQ(out.errorno, EFAULT);
}

}  // namespace
