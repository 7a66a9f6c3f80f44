// ev_io_test.cc: ev_io on pipes and other fds: readiness, many watchers per
// fd, stopping and freeing while pending, fd flags left alone, fds libev
// treats specially (regular files, bad fds, a peer that went away), and
// ev_once.
#include <stdlib.h>
#include <sys/socket.h>

#include "ev_internal.h"
#include "ev_test_util.h"

namespace {

using evtest::Log;
using evtest::LoopTest;
using evtest::Pipe;

Log* log_ = nullptr;

struct Io {
  ev_io w;
  const char* name = "";
  int calls = 0;
  int revents = 0;
  bool active_inside = false;
  bool drain = false;  // read what is there
  int stop_after = 0;  // stop itself after this many calls (0: never)
};

void OnIo(struct ev_loop* loop, ev_io* w, int revents) {
  auto* io = reinterpret_cast<Io*>(w);
  io->calls++;
  io->revents = revents;
  io->active_inside = ev_is_active(w);
  if (log_ != nullptr) log_->Add(io->name);
  if (io->drain) {
    char buf[64];
    if (read(w->fd, buf, sizeof buf) < 0) ADD_FAILURE() << "read " << errno;
  }
  if (io->stop_after != 0 && io->calls >= io->stop_after) ev_io_stop(loop, w);
}

class IoTest : public LoopTest {
 protected:
  void SetUp() override {
    LoopTest::SetUp();
    log_ = &log;
  }
  void TearDown() override {
    log_ = nullptr;
    LoopTest::TearDown();
  }
  void Start(Io* io, const char* name, int fd, int events) {
    ev_io_init(&io->w, OnIo, fd, events);
    io->name = name;
    ev_io_start(loop, &io->w);
  }
  Log log;
};

TEST_F(IoTest, AReadableFdWakesItsWatcher) {
  Pipe p;
  Io io;
  Start(&io, "r", p.r, EV_READ);
  io.drain = true;
  io.stop_after = 1;
  ev_run(loop, EVRUN_NOWAIT);
  EXPECT_EQ(io.calls, 0);  // nothing written yet
  p.Write();
  EXPECT_EQ(ev_run(loop, 0), 0);
  EXPECT_EQ(io.calls, 1);
  EXPECT_EQ(io.revents, EV_READ);
  EXPECT_TRUE(io.active_inside);  // io watchers are not stopped by libev
}

TEST_F(IoTest, AWritableFdWakesItsWatcherAtOnce) {
  Pipe p;
  Io io;
  Start(&io, "w", p.w, EV_WRITE);
  io.stop_after = 1;
  ev_run(loop, 0);
  EXPECT_EQ(io.revents, EV_WRITE);
}

TEST_F(IoTest, EveryWatcherOfAnFdGetsTheEventsItAskedFor) {
  // libev allows any number of watchers per fd; libuv one poll handle.
  int sv[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  Io a, b, c, both;
  Start(&a, "a", sv[0], EV_READ);
  Start(&b, "b", sv[0], EV_READ);
  Start(&c, "c", sv[0], EV_WRITE);
  Start(&both, "both", sv[0], EV_READ | EV_WRITE);
  ASSERT_EQ(write(sv[1], "x", 1), 1);
  ev_run(loop, EVRUN_ONCE);
  // The watcher started first runs first.
  EXPECT_EQ(log.Joined(), "a b c both");
  EXPECT_EQ(a.revents, EV_READ);
  EXPECT_EQ(c.revents, EV_WRITE);
  EXPECT_EQ(both.revents, EV_READ | EV_WRITE);
  // Stopping one leaves the others polled.
  ev_io_stop(loop, &b.w);
  ev_io_stop(loop, &c.w);
  log.Clear();
  ev_run(loop, EVRUN_ONCE);
  EXPECT_EQ(log.Joined(), "a both");
  ev_io_stop(loop, &a.w);
  ev_io_stop(loop, &both.w);
  close(sv[0]);
  close(sv[1]);
}

struct Killer {
  Io self;
  Io* victim;
};

void StopAndFreeVictim(struct ev_loop* loop, ev_io* w, int revents) {
  OnIo(loop, w, revents);
  Killer* k = reinterpret_cast<Killer*>(w);
  ev_io_stop(loop, &k->victim->w);
  delete k->victim;
  ev_io_stop(loop, w);
}

TEST_F(IoTest, AWatcherStoppedAndFreedWhilePendingDoesNotRun) {
  Pipe p;
  Killer k;
  k.victim = new Io;
  ev_io_init(&k.self.w, StopAndFreeVictim, p.r, EV_READ);
  k.self.name = "killer";
  ev_io_start(loop, &k.self.w);
  Start(k.victim, "victim", p.r, EV_READ);
  p.Write();
  EXPECT_EQ(ev_run(loop, 0), 0);
  EXPECT_EQ(log.Joined(), "killer");
}

TEST_F(IoTest, TheFdIsLeftInBlockingMode) {
  // libev never changes the flags of an fd; uv_poll_init would make it
  // non-blocking, which the layer undoes.
  Pipe p;
  Io io;
  Start(&io, "r", p.r, EV_READ);
  EXPECT_EQ(fcntl(p.r, F_GETFL) & O_NONBLOCK, 0);
  ev_io_stop(loop, &io.w);
  fcntl(p.w, F_SETFL, fcntl(p.w, F_GETFL) | O_NONBLOCK);
  Start(&io, "w", p.w, EV_WRITE);
  EXPECT_NE(fcntl(p.w, F_GETFL) & O_NONBLOCK, 0);
  ev_io_stop(loop, &io.w);
}

TEST_F(IoTest, ARegularFileIsAlwaysReadyAsWithLibevsEpoll) {
  char path[] = "/tmp/ev_io_test_XXXXXX";
  int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  unlink(path);
  Io io;
  Start(&io, "file", fd, EV_READ | EV_WRITE);
  io.stop_after = 3;
  EXPECT_EQ(ev_run(loop, 0), 0);
  EXPECT_EQ(io.calls, 3);
  EXPECT_EQ(io.revents, EV_READ | EV_WRITE);
  close(fd);
}

TEST_F(IoTest, AnFdThatIsNotOpenStopsTheWatcherWithEvError) {
  int fd = dup(0);
  ASSERT_GE(fd, 0);
  close(fd);  // a number that names nothing now
  Io io;
  Start(&io, "bad", fd, EV_READ);
  EXPECT_TRUE(ev_is_active(&io.w));  // killed before the next poll
  EXPECT_EQ(ev_run(loop, 0), 0);
  EXPECT_EQ(io.calls, 1);
  EXPECT_EQ(io.revents, EV_ERROR | EV_READ | EV_WRITE);
  EXPECT_FALSE(io.active_inside);
}

TEST_F(IoTest, AnFdThatCannotBePolledIsReported) {
  int fd = dup(0);
  ASSERT_GE(fd, 0);
  close(fd);
  Io io;
  ev_io_init(&io.w, OnIo, fd, EV_READ);
  EXPECT_REPORTS("cannot be polled", 1, {
    ev_io_start(loop, &io.w);
    ev_run(loop, 0);
  });
  EXPECT_EQ(io.revents, EV_ERROR | EV_READ | EV_WRITE);
  EXPECT_FALSE(ev_is_active(&io.w));
}

// A host such as Node's (callback_scope.cc) reads the box of every event
// it dispatches.  The EV_ERROR of a killed fd is fed in the prepare phase
// and invoked in the check phase; its box used to be freed in between.  In
// a child process: the host is attached to the default loop for good.
// Under ASan (ev_sanitizers.test.js) a read of a freed box aborts it.
class BoxReadingHost : public compat::ev::Host {
 public:
  void Dispatch(const compat::ev::Call& call) override {
    if (call.box != nullptr && call.box->kind == compat::ev::Kind::kIo)
      boxes_read++;
    compat::ev::Invoke(call);
  }
  void Release(compat::ev::Box*) override {}
  void Run(const compat::ev::Task& task) override { task.fn(task.arg); }
  void Capture(void**, const char*) override {}
  void Forget(void** slot) override { *slot = nullptr; }
  int boxes_read = 0;
};

void KillABadFdUnderAHost() {
  BoxReadingHost host;
  struct ev_loop* loop = ev_default_loop(0);
  compat::ev::AttachDefaultLoop(uv_default_loop(), &host);
  int fd = dup(0);
  close(fd);
  Io io;
  ev_io_init(&io.w, OnIo, fd, EV_READ);
  ev_io_start(loop, &io.w);
  for (int i = 0; i < 3 && io.calls == 0; ++i)
    uv_run(uv_default_loop(), UV_RUN_NOWAIT);
  if (io.calls != 1) _exit(3);
  if (io.revents != (EV_ERROR | EV_READ | EV_WRITE)) _exit(4);
  _exit(host.boxes_read == 1 ? 0 : 5);
}

TEST(IoDeathTest, TheEvErrorOfAKilledFdKeepsItsBoxUntilItRuns) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(KillABadFdUnderAHost(), ::testing::ExitedWithCode(0),
              "cannot be polled");
}

TEST_F(IoTest, ANegativeFdIsReportedAndNotStarted) {
  Io io;
  ev_io_init(&io.w, OnIo, -1, EV_READ);
  EXPECT_REPORTS("ev_io_start: negative fd", 1, ev_io_start(loop, &io.w));
  EXPECT_FALSE(ev_is_active(&io.w));
}

TEST_F(IoTest, AnIllegalEventMaskIsReported) {
  Pipe p;
  Io io;
  ev_io_init(&io.w, OnIo, p.w, EV_WRITE | EV_TIMER);
  io.stop_after = 1;
  EXPECT_REPORTS("ev_io_start: illegal event mask", 1,
                 ev_io_start(loop, &io.w));
  ev_run(loop, 0);
  EXPECT_EQ(io.revents, EV_WRITE);
}

TEST_F(IoTest, ClosingTheWriteEndMakesTheReadEndReadable) {
  Pipe p;
  Io io;
  Start(&io, "eof", p.r, EV_READ);
  io.stop_after = 1;
  close(p.w);
  p.w = -1;
  ev_run(loop, 0);
  EXPECT_EQ(io.revents, EV_READ);
}

TEST_F(IoTest, AWriteEndWhoseReaderIsGoneIsReportedWritable) {
  // epoll reports EPOLLERR; libev turns it into EV_WRITE (the write then
  // fails with EPIPE), libuv into an error the layer translates.
  Pipe p;
  close(p.r);
  p.r = -1;
  Io io;
  Start(&io, "epipe", p.w, EV_WRITE);
  io.stop_after = 2;  // level-triggered: reported again
  ev_run(loop, 0);
  EXPECT_EQ(io.calls, 2);
  EXPECT_EQ(io.revents & EV_WRITE, EV_WRITE);
}

TEST_F(IoTest, SettingAnActiveWatcherIsReportedAtStop) {
  Pipe p;
  Io io;
  Start(&io, "r", p.r, EV_READ);
  ev_io_set(&io.w, p.w, EV_WRITE);
  EXPECT_REPORTS("ev_io_set: the watcher is active", 1,
                 ev_io_stop(loop, &io.w));
  EXPECT_FALSE(ev_is_active(&io.w));
}

TEST_F(IoTest, EvIoSetAllowsANewDescriptionUnderTheSameNumber) {
  Pipe first;
  Io io;
  Start(&io, "r", first.r, EV_READ);
  ev_io_stop(loop, &io.w);
  Pipe second;
  ASSERT_EQ(dup2(second.r, first.r), first.r);  // same number, new pipe
  ev_io_set(&io.w, first.r, EV_READ);
  EXPECT_EQ(io.w.events & EV__IOFDSET, EV__IOFDSET);  // as in libev
  ev_io_start(loop, &io.w);
  EXPECT_EQ(io.w.events, EV_READ);
  io.stop_after = 1;
  second.Write();
  ev_run(loop, 0);
  EXPECT_EQ(io.calls, 1);
}

TEST_F(IoTest, FeedFdEventReachesTheFdsWatchers) {
  Pipe p;
  Io a, b;
  Start(&a, "a", p.r, EV_READ);
  Start(&b, "b", p.r, EV_READ);
  ev_feed_fd_event(loop, p.r, EV_READ | EV_WRITE);
  ev_invoke_pending(loop);
  EXPECT_EQ(log.Joined(), "a b");
  EXPECT_EQ(a.revents, EV_READ);
  ev_io_stop(loop, &a.w);
  ev_io_stop(loop, &b.w);
}

struct OnceResult {
  int calls = 0;
  int revents = 0;
};

void OnceCb(int revents, void* arg) {
  auto* r = static_cast<OnceResult*>(arg);
  r->calls++;
  r->revents = revents;
}

TEST_F(IoTest, OnceFiresOnTheTimeoutOrTheFdWhicheverComesFirst) {
  Pipe p;
  OnceResult timeout, readable;
  ev_once(loop, p.r, EV_READ, 0.01, OnceCb, &timeout);
  EXPECT_EQ(ev_run(loop, 0), 0);
  EXPECT_EQ(timeout.calls, 1);
  EXPECT_EQ(timeout.revents, EV_TIMER);
  p.Write();
  ev_once(loop, p.r, EV_READ, 10., OnceCb, &readable);
  EXPECT_EQ(ev_run(loop, 0), 0);
  EXPECT_EQ(readable.calls, 1);
  EXPECT_EQ(readable.revents, EV_READ);
  OnceResult never;
  EXPECT_REPORTS("ev_once: neither an fd nor a timeout", 1,
                 ev_once(loop, -1, 0, -1., OnceCb, &never));
}

}  // namespace
