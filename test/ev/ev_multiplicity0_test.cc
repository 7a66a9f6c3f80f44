// ev_multiplicity0_test.cc: the same runtime used by code compiled with
// -DEV_MULTIPLICITY=0, as node 0.4's node-waf compiled every addon: no loop
// arguments, callbacks without the loop, the default loop everywhere.
#if EV_MULTIPLICITY
#error "this file is compiled with -DEV_MULTIPLICITY=0"
#endif

#include <thread>

#include "ev_test_util.h"

namespace {

using evtest::Log;
using evtest::Pipe;

Log* log_ = nullptr;

struct Loopless : public ::testing::Test {
  void SetUp() override {
    ASSERT_TRUE(ev_default_loop(0));  // an int in this spelling
    log_ = &log;
  }
  void TearDown() override {
    log_ = nullptr;
    ev_verify();
    ev_default_destroy();
  }
  Log log;
};

struct Timer {
  ev_timer w;
  int calls = 0;
};

// The node 0.4 callback spelling: no loop argument.
void OnTimer(ev_timer* w, int revents) {
  EXPECT_EQ(revents, EV_TIMER);
  reinterpret_cast<Timer*>(w)->calls++;
  log_->Add("timer");
}

TEST_F(Loopless, TimersUseTheInitRepeatAgainIdiom) {
  Timer t;
  ev_init(&t.w, OnTimer);
  t.w.repeat = 0.01;
  ev_timer_again(EV_DEFAULT_UC_ & t.w);
  EXPECT_TRUE(ev_is_active(&t.w));
  EXPECT_GT(ev_timer_remaining(&t.w), 0.);
  ev_run(EVRUN_ONCE);
  while (t.calls < 2) ev_run(EVRUN_ONCE);
  t.w.repeat = 0.;
  ev_timer_again(EV_A_ & t.w);  // EV_A_ is empty here too
  EXPECT_FALSE(ev_is_active(&t.w));
  EXPECT_EQ(ev_run(0), 0);
}

struct Async {
  ev_async w;
  int calls = 0;
};

void OnAsync(EV_P_ ev_async* w, int revents) {
  EXPECT_EQ(revents, EV_ASYNC);
  reinterpret_cast<Async*>(w)->calls++;
  ev_async_stop(EV_A_ w);
}

TEST_F(Loopless, AsyncFromAThreadAndTheMacroSpellings) {
  Async a;
  ev_async_init(&a.w, OnAsync);
  ev_async_start(EV_DEFAULT_UC_ & a.w);
  std::thread sender([&a] { ev_async_send(EV_DEFAULT_ & a.w); });
  EXPECT_EQ(ev_run(0), 0);
  sender.join();
  EXPECT_EQ(a.calls, 1);
}

struct Io {
  ev_io w;
  int revents = 0;
};

void OnIo(ev_io* w, int revents) {
  reinterpret_cast<Io*>(w)->revents = revents;
  ev_io_stop(w);
  log_->Add("io");
}

void OnIdle(ev_idle* w, int revents) {
  EXPECT_EQ(revents, EV_IDLE);
  ev_idle_stop(w);
  log_->Add("idle");
}

void OnCheck(ev_check* w, int revents) {
  EXPECT_EQ(revents, EV_CHECK);
  ev_check_stop(w);
  log_->Add("check");
}

TEST_F(Loopless, IoIdleAndCheckWatchers) {
  Pipe p;
  p.Write();
  Io io;
  ev_idle idle;
  ev_check check;
  ev_io_init(&io.w, OnIo, p.r, EV_READ);
  ev_idle_init(&idle, OnIdle);
  ev_check_init(&check, OnCheck);
  ev_io_start(&io.w);
  ev_idle_start(&idle);
  ev_check_start(&check);
  ev_run(0);
  EXPECT_EQ(io.revents, EV_READ);
  // io pending in the first iteration locks the idle watcher out.
  EXPECT_EQ(log.Joined(), "check io idle");
}

TEST_F(Loopless, RefUnrefNowAndBreak) {
  ev_now_update();
  EXPECT_NEAR(ev_now(), ev_time(), 0.1);
  ev_ref();
  EXPECT_EQ(ev_run(EVRUN_NOWAIT), 1);
  ev_unref();
  EXPECT_EQ(ev_run(0), 0);
  EXPECT_TRUE(ev_is_default_loop());
  ev_break(EVBREAK_ALL);
  ev_unloop(EVUNLOOP_ONE);
}

}  // namespace
