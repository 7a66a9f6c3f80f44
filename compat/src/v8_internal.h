// v8_internal.h: how the runtime moves between facade handles (legacy_v8)
// and real V8 handles, and where it finds the one isolate legacy code lives
// in.  Included by the v8_*.cc and node_*.cc files, never by old code.
#ifndef COMPAT_SRC_V8_INTERNAL_H_
#define COMPAT_SRC_V8_INTERNAL_H_

#include <nan.h>

#include <cstring>

#include "../include/legacy/node.h"
#include "../include/legacy/v8.h"
#include "v8_version.h"

namespace compat {
namespace detail {

// Set when the addon is initialised on the main thread; legacy addons keep
// handles in statics, so they bind to exactly one isolate.
extern v8::Isolate* main_isolate;

// Static initialisers of old code may create handles while the addon is
// being loaded, before the module is initialised: V8 is entered then.
inline v8::Isolate* CurrentIsolate() {
  v8::Isolate* isolate = main_isolate;
  return isolate != nullptr ? isolate : v8::Isolate::GetCurrent();
}

inline v8::Local<v8::Context> CurrentContext() {
  return CurrentIsolate()->GetCurrentContext();
}

// A facade handle is the address of a handle slot, as is a v8::Local (and a
// v8::Persistent: Node core reads strong persistents through the same slot).
static_assert(sizeof(v8::Local<v8::Value>) == sizeof(void*),
              "v8::Local must be one slot pointer");

template <class T = v8::Value>
inline v8::Local<T> Real(const void* slot) {
  v8::Local<T> local;
  std::memcpy(static_cast<void*>(&local), &slot, sizeof slot);
  return local;
}

template <class T>
inline void* Slot(v8::Local<T> local) {
  void* slot;
  std::memcpy(&slot, static_cast<const void*>(&local), sizeof slot);
  return slot;
}

template <class F, class T>
inline legacy_v8::Local<F> Legacy(v8::Local<T> local) {
  return legacy_v8::Local<F>(static_cast<F*>(Slot(local)));
}

template <class F, class T>
inline legacy_v8::Local<F> Legacy(v8::MaybeLocal<T> maybe) {
  v8::Local<T> local;
  if (!maybe.ToLocal(&local)) return legacy_v8::Local<F>();
  return Legacy<F>(local);
}

template <class T, class F>
inline v8::Local<T> Real(legacy_v8::Handle<F> handle) {
  return Real<T>(static_cast<const void*>(*handle));
}

// Reports misuse by old code once on stderr and throws it as a JS TypeError
// (when V8 can take an exception now).
void ThrowMisuse(const char* format, ...) __attribute__((format(printf, 1, 2)));

// Old V8 dereferenced an empty handle and crashed.  Here a call on an empty
// handle reports "<api>: called on an empty handle" once, throws that as a
// JS TypeError and returns true, so the caller returns a neutral value.
bool ReportEmptySelf(const char* api);
inline bool EmptySelf(const void* self, const char* api) {
  if (__builtin_expect(self != nullptr, 1)) return false;
  return ReportEmptySelf(api);
}

// What a runtime member function may assume `this` holds.
template <class T> struct TypeOf;
#define COMPAT_TYPE_OF(Type, Predicate, Name)                  \
  template <>                                                  \
  struct TypeOf<v8::Type> {                                    \
    static bool Is(v8::Local<v8::Value> value) {               \
      return value->Predicate();                               \
    }                                                          \
    static constexpr const char* kName = Name;                 \
  };
COMPAT_TYPE_OF(Array, IsArray, "an array")
COMPAT_TYPE_OF(Date, IsDate, "a date")
COMPAT_TYPE_OF(External, IsExternal, "an external")
COMPAT_TYPE_OF(Function, IsFunction, "a function")
COMPAT_TYPE_OF(Number, IsNumber, "a number")
COMPAT_TYPE_OF(Object, IsObject, "an object")
COMPAT_TYPE_OF(String, IsString, "a string")
#undef COMPAT_TYPE_OF

// The value in slot as a T, or (having reported why: an empty handle, or a
// value of another type, which old V8 would have crashed on) false.
template <class T>
inline bool SelfAs(const void* slot, const char* api, v8::Local<T>* out) {
  if (EmptySelf(slot, api)) return false;
  v8::Local<v8::Value> value = Real(slot);
  if (__builtin_expect(!TypeOf<T>::Is(value), 0)) {
    ThrowMisuse("%s: the value is not %s", api, TypeOf<T>::kName);
    return false;
  }
  *out = value.template As<T>();
  return true;
}


struct FacadeAccess {
  static legacy_v8::Arguments MakeArguments(const void* info,
                                            const void* record, int length) {
    return legacy_v8::Arguments(info, record, length);
  }
  static const v8::FunctionCallbackInfo<v8::Value>& Info(
      const legacy_v8::Arguments& args) {
    return *static_cast<const v8::FunctionCallbackInfo<v8::Value>*>(
        args.info_);
  }
  static const void* Record(const legacy_v8::Arguments& args) {
    return args.record_;
  }
  template <class Real, class Facade>
  static Real* Storage(Facade* facade) {
    static_assert(sizeof(Real) <= sizeof(facade->storage_),
                  "facade storage too small for the real V8 object");
    static_assert(alignof(Real) <= alignof(void*),
                  "facade storage under-aligned for the real V8 object");
    return reinterpret_cast<Real*>(facade->storage_);
  }
  static bool& Closed(legacy_v8::HandleScope* scope) {
    return scope->closed_;
  }
};

}  // namespace detail
}  // namespace compat

// Runtime member functions begin with this: `this` is a slot address and
// may be null when old code calls through an empty handle.
#define COMPAT_SELF_OR(fallback, api) \
  if (::compat::detail::EmptySelf(this, api)) return fallback

#endif  // COMPAT_SRC_V8_INTERNAL_H_
