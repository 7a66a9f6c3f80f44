// ev_timer_test.cc: ev_timer (order, never early, repeat, the four cases of
// ev_timer_again and the activity-timeout idiom, ev_timer_remaining) and
// ev_periodic (absolute, interval, reschedule callback).
#include <cmath>
#include <string>

#include "ev_test_util.h"

namespace {

using evtest::Log;
using evtest::LoopTest;

Log* log_ = nullptr;

struct Timer {
  ev_timer w;
  const char* name = "";
  int calls = 0;
  bool active_inside = false;
  bool pending_inside = false;
  ev_tstamp started = 0;
  ev_tstamp fired = 0;
  int stop_after = 0;  // stops itself after this many calls (0: never)
};

void OnTimer(struct ev_loop* loop, ev_timer* w, int revents) {
  auto* t = reinterpret_cast<Timer*>(w);
  EXPECT_EQ(revents, EV_TIMER);
  t->calls++;
  t->active_inside = ev_is_active(w);
  t->pending_inside = ev_is_pending(w);
  t->fired = ev_time();
  if (log_ != nullptr) log_->Add(t->name);
  if (t->stop_after != 0 && t->calls >= t->stop_after) ev_timer_stop(loop, w);
}

class TimerTest : public LoopTest {
 protected:
  void SetUp() override {
    LoopTest::SetUp();
    log_ = &log;
  }
  void TearDown() override {
    log_ = nullptr;
    LoopTest::TearDown();
  }
  void Start(Timer* t, const char* name, double after, double repeat = 0) {
    ev_timer_init(&t->w, OnTimer, after, repeat);
    t->name = name;
    ev_timer_start(loop, &t->w);
  }
  Log log;
};

TEST_F(TimerTest, TimersFireInTheOrderOfTheirTimeouts) {
  Timer a, b, c, d;
  Start(&a, "30ms", 0.03);
  Start(&b, "10ms", 0.01);
  Start(&c, "20ms", 0.02);
  Start(&d, "0", 0.);
  ev_run(loop, 0);
  EXPECT_EQ(log.Joined(), "0 10ms 20ms 30ms");
}

TEST_F(TimerTest, EqualTimeoutsFireInLibevsHeapOrder) {
  // libev's 4-heap moves an element past another only if it is strictly
  // earlier; five timers due at the same moment therefore fire as A E D C B
  // (the differential test shows real libev doing the same).
  Timer t[5];
  const char* names[] = {"A", "B", "C", "D", "E"};
  for (int i = 0; i < 5; ++i) Start(&t[i], names[i], 0.01);
  ev_run(loop, 0);
  EXPECT_EQ(log.Joined(), "A E D C B");
}

TEST_F(TimerTest, AOneShotTimerIsStoppedBeforeItsCallback) {
  Timer once, repeating;
  Start(&once, "once", 0.);
  Start(&repeating, "repeating", 0., 0.01);
  repeating.stop_after = 1;
  ev_run(loop, 0);
  EXPECT_FALSE(once.active_inside);
  EXPECT_FALSE(once.pending_inside);
  EXPECT_TRUE(repeating.active_inside);
  EXPECT_LE(once.w.at, 0.);  // libev: `at` holds the time that was left
}

TEST_F(TimerTest, ATimerNeverFiresEarly) {
  ev_now_update(loop);
  Timer t[3];
  double afters[] = {0.001, 0.0155, 0.05};
  for (int i = 0; i < 3; ++i) {
    Start(&t[i], "t", afters[i]);
    t[i].started = ev_now(loop);
  }
  ev_run(loop, 0);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(t[i].calls, 1);
    // Measured from the loop time the timer was started at, as libev does.
    EXPECT_GE(t[i].fired - t[i].started, afters[i]) << afters[i];
  }
}

TEST_F(TimerTest, ARepeatingTimerRunsUntilStopped) {
  Timer t;
  Start(&t, "t", 0.005, 0.005);
  t.stop_after = 4;
  EXPECT_EQ(ev_run(loop, 0), 0);
  EXPECT_EQ(t.calls, 4);
}

void ChangeRepeat(struct ev_loop* loop, ev_timer* w, int revents) {
  OnTimer(loop, w, revents);
  auto* t = reinterpret_cast<Timer*>(w);
  if (t->calls == 2) w->repeat = 0.;  // read at the next expiry
}

