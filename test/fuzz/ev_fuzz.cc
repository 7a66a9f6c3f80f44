// ev_fuzz.cc: the libFuzzer target.  Runs each input through ev_ops.c
// compiled against real libev 4.33 and against node-waf-compat's ev layer,
// and aborts when the traces differ (printing both), so that libFuzzer
// keeps the input as a crash.  Memory errors in either are ASan's.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

extern "C" size_t ops_libev(const uint8_t* data, size_t size, char* out,
                            size_t cap);
extern "C" size_t ops_compat(const uint8_t* data, size_t size, char* out,
                             size_t cap);

namespace {

constexpr size_t kTraceSize = 1 << 16;
char libev_trace[kTraceSize];
char compat_trace[kTraceSize];

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Long inputs only repeat what short ones do, more slowly.
  if (size > 512) return -1;
  size_t a = ops_libev(data, size, libev_trace, kTraceSize);
  size_t b = ops_compat(data, size, compat_trace, kTraceSize);
  // EV_FUZZ_TRACE=1: show what an input does (e.g. ev_fuzz corpus -runs=0).
  static const bool show = std::getenv("EV_FUZZ_TRACE") != nullptr;
  if (show)
    std::fprintf(stderr, "--- trace\n%.*s", static_cast<int>(a),
                 libev_trace);
  // EV_FUZZ_SELF_TEST=1: spoil the compat trace, to show that a difference
  // is caught (test/ev_fuzz.test.js).
  static const bool spoil = std::getenv("EV_FUZZ_SELF_TEST") != nullptr;
  if (spoil && b > 0) compat_trace[b - 1] ^= 1;
  if (a == b && std::memcmp(libev_trace, compat_trace, a) == 0) return 0;
  // The first line that differs, then both traces.
  size_t at = 0, line = 1;
  while (at < a && at < b && libev_trace[at] == compat_trace[at]) {
    if (libev_trace[at] == '\n') ++line;
    ++at;
  }
  std::fprintf(stderr,
               "ev_fuzz: the traces differ at line %zu\n--- libev\n%.*s"
               "--- compat\n%.*s---\n",
               line, static_cast<int>(a), libev_trace, static_cast<int>(b),
               compat_trace);
  std::abort();
}
