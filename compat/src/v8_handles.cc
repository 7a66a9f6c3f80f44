// v8_handles.cc: V8 3.x handles (Local::New, Persistent::New/Dispose,
// Handle::Cast checks) and HandleScope, on real V8 handle slots.
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <new>

#include "misuse.h"
#include "v8_internal.h"

namespace compat {
namespace detail {

v8::Isolate* main_isolate = nullptr;

namespace {

bool IsCastType(v8::Local<v8::Value> value, int type) {
  switch (type) {
    case kCastArray: return value->IsArray();
    case kCastBoolean: return value->IsBoolean();
    case kCastDate: return value->IsDate();
    case kCastExternal: return value->IsExternal();
    case kCastFunction: return value->IsFunction();
    // V8 3.x checked Integer, Int32 and Uint32 casts with IsNumber.
    case kCastInt32: return value->IsNumber();
    case kCastInteger: return value->IsNumber();
    case kCastNumber: return value->IsNumber();
    case kCastObject: return value->IsObject();
    case kCastRegExp: return value->IsRegExp();
    case kCastString: return value->IsString();
    case kCastUint32: return value->IsNumber();
  }
  return false;
}

}  // namespace

void* NewLocal(void* slot) {
  if (slot == nullptr) return nullptr;
  v8::Isolate* isolate = CurrentIsolate();
  return Slot(v8::Local<v8::Value>::New(isolate, Real(slot)));
}

void* NewGlobal(void* slot) {
  if (slot == nullptr) return nullptr;
  // A v8::Persistent with the default traits does not reset its cell when
  // destroyed: the cell now belongs to the facade handle.
  v8::Persistent<v8::Value> cell(CurrentIsolate(), Real(slot));
  void* global;
  static_assert(sizeof cell == sizeof global, "Persistent is one pointer");
  std::memcpy(&global, static_cast<const void*>(&cell), sizeof global);
  return global;
}

void DisposeGlobal(void* slot) {
  if (slot == nullptr) return;
  v8::Persistent<v8::Value> cell;
  std::memcpy(static_cast<void*>(&cell), &slot, sizeof slot);
  cell.Reset();
}

void* CheckCast(void* slot, int type, const char* api) {
  // Divergence: V8 3.x release builds did not check casts; a wrong one
  // crashed later, inside whatever used the handle.  We report the cast and
  // return the handle unchanged, so code that casts first and checks the
  // type afterwards keeps working, and the facade method that finally
  // misuses the value throws a TypeError instead of crashing.
  if (slot != nullptr && !IsCastType(Real(slot), type))
    Warn("%s: the value is not of that type (old V8 would crash when it is "
         "used as one)", api);
  return slot;
}

bool ReportEmptySelf(const char* api) {
  ThrowMisuse("%s: called on an empty handle", api);
  return true;
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

using compat::detail::FacadeAccess;
using compat::detail::CurrentIsolate;
using compat::detail::Real;
using compat::detail::Slot;

legacy_v8::HandleScope::HandleScope() : closed_(false) {
  ::new (FacadeAccess::Storage<v8::EscapableHandleScope>(this))
      v8::EscapableHandleScope(CurrentIsolate());
}

legacy_v8::HandleScope::~HandleScope() {
  if (!closed_)
    FacadeAccess::Storage<v8::EscapableHandleScope>(this)
        ->~EscapableHandleScope();
}

void* legacy_v8::HandleScope::CloseWith(void* slot) {
  if (closed_) {
    // V8 3.x: "Local scope has already been closed" (a fatal API error).
    compat::detail::ThrowMisuse(
        "v8::HandleScope::Close: the scope was already closed");
    return nullptr;
  }
  v8::EscapableHandleScope* scope =
      FacadeAccess::Storage<v8::EscapableHandleScope>(this);
  void* escaped = nullptr;
  if (slot != nullptr) escaped = Slot(scope->Escape(Real(slot)));
  // V8 3.x: Close leaves the scope at once; later handles land outside.
  scope->~EscapableHandleScope();
  closed_ = true;
  return escaped;
}

int legacy_v8::HandleScope::NumberOfHandles() {
  return v8::HandleScope::NumberOfHandles(CurrentIsolate());
}
