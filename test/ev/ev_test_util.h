// ev_test_util.h: what the standalone ev tests share: a fresh loop per test
// (checked and destroyed at the end), an event log, pipes, and a way to
// count the layer's misuse reports.
#ifndef TEST_EV_EV_TEST_UTIL_H_
#define TEST_EV_EV_TEST_UTIL_H_

#include <errno.h>
#include <ev.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <string>
#include <vector>

#include "misuse.h"

namespace evtest {

// The order in which callbacks ran, as short names.
class Log {
 public:
  void Add(const std::string& entry) { entries_.push_back(entry); }
  std::string Joined() const {
    std::string text;
    for (const std::string& entry : entries_) {
      if (!text.empty()) text += " ";
      text += entry;
    }
    return text;
  }
  std::size_t size() const { return entries_.size(); }
  void Clear() { entries_.clear(); }

 private:
  std::vector<std::string> entries_;
};

#if EV_MULTIPLICITY
// A loop of its own for every test.  ev_verify checks the layer's structures
// before the loop is destroyed; the sanitizer builds check that nothing
// leaks or is used after it is freed.
class LoopTest : public ::testing::Test {
 protected:
  void SetUp() override {
    loop = ev_loop_new(EVFLAG_AUTO);
    ASSERT_NE(loop, nullptr);
  }
  void TearDown() override {
    ev_verify(loop);
    ev_loop_destroy(loop);
  }
  struct ev_loop* loop = nullptr;
};
#endif

// A pipe, both ends closed when it goes out of scope.
struct Pipe {
  Pipe() {
    int fds[2];
    if (pipe(fds) != 0) ADD_FAILURE() << "pipe: " << errno;
    r = fds[0];
    w = fds[1];
  }
  ~Pipe() {
    if (r >= 0) close(r);
    if (w >= 0) close(w);
  }
  void Write(const char* text = "x") {
    ssize_t n = write(w, text, strlen(text));
    EXPECT_GT(n, 0);
  }
  int r;
  int w;
};

// How often the layer reported a message containing `text`, printed or not.
inline int Reports(const char* text) { return compat::TimesReported(text); }

// Counts the reports an expression makes.
#define EXPECT_REPORTS(text, times, statement)                    \
  do {                                                            \
    int reports_before_ = ::evtest::Reports(text);                \
    statement;                                                    \
    EXPECT_EQ(::evtest::Reports(text) - reports_before_, (times)) \
        << "reports of \"" << (text) << "\"";                     \
  } while (0)

}  // namespace evtest

#endif  // TEST_EV_EV_TEST_UTIL_H_
