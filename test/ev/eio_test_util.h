// eio_test_util.h: what the standalone eio tests share: the default loop
// (eio requests finish there, as in node 0.4), checked to be idle and the
// layer closed at the end of every test, and a gate that holds pool threads
// until the test opens it.
#ifndef TEST_EV_EIO_TEST_UTIL_H_
#define TEST_EV_EIO_TEST_UTIL_H_

#include <eio.h>
#include <ev.h>
#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>
#include <thread>

#include "eio_internal.h"
#include "ev_test_util.h"

namespace eiotest {

// Blocks the pool threads that wait on it until it is opened, and counts
// how many arrived: a test knows the pool is busy without measuring time.
class Gate {
 public:
  void Wait() {
    std::unique_lock<std::mutex> hold(lock_);
    ++arrived_;
    changed_.notify_all();
    changed_.wait(hold, [this] { return open_; });
  }
  void WaitForArrivals(int count) {
    std::unique_lock<std::mutex> hold(lock_);
    changed_.wait(hold, [this, count] { return arrived_ >= count; });
  }
  void Open() {
    std::lock_guard<std::mutex> hold(lock_);
    open_ = true;
    changed_.notify_all();
  }
  int arrived() {
    std::lock_guard<std::mutex> hold(lock_);
    return arrived_;
  }

 private:
  std::mutex lock_;
  std::condition_variable changed_;
  int arrived_ = 0;
  bool open_ = false;
};

// Every eio test runs on the default loop and ends with no request in
// flight and the layer closed (so the sanitizer builds see every request
// and handle freed).
class EioTest : public ::testing::Test {
 protected:
  void SetUp() override {
    loop = ev_default_loop(0);
    ASSERT_NE(loop, nullptr);
  }
  void TearDown() override {
    EXPECT_EQ(eio_nreqs(), 0u);
    EXPECT_EQ(eio_nready(), 0u);
    EXPECT_EQ(eio_npending(), 0u);
    EXPECT_TRUE(compat::eio::CloseIdle());
    // Lets libuv call the close callback of the layer's handle.
    ev_run(loop, EVRUN_NOWAIT);
    ev_verify(loop);
  }
  // Runs the loop until no request is in flight, holding an ev_ref so that
  // the loop waits for them (requests whose done callback does not run).
  void Drain() {
    ev_ref(loop);
    while (eio_nreqs() > 0) ev_run(loop, EVRUN_ONCE);
    ev_unref(loop);
  }
  struct ev_loop* loop = nullptr;
};

}  // namespace eiotest

#endif  // TEST_EV_EIO_TEST_UTIL_H_
