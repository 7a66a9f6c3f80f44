// ev_async_test.cc: ev_async: coalescing, start/stop semantics, sends from
// other threads, a send storm with start/stop/free churn on the loop thread
// (the case ThreadSanitizer is run for), and sends racing process exit.
#include <sys/wait.h>

#include <atomic>
#include <random>
#include <thread>
#include <vector>

#include "ev_test_util.h"

namespace {

using evtest::LoopTest;

struct Async {
  ev_async w;
  int calls = 0;
  int revents = 0;
  bool pending_inside = true;
};

void CountAsync(struct ev_loop* loop, ev_async* w, int revents) {
  (void)loop;
  auto* a = reinterpret_cast<Async*>(w);
  a->calls++;
  a->revents = revents;
  a->pending_inside = ev_async_pending(w);
}

TEST_F(LoopTest, SendsBeforeTheLoopWakesUpAreCoalesced) {
  Async a;
  ev_async_init(&a.w, CountAsync);
  ev_async_start(loop, &a.w);
  ev_async_send(loop, &a.w);
  ev_async_send(loop, &a.w);
  ev_async_send(loop, &a.w);
  EXPECT_TRUE(ev_async_pending(&a.w));
  ev_run(loop, EVRUN_NOWAIT);
  EXPECT_EQ(a.calls, 1);
  EXPECT_EQ(a.revents, EV_ASYNC);
  EXPECT_FALSE(a.pending_inside);  // cleared before the callback runs
  EXPECT_FALSE(ev_async_pending(&a.w));
  ev_run(loop, EVRUN_NOWAIT);
  EXPECT_EQ(a.calls, 1);
  ev_async_stop(loop, &a.w);
}

TEST_F(LoopTest, StartForgetsASendMadeBeforeIt) {
  Async a;
  ev_async_init(&a.w, CountAsync);
  ev_async_start(loop, &a.w);
  ev_async_stop(loop, &a.w);
  ev_async_send(loop, &a.w);   // recorded on the stopped watcher
  ev_async_start(loop, &a.w);  // libev: start clears it
  EXPECT_FALSE(ev_async_pending(&a.w));
  ev_run(loop, EVRUN_NOWAIT);
  EXPECT_EQ(a.calls, 0);
  ev_async_stop(loop, &a.w);
}

void SendAgain(struct ev_loop* loop, ev_async* w, int revents) {
  CountAsync(loop, w, revents);
  if (reinterpret_cast<Async*>(w)->calls < 3)
    ev_async_send(loop, w);
  else
    ev_async_stop(loop, w);
}

TEST_F(LoopTest, ASendFromTheCallbackIsDeliveredOnTheNextWakeUp) {
  Async a;
  ev_async_init(&a.w, SendAgain);
  ev_async_start(loop, &a.w);
  ev_async_send(loop, &a.w);
  EXPECT_EQ(ev_run(loop, 0), 0);
  EXPECT_EQ(a.calls, 3);
  EXPECT_GE(ev_iteration(loop), 3u);
}

TEST_F(LoopTest, AsyncWatchersRunInStartOrderAndStoppedOnesNot) {
  Async a[4];
  std::vector<int> order;
  for (auto& x : a) {
    ev_async_init(&x.w, CountAsync);
    ev_async_start(loop, &x.w);
  }
  ev_async_send(loop, &a[3].w);
  ev_async_send(loop, &a[1].w);
  ev_async_send(loop, &a[2].w);
  ev_async_stop(loop, &a[2].w);
  ev_run(loop, EVRUN_NOWAIT);
  EXPECT_EQ(a[0].calls, 0);
  EXPECT_EQ(a[1].calls, 1);
  EXPECT_EQ(a[2].calls, 0);
  EXPECT_EQ(a[3].calls, 1);
  for (auto& x : a) ev_async_stop(loop, &x.w);
}

void StopOnFirst(struct ev_loop* loop, ev_async* w, int revents) {
  CountAsync(loop, w, revents);
  ev_async_stop(loop, w);
}

TEST_F(LoopTest, ASendFromAnotherThreadWakesABlockedLoop) {
  Async a;
  ev_async_init(&a.w, StopOnFirst);
  ev_async_start(loop, &a.w);
  std::thread sender([&] {
    ev_sleep(0.05);  // let the loop block first
    ev_async_send(loop, &a.w);
  });
  EXPECT_EQ(ev_run(loop, 0), 0);
  sender.join();
  EXPECT_EQ(a.calls, 1);
}

TEST_F(LoopTest, SendingToAWatcherNeverStartedIsReported) {
  Async a;
  ev_async_init(&a.w, CountAsync);
  EXPECT_REPORTS("ev_async_send: the watcher was never started", 1,
                 ev_async_send(loop, &a.w));
  ev_run(loop, EVRUN_NOWAIT);
  EXPECT_EQ(a.calls, 0);
}

// ---- the storm ----

const int kPool = 8;
const int kSenders = 4;
const int kSendsPerThread = 20000;

struct Storm {
  struct ev_loop* loop;
  Async pool[kPool];
  ev_async done;
  ev_timer churn;
  std::atomic<int> senders_left{kSenders};
  int delivered = 0;
  int inactive_deliveries = 0;
  int churned = 0;
  std::mt19937 random{12345};
};

Storm* storm_ = nullptr;

void StormPool(struct ev_loop* loop, ev_async* w, int revents) {
  Storm* s = storm_;
  if (revents != EV_ASYNC || !ev_is_active(w)) s->inactive_deliveries++;
  s->delivered++;
  // Churn: stop this watcher and (re)start another.
  int other = static_cast<int>(s->random() % kPool);
  ev_async_stop(loop, w);
  ev_async_start(loop, &s->pool[other].w);
  ev_async_start(loop, w);
  // A watcher that lives for one callback: started, sent to, stopped, freed.
  ev_async* brief = new ev_async;
  ev_async_init(brief, StormPool);
  ev_async_start(loop, brief);
  ev_async_send(loop, brief);
  ev_async_stop(loop, brief);
  delete brief;
}

void StormChurn(struct ev_loop* loop, ev_timer* w, int revents) {
  (void)w;
  (void)revents;
  Storm* s = storm_;
  s->churned++;
  int i = static_cast<int>(s->random() % kPool);
  ev_async_stop(loop, &s->pool[i].w);
  ev_async_start(loop, &s->pool[i].w);
  ev_timer* brief = new ev_timer;
  ev_timer_init(brief, nullptr, 10., 0.);
  ev_timer_start(loop, brief);
  ev_timer_stop(loop, brief);
  delete brief;
}

void StormDone(struct ev_loop* loop, ev_async* w, int revents) {
  (void)revents;
  Storm* s = storm_;
  if (s->senders_left.load() != 0) return;
  for (auto& a : s->pool) ev_async_stop(loop, &a.w);
  ev_timer_stop(loop, &s->churn);
  ev_async_stop(loop, w);
}

TEST_F(LoopTest, SendStormWithStartStopFreeChurnOnTheLoopThread) {
  Storm s;
  s.loop = loop;
  storm_ = &s;
  for (auto& a : s.pool) {
    ev_async_init(&a.w, StormPool);
    ev_async_start(loop, &a.w);
  }
  ev_async_init(&s.done, StormDone);
  ev_async_start(loop, &s.done);
  ev_timer_init(&s.churn, StormChurn, 0.001, 0.001);
  ev_timer_start(loop, &s.churn);
  std::vector<std::thread> senders;
  for (int t = 0; t < kSenders; ++t) {
    senders.emplace_back([&s, t] {
      std::mt19937 random(t);
      for (int i = 0; i < kSendsPerThread; ++i) {
        ev_async_send(s.loop, &s.pool[random() % kPool].w);
        if (i % 97 == 0) {
          ev_ref(s.loop);
          ev_unref(s.loop);
        }
      }
      s.senders_left.fetch_sub(1);
      ev_async_send(s.loop, &s.done);
    });
  }
  EXPECT_EQ(ev_run(loop, 0), 0);
  for (auto& sender : senders) sender.join();
  storm_ = nullptr;
  EXPECT_GT(s.delivered, 0);
  EXPECT_LE(s.delivered, kSenders * kSendsPerThread);
  EXPECT_EQ(s.inactive_deliveries, 0);
}

// ---- sends racing process exit ----

ev_async exit_async;  // static storage: valid while exit() runs
std::atomic<int> exit_sends{0};

void ExitAfterSome(struct ev_loop* loop, ev_async* w, int revents) {
  (void)loop;
  (void)w;
  (void)revents;
  if (exit_sends.load() > 1000) exit(0);  // with the sender still sending
}

TEST(EvAsyncExit, ExitWhileAThreadStillSendsIsClean) {
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    struct ev_loop* loop = ev_default_loop(0);
    ev_async_init(&exit_async, ExitAfterSome);
    ev_async_start(loop, &exit_async);
    std::thread([loop] {
      for (;;) {
        ev_async_send(loop, &exit_async);
        exit_sends.fetch_add(1);
      }
    }).detach();
    ev_run(loop, 0);
    _exit(3);  // not reached: the callback exits
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFEXITED(status)) << "status " << status;
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
