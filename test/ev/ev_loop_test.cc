// ev_loop_test.cc: loops (default, new, destroy, fork), ev_run/ev_break,
// the loop-wide ev_ref/ev_unref count, ev_now and friends.
#include <sys/wait.h>

#include <atomic>
#include <cmath>
#include <thread>

#include "ev_test_util.h"

namespace {

using evtest::LoopTest;

struct Counter {
  ev_timer timer;
  int calls = 0;
};

void CountTimer(struct ev_loop* loop, ev_timer* w, int revents) {
  (void)loop;
  EXPECT_EQ(revents, EV_TIMER);
  reinterpret_cast<Counter*>(w)->calls++;
}

TEST(EvDefaultLoop, IsOneLoopUntilDestroyed) {
  struct ev_loop* loop = ev_default_loop(0);
  ASSERT_NE(loop, nullptr);
  EXPECT_EQ(ev_default_loop(EVFLAG_AUTO), loop);
  EXPECT_EQ(EV_DEFAULT_UC, loop);
  EXPECT_TRUE(ev_is_default_loop(loop));
  struct ev_loop* other = ev_loop_new(0);
  EXPECT_FALSE(ev_is_default_loop(other));
  ev_loop_destroy(other);
  ev_loop_destroy(loop);
  // libev: the default loop can be created again after it was destroyed.
  struct ev_loop* again = ev_default_loop(0);
  ASSERT_NE(again, nullptr);
  ev_loop_destroy(again);
}

TEST(EvDefaultLoop, UncheckedBeforeCreationIsReportedAndCreatesIt) {
  struct ev_loop* loop = nullptr;
  EXPECT_REPORTS("EV_DEFAULT_UC: used before ev_default_loop()", 1,
                 loop = ev_default_loop_uc_());
  ASSERT_NE(loop, nullptr);
  EXPECT_EQ(ev_default_loop(0), loop);
  ev_loop_destroy(loop);
}

TEST_F(LoopTest, RunWithoutWatchersRunsOneIterationAndReturns) {
  EXPECT_EQ(ev_run(loop, 0), 0);
  EXPECT_EQ(ev_iteration(loop), 1u);
  EXPECT_EQ(ev_loop_count(loop), 1u);  // the libev 3 name
}

TEST_F(LoopTest, RunReturnsWhenTheLastWatcherStops) {
  Counter c;
  ev_timer_init(&c.timer, CountTimer, 0.01, 0.);
  ev_timer_start(loop, &c.timer);
  EXPECT_EQ(ev_run(loop, 0), 0);
  EXPECT_EQ(c.calls, 1);
}

TEST_F(LoopTest, StartThenUnrefDoesNotKeepTheLoopRunning) {
  Counter c;
  ev_timer_init(&c.timer, CountTimer, 30., 0.);
  ev_timer_start(loop, &c.timer);
  ev_unref(loop);
  EXPECT_EQ(ev_run(loop, 0), 0);
  EXPECT_EQ(c.calls, 0);
  EXPECT_TRUE(ev_is_active(&c.timer));
  // libev's idiom for removing such a watcher: ref, then stop.
  ev_ref(loop);
  ev_timer_stop(loop, &c.timer);
}

void UnrefOnce(struct ev_loop* loop, ev_timer* w, int revents) {
  CountTimer(loop, w, revents);
  ev_unref(loop);
}

TEST_F(LoopTest, RefKeepsTheLoopRunningUntilTheMatchingUnref) {
  // The eio idiom of node 0.4: ev_ref while work is outstanding.
  Counter c;
  ev_ref(loop);
  ev_timer_init(&c.timer, UnrefOnce, 0.02, 0.);
  ev_timer_start(loop, &c.timer);
  EXPECT_EQ(ev_run(loop, 0), 0);
  EXPECT_EQ(c.calls, 1);
}

TEST_F(LoopTest, UnrefBelowZeroIsReportedAndCountsAsZero) {
  EXPECT_REPORTS("ev_unref: called more often than ev_ref", 1, ev_unref(loop));
  EXPECT_EQ(ev_run(loop, 0), -1);  // returns, where libev would spin
  ev_ref(loop);
}

TEST_F(LoopTest, RefAndUnrefFromOtherThreadsKeepTheCount) {
  // Thread-pool threads of node 0.4 addons called ev_ref/ev_unref.
  ev_ref(loop);  // released by the last thread
  std::atomic<int> done{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([this, &done] {
      for (int i = 0; i < 1000; ++i) {
        ev_ref(loop);
        ev_unref(loop);
      }
      if (++done == 4) ev_unref(loop);
    });
  }
  EXPECT_EQ(ev_run(loop, 0), 0);  // returns once the count is back to 0
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(done.load(), 4);
}

struct Breaker {
  ev_idle idle;
  int calls = 0;
  int stop_at = 0;
  int how = EVBREAK_ONE;
};

void BreakAfter(struct ev_loop* loop, ev_idle* w, int revents) {
  EXPECT_EQ(revents, EV_IDLE);
  Breaker* b = reinterpret_cast<Breaker*>(w);
  if (++b->calls == b->stop_at) ev_break(loop, b->how);
}

TEST_F(LoopTest, BreakEndsRunAndIsForgottenByTheNextRun) {
  Breaker b;
  b.stop_at = 3;
  ev_idle_init(&b.idle, BreakAfter);
  ev_idle_start(loop, &b.idle);
  EXPECT_EQ(ev_run(loop, 0), 1);
  EXPECT_EQ(b.calls, 3);
  b.stop_at = 5;
  b.how = EVUNLOOP_ALL;  // the libev 3 name
  ev_loop(loop, 0);
  EXPECT_EQ(b.calls, 5);
  ev_idle_stop(loop, &b.idle);
}

struct PrepareBreak {
  ev_prepare prepare;
  ev_check check;
  int prepares = 0;
  int checks = 0;
};

void PrepareBreaks(struct ev_loop* loop, ev_prepare* w, int revents) {
  EXPECT_EQ(revents, EV_PREPARE);
  auto* p = reinterpret_cast<PrepareBreak*>(w);
  p->prepares++;
  ev_break(loop, EVBREAK_ONE);
}

void CheckCounts(struct ev_loop* loop, ev_check* w, int revents) {
  (void)loop;
  EXPECT_EQ(revents, EV_CHECK);
  auto* p = reinterpret_cast<PrepareBreak*>(reinterpret_cast<char*>(w) -
                                            offsetof(PrepareBreak, check));
  p->checks++;
}

TEST_F(LoopTest, BreakInAPrepareCallbackEndsRunBeforePolling) {
  PrepareBreak p;
  ev_prepare_init(&p.prepare, PrepareBreaks);
  ev_check_init(&p.check, CheckCounts);
  ev_prepare_start(loop, &p.prepare);
  ev_check_start(loop, &p.check);
  ev_run(loop, 0);
  EXPECT_EQ(p.prepares, 1);
  EXPECT_EQ(p.checks, 0);  // libev leaves ev_run before the post-poll stage
  ev_prepare_stop(loop, &p.prepare);
  ev_check_stop(loop, &p.check);
}

TEST_F(LoopTest, NowaitAndOnceReturnAfterOneIteration) {
  Counter c;
  ev_timer_init(&c.timer, CountTimer, 30., 0.);
  ev_timer_start(loop, &c.timer);
  EXPECT_EQ(ev_run(loop, EVRUN_NOWAIT), 1);
  EXPECT_EQ(ev_iteration(loop), 1u);
  ev_timer_stop(loop, &c.timer);
  ev_timer_set(&c.timer, 0.01, 0.);
  ev_timer_start(loop, &c.timer);
  // ONCE blocks until something happens, then returns.
  while (c.calls == 0) ev_run(loop, EVLOOP_ONESHOT);
  EXPECT_EQ(c.calls, 1);
}

struct Nested {
  ev_timer timer;
  unsigned depth = 0;
  int result = 99;
};

void RunFromCallback(struct ev_loop* loop, ev_timer* w, int revents) {
  (void)revents;
  auto* n = reinterpret_cast<Nested*>(w);
  n->depth = ev_depth(loop);
  n->result = ev_run(loop, EVRUN_NOWAIT);
}

void DestroyFromCallback(struct ev_loop* loop, ev_timer* w, int revents) {
  (void)revents;
  (void)w;
  ev_loop_destroy(loop);
}

TEST_F(LoopTest, DestroyingARunningLoopIsReportedAndIgnored) {
  ev_timer timer;
  ev_timer_init(&timer, DestroyFromCallback, 0., 0.);
  ev_timer_start(loop, &timer);
  EXPECT_REPORTS("ev_loop_destroy: called while the loop is running", 1,
                 ev_run(loop, 0));
  // The loop is still there: it runs another timer.
  Nested n;
  ev_timer_init(&n.timer, RunFromCallback, 0., 0.);
  ev_timer_start(loop, &n.timer);
  ev_run(loop, 0);
  EXPECT_EQ(n.depth, 1u);
}

TEST_F(LoopTest, RunFromOwnCallbackIsReportedAndReturns) {
  Nested n;
  ev_timer_init(&n.timer, RunFromCallback, 0., 0.);
  ev_timer_start(loop, &n.timer);
  EXPECT_REPORTS("ev_run: called from a callback of the same loop", 1,
                 ev_run(loop, 0));
  EXPECT_EQ(n.depth, 1u);
  EXPECT_EQ(n.result, 0);
  EXPECT_EQ(ev_depth(loop), 0u);
}

struct Clock {
  ev_timer timer;
  ev_tstamp first = 0;
  ev_tstamp second = 0;
  ev_tstamp updated = 0;
};

void ReadNow(struct ev_loop* loop, ev_timer* w, int revents) {
  (void)revents;
  auto* c = reinterpret_cast<Clock*>(w);
  c->first = ev_now(loop);
  ev_sleep(0.03);
  c->second = ev_now(loop);
  ev_now_update(loop);
  c->updated = ev_now(loop);
}

TEST_F(LoopTest, NowIsTheWallClockTimeOfTheIterationUntilUpdated) {
  ev_now_update(loop);
  EXPECT_NEAR(ev_now(loop), ev_time(), 0.1);
  Clock c;
  ev_timer_init(&c.timer, ReadNow, 0., 0.);
  ev_timer_start(loop, &c.timer);
  ev_run(loop, 0);
  EXPECT_EQ(c.first, c.second);  // cached while callbacks run
  EXPECT_GE(c.updated - c.first, 0.02);
  EXPECT_NEAR(c.updated, ev_time(), 0.1);
}

TEST(EvTime, SleepWaitsAtLeastTheDelay) {
  ev_tstamp before = ev_time();
  ev_sleep(0.02);
  EXPECT_GE(ev_time() - before, 0.019);
  ev_sleep(-1);  // libev: non-positive delays return at once
  ev_sleep(0);
}

TEST_F(LoopTest, UserdataIsKept) {
  int value = 7;
  EXPECT_EQ(ev_userdata(loop), nullptr);
  ev_set_userdata(loop, &value);
  EXPECT_EQ(ev_userdata(loop), &value);
}

TEST_F(LoopTest, BackendIsWhatLibuvUses) {
#if defined(__linux__)
  EXPECT_EQ(ev_backend(loop), static_cast<unsigned>(EVBACKEND_EPOLL));
#endif
  EXPECT_TRUE(ev_supported_backends() & ev_backend(loop));
  EXPECT_EQ(ev_version_major(), 4);
}

struct Cleanup {
  ev_cleanup cleanup;
  int calls = 0;
};

void CountCleanup(struct ev_loop* loop, ev_cleanup* w, int revents) {
  (void)loop;
  EXPECT_EQ(revents, EV_CLEANUP);
  reinterpret_cast<Cleanup*>(w)->calls++;
}

TEST(EvLoopDestroy, RunsCleanupWatchersAndLeavesOtherWatchersAlone) {
  struct ev_loop* loop = ev_loop_new(0);
  Cleanup c;
  ev_cleanup_init(&c.cleanup, CountCleanup);
  ev_cleanup_start(loop, &c.cleanup);
  // libev: a cleanup watcher does not keep the loop alive.
  EXPECT_EQ(ev_run(loop, 0), 0);
  EXPECT_EQ(c.calls, 0);
  Counter t;
  ev_timer_init(&t.timer, CountTimer, 10., 0.);
  ev_timer_start(loop, &t.timer);
  ev_loop_destroy(loop);
  EXPECT_EQ(c.calls, 1);
  EXPECT_EQ(t.calls, 0);
  // libev does not touch the watchers of a destroyed loop (they may be
  // freed already); they stay marked active.
  EXPECT_TRUE(ev_is_active(&t.timer));
  // The layer forgot them, though: the watcher can be used again.
  struct ev_loop* other = ev_loop_new(0);
  ev_timer_init(&t.timer, CountTimer, 0., 0.);
  ev_timer_start(other, &t.timer);
  ev_run(other, 0);
  EXPECT_EQ(t.calls, 1);
  ev_loop_destroy(other);
}

struct Running {
  ev_prepare prepare;
  std::atomic<bool> inside{false};
};

void MarkRunning(struct ev_loop* loop, ev_prepare* w, int revents) {
  (void)loop;
  (void)revents;
  reinterpret_cast<Running*>(w)->inside.store(true);
}

TEST_F(LoopTest, CallsFromAnotherThreadWhileTheLoopRunsAreRefused) {
  Running running;
  ev_prepare_init(&running.prepare, MarkRunning);
  ev_prepare_start(loop, &running.prepare);
  Counter keep;
  ev_timer_init(&keep.timer, CountTimer, 0.2, 0.);
  ev_timer_start(loop, &keep.timer);
  Counter foreign;
  ev_timer_init(&foreign.timer, CountTimer, 0., 0.);
  std::thread thread([&] {
    while (!running.inside.load()) std::this_thread::yield();
    EXPECT_REPORTS(
        "ev_timer_start: called from a thread other than the "
        "loop's",
        1, ev_timer_start(loop, &foreign.timer));
  });
  ev_run(loop, EVRUN_ONCE);
  while (keep.calls == 0) ev_run(loop, EVRUN_ONCE);
  thread.join();
  ev_prepare_stop(loop, &running.prepare);
  EXPECT_EQ(keep.calls, 1);
  EXPECT_EQ(foreign.calls, 0);
  EXPECT_FALSE(ev_is_active(&foreign.timer));
}

TEST_F(LoopTest, SuspendedTimeDoesNotCountForTimers) {
  Counter c;
  ev_timer_init(&c.timer, CountTimer, 0.2, 0.);
  ev_timer_start(loop, &c.timer);
  ev_suspend(loop);
  ev_sleep(0.3);
  ev_resume(loop);
  EXPECT_GT(ev_timer_remaining(loop, &c.timer), 0.1);
  ev_timer_stop(loop, &c.timer);
}

struct Forked {
  ev_fork fork;
  int calls = 0;
};

void CountFork(struct ev_loop* loop, ev_fork* w, int revents) {
  (void)loop;
  if (revents == EV_FORK) reinterpret_cast<Forked*>(w)->calls++;
}

TEST_F(LoopTest, ForkWatchersRunInTheChildAfterEvLoopFork) {
  Forked f;
  ev_fork_init(&f.fork, CountFork);
  ev_fork_start(loop, &f.fork);
  Counter c;
  ev_timer_init(&c.timer, CountTimer, 0.01, 0.);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    // The child: its loop works again after ev_loop_fork.
    ev_loop_fork(loop);
    ev_timer_start(loop, &c.timer);
    ev_run(loop, EVRUN_ONCE);
    while (c.calls == 0) ev_run(loop, EVRUN_ONCE);
    _exit(f.calls == 1 && c.calls == 1 ? 42 : 1);
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 42);
  ev_run(loop, EVRUN_NOWAIT);
  EXPECT_EQ(f.calls, 0);  // the parent did not call ev_loop_fork
  ev_fork_stop(loop, &f.fork);
}

