// misuse.cc: one-time misuse messages and fatal invariant failures.
#include "misuse.h"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <string>

namespace compat {
namespace {

// Leaked on purpose: messages may be reported from threads that outlive
// static destruction at process exit.
std::mutex* ReportedLock() {
  static std::mutex* lock = new std::mutex;
  return lock;
}

// Every message reported, with the number of times it was.
std::map<std::string, int>* Reported() {
  static auto* reported = new std::map<std::string, int>;
  return reported;
}

}  // namespace

bool Warn(const char* format, ...) {
  char text[1024];
  va_list args;
  va_start(args, format);
  std::vsnprintf(text, sizeof text, format, args);
  va_end(args);
  {
    std::lock_guard<std::mutex> hold(*ReportedLock());
    if (++(*Reported())[text] > 1) return false;
  }
  std::fprintf(stderr, "node-waf-compat: %s\n", text);
  std::fflush(stderr);
  return true;
}

int WarningCount() {
  std::lock_guard<std::mutex> hold(*ReportedLock());
  return static_cast<int>(Reported()->size());
}

int TimesReported(const char* substring) {
  std::lock_guard<std::mutex> hold(*ReportedLock());
  int times = 0;
  for (auto& entry : *Reported())
    if (std::strstr(entry.first.c_str(), substring) != nullptr)
      times += entry.second;
  return times;
}

void Fatal(const char* format, ...) {
  char text[1024];
  va_list args;
  va_start(args, format);
  std::vsnprintf(text, sizeof text, format, args);
  va_end(args);
  std::fprintf(stderr, "node-waf-compat: fatal: %s\n", text);
  std::fflush(stderr);
  std::abort();
}

}  // namespace compat
