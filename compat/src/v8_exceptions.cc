// v8_exceptions.cc: V8 3.x ThrowException, Exception::*Error, TryCatch and
// Message on the real ones.
#include <new>

#include "misuse.h"
#include "v8_internal.h"

using compat::detail::CurrentContext;
using compat::detail::CurrentIsolate;
using compat::detail::FacadeAccess;
using compat::detail::Legacy;
using compat::detail::Real;

namespace {

v8::TryCatch* RealTryCatch(legacy_v8::TryCatch* facade) {
  return FacadeAccess::Storage<v8::TryCatch>(facade);
}

const v8::TryCatch* RealTryCatch(const legacy_v8::TryCatch* facade) {
  return FacadeAccess::Storage<v8::TryCatch>(
      const_cast<legacy_v8::TryCatch*>(facade));
}

// Exception::*Error(message): V8 3.x took any string handle; an empty one is
// old code's bug, reported, and made the empty string.
v8::Local<v8::String> MessageText(legacy_v8::Handle<legacy_v8::String> text,
                                  const char* api) {
  v8::Local<v8::String> message;
  if (text.IsEmpty() ||
      !compat::detail::SelfAs(*text, api, &message))
    return v8::String::Empty(CurrentIsolate());
  return message;
}

}  // namespace

legacy_v8::Handle<legacy_v8::Value> legacy_v8::ThrowException(
    Handle<Value> exception) {
  v8::Isolate* isolate = CurrentIsolate();
  if (exception.IsEmpty()) {
    compat::detail::ThrowMisuse("v8::ThrowException: empty exception handle");
    return Legacy<Value>(v8::Undefined(isolate));
  }
  return Legacy<Value>(isolate->ThrowException(Real(*exception)));
}

#define COMPAT_EXCEPTION(Name)                                            \
  legacy_v8::Local<legacy_v8::Value> legacy_v8::Exception::Name(          \
      Handle<String> message) {                                           \
    return Legacy<Value>(v8::Exception::Name(                             \
        MessageText(message, "v8::Exception::" #Name)));                  \
  }

COMPAT_EXCEPTION(Error)
COMPAT_EXCEPTION(TypeError)
COMPAT_EXCEPTION(RangeError)
COMPAT_EXCEPTION(ReferenceError)
COMPAT_EXCEPTION(SyntaxError)

#undef COMPAT_EXCEPTION

legacy_v8::TryCatch::TryCatch() {
  ::new (FacadeAccess::Storage<v8::TryCatch>(this))
      v8::TryCatch(CurrentIsolate());
}

legacy_v8::TryCatch::~TryCatch() { RealTryCatch(this)->~TryCatch(); }

bool legacy_v8::TryCatch::HasCaught() const {
  return RealTryCatch(this)->HasCaught();
}

bool legacy_v8::TryCatch::CanContinue() const {
  return RealTryCatch(this)->CanContinue();
}

legacy_v8::Handle<legacy_v8::Value> legacy_v8::TryCatch::ReThrow() {
  return Legacy<Value>(RealTryCatch(this)->ReThrow());
}

legacy_v8::Local<legacy_v8::Value> legacy_v8::TryCatch::Exception() const {
  return Legacy<Value>(RealTryCatch(this)->Exception());
}

legacy_v8::Local<legacy_v8::Value> legacy_v8::TryCatch::StackTrace() const {
  return Legacy<Value>(RealTryCatch(this)->StackTrace(CurrentContext()));
}

legacy_v8::Local<legacy_v8::Message> legacy_v8::TryCatch::Message() const {
  return Legacy<legacy_v8::Message>(RealTryCatch(this)->Message());
}

void legacy_v8::TryCatch::Reset() { RealTryCatch(this)->Reset(); }

void legacy_v8::TryCatch::SetVerbose(bool value) {
  RealTryCatch(this)->SetVerbose(value);
}

void legacy_v8::TryCatch::SetCaptureMessage(bool value) {
  RealTryCatch(this)->SetCaptureMessage(value);
}

legacy_v8::Local<legacy_v8::String> legacy_v8::Message::Get() const {
  COMPAT_SELF_OR(Local<String>(), "v8::Message::Get");
  return Legacy<String>(Real<v8::Message>(this)->Get());
}

legacy_v8::Local<legacy_v8::String> legacy_v8::Message::GetSourceLine() const {
  COMPAT_SELF_OR(Local<String>(), "v8::Message::GetSourceLine");
  return Legacy<String>(
      Real<v8::Message>(this)->GetSourceLine(CurrentContext()));
}

legacy_v8::Handle<legacy_v8::Value>
legacy_v8::Message::GetScriptResourceName() const {
  COMPAT_SELF_OR(Handle<Value>(), "v8::Message::GetScriptResourceName");
  return Legacy<Value>(Real<v8::Message>(this)->GetScriptResourceName());
}

int legacy_v8::Message::GetLineNumber() const {
  COMPAT_SELF_OR(0, "v8::Message::GetLineNumber");
  return Real<v8::Message>(this)->GetLineNumber(CurrentContext()).FromMaybe(0);
}

int legacy_v8::Message::GetStartColumn() const {
  COMPAT_SELF_OR(0, "v8::Message::GetStartColumn");
  return Real<v8::Message>(this)->GetStartColumn();
}

int legacy_v8::Message::GetEndColumn() const {
  COMPAT_SELF_OR(0, "v8::Message::GetEndColumn");
  return Real<v8::Message>(this)->GetEndColumn();
}
