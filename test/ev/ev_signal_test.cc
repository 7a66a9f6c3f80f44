// ev_signal_test.cc: ev_signal (delivery, coalescing, one loop per signal,
// ev_feed_signal from other threads) and ev_child (exit status, children
// that exited before the watcher started, trace, the default-loop rule).
#include <signal.h>
#include <sys/wait.h>

#include <thread>

#include "ev_test_util.h"

namespace {

using evtest::Log;
using evtest::LoopTest;

Log* log_ = nullptr;

struct Signal {
  ev_signal w;
  const char* name = "";
  int calls = 0;
  int stop_after = 0;
};

void OnSignal(struct ev_loop* loop, ev_signal* w, int revents) {
  EXPECT_EQ(revents, EV_SIGNAL);
  auto* s = reinterpret_cast<Signal*>(w);
  s->calls++;
  if (log_ != nullptr) log_->Add(s->name);
  if (s->stop_after != 0 && s->calls >= s->stop_after) ev_signal_stop(loop, w);
}

class SignalTest : public LoopTest {
 protected:
  void SetUp() override {
    LoopTest::SetUp();
    log_ = &log;
  }
  void TearDown() override {
    log_ = nullptr;
    LoopTest::TearDown();
  }
  void Start(Signal* s, const char* name, int signum, int stop_after = 0) {
    ev_signal_init(&s->w, OnSignal, signum);
    s->name = name;
    s->stop_after = stop_after;
    ev_signal_start(loop, &s->w);
  }
  Log log;
};

TEST_F(SignalTest, EveryWatcherOfTheSignalRunsInStartOrder) {
  Signal a, b;
  Start(&a, "a", SIGUSR1, 1);
  Start(&b, "b", SIGUSR1, 1);
  raise(SIGUSR1);
  EXPECT_EQ(ev_run(loop, 0), 0);
  EXPECT_EQ(log.Joined(), "a b");
}

TEST_F(SignalTest, SignalsArrivingTogetherAreCoalesced) {
  Signal a;
  Start(&a, "a", SIGUSR2);
  raise(SIGUSR2);
  raise(SIGUSR2);
  ev_run(loop, EVRUN_ONCE);
  while (a.calls == 0) ev_run(loop, EVRUN_ONCE);
  ev_run(loop, EVRUN_NOWAIT);
  EXPECT_EQ(a.calls, 1);
  ev_signal_stop(loop, &a.w);
}

TEST_F(SignalTest, HigherSignalNumbersAreFedFirstAndRunLast) {
  // libev's pipe callback walks signals from the highest number down.
  Signal usr1, usr2;
  Start(&usr2, "usr2", SIGUSR2, 1);
  Start(&usr1, "usr1", SIGUSR1, 1);
  ev_feed_signal(SIGUSR2);
  ev_feed_signal(SIGUSR1);
  EXPECT_EQ(ev_run(loop, 0), 0);
  EXPECT_EQ(log.Joined(), "usr1 usr2");
}

TEST_F(SignalTest, ASignalBelongsToOneLoop) {
  Signal a, b;
  Start(&a, "a", SIGUSR1);
  struct ev_loop* other = ev_loop_new(0);
  ev_signal_init(&b.w, OnSignal, SIGUSR1);
  EXPECT_REPORTS(
      "ev_signal_start: signal 10 is already watched in another "
      "loop",
      1, ev_signal_start(other, &b.w));
  EXPECT_FALSE(ev_is_active(&b.w));
  ev_signal_stop(loop, &a.w);
  ev_signal_start(other, &b.w);  // free again
  EXPECT_TRUE(ev_is_active(&b.w));
  ev_signal_stop(other, &b.w);
  ev_loop_destroy(other);
}

TEST_F(SignalTest, AnIllegalSignalNumberIsReported) {
  Signal a;
  ev_signal_init(&a.w, OnSignal, 0);
  EXPECT_REPORTS("ev_signal_start: illegal signal number 0", 1,
                 ev_signal_start(loop, &a.w));
  ev_signal_set(&a.w, NSIG);
  EXPECT_REPORTS("ev_signal_start: illegal signal number", 1,
                 ev_signal_start(loop, &a.w));
  EXPECT_FALSE(ev_is_active(&a.w));
}

TEST_F(SignalTest, FeedSignalFromAnotherThreadWakesTheLoop) {
  Signal a;
  Start(&a, "a", SIGUSR1, 1);
  std::thread feeder([] {
    ev_sleep(0.03);
    ev_feed_signal(SIGUSR1);
  });
  EXPECT_EQ(ev_run(loop, 0), 0);
  feeder.join();
  EXPECT_EQ(a.calls, 1);
}

TEST_F(SignalTest, FeedSignalEventInvokesTheWatchersDirectly) {
  Signal a;
  Start(&a, "a", SIGUSR2, 1);
  ev_feed_signal_event(loop, SIGUSR2);
  EXPECT_TRUE(ev_is_pending(&a.w));
  ev_invoke_pending(loop);
  EXPECT_EQ(a.calls, 1);
}

// ---- children (default loop only) ----

struct Child {
  ev_child w;
  int calls = 0;
  int rpid = 0;
  int rstatus = 0;
  int priority = 0;
};

void OnChild(struct ev_loop* loop, ev_child* w, int revents) {
  EXPECT_EQ(revents, EV_CHILD);
  auto* c = reinterpret_cast<Child*>(w);
  c->calls++;
  c->rpid = w->rpid;
  c->rstatus = w->rstatus;
  c->priority = ev_priority(w);
  if (!WIFSTOPPED(w->rstatus) && !WIFCONTINUED(w->rstatus))
    ev_child_stop(loop, w);
}

pid_t Spawn(int code, double delay = 0) {
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    if (delay > 0) ev_sleep(delay);
    _exit(code);
  }
  return pid;
}

