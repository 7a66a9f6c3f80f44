// eio_work_test.cc: eio_custom and the request machinery on plain libuv:
// both work-function spellings, libeio's result and errno conventions, the
// done callback on the loop thread in completion order, liveness only
// through ev_ref, cancellation, requests from other threads, misuse, and
// 10,000 requests in flight.
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "eio_test_util.h"

namespace {

using eiotest::EioTest;
using eiotest::Gate;

// The baton of the node 0.4 idiom.
struct Baton {
  int input = 0;
  int output = 0;
  std::thread::id work_thread;
  std::thread::id done_thread;
  int done_calls = 0;
  ssize_t result = -12345;
  int errorno = -12345;
  int type = -1;
  int pri = -100;
  bool cancelled = false;
  bool unref = true;  // the done callback ends the ev_ref of the idiom
  Gate* gate = nullptr;
  std::vector<std::string>* order = nullptr;
  std::string name;
};

int WorkReturningInt(eio_req* req) {
  Baton* baton = static_cast<Baton*>(req->data);
  baton->work_thread = std::this_thread::get_id();
  if (baton->gate != nullptr) baton->gate->Wait();
  baton->output = baton->input * 2;
  return 42;  // libeio dropped it
}

void WorkReturningVoid(eio_req* req) {
  Baton* baton = static_cast<Baton*>(req->data);
  baton->work_thread = std::this_thread::get_id();
  if (baton->gate != nullptr) baton->gate->Wait();
  baton->output = baton->input * 3;
}

int After(eio_req* req) {
  Baton* baton = static_cast<Baton*>(req->data);
  if (baton->unref) ev_unref(EV_DEFAULT_UC);
  baton->done_thread = std::this_thread::get_id();
  baton->done_calls++;
  baton->result = req->result;
  baton->errorno = req->errorno;
  baton->type = req->type;
  baton->pri = req->pri;
  baton->cancelled = EIO_CANCELLED(req);
  if (baton->order != nullptr) baton->order->push_back(baton->name);
  return 0;
}

TEST_F(EioTest, IntWorkRunsOnThePoolAndItsReturnValueIsDropped) {
  Baton baton;
  baton.input = 21;
  eio_req* req = eio_custom(WorkReturningInt, EIO_PRI_DEFAULT, After, &baton);
  ASSERT_NE(req, nullptr);
  EXPECT_EQ(req->data, &baton);
  EXPECT_EQ(req->type, EIO_CUSTOM);
  ev_ref(EV_DEFAULT_UC);
  ev_run(loop, 0);  // returns once the done callback's ev_unref ran
  EXPECT_EQ(baton.done_calls, 1);
  EXPECT_EQ(baton.output, 42);
  EXPECT_NE(baton.work_thread, std::this_thread::get_id());
  EXPECT_EQ(baton.done_thread, std::this_thread::get_id());
  // libeio (node 0.4 eio.c): execute was called through a void cast; the
  // 42 it returned is not the result.
  EXPECT_EQ(baton.result, 0);
  EXPECT_EQ(baton.errorno, 0);
  EXPECT_EQ(baton.type, EIO_CUSTOM);
  EXPECT_FALSE(baton.cancelled);
}

TEST_F(EioTest, VoidWorkOfNode06RunsTheSameWay) {
  Baton baton;
  baton.input = 5;
  ASSERT_NE(eio_custom(WorkReturningVoid, EIO_PRI_MAX, After, &baton), nullptr);
  ev_ref(EV_DEFAULT_UC);
  ev_run(loop, 0);
  EXPECT_EQ(baton.done_calls, 1);
  EXPECT_EQ(baton.output, 15);
  EXPECT_NE(baton.work_thread, std::this_thread::get_id());
  EXPECT_EQ(baton.result, 0);
}

int WorkSettingResult(eio_req* req) {
  req->result = 7;
  return -1;
}

TEST_F(EioTest, TheResultIsWhatTheWorkStoredThere) {
  Baton baton;
  eio_custom(WorkSettingResult, EIO_PRI_DEFAULT, After, &baton);
  ev_ref(EV_DEFAULT_UC);
  ev_run(loop, 0);
  EXPECT_EQ(baton.result, 7);
}

void WorkFailingSyscall(eio_req* req) {
  req->result = open("/nonexistent/eio-test", O_RDONLY);
}

void WorkSettingErrorno(eio_req* req) {
  req->result = -1;
  req->errorno = EPERM;  // libeio overwrote it with errno
}

TEST_F(EioTest, ErrnoAfterTheWorkBecomesErrorno) {
  Baton failing;
  Baton setting;
  eio_custom(WorkFailingSyscall, EIO_PRI_DEFAULT, After, &failing);
  ev_ref(EV_DEFAULT_UC);
  eio_custom(WorkSettingErrorno, EIO_PRI_DEFAULT, After, &setting);
  ev_ref(EV_DEFAULT_UC);
  ev_run(loop, 0);
  EXPECT_EQ(failing.result, -1);
  EXPECT_EQ(failing.errorno, ENOENT);
  EXPECT_EQ(setting.result, -1);
  EXPECT_EQ(setting.errorno, 0);
}

TEST_F(EioTest, PriorityIsStoredRelativeToTheMinimumAndClamped) {
  Baton low, normal, high, beyond;
  eio_custom(WorkReturningVoid, -100, After, &low);
  eio_custom(WorkReturningVoid, EIO_PRI_DEFAULT, After, &normal);
  eio_custom(WorkReturningVoid, EIO_PRI_MAX, After, &high);
  eio_custom(WorkReturningVoid, 100, After, &beyond);
  for (int i = 0; i < 4; ++i) ev_ref(EV_DEFAULT_UC);
  ev_run(loop, 0);
  EXPECT_EQ(low.pri, 0);
  EXPECT_EQ(normal.pri, 4);
  EXPECT_EQ(high.pri, 8);
  EXPECT_EQ(beyond.pri, 8);
}

TEST_F(EioTest, ARequestWithoutEvRefDoesNotKeepTheLoopAlive) {
  Gate gate;
  Baton baton;
  baton.gate = &gate;
  baton.unref = false;
  eio_custom(WorkReturningInt, EIO_PRI_DEFAULT, After, &baton);
  gate.WaitForArrivals(1);
  // node 0.4: eio requests did not count for the loop; nothing of the
  // layer's does either.
  EXPECT_FALSE(uv_loop_alive(uv_default_loop()));
  EXPECT_EQ(ev_run(loop, 0), 0);
  EXPECT_EQ(baton.done_calls, 0);
  gate.Open();
  Drain();
  EXPECT_EQ(baton.done_calls, 1);
}

TEST_F(EioTest, EvRefKeepsTheLoopRunningUntilTheDoneCallback) {
  Gate gate;
  Baton baton;
  baton.gate = &gate;
  eio_custom(WorkReturningInt, EIO_PRI_DEFAULT, After, &baton);
  ev_ref(EV_DEFAULT_UC);
  gate.WaitForArrivals(1);
  std::thread opener([&gate] { gate.Open(); });
  ev_run(loop, 0);
  opener.join();
  EXPECT_EQ(baton.done_calls, 1);
  EXPECT_FALSE(uv_loop_alive(uv_default_loop()));
}

TEST_F(EioTest, DoneCallbacksRunInCompletionOrderNotSubmissionOrder) {
  std::vector<std::string> order;
  Gate gates[3];
  Baton batons[3];
  const char* names[] = {"a", "b", "c"};
  for (int i = 0; i < 3; ++i) {
    batons[i].gate = &gates[i];
    batons[i].order = &order;
    batons[i].name = names[i];
    eio_custom(WorkReturningInt, EIO_PRI_DEFAULT, After, &batons[i]);
    ev_ref(EV_DEFAULT_UC);
  }
  for (Gate& gate : gates) gate.WaitForArrivals(1);
  for (int i : {2, 0, 1}) {
    gates[i].Open();
    while (batons[i].done_calls == 0) ev_run(loop, EVRUN_ONCE);
  }
  std::string joined;
  for (const std::string& name : order) joined += name;
  EXPECT_EQ(joined, "cab");
}

TEST_F(EioTest, CountersFollowARequestThroughItsPhases) {
  Gate gate;
  Baton baton;
  baton.gate = &gate;
  EXPECT_EQ(eio_nreqs(), 0u);
  eio_custom(WorkReturningInt, EIO_PRI_DEFAULT, After, &baton);
  ev_ref(EV_DEFAULT_UC);
  EXPECT_EQ(eio_nreqs(), 1u);
  gate.WaitForArrivals(1);
  EXPECT_EQ(eio_nready(), 0u);  // taken by a pool thread
  EXPECT_EQ(eio_npending(), 0u);
  EXPECT_GE(eio_nthreads(), 1u);
  gate.Open();
  ev_run(loop, 0);
  EXPECT_EQ(eio_nreqs(), 0u);
}

// Occupies every pool thread with a request that waits on `gate`.
struct Blockers {
  explicit Blockers(Gate* gate) {
    unsigned threads = eio_nthreads();
    if (threads == 0) {  // the pool starts with the first request
      Baton probe;
      eio_custom(WorkReturningVoid, 0, After, &probe);
      ev_ref(EV_DEFAULT_UC);
      ev_run(EV_DEFAULT_UC_ 0);
      threads = eio_nthreads();
    }
    batons.resize(threads);
    for (Baton& baton : batons) {
      baton.gate = gate;
      eio_custom(WorkReturningInt, EIO_PRI_DEFAULT, After, &baton);
      ev_ref(EV_DEFAULT_UC);
    }
    gate->WaitForArrivals(static_cast<int>(threads));
  }
  std::vector<Baton> batons;
};

std::atomic<int> victim_work_runs{0};

int VictimWork(eio_req* req) {
  (void)req;
  victim_work_runs++;
  return 0;
}

TEST_F(EioTest, CancellingARequestThatHasNotStartedSkipsWorkAndDone) {
  Gate gate;
  Blockers blockers(&gate);
  Baton victim;
  victim_work_runs = 0;
  eio_req* req = eio_custom(VictimWork, EIO_PRI_DEFAULT, After, &victim);
  ev_ref(EV_DEFAULT_UC);
  EXPECT_FALSE(EIO_CANCELLED(req));
  eio_cancel(req);
  EXPECT_TRUE(EIO_CANCELLED(req));
  EXPECT_TRUE(req->flags & EIO_FLAG_CANCELLED);
  // libeio never calls the done callback of a cancelled request, so the
  // code that cancels ends the ev_ref it took for it.
  ev_unref(EV_DEFAULT_UC);
  gate.Open();
  ev_run(loop, 0);
  for (Baton& baton : blockers.batons) EXPECT_EQ(baton.done_calls, 1);
  EXPECT_EQ(victim_work_runs.load(), 0);
  EXPECT_EQ(victim.done_calls, 0);
}

struct Cooperative {
  Gate started;
  std::atomic<bool> saw_cancel{false};
};

void CooperativeWork(eio_req* req) {
  Cooperative* state = static_cast<Cooperative*>(req->data);
  state->started.Wait();  // opened at once: only counts the arrival
  while (!EIO_CANCELLED(req)) std::this_thread::yield();
  state->saw_cancel = true;
}

int NeverCalled(eio_req* req) {
  ADD_FAILURE() << "the done callback of a cancelled request ran";
  (void)req;
  return 0;
}

TEST_F(EioTest, ARunningRequestSeesTheCancelAndItsDoneCallbackIsSkipped) {
  Cooperative state;
  state.started.Open();
  eio_req* req =
      eio_custom(CooperativeWork, EIO_PRI_DEFAULT, NeverCalled, &state);
  state.started.WaitForArrivals(1);
  eio_cancel(req);
  Drain();
  EXPECT_TRUE(state.saw_cancel.load());
}

TEST_F(EioTest, CancellingFromAnotherThreadIsHonoured) {
  Gate gate;
  Blockers blockers(&gate);
  victim_work_runs = 0;
  eio_req* req = eio_custom(VictimWork, EIO_PRI_DEFAULT, NeverCalled, nullptr);
  std::thread canceller([req] { eio_cancel(req); });
  canceller.join();
  gate.Open();
  ev_run(loop, 0);  // the blockers' ev_refs
  Drain();          // the victim
  EXPECT_EQ(victim_work_runs.load(), 0);
}

int CancelItself(eio_req* req) {
  Baton* baton = static_cast<Baton*>(req->data);
  ev_unref(EV_DEFAULT_UC);
  baton->done_calls++;
  eio_cancel(req);  // seen in old addons; harmless in libeio
  return 0;
}

TEST_F(EioTest, CancellingInsideItsOwnDoneCallbackIsHarmless) {
  Baton baton;
  eio_custom(WorkReturningVoid, 0, CancelItself, &baton);
  ev_ref(EV_DEFAULT_UC);
  EXPECT_REPORTS("eio_cancel", 0, ev_run(loop, 0));
  EXPECT_EQ(baton.done_calls, 1);
}

TEST_F(EioTest, CancellingARequestThatWasFreedIsReported) {
  Baton baton;
  eio_req* req = eio_custom(WorkReturningVoid, 0, After, &baton);
  ev_ref(EV_DEFAULT_UC);
  ev_run(loop, 0);
  // The request was freed after its done callback; the layer recognises
  // the address as not in flight without reading it.
  EXPECT_REPORTS("eio_cancel: the request is not in flight", 1,
                 eio_cancel(req));
  EXPECT_REPORTS("eio_cancel: the request is null", 1, eio_cancel(nullptr));
}

TEST_F(EioTest, ANullDoneCallbackIsAcceptedSilentlyAndTheWorkStillRuns) {
  Baton baton;
  // libeio accepted a request without a done callback.
  EXPECT_REPORTS("eio_custom", 0,
                 eio_custom(WorkReturningVoid, 0, nullptr, &baton));
  Drain();
  EXPECT_NE(baton.work_thread, std::thread::id());
}

TEST_F(EioTest, ANullWorkFunctionIsReportedAndRunsAsANop) {
  Baton baton;
  int (*none)(eio_req*) = nullptr;
  EXPECT_REPORTS("eio_custom: the work function is null", 1,
                 eio_custom(none, 0, After, &baton));
  ev_ref(EV_DEFAULT_UC);
  ev_run(loop, 0);
  EXPECT_EQ(baton.done_calls, 1);
  EXPECT_EQ(baton.result, 0);
}

TEST_F(EioTest, RequestsFromOtherThreadsFinishOnTheLoopThread) {
  const int kThreads = 4;
  const int kEach = 50;
  std::vector<Baton> batons(kThreads * kEach);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&batons, t] {
      for (int i = 0; i < kEach; ++i) {
        Baton* baton = &batons[t * kEach + i];
        baton->input = i;
        // libeio took requests from any thread; ev_ref may be called from
        // any thread too.
        ev_ref(EV_DEFAULT_UC);
        ASSERT_NE(eio_custom(WorkReturningVoid, 0, After, baton), nullptr);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  ev_run(loop, 0);
  for (int i = 0; i < kThreads * kEach; ++i) {
    EXPECT_EQ(batons[i].done_calls, 1);
    EXPECT_EQ(batons[i].output, (i % kEach) * 3);
    EXPECT_EQ(batons[i].done_thread, std::this_thread::get_id());
  }
}

// 10,000 requests in flight at once, each completing exactly once; the
// sanitizer builds check that none leaks.
struct Many {
  std::vector<std::atomic<int>> works;
  std::vector<int> dones;
  explicit Many(int n) : works(n), dones(n, 0) {}
};
Many* many = nullptr;

int ManyWork(eio_req* req) {
  long index = reinterpret_cast<long>(req->data);
  many->works[index]++;
  // A little CPU, as a hash would spend.
  unsigned value = static_cast<unsigned>(index);
  for (int i = 0; i < 200; ++i) value = value * 1103515245u + 12345u;
  req->result = static_cast<ssize_t>(value & 0xff);
  return 0;
}

int ManyDone(eio_req* req) {
  ev_unref(EV_DEFAULT_UC);
  many->dones[reinterpret_cast<long>(req->data)]++;
  return 0;
}

TEST_F(EioTest, TenThousandRequestsInFlightCompleteEachExactlyOnce) {
  const int kRequests = 10000;
  Many state(kRequests);
  many = &state;
  for (long i = 0; i < kRequests; ++i) {
    ASSERT_NE(eio_custom(ManyWork, EIO_PRI_DEFAULT, ManyDone,
                         reinterpret_cast<void*>(i)),
              nullptr);
    ev_ref(EV_DEFAULT_UC);
  }
  EXPECT_EQ(eio_nreqs(), static_cast<unsigned>(kRequests));
  ev_run(loop, 0);
  int wrong = 0;
  for (int i = 0; i < kRequests; ++i)
    if (state.works[i].load() != 1 || state.dones[i] != 1) ++wrong;
  EXPECT_EQ(wrong, 0);
  many = nullptr;
}

extern "C" int compat_eio_c_test(void);

TEST_F(EioTest, CCodeSubmitsBothWorkSpellings) {
  EXPECT_EQ(compat_eio_c_test(), 0);
}

TEST_F(EioTest, TheLayerReopensAfterItWasClosedIdle) {
  EXPECT_TRUE(compat::eio::CloseIdle());
  ev_run(loop, EVRUN_NOWAIT);
  Baton baton;
  eio_custom(WorkReturningVoid, 0, After, &baton);
  ev_ref(EV_DEFAULT_UC);
  ev_run(loop, 0);
  EXPECT_EQ(baton.done_calls, 1);
}

void MarkInside(struct ev_loop* loop, ev_prepare* w, int revents) {
  (void)loop;
  (void)revents;
  static_cast<std::atomic<bool>*>(w->data)->store(true);
}

void Nothing(struct ev_loop* loop, ev_timer* w, int revents) {
  (void)loop;
  (void)w;
  (void)revents;
}

// Standalone the layer opens on the loop's thread: a first request from
// another thread while the loop runs cannot open it.
TEST_F(EioTest, TheFirstRequestFromAnotherThreadWhileTheLoopRunsIsRefused) {
  std::atomic<bool> inside{false};
  ev_prepare mark;
  ev_prepare_init(&mark, MarkInside);
  mark.data = &inside;
  ev_prepare_start(loop, &mark);
  ev_unref(loop);
  ev_timer keep;
  ev_timer_init(&keep, Nothing, 0.2, 0.);
  ev_timer_start(loop, &keep);
  Baton baton;
  eio_req* got = nullptr;
  bool returned = false;
  int before = evtest::Reports("the first eio request of the process was "
                               "made on a thread other than the loop's");
  std::thread thread([&] {
    while (!inside.load()) std::this_thread::yield();
    got = eio_custom(WorkReturningInt, EIO_PRI_DEFAULT, After, &baton);
    returned = true;
  });
  ev_run(loop, 0);
  thread.join();
  ev_ref(loop);
  ev_prepare_stop(loop, &mark);
  EXPECT_TRUE(returned);
  EXPECT_EQ(got, nullptr);
  EXPECT_EQ(evtest::Reports("the first eio request of the process was made "
                            "on a thread other than the loop's") - before, 1);
  EXPECT_EQ(baton.done_calls, 0);
}

// Environment teardown (or exit) with requests in flight: nothing queued
// runs any more, no done callback runs, and nothing waits for the work that
// is running.  In a child process: it ends the layer for good.
int side_effects = 0;

int SideEffect(eio_req* req) {
  (void)req;
  __atomic_fetch_add(&side_effects, 1, __ATOMIC_SEQ_CST);
  return 0;
}

void ShutDownWithRequestsInFlight() {
  Gate gate;
  Blockers blockers(&gate);
  for (int i = 0; i < 20; ++i)
    eio_custom(SideEffect, EIO_PRI_DEFAULT, NeverCalled, nullptr);
  compat::eio::Shutdown();
  gate.Open();
  Baton late;
  if (eio_custom(WorkReturningVoid, 0, After, &late) != nullptr) _exit(2);
  for (int i = 0; i < 3; ++i) ev_run(EV_DEFAULT_UC_ EVRUN_NOWAIT);
  for (Baton& baton : blockers.batons)
    if (baton.done_calls != 0) _exit(3);
  _exit(__atomic_load_n(&side_effects, __ATOMIC_SEQ_CST) == 0 ? 0 : 4);
}

TEST(EioShutdownDeathTest, QueuedWorkIsDroppedAndNoDoneCallbackRuns) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(ShutDownWithRequestsInFlight(), ::testing::ExitedWithCode(0),
              "the event loop has been shut down");
}

}  // namespace
