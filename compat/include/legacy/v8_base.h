// legacy/v8_base.h: what every part of the V8 3.x facade shares: forward
// declarations, the handle type check, the compile-time refusal of APIs the
// SDK cannot provide, and the runtime entry points the inline parts of the
// facade call.
//
// The facade declares the old API in namespace v8::legacy (legacy_v8, see
// namespaces.h) and never includes the real V8 headers.  The
// runtime (compat/src), compiled against the real headers, defines the member
// functions declared here.  A facade handle holds the address of a real V8
// handle slot, exactly what v8::Local holds, so `this` inside a facade
// member function is that slot.  Valid C++98.
#ifndef COMPAT_LEGACY_V8_BASE_H_
#define COMPAT_LEGACY_V8_BASE_H_

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "namespaces.h"

namespace v8 {
namespace legacy {

class AccessorInfo;
class AccessorSignature;
class Arguments;
class Array;
class Boolean;
class Context;
class Data;
class Date;
class External;
class Function;
class FunctionTemplate;
class Int32;
class Integer;
class Isolate;
class Message;
class Number;
class Object;
class ObjectTemplate;
class Primitive;
class RegExp;
class Script;
class Signature;
class StackFrame;
class StackTrace;
class String;
class Template;
class TryCatch;
class Uint32;
class Value;
template <class T>
class Handle;
template <class T>
class Local;
template <class T>
class Persistent;

// V8 3.x: called during garbage collection when only weak handles to the
// object remain.
typedef void (*WeakReferenceCallback)(Persistent<Value> object,
                                      void* parameter);

}  // namespace legacy
}  // namespace v8

namespace compat {
namespace detail {

// Grants the runtime access to facade internals (Arguments, AccessorInfo).
struct FacadeAccess;

// Runtime entry points behind the facade's inline templates.  Each takes and
// returns handle slot addresses.
void* NewLocal(void* slot);
void* NewGlobal(void* slot);
void DisposeGlobal(void* slot);
void MakeWeakGlobal(void* slot, void* parameter,
                    legacy_v8::WeakReferenceCallback callback);
void ClearWeakGlobal(void* slot);
void MarkIndependentGlobal(void* slot);
bool IsNearDeathGlobal(void* slot);
bool IsWeakGlobal(void* slot);
void SetWrapperClassIdGlobal(void* slot, uint16_t class_id);
// Reports a failed Handle<T>::Cast (old code casting to the wrong type) and
// returns slot unchanged, as old V8 did; later calls on it fail cleanly.
void* CheckCast(void* slot, int type, const char* api);

// Type codes for CheckCast.
enum CastType {
  kCastArray = 1,
  kCastBoolean,
  kCastDate,
  kCastExternal,
  kCastFunction,
  kCastInt32,
  kCastInteger,
  kCastNumber,
  kCastObject,
  kCastRegExp,
  kCastString,
  kCastUint32,
  kCastBooleanObject,
  kCastNumberObject,
  kCastStringObject
};

}  // namespace detail
}  // namespace compat

// Fails to compile when a handle of S is assigned to a handle of an unrelated
// T (old V8's TYPE_CHECK).
#define COMPAT_V8_TYPE_CHECK(T, S)                        \
  while (false) {                                         \
    *(static_cast<T* volatile*>(0)) = static_cast<S*>(0); \
  }

// An old API that cannot work on modern V8 or Node is declared with this:
// old code that calls it fails to compile with `message`, which names the
// API and what to use instead (GCC and Clang report it as "call to '...'
// declared with attribute error: <message>").  Never a silent misbehaviour.
#define COMPAT_UNSUPPORTED(message) __attribute__((error(message)))

// Every legacy translation unit references the runtime's module glue, so the
// linker takes it from the static runtime library even for an addon that
// only defines a bare `extern "C" void init(Handle<Object>)`.
extern "C" char compat_runtime_anchor;
static char* const compat__runtime_anchor_ref __attribute__((used)) =
    &compat_runtime_anchor;

#endif  // COMPAT_LEGACY_V8_BASE_H_
