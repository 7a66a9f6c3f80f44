// legacy/v8_exceptions.h: ThrowException, Exception, TryCatch, Message and
// StackTrace of V8 3.x.
#ifndef COMPAT_LEGACY_V8_EXCEPTIONS_H_
#define COMPAT_LEGACY_V8_EXCEPTIONS_H_

#include "v8_objects.h"

namespace v8 {
namespace legacy {

// Schedules `exception` and returns undefined, so that old callbacks can
// `return ThrowException(...)`.
Handle<Value> ThrowException(Handle<Value> exception);

class Exception {
 public:
  static Local<Value> Error(Handle<String> message);
  static Local<Value> TypeError(Handle<String> message);
  static Local<Value> RangeError(Handle<String> message);
  static Local<Value> ReferenceError(Handle<String> message);
  static Local<Value> SyntaxError(Handle<String> message);
};

class StackFrame {
 public:
  int GetLineNumber() const;
  int GetColumn() const;
  Local<String> GetScriptName() const;
  Local<String> GetScriptNameOrSourceURL() const;
  Local<String> GetFunctionName() const;
  bool IsEval() const;
  bool IsConstructor() const;
};

class StackTrace {
 public:
  enum StackTraceOptions {
    kLineNumber = 1,
    kColumnOffset = 1 << 1 | kLineNumber,
    kScriptName = 1 << 2,
    kFunctionName = 1 << 3,
    kIsEval = 1 << 4,
    kIsConstructor = 1 << 5,
    kScriptNameOrSourceURL = 1 << 6,
    kOverview = kLineNumber | kColumnOffset | kScriptName | kFunctionName,
    kDetailed = kOverview | kIsEval | kIsConstructor | kScriptNameOrSourceURL
  };
  Local<StackFrame> GetFrame(uint32_t index) const;
  int GetFrameCount() const;
  // An array of frame objects {line, column, scriptName, functionName,
  // isEval, isConstructor} (V8 3.x's shape).
  Local<Array> AsArray();
  // Divergence: modern V8 always records every detail; `options` only
  // chooses what AsArray shows.
  static Local<StackTrace> CurrentStackTrace(
      int frame_limit, StackTraceOptions options = kOverview);
};

class Message {
 public:
  Local<String> Get() const;
  Local<String> GetSourceLine() const;
  Handle<Value> GetScriptResourceName() const;
  Handle<StackTrace> GetStackTrace() const;
  int GetLineNumber() const;
  int GetStartPosition() const;
  int GetEndPosition() const;
  int GetStartColumn() const;
  int GetEndColumn() const;
  static void PrintCurrentStackTrace(FILE* out);
  static const int kNoLineNumberInfo = 0;
  static const int kNoColumnInfo = 0;

  Handle<Value> GetScriptData() const COMPAT_UNSUPPORTED(
      "v8::Message::GetScriptData is not supported: script data is gone "
      "from V8; use v8::Message::GetScriptResourceName");
};

class TryCatch {
 public:
  TryCatch();
  ~TryCatch();
  bool HasCaught() const;
  bool CanContinue() const;
  Handle<Value> ReThrow();
  Local<Value> Exception() const;
  Local<Value> StackTrace() const;
  Local<legacy_v8::Message> Message() const;
  void Reset();
  void SetVerbose(bool value);
  void SetCaptureMessage(bool value);

 private:
  TryCatch(const TryCatch&);
  void operator=(const TryCatch&);
  void* operator new(size_t size);
  void operator delete(void*, size_t);

  friend struct compat::detail::FacadeAccess;
  void* storage_[10];  // the real v8::TryCatch
};

}  // namespace legacy
}  // namespace v8

#endif  // COMPAT_LEGACY_V8_EXCEPTIONS_H_