TEST(EvChild, ReportsTheExitStatusOfItsPid) {
  struct ev_loop* loop = ev_default_loop(0);
  Child c;
  pid_t pid = Spawn(7, 0.02);
  ASSERT_GT(pid, 0);
  ev_child_init(&c.w, OnChild, pid, 0);
  ev_child_start(loop, &c.w);
  EXPECT_EQ(ev_run(loop, 0), 0);
  EXPECT_EQ(c.calls, 1);
  EXPECT_EQ(c.rpid, pid);
  ASSERT_TRUE(WIFEXITED(c.rstatus));
  EXPECT_EQ(WEXITSTATUS(c.rstatus), 7);
  EXPECT_EQ(c.priority, EV_MAXPRI);  // libev runs them at EV_MAXPRI
  ev_loop_destroy(loop);
}

TEST(EvChild, AChildThatExitedBeforeItsWatcherStartedIsReported) {
  struct ev_loop* loop = ev_default_loop(0);
  pid_t pid = Spawn(3);
  ASSERT_GT(pid, 0);
  ev_sleep(0.05);  // it is a zombie by now
  Child c;
  ev_child_init(&c.w, OnChild, pid, 0);
  ev_child_start(loop, &c.w);
  EXPECT_EQ(ev_run(loop, 0), 0);
  EXPECT_EQ(c.calls, 1);
  EXPECT_EQ(WEXITSTATUS(c.rstatus), 3);
  ev_loop_destroy(loop);
}

TEST(EvChild, PidZeroWatchesAnyChildOutsideNode) {
  struct ev_loop* loop = ev_default_loop(0);
  Child any;
  ev_child_init(&any.w, OnChild, 0, 0);
  ev_child_start(loop, &any.w);
  pid_t pid = Spawn(5, 0.01);
  EXPECT_EQ(ev_run(loop, 0), 0);
  EXPECT_EQ(any.rpid, pid);
  EXPECT_EQ(WEXITSTATUS(any.rstatus), 5);
  ev_loop_destroy(loop);
}

TEST(EvChild, OnlyTracingWatchersSeeStopsAndContinues) {
  struct ev_loop* loop = ev_default_loop(0);
  fflush(stdout);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    for (;;) pause();
  }
  Child tracer, plain;
  ev_child_init(&tracer.w, OnChild, pid, 1);
  ev_child_init(&plain.w, OnChild, pid, 0);
  ev_child_start(loop, &tracer.w);
  ev_child_start(loop, &plain.w);
  kill(pid, SIGSTOP);
  while (tracer.calls == 0) ev_run(loop, EVRUN_ONCE);
  EXPECT_TRUE(WIFSTOPPED(tracer.rstatus));
  EXPECT_EQ(plain.calls, 0);
  kill(pid, SIGKILL);
  EXPECT_EQ(ev_run(loop, 0), 0);  // both see the death and stop
  EXPECT_TRUE(WIFSIGNALED(plain.rstatus));
  EXPECT_EQ(plain.calls, 1);
  ev_loop_destroy(loop);
}

TEST_F(LoopTest, ChildWatchersAreOnlyForTheDefaultLoop) {
  Child c;
  ev_child_init(&c.w, OnChild, 1, 0);
  EXPECT_REPORTS(
      "ev_child_start: child watchers are only supported in the "
      "default loop",
      1, ev_child_start(loop, &c.w));
  EXPECT_FALSE(ev_is_active(&c.w));
}

}  // namespace
