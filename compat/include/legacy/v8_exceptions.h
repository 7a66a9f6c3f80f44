// legacy/v8_exceptions.h: ThrowException, Exception, TryCatch and Message of
// V8 3.x.
#ifndef COMPAT_LEGACY_V8_EXCEPTIONS_H_
#define COMPAT_LEGACY_V8_EXCEPTIONS_H_

#include "v8_objects.h"

namespace legacy_v8 {

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

class Message {
 public:
  Local<String> Get() const;
  Local<String> GetSourceLine() const;
  Handle<Value> GetScriptResourceName() const;
  int GetLineNumber() const;
  int GetStartColumn() const;
  int GetEndColumn() const;
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

}  // namespace legacy_v8

#endif  // COMPAT_LEGACY_V8_EXCEPTIONS_H_
