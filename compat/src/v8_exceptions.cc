// v8_exceptions.cc: V8 3.x ThrowException, Exception::*Error, TryCatch and
// Message on the real ones.
#include <cstdio>
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
  if (text.IsEmpty() || !compat::detail::SelfAs(*text, api, &message))
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

#define COMPAT_EXCEPTION(Name)                                               \
  legacy_v8::Local<legacy_v8::Value> legacy_v8::Exception::Name(             \
      Handle<String> message) {                                              \
    return Legacy<Value>(                                                    \
        v8::Exception::Name(MessageText(message, "v8::Exception::" #Name))); \
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

legacy_v8::Handle<legacy_v8::Value> legacy_v8::Message::GetScriptResourceName()
    const {
  COMPAT_SELF_OR(Handle<Value>(), "v8::Message::GetScriptResourceName");
  return Legacy<Value>(Real<v8::Message>(this)->GetScriptResourceName());
}

int legacy_v8::Message::GetLineNumber() const {
  COMPAT_SELF_OR(0, "v8::Message::GetLineNumber");
  return Real<v8::Message>(this)->GetLineNumber(CurrentContext()).FromMaybe(0);
}

legacy_v8::Handle<legacy_v8::StackTrace> legacy_v8::Message::GetStackTrace()
    const {
  COMPAT_SELF_OR(Handle<StackTrace>(), "v8::Message::GetStackTrace");
  v8::Local<v8::StackTrace> trace = Real<v8::Message>(this)->GetStackTrace();
  if (trace.IsEmpty()) return Handle<StackTrace>();
  return Legacy<StackTrace>(trace);
}

int legacy_v8::Message::GetStartPosition() const {
  COMPAT_SELF_OR(0, "v8::Message::GetStartPosition");
  return Real<v8::Message>(this)->GetStartPosition();
}

int legacy_v8::Message::GetEndPosition() const {
  COMPAT_SELF_OR(0, "v8::Message::GetEndPosition");
  return Real<v8::Message>(this)->GetEndPosition();
}

void legacy_v8::Message::PrintCurrentStackTrace(FILE* out) {
  if (out == NULL) return;
  v8::Isolate* isolate = CurrentIsolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::StackTrace> trace = v8::StackTrace::CurrentStackTrace(
      isolate, 100, v8::StackTrace::kDetailed);
  for (int i = 0; i < trace->GetFrameCount(); i++) {
    v8::Local<v8::StackFrame> frame = trace->GetFrame(isolate, i);
    v8::String::Utf8Value function(isolate, frame->GetFunctionName());
    v8::String::Utf8Value script(isolate, frame->GetScriptName());
    std::fprintf(
        out, "    at %s (%s:%d:%d)\n",
        *function != nullptr && **function != '\0' ? *function : "<anonymous>",
        *script != nullptr ? *script : "<unknown>", frame->GetLineNumber(),
        frame->GetColumn());
  }
}

int legacy_v8::Message::GetStartColumn() const {
  COMPAT_SELF_OR(0, "v8::Message::GetStartColumn");
  return Real<v8::Message>(this)->GetStartColumn();
}

int legacy_v8::Message::GetEndColumn() const {
  COMPAT_SELF_OR(0, "v8::Message::GetEndColumn");
  return Real<v8::Message>(this)->GetEndColumn();
}

legacy_v8::Local<legacy_v8::StackFrame> legacy_v8::StackTrace::GetFrame(
    uint32_t index) const {
  COMPAT_SELF_OR(Local<StackFrame>(), "v8::StackTrace::GetFrame");
  v8::Local<v8::StackTrace> trace = Real<v8::StackTrace>(this);
  if (index >= static_cast<uint32_t>(trace->GetFrameCount()))
    return Local<StackFrame>();
  return Legacy<StackFrame>(trace->GetFrame(CurrentIsolate(), index));
}

int legacy_v8::StackTrace::GetFrameCount() const {
  COMPAT_SELF_OR(0, "v8::StackTrace::GetFrameCount");
  return Real<v8::StackTrace>(this)->GetFrameCount();
}

legacy_v8::Local<legacy_v8::Array> legacy_v8::StackTrace::AsArray() {
  COMPAT_SELF_OR(Local<Array>(), "v8::StackTrace::AsArray");
  // V8 3.x's frame objects: {line, column, scriptName, functionName,
  // isEval, isConstructor}.
  v8::Isolate* isolate = CurrentIsolate();
  v8::Local<v8::Context> context = CurrentContext();
  v8::Local<v8::StackTrace> trace = Real<v8::StackTrace>(this);
  int count = trace->GetFrameCount();
  v8::Local<v8::Array> frames = v8::Array::New(isolate, count);
  for (int i = 0; i < count; i++) {
    v8::Local<v8::StackFrame> frame = trace->GetFrame(isolate, i);
    v8::Local<v8::Object> entry = v8::Object::New(isolate);
    v8::Local<v8::Value> script = frame->GetScriptName();
    v8::Local<v8::Value> function = frame->GetFunctionName();
    if (script.IsEmpty()) script = v8::Undefined(isolate);
    if (function.IsEmpty()) function = v8::Undefined(isolate);
    bool ok =
        entry
            ->Set(context, Nan::New("line").ToLocalChecked(),
                  v8::Integer::New(isolate, frame->GetLineNumber()))
            .FromMaybe(false) &&
        entry
            ->Set(context, Nan::New("column").ToLocalChecked(),
                  v8::Integer::New(isolate, frame->GetColumn()))
            .FromMaybe(false) &&
        entry->Set(context, Nan::New("scriptName").ToLocalChecked(), script)
            .FromMaybe(false) &&
        entry->Set(context, Nan::New("functionName").ToLocalChecked(), function)
            .FromMaybe(false) &&
        entry
            ->Set(context, Nan::New("isEval").ToLocalChecked(),
                  v8::Boolean::New(isolate, frame->IsEval()))
            .FromMaybe(false) &&
        entry
            ->Set(context, Nan::New("isConstructor").ToLocalChecked(),
                  v8::Boolean::New(isolate, frame->IsConstructor()))
            .FromMaybe(false) &&
        frames->Set(context, i, entry).FromMaybe(false);
    if (!ok) return Local<Array>();
  }
  return Legacy<Array>(frames);
}

legacy_v8::Local<legacy_v8::StackTrace>
legacy_v8::StackTrace::CurrentStackTrace(int frame_limit,
                                         StackTraceOptions options) {
  (void)options;
  return Legacy<StackTrace>(v8::StackTrace::CurrentStackTrace(
      CurrentIsolate(), frame_limit, v8::StackTrace::kDetailed));
}

int legacy_v8::StackFrame::GetLineNumber() const {
  COMPAT_SELF_OR(0, "v8::StackFrame::GetLineNumber");
  return Real<v8::StackFrame>(this)->GetLineNumber();
}

int legacy_v8::StackFrame::GetColumn() const {
  COMPAT_SELF_OR(0, "v8::StackFrame::GetColumn");
  return Real<v8::StackFrame>(this)->GetColumn();
}

legacy_v8::Local<legacy_v8::String> legacy_v8::StackFrame::GetScriptName()
    const {
  COMPAT_SELF_OR(Local<String>(), "v8::StackFrame::GetScriptName");
  v8::Local<v8::String> name = Real<v8::StackFrame>(this)->GetScriptName();
  if (name.IsEmpty()) return Local<String>();
  return Legacy<String>(name);
}

legacy_v8::Local<legacy_v8::String>
legacy_v8::StackFrame::GetScriptNameOrSourceURL() const {
  COMPAT_SELF_OR(Local<String>(), "v8::StackFrame::GetScriptNameOrSourceURL");
  v8::Local<v8::String> name =
      Real<v8::StackFrame>(this)->GetScriptNameOrSourceURL();
  if (name.IsEmpty()) return Local<String>();
  return Legacy<String>(name);
}

legacy_v8::Local<legacy_v8::String> legacy_v8::StackFrame::GetFunctionName()
    const {
  COMPAT_SELF_OR(Local<String>(), "v8::StackFrame::GetFunctionName");
  v8::Local<v8::String> name = Real<v8::StackFrame>(this)->GetFunctionName();
  if (name.IsEmpty()) return Local<String>();
  return Legacy<String>(name);
}

bool legacy_v8::StackFrame::IsEval() const {
  COMPAT_SELF_OR(false, "v8::StackFrame::IsEval");
  return Real<v8::StackFrame>(this)->IsEval();
}

bool legacy_v8::StackFrame::IsConstructor() const {
  COMPAT_SELF_OR(false, "v8::StackFrame::IsConstructor");
  return Real<v8::StackFrame>(this)->IsConstructor();
}
