// ev_pending_test.cc: the pending queue: ev_feed_event, ev_clear_pending,
// ev_invoke, ev_is_pending, priorities, and initialising or changing a
// watcher that libev says must be left alone.
#include "ev_test_util.h"

namespace {

using evtest::Log;
using evtest::LoopTest;

Log* log_ = nullptr;

struct Named {
  ev_check w;  // any watcher type; checks are never started here
  const char* name;
  int revents = 0;
  int calls = 0;
};

void Record(struct ev_loop* loop, ev_check* w, int revents) {
  (void)loop;
  auto* n = reinterpret_cast<Named*>(w);
  n->revents = revents;
  n->calls++;
  if (log_ != nullptr) log_->Add(n->name);
}

class PendingTest : public LoopTest {
 protected:
  void SetUp() override {
    LoopTest::SetUp();
    log_ = &log;
  }
  void TearDown() override {
    log_ = nullptr;
    LoopTest::TearDown();
  }
  void Init(Named* n, const char* name, int priority = 0) {
    ev_check_init(&n->w, Record);
    ev_set_priority(&n->w, priority);
    n->name = name;
  }
  Log log;
};

TEST_F(PendingTest, FedEventsOfOneWatcherAreMergedAndInvokedOnce) {
  Named a;
  Init(&a, "a");
  ev_feed_event(loop, &a.w, EV_READ);
  ev_feed_event(loop, &a.w, EV_CUSTOM);
  EXPECT_TRUE(ev_is_pending(&a.w));
  EXPECT_FALSE(ev_is_active(&a.w));
  EXPECT_EQ(ev_pending_count(loop), 1u);
  ev_run(loop, EVRUN_NOWAIT);
  EXPECT_EQ(a.calls, 1);
  EXPECT_EQ(a.revents, EV_READ | EV_CUSTOM);
  EXPECT_FALSE(ev_is_pending(&a.w));
}

TEST_F(PendingTest, ClearPendingReturnsTheEventsAndDropsThem) {
  Named a;
  Init(&a, "a");
  ev_feed_event(loop, &a.w, EV_WRITE);
  EXPECT_EQ(ev_clear_pending(loop, &a.w), EV_WRITE);
  EXPECT_FALSE(ev_is_pending(&a.w));
  EXPECT_EQ(ev_clear_pending(loop, &a.w), 0);
  ev_run(loop, EVRUN_NOWAIT);
  EXPECT_EQ(a.calls, 0);
}

TEST_F(PendingTest, StopClearsThePendingStateOfAnyWatcher) {
  Named a;
  Init(&a, "a");
  ev_check_start(loop, &a.w);
  ev_feed_event(loop, &a.w, EV_CUSTOM);
  ev_check_stop(loop, &a.w);
  EXPECT_FALSE(ev_is_pending(&a.w));
  Named b;
  Init(&b, "b");
  ev_feed_event(loop, &b.w, EV_CUSTOM);
  ev_check_stop(loop, &b.w);  // not active: still clears
  EXPECT_FALSE(ev_is_pending(&b.w));
  ev_run(loop, EVRUN_NOWAIT);
  EXPECT_EQ(a.calls + b.calls, 0);
}

TEST_F(PendingTest, HigherPrioritiesRunFirstAndLastFedFirstWithinOne) {
  Named low1, low2, mid1, mid2, high, out_of_range;
  Init(&low1, "low1", -2);
  Init(&low2, "low2", -2);
  Init(&mid1, "mid1", 0);
  Init(&mid2, "mid2", 0);
  Init(&high, "high", 2);
  Init(&out_of_range, "max", 99);  // clamped to EV_MAXPRI when fed
  ev_feed_event(loop, &low1.w, EV_CUSTOM);
  ev_feed_event(loop, &mid1.w, EV_CUSTOM);
  ev_feed_event(loop, &high.w, EV_CUSTOM);
  ev_feed_event(loop, &low2.w, EV_CUSTOM);
  ev_feed_event(loop, &mid2.w, EV_CUSTOM);
  ev_feed_event(loop, &out_of_range.w, EV_CUSTOM);
  ev_invoke_pending(loop);
  EXPECT_EQ(log.Joined(), "max high mid2 mid1 low2 low1");
}

struct Feeder {
  Named self;
  Named* target;
};

void FeedTarget(struct ev_loop* loop, ev_check* w, int revents) {
  Record(loop, w, revents);
  ev_feed_event(loop, &reinterpret_cast<Feeder*>(w)->target->w, EV_CUSTOM);
}

TEST_F(PendingTest, AnEventFedFromACallbackRunsInTheSamePassByPriority) {
  Feeder feeder;
  Init(&feeder.self, "feeder", 0);
  ev_set_cb(&feeder.self.w, FeedTarget);
  Named urgent, waiting;
  Init(&urgent, "urgent", 1);
  Init(&waiting, "waiting", 0);
  feeder.target = &urgent;
  ev_feed_event(loop, &waiting.w, EV_CUSTOM);
  ev_feed_event(loop, &feeder.self.w, EV_CUSTOM);
  ev_invoke_pending(loop);
  EXPECT_EQ(log.Joined(), "feeder urgent waiting");
}

TEST_F(PendingTest, InvokeCallsTheCallbackNowWithoutTheQueue) {
  Named a;
  Init(&a, "a");
  ev_feed_event(loop, &a.w, EV_READ);
  ev_invoke(loop, &a.w, EV_CHECK);
  EXPECT_EQ(a.calls, 1);
  EXPECT_EQ(a.revents, EV_CHECK);
  EXPECT_TRUE(ev_is_pending(&a.w));  // ev_invoke leaves the queue alone
  ev_invoke_pending(loop);
  EXPECT_EQ(a.calls, 2);
  EXPECT_EQ(a.revents, EV_READ);
}

TEST_F(PendingTest, PriorityIsClampedWhenTheWatcherStarts) {
  Named a;
  Init(&a, "a", 17);
  ev_check_start(loop, &a.w);
  EXPECT_EQ(ev_priority(&a.w), EV_MAXPRI);
  ev_check_stop(loop, &a.w);
  ev_set_priority(&a.w, -9);
  ev_check_start(loop, &a.w);
  EXPECT_EQ(ev_priority(&a.w), EV_MINPRI);
  ev_check_stop(loop, &a.w);
}

TEST_F(PendingTest, ChangingThePriorityOfAnActiveWatcherIsReported) {
  Named a, b;
  Init(&a, "a", 0);
  Init(&b, "b", 1);
  ev_check_start(loop, &a.w);
  ev_set_priority(&a.w, 2);  // libev: only while stopped
  ev_feed_event(loop, &b.w, EV_CUSTOM);
  EXPECT_REPORTS("ev_set_priority: the priority of an active ev_check", 1,
                 ev_feed_event(loop, &a.w, EV_CUSTOM));
  ev_invoke_pending(loop);
  // It kept the priority it was started with.
  EXPECT_EQ(log.Joined(), "b a");
  ev_check_stop(loop, &a.w);
}

TEST_F(PendingTest, InitialisingAPendingWatcherIsReportedAndDropsTheEvent) {
  Named a;
  Init(&a, "a");
  ev_feed_event(loop, &a.w, EV_CUSTOM);
  EXPECT_REPORTS("ev_check_init: the watcher is pending", 1,
                 ev_check_init(&a.w, Record));
  EXPECT_FALSE(ev_is_pending(&a.w));
  ev_invoke_pending(loop);
  EXPECT_EQ(a.calls, 0);
}

TEST_F(PendingTest, InitialisingAnActiveWatcherIsReportedAndStopsIt) {
  Named a;
  Init(&a, "a");
  ev_check_start(loop, &a.w);
  EXPECT_REPORTS("ev_init: the watcher is active", 1, ev_init(&a.w, Record));
  EXPECT_FALSE(ev_is_active(&a.w));
  ev_run(loop, EVRUN_NOWAIT);
  EXPECT_EQ(a.calls, 0);
  // libev leaves the loop count as it was: rebalance it.
  ev_unref(loop);
}

TEST_F(PendingTest, StartingAnUninitialisedWatcherIsReported) {
  Named a;
  memset(&a.w, 0, sizeof a.w);
  a.name = "a";
  a.w.cb = Record;
  EXPECT_REPORTS("ev_check_start: watcher was not initialised", 1,
                 ev_check_start(loop, &a.w));
  EXPECT_TRUE(ev_is_active(&a.w));  // it has a callback: started anyway
  ev_run(loop, EVRUN_NOWAIT);
  EXPECT_EQ(a.calls, 1);
  ev_check_stop(loop, &a.w);
}

TEST_F(PendingTest, StartingAnActiveWatcherAndStoppingAStoppedOneDoNothing) {
  Named a;
  Init(&a, "a");
  ev_check_start(loop, &a.w);
  ev_check_start(loop, &a.w);
  ev_run(loop, EVRUN_NOWAIT);
  EXPECT_EQ(a.calls, 1);
  ev_check_stop(loop, &a.w);
  ev_check_stop(loop, &a.w);
  EXPECT_EQ(ev_run(loop, 0), 0);  // the count went back to zero exactly
}

void NullCallbackRun(struct ev_loop* loop) {
  ev_check w;
  ev_check_init(&w, nullptr);
  ev_feed_event(loop, &w, EV_CUSTOM);
  ev_invoke_pending(loop);
}

TEST_F(PendingTest, ANullCallbackIsReportedInsteadOfCalled) {
  EXPECT_REPORTS("callback is null", 1, NullCallbackRun(loop));
}

}  // namespace

