// misuse.h: how the runtime reports old code's misuse of a legacy API (once,
// on stderr, in libev's style "ev_io_start: negative fd") and how it checks
// its own invariants (always on, also in release builds).  No V8 here: the ev
// layer uses it standalone.
#ifndef COMPAT_SRC_MISUSE_H_
#define COMPAT_SRC_MISUSE_H_

namespace compat {

// Prints "node-waf-compat: <message>" on stderr the first time a given message
// is reported in this process; later reports of the same text are dropped.
// Returns true when the message was printed now.  Thread-safe.
bool Warn(const char* format, ...) __attribute__((format(printf, 1, 2)));

// Prints "node-waf-compat: fatal: <message>" and aborts.  For broken internal
// invariants and for libuv failures that have no legacy error channel.
[[noreturn]] void Fatal(const char* format, ...)
    __attribute__((format(printf, 1, 2)));

// How many distinct messages Warn has printed (tests read it through the
// test hooks).
int WarningCount();

// How many times Warn was called, printed or not, with a message containing
// `substring`.  For tests: a report that is printed once per process can
// still be counted per call.
int TimesReported(const char* substring);

}  // namespace compat

#define COMPAT_CHECK(condition)                                        \
  do {                                                                 \
    if (!(condition))                                                  \
      ::compat::Fatal("%s:%d: check failed: %s", __FILE__, __LINE__,   \
                      #condition);                                     \
  } while (0)

#endif  // COMPAT_SRC_MISUSE_H_
