// v8_context.cc: V8 3.x Context, Isolate and V8:: statics on the isolate and
// context legacy code runs in.
#include "misuse.h"
#include "v8_internal.h"

using compat::detail::CurrentContext;
using compat::detail::CurrentIsolate;
using compat::detail::Legacy;
using compat::detail::Real;

legacy_v8::Isolate* legacy_v8::Isolate::GetCurrent() {
  // Opaque to old code; only compared and passed back to the facade.
  return reinterpret_cast<Isolate*>(CurrentIsolate());
}

legacy_v8::Local<legacy_v8::Context> legacy_v8::Context::GetCurrent() {
  return Legacy<Context>(CurrentContext());
}

legacy_v8::Local<legacy_v8::Context> legacy_v8::Context::GetEntered() {
  return Legacy<Context>(CurrentIsolate()->GetEnteredOrMicrotaskContext());
}

legacy_v8::Local<legacy_v8::Context> legacy_v8::Context::GetCalling() {
  // Divergence: modern V8 no longer exposes the calling context; in node
  // there is one context, so the current one is what old code got.
  return Legacy<Context>(CurrentContext());
}

bool legacy_v8::Context::InContext() { return CurrentIsolate()->InContext(); }

legacy_v8::Local<legacy_v8::Object> legacy_v8::Context::Global() {
  COMPAT_SELF_OR(Local<Object>(), "v8::Context::Global");
  return Legacy<Object>(Real<v8::Context>(this)->Global());
}

void legacy_v8::Context::Enter() {
  COMPAT_SELF_OR(, "v8::Context::Enter");
  Real<v8::Context>(this)->Enter();
}

void legacy_v8::Context::Exit() {
  COMPAT_SELF_OR(, "v8::Context::Exit");
  Real<v8::Context>(this)->Exit();
}

const char* legacy_v8::V8::GetVersion() { return v8::V8::GetVersion(); }

int legacy_v8::V8::AdjustAmountOfExternalAllocatedMemory(int change) {
  return static_cast<int>(Nan::AdjustExternalMemory(change));
}

void legacy_v8::V8::LowMemoryNotification() {
  CurrentIsolate()->LowMemoryNotification();
}

bool legacy_v8::V8::IdleNotification(int hint) {
  // Divergence: modern V8 decides its own idle work; the call only asks it
  // to use some idle time and always reports "more to do" as false.
  (void)hint;
  return true;
}