namespace {

// Old code passed pointers to its own structures (which start with the
// watcher) or void * to the generic macros; libev cast them.
struct Container {
  ev_timer timer;
  int extra;
};

TEST_F(LoopTest, GenericMacrosTakeAPointerToAStructureStartingWithAWatcher) {
  Container c;
  ev_timer_init(&c.timer, nullptr, 10., 0.);
  ev_set_priority(&c, 1);  // through the container
  EXPECT_EQ(ev_priority(&c.timer), 1);
  ev_timer_start(loop, &c.timer);
  EXPECT_TRUE(ev_is_active(&c));
  void* untyped = &c;
  EXPECT_TRUE(ev_is_active(untyped));
  EXPECT_FALSE(ev_is_pending(untyped));
  ev_feed_event(loop, &c, EV_CUSTOM);
  EXPECT_TRUE(ev_is_pending(&c));
  EXPECT_EQ(ev_clear_pending(loop, &c), EV_CUSTOM);
  ev_timer_stop(loop, &c.timer);
  EXPECT_FALSE(ev_is_active(&c));
  ev_periodic p;
  ev_periodic_init(&p, nullptr, 123., 0., nullptr);
  void* untyped_periodic = &p;
  ev_periodic_start(loop, &p);
  EXPECT_EQ(ev_periodic_at(untyped_periodic), 123.);
  ev_periodic_stop(loop, &p);
}

}  // namespace