TEST_F(TimerTest, RepeatIsReadAtEachExpiry) {
  Timer t;
  ev_init(&t.w, ChangeRepeat);
  t.w.repeat = 0.005;
  ev_timer_again(loop, &t.w);
  ev_run(loop, 0);
  // Expiry 2 had already rescheduled it with the old repeat; expiry 3 sees
  // repeat == 0 and stops the timer before its (third) callback.
  EXPECT_EQ(t.calls, 3);
  EXPECT_FALSE(ev_is_active(&t.w));
}

TEST_F(TimerTest, AgainOnAnInactiveTimerWithoutRepeatDoesNothing) {
  Timer t;
  ev_timer_init(&t.w, OnTimer, 0.01, 0.);
  ev_timer_again(loop, &t.w);
  EXPECT_FALSE(ev_is_active(&t.w));
  EXPECT_EQ(ev_run(loop, 0), 0);
  EXPECT_EQ(t.calls, 0);
}

TEST_F(TimerTest, AgainOnAnInactiveRepeatingTimerStartsItWithRepeat) {
  Timer t;
  ev_timer_init(&t.w, OnTimer, 100., 0.02);  // `after` is not used
  ev_timer_again(loop, &t.w);
  EXPECT_TRUE(ev_is_active(&t.w));
  EXPECT_LE(ev_timer_remaining(loop, &t.w), 0.02 + 1e-9);
  EXPECT_GT(ev_timer_remaining(loop, &t.w), 0.);
  t.stop_after = 1;
  ev_run(loop, 0);
  EXPECT_EQ(t.calls, 1);
}

TEST_F(TimerTest, AgainOnAnActiveRepeatingTimerRestartsItFromNow) {
  Timer t;
  Start(&t, "t", 100., 0.03);
  ev_timer_again(loop, &t.w);
  EXPECT_LE(ev_timer_remaining(loop, &t.w), 0.03 + 1e-9);
  t.stop_after = 1;
  ev_run(loop, 0);
  EXPECT_EQ(t.calls, 1);
}

TEST_F(TimerTest, AgainOnAnActiveTimerWithoutRepeatStopsIt) {
  Timer t;
  Start(&t, "t", 0.01);
  ev_timer_again(loop, &t.w);
  EXPECT_FALSE(ev_is_active(&t.w));
  EXPECT_EQ(ev_run(loop, 0), 0);
  EXPECT_EQ(t.calls, 0);
}

TEST_F(TimerTest, AgainClearsThePendingState) {
  Timer t;
  Start(&t, "t", 10., 10.);
  ev_feed_event(loop, &t.w, EV_TIMER);
  ev_timer_again(loop, &t.w);
  EXPECT_FALSE(ev_is_pending(&t.w));
  ev_run(loop, EVRUN_NOWAIT);
  EXPECT_EQ(t.calls, 0);
  ev_timer_stop(loop, &t.w);
}

// The idiom of old addons: an inactivity timeout pushed back by activity.
struct Activity {
  ev_timer activity;
  ev_timer timeout;
  int bursts = 0;
  int timeouts = 0;
  int bursts_at_timeout = -1;
};

void Tick(struct ev_loop* loop, ev_timer* w, int revents) {
  (void)revents;
  Activity* a = reinterpret_cast<Activity*>(w);
  if (++a->bursts == 5) ev_timer_stop(loop, w);
  ev_timer_again(loop, &a->timeout);  // still active: push it back
}

void TimedOut(struct ev_loop* loop, ev_timer* w, int revents) {
  EXPECT_EQ(revents, EV_TIMER);
  Activity* a = reinterpret_cast<Activity*>(reinterpret_cast<char*>(w) -
                                            offsetof(Activity, timeout));
  a->timeouts++;
  a->bursts_at_timeout = a->bursts;
  ev_timer_stop(loop, w);
}

TEST_F(TimerTest, TheActivityTimeoutIdiomFiresOnlyAfterActivityStops) {
  Activity a;
  ev_init(&a.timeout, TimedOut);
  a.timeout.repeat = 0.06;
  ev_timer_again(loop, &a.timeout);
  ev_timer_init(&a.activity, Tick, 0.02, 0.02);
  ev_timer_start(loop, &a.activity);
  ev_run(loop, 0);
  EXPECT_EQ(a.timeouts, 1);
  EXPECT_EQ(a.bursts_at_timeout, 5);
}

