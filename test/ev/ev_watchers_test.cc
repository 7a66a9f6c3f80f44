// ev_watchers_test.cc: ev_idle, ev_prepare and ev_check: where they run in
// an iteration, in which order, idle's priority lock-out, and stopping or
// freeing them while others are pending.
#include "ev_test_util.h"

namespace {

using evtest::Log;
using evtest::LoopTest;
using evtest::Pipe;

Log* log_ = nullptr;

// One record type for every watcher kind used here.
struct Rec {
  union {
    ev_idle idle;
    ev_prepare prepare;
    ev_check check;
    ev_timer timer;
    ev_io io;
  } u;
  const char* name = "";
  int calls = 0;
  int stop_after = 0;
  int kind = 0;
};

void Note(struct ev_loop* loop, Rec* r, int revents) {
  r->calls++;
  if (log_ != nullptr) log_->Add(r->name);
  if (r->stop_after == 0 || r->calls < r->stop_after) return;
  switch (revents) {
    case EV_IDLE:
      ev_idle_stop(loop, &r->u.idle);
      break;
    case EV_PREPARE:
      ev_prepare_stop(loop, &r->u.prepare);
      break;
    case EV_CHECK:
      ev_check_stop(loop, &r->u.check);
      break;
    case EV_TIMER:
      ev_timer_stop(loop, &r->u.timer);
      break;
    case EV_READ:
      ev_io_stop(loop, &r->u.io);
      break;
  }
}

void OnIdle(struct ev_loop* loop, ev_idle* w, int revents) {
  EXPECT_EQ(revents, EV_IDLE);
  Note(loop, reinterpret_cast<Rec*>(w), revents);
}
void OnPrepare(struct ev_loop* loop, ev_prepare* w, int revents) {
  EXPECT_EQ(revents, EV_PREPARE);
  Note(loop, reinterpret_cast<Rec*>(w), revents);
}
void OnCheck(struct ev_loop* loop, ev_check* w, int revents) {
  EXPECT_EQ(revents, EV_CHECK);
  Note(loop, reinterpret_cast<Rec*>(w), revents);
}
void OnTimer(struct ev_loop* loop, ev_timer* w, int revents) {
  Note(loop, reinterpret_cast<Rec*>(w), revents);
}
void OnIo(struct ev_loop* loop, ev_io* w, int revents) {
  char c;
  if (read(w->fd, &c, 1) != 1) ADD_FAILURE() << "read";
  Note(loop, reinterpret_cast<Rec*>(w), revents);
}

class WatchersTest : public LoopTest {
 protected:
  void SetUp() override {
    LoopTest::SetUp();
    log_ = &log;
  }
  void TearDown() override {
    log_ = nullptr;
    LoopTest::TearDown();
  }
  void Idle(Rec* r, const char* name, int pri = 0, int stop_after = 0) {
    ev_idle_init(&r->u.idle, OnIdle);
    ev_set_priority(&r->u.idle, pri);
    Name(r, name, stop_after);
    ev_idle_start(loop, &r->u.idle);
  }
  void Prepare(Rec* r, const char* name, int stop_after = 0) {
    ev_prepare_init(&r->u.prepare, OnPrepare);
    Name(r, name, stop_after);
    ev_prepare_start(loop, &r->u.prepare);
  }
  void Check(Rec* r, const char* name, int stop_after = 0) {
    ev_check_init(&r->u.check, OnCheck);
    Name(r, name, stop_after);
    ev_check_start(loop, &r->u.check);
  }
  void Timer(Rec* r, const char* name, double after, double repeat = 0,
             int pri = 0, int stop_after = 0) {
    ev_timer_init(&r->u.timer, OnTimer, after, repeat);
    ev_set_priority(&r->u.timer, pri);
    Name(r, name, stop_after);
    ev_timer_start(loop, &r->u.timer);
  }
  void Name(Rec* r, const char* name, int stop_after) {
    r->name = name;
    r->stop_after = stop_after;
  }
  Log log;
};

TEST_F(WatchersTest, OneIterationRunsPrepareThenCheckThenTheEvents) {
  // libev: prepare before polling; after polling check, timers and io are
  // fed in the order io, timers, checks and invoked last fed first.
  Pipe p;
  p.Write();
  Rec prepare, check, timer, io;
  Prepare(&prepare, "prepare", 1);
  Check(&check, "check", 1);
  Timer(&timer, "timer", -1.);
  ev_io_init(&io.u.io, OnIo, p.r, EV_READ);
  Name(&io, "io", 1);
  ev_io_start(loop, &io.u.io);
  ev_run(loop, EVRUN_ONCE);
  EXPECT_EQ(log.Joined(), "prepare check timer io");
}

TEST_F(WatchersTest, ChecksAndPreparesRunInReverseOfLibevsArrayOrder) {
  Rec a, b, c;
  Check(&a, "a");
  Check(&b, "b");
  Check(&c, "c");
  ev_run(loop, EVRUN_NOWAIT);
  EXPECT_EQ(log.Joined(), "c b a");
  // Stopping fills the hole with the last one, as libev's arrays do.
  ev_check_stop(loop, &a.u.check);
  log.Clear();
  ev_run(loop, EVRUN_NOWAIT);
  EXPECT_EQ(log.Joined(), "b c");
  ev_check_stop(loop, &b.u.check);
  ev_check_stop(loop, &c.u.check);
}

TEST_F(WatchersTest, IdleRunsOnlyWhenNothingElseIsPending) {
  Rec idle, timer, check;
  Idle(&idle, "idle");
  Timer(&timer, "timer", 0., 0., 0, 1);
  Check(&check, "check", 3);
  ev_run(loop, EVRUN_ONCE);  // timer pending: no idle this iteration
  ev_run(loop, EVRUN_ONCE);
  ev_run(loop, EVRUN_ONCE);
  EXPECT_EQ(log.Joined(), "check timer check idle check idle");
  ev_idle_stop(loop, &idle.u.idle);
}

TEST_F(WatchersTest, OnlyTheHighestPriorityIdleGroupRuns) {
  Rec low, high, busy;
  Idle(&low, "low", -1);
  Idle(&high, "high", 1, 2);
  ev_run(loop, EVRUN_ONCE);
  ev_run(loop, EVRUN_ONCE);
  ev_run(loop, EVRUN_ONCE);
  EXPECT_EQ(log.Joined(), "high high low");
  // A pending event of the same priority locks idle watchers out; one of a
  // lower priority does not.
  log.Clear();
  Timer(&busy, "busy", 0., 0., -2, 1);
  ev_run(loop, EVRUN_ONCE);
  EXPECT_EQ(log.Joined(), "low busy");
  log.Clear();
  ev_set_priority(&busy.u.timer, -1);
  busy.calls = 0;
  ev_timer_set(&busy.u.timer, 0., 0.);
  ev_timer_start(loop, &busy.u.timer);
  ev_run(loop, EVRUN_ONCE);
  EXPECT_EQ(log.Joined(), "busy");
  ev_idle_stop(loop, &low.u.idle);
}

TEST_F(WatchersTest, AnIdleWatcherKeepsTheLoopFromBlocking) {
  Rec idle, timer;
  Idle(&idle, "idle");
  Timer(&timer, "timer", 0.05, 0., 0, 1);
  while (timer.calls == 0) ev_run(loop, EVRUN_ONCE);
  EXPECT_GT(idle.calls, 1);
  ev_idle_stop(loop, &idle.u.idle);
}

TEST_F(WatchersTest, PrepareRunsEveryIterationUntilStopped) {
  Rec prepare, timer;
  Prepare(&prepare, "prepare", 3);
  Timer(&timer, "t", 0.001, 0.001, 0, 3);
  EXPECT_EQ(ev_run(loop, 0), 0);
  EXPECT_EQ(prepare.calls, 3);
  EXPECT_EQ(timer.calls, 3);
}

struct Dropper {
  Rec self;
  Rec* victim;
};

void DropVictim(struct ev_loop* loop, ev_check* w, int revents) {
  OnCheck(loop, w, revents);
  Dropper* d = reinterpret_cast<Dropper*>(w);
  ev_check_stop(loop, &d->victim->u.check);
  delete d->victim;
  ev_check_stop(loop, w);
}

TEST_F(WatchersTest, AStoppedAndFreedPendingWatcherDoesNotRun) {
  Dropper d;
  d.victim = new Rec;
  Check(d.victim, "victim");  // started first: runs last
  ev_check_init(&d.self.u.check, DropVictim);
  Name(&d.self, "dropper", 0);
  ev_check_start(loop, &d.self.u.check);
  ev_run(loop, EVRUN_NOWAIT);
  EXPECT_EQ(log.Joined(), "dropper");
}

TEST_F(WatchersTest, IdleAndCheckCallbacksCanStartWatchers) {
  // libev: prepare and check callbacks may start anything, and it counts.
  Rec idle, check;
  Check(&check, "check", 1);
  ev_run(loop, EVRUN_NOWAIT);
  Idle(&idle, "idle", 0, 1);
  EXPECT_EQ(ev_run(loop, 0), 0);
  EXPECT_EQ(log.Joined(), "check idle");
}

}  // namespace
