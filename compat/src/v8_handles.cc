// v8_handles.cc: V8 3.x local handles (Local::New, Handle::Cast checks) and
// HandleScope on real V8 handle slots, plus the environment legacy code is
// bound to (isolate, context, thread) and the checks every facade call makes
// on the handle it goes through.
#include <pthread.h>

#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <new>

#include "misuse.h"
#include "v8_internal.h"

namespace compat {
namespace version {

bool handle_scope_data_ok = false;

}  // namespace version

namespace detail {

v8::Isolate* main_isolate = nullptr;

namespace {

v8::Global<v8::Context>* main_context = nullptr;
pthread_t main_thread;
bool main_thread_known = false;

bool IsCastType(v8::Local<v8::Value> value, int type) {
  switch (type) {
    case kCastArray:
      return value->IsArray();
    case kCastBoolean:
      return value->IsBoolean();
    case kCastDate:
      return value->IsDate();
    case kCastExternal:
      return value->IsExternal();
    case kCastFunction:
      return value->IsFunction();
    // V8 3.x checked Integer, Int32 and Uint32 casts with IsNumber.
    case kCastInt32:
      return value->IsNumber();
    case kCastInteger:
      return value->IsNumber();
    case kCastNumber:
      return value->IsNumber();
    case kCastObject:
      return value->IsObject();
    case kCastRegExp:
      return value->IsRegExp();
    case kCastString:
      return value->IsString();
    case kCastUint32:
      return value->IsNumber();
    case kCastBooleanObject:
      return value->IsBooleanObject();
    case kCastNumberObject:
      return value->IsNumberObject();
    case kCastStringObject:
      return value->IsStringObject();
  }
  return false;
}

void ForgetMainContext(void*) { main_context->Reset(); }

// The bounds of the free part of the handle block are read from V8's
// published layout; check once that they move the way that layout says
// before any facade call relies on them.
void CheckHandleScopeData(v8::Isolate* isolate) {
  v8::HandleScope scope(isolate);
  void* next;
  void* limit;
  if (!version::HandleScopeBounds(isolate, &next, &limit)) return;
  v8::Local<v8::Value> probe = v8::Integer::New(isolate, 1);
  void* after_next;
  void* after_limit;
  version::HandleScopeBounds(isolate, &after_next, &after_limit);
  // A new handle block may have started: then the probe is its first slot.
  void** slot = static_cast<void**>(Slot(probe));
  version::handle_scope_data_ok =
      after_next == static_cast<void*>(slot + 1) && after_limit > after_next;
}

}  // namespace

void BindMainEnvironment(v8::Isolate* isolate, v8::Local<v8::Context> context,
                         v8::Local<v8::Value> module) {
  (void)module;
  main_isolate = isolate;
  main_thread = pthread_self();
  main_thread_known = true;
  // Leaked on purpose: weak callbacks may ask for it until the process
  // ends; the cleanup hook empties it when the environment goes.
  main_context = new v8::Global<v8::Context>(isolate, context);
  // Node runs cleanup hooks newest first: the records go last.
  node::AddEnvironmentCleanupHook(isolate, FreeCallbackRecords, nullptr);
  node::AddEnvironmentCleanupHook(isolate, ForgetMainContext, nullptr);
  CheckHandleScopeData(isolate);
}

bool EnvironmentGone() {
  return main_context != nullptr && main_context->IsEmpty();
}

v8::Local<v8::Context> MainContext() {
  if (main_context == nullptr || main_context->IsEmpty())
    return v8::Local<v8::Context>();
  return main_context->Get(main_isolate);
}

bool OnMainThread() {
  return !main_thread_known || pthread_equal(pthread_self(), main_thread);
}

void CheckMainThread(const char* api) {
  if (__builtin_expect(OnMainThread(), 1)) return;
  Fatal(
      "%s: called on a thread other than the main thread. V8 may only be "
      "used on the main thread (node 0.x crashed here sooner or later); "
      "hand the work back with ev_async_send or an eio done callback",
      api);
}

void* NewLocal(void* slot) {
  if (slot == nullptr) return nullptr;
  if (!UsableHandle(slot, "v8::Local<T>::New")) return nullptr;
  v8::Isolate* isolate = CurrentIsolate();
  return Slot(v8::Local<v8::Value>::New(isolate, Real(slot)));
}

void* CheckCast(void* slot, int type, const char* api) {
  // Divergence: V8 3.x release builds did not check casts; a wrong one
  // crashed later, inside whatever used the handle.  We report the cast and
  // return the handle unchanged, so code that casts first and checks the
  // type afterwards keeps working, and the facade method that finally
  // misuses the value throws a TypeError instead of crashing.  undefined and
  // null pass silently: casting an optional argument first and testing it
  // with IsFunction() later is correct old code (the optional-callback
  // idiom), and a use of it as that type still reports.
  if (slot == nullptr || !UsableHandle(slot, api)) return slot;
  v8::Local<v8::Value> value = Real(slot);
  if (!value->IsNullOrUndefined() && !IsCastType(value, type))
    Warn(
        "%s: the value is not of that type (old V8 would crash when it is "
        "used as one)",
        api);
  return slot;
}

bool ReportBadHandle(const void* slot, const char* api) {
  if (slot == nullptr) {
    ThrowMisuse("%s: called on an empty handle", api);
    return true;
  }
  if (dead_cell_count != 0 && IsDeadCell(slot)) {
    // V8 3.x: the object was still there during the weak callback.
    ThrowMisuse(
        "%s: the object was garbage collected (this handle was made "
        "weak and its weak callback is running or about to run); modern "
        "V8 frees the object before the callback runs",
        api);
    return true;
  }
  if (InClosedScope(slot)) {
    ThrowMisuse(
        "%s: the handle was used after its HandleScope closed "
        "(return it with scope.Close(value), or keep it in a "
        "Persistent)",
        api);
    return true;
  }
  return false;
}

void ThrowMisuse(const char* format, ...) {
  char text[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(text, sizeof text, format, args);
  va_end(args);
  Warn("%s", text);
  v8::Isolate* isolate = CurrentIsolate();
  if (isolate == nullptr || !isolate->InContext()) return;
  v8::HandleScope scope(isolate);
  v8::Local<v8::String> message;
  if (!v8::String::NewFromUtf8(isolate, text).ToLocal(&message)) return;
  isolate->ThrowException(v8::Exception::TypeError(message));
}

}  // namespace detail
}  // namespace compat

using compat::detail::CurrentIsolate;
using compat::detail::FacadeAccess;
using compat::detail::Real;
using compat::detail::Slot;

legacy_v8::HandleScope::HandleScope() : closed_(false) {
  compat::detail::CheckMainThread("v8::HandleScope");
  ::new (FacadeAccess::Storage<v8::HandleScope>(this))
      v8::HandleScope(CurrentIsolate());
}

legacy_v8::HandleScope::~HandleScope() {
  if (!closed_) FacadeAccess::Storage<v8::HandleScope>(this)->~HandleScope();
}

void* legacy_v8::HandleScope::CloseWith(void* slot) {
  if (closed_) {
    // V8 3.x: "Local scope has already been closed" (a fatal API error).
    compat::detail::ThrowMisuse(
        "v8::HandleScope::Close: the scope was already closed");
    return nullptr;
  }
  v8::Isolate* isolate = CurrentIsolate();
  // V8 3.x: read the value, leave the scope, then make a handle to it in
  // the enclosing scope; handles made after Close land there too.  Nothing
  // between the read and the new handle can move the object (no
  // allocation on the JS heap).
  // A collected weak object's cell (its old callback running or pending: a
  // wrapper cache handing out handle_ after a collection) holds nothing to
  // read: reported and thrown, and the scope closes on an empty handle.
  bool dead = slot != nullptr &&
              !compat::detail::Returnable(slot, "v8::HandleScope::Close");
  void* value =
      slot != nullptr && !dead ? *static_cast<void**>(slot) : nullptr;
  FacadeAccess::Storage<v8::HandleScope>(this)->~HandleScope();
  closed_ = true;
  if (slot == nullptr || dead) return nullptr;
  return Slot(v8::Local<v8::Value>::New(isolate, Real(&value)));
}

int legacy_v8::HandleScope::NumberOfHandles() {
  return v8::HandleScope::NumberOfHandles(CurrentIsolate());
}