TEST_F(TimerTest, RemainingIsAfterWhenInactiveAndCountsDownWhenActive) {
  Timer t;
  ev_timer_init(&t.w, OnTimer, 2.5, 0.);
  EXPECT_EQ(ev_timer_remaining(loop, &t.w), 2.5);
  ev_timer_start(loop, &t.w);
  double left = ev_timer_remaining(loop, &t.w);
  EXPECT_LE(left, 2.5);
  EXPECT_GT(left, 2.0);
  ev_sleep(0.02);
  ev_now_update(loop);
  EXPECT_LT(ev_timer_remaining(loop, &t.w), left);
  ev_timer_stop(loop, &t.w);
  EXPECT_GT(ev_timer_remaining(loop, &t.w), 2.0);  // the time that was left
}

TEST_F(TimerTest, ANegativeAfterIsDueAtOnce) {
  Timer late, soon;
  Start(&soon, "soon", 0.);
  Start(&late, "late", -5.);
  ev_run(loop, 0);
  EXPECT_EQ(log.Joined(), "late soon");
}

TEST_F(TimerTest, ANegativeRepeatIsReportedAndMeansNoRepeat) {
  Timer t;
  ev_timer_init(&t.w, OnTimer, 0., -1.);
  EXPECT_REPORTS("ev_timer_start: negative repeat value", 1,
                 ev_timer_start(loop, &t.w));
  ev_run(loop, 0);
  EXPECT_EQ(t.calls, 1);
  EXPECT_FALSE(ev_is_active(&t.w));
}

TEST_F(TimerTest, SettingAnActiveTimerIsReportedAndIgnored) {
  Timer t;
  Start(&t, "t", 10.);
  ev_timer_set(&t.w, 0., 0.);
  ev_run(loop, EVRUN_NOWAIT);
  EXPECT_EQ(t.calls, 0);  // still due in 10 s
  double left = 0;
  EXPECT_REPORTS("ev_timer_set: the watcher is active", 1,
                 left = ev_timer_remaining(loop, &t.w));
  EXPECT_GT(left, 5.);
  ev_timer_stop(loop, &t.w);
}

TEST_F(TimerTest, StartingAnActiveTimerDoesNotRearmIt) {
  Timer t;
  Start(&t, "t", 0.02);
  ev_timer_set(&t.w, 5., 0.);  // would be reported, if it mattered
  ev_timer_stop(loop, &t.w);
  ev_timer_set(&t.w, 0.02, 0.);
  ev_timer_start(loop, &t.w);
  t.w.repeat = 0;
  ev_timer_start(loop, &t.w);  // a no-op, not a restart
  EXPECT_LE(ev_timer_remaining(loop, &t.w), 0.02 + 1e-9);
  ev_run(loop, 0);
  EXPECT_EQ(t.calls, 1);
}

struct Pair {
  Timer first;
  Timer* second;
};

void FreeTheOther(struct ev_loop* loop, ev_timer* w, int revents) {
  OnTimer(loop, w, revents);
  Pair* p = reinterpret_cast<Pair*>(w);
  ev_timer_stop(loop, &p->second->w);  // pending: stopping clears that
  delete p->second;
}

TEST_F(TimerTest, AWatcherStoppedAndFreedByAnEarlierCallbackDoesNotRun) {
  Pair p;
  p.second = new Timer;
  ev_timer_init(&p.first.w, FreeTheOther, 0.01, 0.);
  p.first.name = "first";
  ev_timer_start(loop, &p.first.w);
  ev_timer_init(&p.second->w, OnTimer, 0.01, 0.);
  p.second->name = "second";
  ev_timer_start(loop, &p.second->w);
  ev_run(loop, 0);
  EXPECT_EQ(log.Joined(), "first");
}

void FreeSelf(struct ev_loop* loop, ev_timer* w, int revents) {
  OnTimer(loop, w, revents);
  delete reinterpret_cast<Timer*>(w);  // one-shot: already stopped
}

TEST_F(TimerTest, AOneShotTimerMayFreeItselfInItsCallback) {
  Timer* t = new Timer;
  ev_timer_init(&t->w, FreeSelf, 0., 0.);
  t->name = "self";
  ev_timer_start(loop, &t->w);
  ev_run(loop, 0);
  EXPECT_EQ(log.Joined(), "self");
}

// ---- periodics ----

struct Periodic {
  ev_periodic w;
  int calls = 0;
  bool active_inside = false;
  ev_tstamp at_inside = 0;
  ev_tstamp now_inside = 0;
  int stop_after = 0;
};