TEST_F(LoopTest, VerifyChecksEveryKindOfWatcher) {
  evtest::Pipe p;
  ev_io io;
  ev_timer timer;
  ev_periodic periodic;
  ev_idle idle[3];
  ev_check check;
  ev_async async;
  ev_io_init(&io, nullptr, p.r, EV_READ);
  ev_timer_init(&timer, nullptr, 10., 0.);
  ev_periodic_init(&periodic, nullptr, ev_now(loop) + 100, 0., nullptr);
  ev_check_init(&check, nullptr);
  ev_async_init(&async, nullptr);
  ev_io_start(loop, &io);
  ev_timer_start(loop, &timer);
  ev_periodic_start(loop, &periodic);
  for (int i = 0; i < 3; ++i) {
    ev_idle_init(&idle[i], nullptr);
    ev_set_priority(&idle[i], i - 1);
    ev_idle_start(loop, &idle[i]);
  }
  ev_check_start(loop, &check);
  ev_async_start(loop, &async);
  ev_verify(loop);
  ev_loop_verify(loop);  // the libev 3 name
  ev_idle_stop(loop, &idle[1]);
  ev_verify(loop);
  ev_io_stop(loop, &io);
  ev_timer_stop(loop, &timer);
  ev_periodic_stop(loop, &periodic);
  ev_idle_stop(loop, &idle[0]);
  ev_idle_stop(loop, &idle[2]);
  ev_check_stop(loop, &check);
  ev_async_stop(loop, &async);
  ev_verify(loop);
  EXPECT_EQ(ev_run(loop, 0), 0);
}

}  // namespace