void OnPeriodic(struct ev_loop* loop, ev_periodic* w, int revents) {
  EXPECT_EQ(revents, EV_PERIODIC);
  auto* p = reinterpret_cast<Periodic*>(w);
  p->calls++;
  p->active_inside = ev_is_active(w);
  p->at_inside = ev_periodic_at(w);
  p->now_inside = ev_now(loop);
  if (p->stop_after != 0 && p->calls >= p->stop_after)
    ev_periodic_stop(loop, w);
}

TEST_F(LoopTest, AnAbsolutePeriodicFiresOnceAtItsTime) {
  Periodic p;
  ev_now_update(loop);
  ev_tstamp when = ev_now(loop) + 0.05;
  ev_periodic_init(&p.w, OnPeriodic, when, 0., nullptr);
  ev_periodic_start(loop, &p.w);
  EXPECT_EQ(ev_periodic_at(&p.w), when);
  ev_run(loop, 0);
  EXPECT_EQ(p.calls, 1);
  EXPECT_FALSE(p.active_inside);  // stopped before the callback
  EXPECT_GT(p.now_inside, when);
}

TEST_F(LoopTest, AnAbsolutePeriodicInThePastFiresAtOnce) {
  Periodic p;
  ev_periodic_init(&p.w, OnPeriodic, 1000., 0., nullptr);
  ev_periodic_start(loop, &p.w);
  ev_run(loop, 0);
  EXPECT_EQ(p.calls, 1);
}

TEST_F(LoopTest, AnIntervalPeriodicFiresOnMultiplesOfItsInterval) {
  Periodic p;
  ev_periodic_init(&p.w, OnPeriodic, 0., 0.02, nullptr);
  p.stop_after = 3;
  ev_periodic_start(loop, &p.w);
  double first = ev_periodic_at(&p.w);
  EXPECT_NEAR(std::remainder(first, 0.02), 0., 1e-6);
  EXPECT_GT(first, ev_now(loop));
  ev_run(loop, 0);
  EXPECT_EQ(p.calls, 3);
  // Inside the callback `at` is already the next time.
  EXPECT_NEAR(std::remainder(p.at_inside, 0.02), 0., 1e-6);
  EXPECT_GT(p.at_inside, p.now_inside);
}

ev_tstamp InTenMs(ev_periodic* w, ev_tstamp now) {
  (void)w;
  return now + 0.01;
}

TEST_F(LoopTest, ARescheduleCallbackDecidesEachTime) {
  Periodic p;
  ev_periodic_init(&p.w, OnPeriodic, 0., 0., InTenMs);
  p.stop_after = 3;
  ev_periodic_start(loop, &p.w);
  EXPECT_GT(ev_periodic_at(&p.w), ev_now(loop));
  ev_run(loop, 0);
  EXPECT_EQ(p.calls, 3);
  EXPECT_NEAR(p.at_inside - p.now_inside, 0.01, 1e-6);
}

TEST_F(LoopTest, PeriodicAgainRecomputesTheTime) {
  Periodic p;
  ev_periodic_init(&p.w, OnPeriodic, 0., 1000., nullptr);
  ev_periodic_start(loop, &p.w);
  p.w.interval = 0.01;
  ev_periodic_again(loop, &p.w);
  EXPECT_LE(ev_periodic_at(&p.w) - ev_now(loop), 0.011);
  p.stop_after = 1;
  ev_run(loop, 0);
  EXPECT_EQ(p.calls, 1);
}

// The past once (at the start), then far ahead.
ev_tstamp RescheduleIntoThePast(ev_periodic* w, ev_tstamp now) {
  auto* p = reinterpret_cast<Periodic*>(w);
  return p->calls == 0 && !p->active_inside ? now - 10. : now + 1000.;
}

TEST_F(LoopTest, ARescheduleCallbackReturningThePastIsReported) {
  Periodic p;
  p.stop_after = 1;
  ev_periodic_init(&p.w, OnPeriodic, 0., 0., RescheduleIntoThePast);
  EXPECT_REPORTS("ev_periodic: the reschedule callback returned a time in "
                 "the past", 1, {
    ev_periodic_start(loop, &p.w);
    ev_run(loop, 0);
  });
  EXPECT_EQ(p.calls, 1);  // the current time was used: due at once
}

TEST_F(LoopTest, ANegativePeriodicIntervalIsReported) {
  Periodic p;
  ev_periodic_init(&p.w, OnPeriodic, 1000., -1., nullptr);
  EXPECT_REPORTS("ev_periodic_start: negative interval value", 1,
                 ev_periodic_start(loop, &p.w));
  ev_run(loop, 0);
  EXPECT_EQ(p.calls, 1);  // treated as absolute, at `offset` (past)
}

}  // namespace
