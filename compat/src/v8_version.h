// v8_version.h: every difference between the V8/Node versions we build for
// (Node 20, 22, 24, 26), behind named gates and small helpers.  No other file
// of the runtime tests a version number.
#ifndef COMPAT_SRC_V8_VERSION_H_
#define COMPAT_SRC_V8_VERSION_H_

#include <node_version.h>
#include <v8-version.h>
#include <v8.h>

#include <cstddef>

#define COMPAT_V8_AT_LEAST(major, minor, build) \
  (V8_MAJOR_VERSION > (major) ||                \
   (V8_MAJOR_VERSION == (major) &&              \
    (V8_MINOR_VERSION > (minor) ||              \
     (V8_MINOR_VERSION == (minor) && V8_BUILD_NUMBER >= (build)))))

// FunctionCallbackInfo::Holder() is gone from V8 12.5.214 (Node 23+); it
// equals This() unless a hidden prototype is involved.
#define COMPAT_HAS_CALLBACK_HOLDER (!COMPAT_V8_AT_LEAST(12, 5, 214))

// String::Utf8LengthV2/WriteUtf8V2 appear in V8 13.3 and the old forms are
// removed in V8 14 (Node 26).
#define COMPAT_HAS_STRING_V2 COMPAT_V8_AT_LEAST(13, 3, 0)

// Object::GetPrototypeV2/SetPrototypeV2 replace the old pair from V8 13
// (Node 24); the old pair is gone in V8 14 (Node 26).
#define COMPAT_HAS_PROTOTYPE_V2 COMPAT_V8_AT_LEAST(13, 0, 0)

// Aligned pointers in internal fields carry an EmbedderDataTypeTag from V8
// 14.2.194 (Node 26).
#define COMPAT_HAS_EMBEDDER_DATA_TAG COMPAT_V8_AT_LEAST(14, 2, 194)

// External::New/Value take an ExternalPointerTypeTag where V8 defines this
// macro beside the new signatures (Node 26); Node and Chromium ship different
// V8 snapshots under one major version, so the macro is the reliable test.
#ifdef V8_EXTERNAL_POINTER_TAG_COUNT
#define COMPAT_HAS_EXTERNAL_TAG 1
#else
#define COMPAT_HAS_EXTERNAL_TAG 0
#endif

// Context::GetIsolate is gone from V8 14 (Node 26).
#define COMPAT_HAS_CONTEXT_GET_ISOLATE (!COMPAT_V8_AT_LEAST(14, 0, 0))

// Interceptors return v8::Intercepted (kYes/kNo) from V8 12.4 (Node 22; the
// void forms, where "intercepted" meant "set a return value", are gone from
// Node 23), and setters and deleters then get PropertyCallbackInfo<void> /
// <Boolean>.
#define COMPAT_HAS_INTERCEPTED COMPAT_V8_AT_LEAST(12, 4, 0)

// PropertyCallbackInfo::HolderV2 appears in V8 13.? (Node 24) and Holder()
// and This() are gone from it in V8 14.6 (Node 26).
#define COMPAT_HAS_PROPERTY_HOLDER_V2 COMPAT_V8_AT_LEAST(13, 6, 0)
#define COMPAT_HAS_PROPERTY_THIS (!COMPAT_V8_AT_LEAST(14, 6, 0))

// The isolate's handle scope data (the free part of the current handle
// block) sits at a published offset from V8 12 (Node 22); V8 11 (Node 20)
// keeps it in a private member.
#define COMPAT_HAS_HANDLE_SCOPE_DATA COMPAT_V8_AT_LEAST(12, 0, 0)

// ScriptOrigin's constructor drops its Isolate* parameter in V8 12 (Node
// 22 has both forms; Node 24 only the new one).
#define COMPAT_SCRIPT_ORIGIN_TAKES_ISOLATE (!COMPAT_V8_AT_LEAST(12, 0, 0))

// Object::GetCreationContext takes the isolate from V8 13.? (Node 24); the
// form without it is deprecated there.
#define COMPAT_HAS_CREATION_CONTEXT_ISOLATE COMPAT_V8_AT_LEAST(13, 6, 0)

// The isolate's continuation-preserved embedder data, where Node 24 keeps
// AsyncLocalStorage's frame (Node 22 too, under
// --experimental-async-context-frame): from V8 12.4, spelled V2 (a v8::Data)
// in V8 14.6, where the first spelling is deprecated.
#define COMPAT_HAS_CONTINUATION_DATA COMPAT_V8_AT_LEAST(12, 4, 0)
#define COMPAT_HAS_CONTINUATION_DATA_V2 COMPAT_V8_AT_LEAST(14, 6, 0)

namespace compat {
namespace version {

// Whether slot lies in the unused part of the isolate's current handle
// block: the slots of HandleScopes that have closed, not yet handed out
// again.  Always false where the bounds cannot be read (Node 20).
extern bool handle_scope_data_ok;
inline bool InFreeHandleArea(v8::Isolate* isolate, const void* slot) {
#if COMPAT_HAS_HANDLE_SCOPE_DATA
  if (!handle_scope_data_ok) return false;
  void* const* data = reinterpret_cast<void* const*>(
      reinterpret_cast<const char*>(isolate) +
      v8::internal::Internals::kIsolateHandleScopeDataOffset);
  // HandleScopeData starts with {Address* next; Address* limit;}.
  return slot >= data[0] && slot < data[1];
#else
  (void)isolate;
  (void)slot;
  return false;
#endif
}

// Reads the handle scope bounds for the start-up self-check: false where
// they cannot be read.
inline bool HandleScopeBounds(v8::Isolate* isolate, void** next, void** limit) {
#if COMPAT_HAS_HANDLE_SCOPE_DATA
  void* const* data = reinterpret_cast<void* const*>(
      reinterpret_cast<const char*>(isolate) +
      v8::internal::Internals::kIsolateHandleScopeDataOffset);
  *next = data[0];
  *limit = data[1];
  return true;
#else
  (void)isolate;
  *next = *limit = nullptr;
  return false;
#endif
}

// The receiver and the holder of an accessor or interceptor call.
template <class T>
inline v8::Local<v8::Object> PropertyHolder(
    const v8::PropertyCallbackInfo<T>& info) {
#if COMPAT_HAS_PROPERTY_HOLDER_V2
  return info.HolderV2();
#else
  return info.Holder();
#endif
}

template <class T>
inline v8::Local<v8::Object> PropertyThis(
    const v8::PropertyCallbackInfo<T>& info) {
#if COMPAT_HAS_PROPERTY_THIS
  return info.This();
#else
  // Divergence: V8 14.6 reports only the holder (the receiver may not even
  // be an object there); it is the receiver unless the accessor sits on a
  // prototype.
  return PropertyHolder(info);
#endif
}

// How an interceptor answers "intercepted or not": v8::Intercepted from V8
// 12.4, before that by setting a return value or not (Intercepted() is then
// a no-op whose void result a void trampoline may return).  Setters and
// deleters get PropertyCallbackInfo<void> with v8::Intercepted, <Value>
// before.
#if COMPAT_HAS_INTERCEPTED
using InterceptResult = v8::Intercepted;
using InterceptSetterInfo = void;
constexpr bool kSetterSignalsWithReturnValue = false;
inline v8::Intercepted Intercepted(bool yes) {
  return yes ? v8::Intercepted::kYes : v8::Intercepted::kNo;
}
#else
using InterceptResult = void;
using InterceptSetterInfo = v8::Value;
constexpr bool kSetterSignalsWithReturnValue = true;
inline void Intercepted(bool) {}
#endif

// Whether accessor callbacks can see their receiver (This) apart from the
// object that holds the accessor.
constexpr bool kPropertyInfoHasThis = COMPAT_HAS_PROPERTY_THIS;

// Copies count UTF-16 units of s from start into out (in range).
inline void ReadUnits(v8::Isolate* isolate, v8::Local<v8::String> s, int start,
                      int count, uint16_t* out) {
  if (count <= 0) return;
#if COMPAT_HAS_STRING_V2
  s->WriteV2(isolate, static_cast<uint32_t>(start),
             static_cast<uint32_t>(count), out);
#else
  s->Write(isolate, out, start, count, v8::String::NO_NULL_TERMINATION);
#endif
}

// Copies count units of s from start into out, each truncated to its low
// byte (in range).
inline void ReadLowBytes(v8::Isolate* isolate, v8::Local<v8::String> s,
                         int start, int count, uint8_t* out) {
  if (count <= 0) return;
#if COMPAT_HAS_STRING_V2
  s->WriteOneByteV2(isolate, static_cast<uint32_t>(start),
                    static_cast<uint32_t>(count), out);
#else
  s->WriteOneByte(isolate, out, start, count, v8::String::NO_NULL_TERMINATION);
#endif
}

inline v8::ScriptOrigin Origin(v8::Isolate* isolate, v8::Local<v8::Value> name,
                               int line_offset, int column_offset) {
#if COMPAT_SCRIPT_ORIGIN_TAKES_ISOLATE
  return v8::ScriptOrigin(isolate, name, line_offset, column_offset);
#else
  (void)isolate;
  return v8::ScriptOrigin(name, line_offset, column_offset);
#endif
}

inline v8::MaybeLocal<v8::Context> CreationContext(
    v8::Isolate* isolate, v8::Local<v8::Object> object) {
#if COMPAT_HAS_CREATION_CONTEXT_ISOLATE
  return object->GetCreationContext(isolate);
#else
  (void)isolate;
  return object->GetCreationContext();
#endif
}

// The isolate a context belongs to (the current one: module initializers
// run inside it).
inline v8::Isolate* IsolateOf(v8::Local<v8::Context> context) {
#if COMPAT_HAS_CONTEXT_GET_ISOLATE
  return context->GetIsolate();
#else
  (void)context;
  return v8::Isolate::GetCurrent();
#endif
}

inline v8::Local<v8::Object> Holder(
    const v8::FunctionCallbackInfo<v8::Value>& info) {
#if COMPAT_HAS_CALLBACK_HOLDER
  return info.Holder();
#else
  return info.This();
#endif
}

// Bytes of the UTF-8 encoding of s.
inline std::size_t Utf8Length(v8::Isolate* isolate, v8::Local<v8::String> s) {
#if COMPAT_HAS_STRING_V2
  return s->Utf8LengthV2(isolate);
#else
  return static_cast<std::size_t>(s->Utf8Length(isolate));
#endif
}

inline v8::Local<v8::Value> GetPrototype(v8::Local<v8::Object> object) {
#if COMPAT_HAS_PROTOTYPE_V2
  return object->GetPrototypeV2();
#else
  return object->GetPrototype();
#endif
}

inline v8::Maybe<bool> SetPrototype(v8::Local<v8::Context> context,
                                    v8::Local<v8::Object> object,
                                    v8::Local<v8::Value> prototype) {
#if COMPAT_HAS_PROTOTYPE_V2
  return object->SetPrototypeV2(context, prototype);
#else
  return object->SetPrototype(context, prototype);
#endif
}

inline v8::Local<v8::External> NewExternal(v8::Isolate* isolate, void* value) {
#if COMPAT_HAS_EXTERNAL_TAG
  return v8::External::New(isolate, value, v8::kExternalPointerTypeTagDefault);
#else
  return v8::External::New(isolate, value);
#endif
}

inline void* ExternalValue(v8::Local<v8::External> external) {
#if COMPAT_HAS_EXTERNAL_TAG
  return external->Value(v8::kExternalPointerTypeTagDefault);
#else
  return external->Value();
#endif
}

inline void* GetAlignedPointer(v8::Local<v8::Object> object, int index) {
#if COMPAT_HAS_EMBEDDER_DATA_TAG
  return object->GetAlignedPointerFromInternalField(
      index, v8::kEmbedderDataTypeTagDefault);
#else
  return object->GetAlignedPointerFromInternalField(index);
#endif
}

inline void SetAlignedPointer(v8::Local<v8::Object> object, int index,
                              void* value) {
#if COMPAT_HAS_EMBEDDER_DATA_TAG
  object->SetAlignedPointerInInternalField(index, value,
                                           v8::kEmbedderDataTypeTagDefault);
#else
  object->SetAlignedPointerInInternalField(index, value);
#endif
}


// The async context frame current when it was made (see
// COMPAT_HAS_CONTINUATION_DATA); nothing where V8 has none (Node 20, whose
// AsyncLocalStorage follows async_hooks alone).  node::CallbackScope does
// not restore it (only node::AsyncResource::MakeCallback does), so callers
// of old code's callbacks make it current inside their callback scope.
class ContextFrame {
 public:
#if COMPAT_HAS_CONTINUATION_DATA_V2
  using Data = v8::Data;
  static v8::Local<Data> Get(v8::Isolate* isolate) {
    return isolate->GetContinuationPreservedEmbedderDataV2();
  }
  static void Set(v8::Isolate* isolate, v8::Local<Data> data) {
    isolate->SetContinuationPreservedEmbedderDataV2(data);
  }
#elif COMPAT_HAS_CONTINUATION_DATA
  using Data = v8::Value;
  static v8::Local<Data> Get(v8::Isolate* isolate) {
    return isolate->GetContinuationPreservedEmbedderData();
  }
  static void Set(v8::Isolate* isolate, v8::Local<Data> data) {
    isolate->SetContinuationPreservedEmbedderData(data);
  }
#endif

  explicit ContextFrame(v8::Isolate* isolate) {
#if COMPAT_HAS_CONTINUATION_DATA
    frame_.Reset(isolate, Get(isolate));
#else
    (void)isolate;
#endif
  }

  // Makes a captured frame current while it lives, then the one before.
  // Inside a HandleScope (the prior frame is a Local: no global handle on
  // the callback path).
  class Scope {
   public:
    Scope(v8::Isolate* isolate, const ContextFrame& frame) {
#if COMPAT_HAS_CONTINUATION_DATA
      isolate_ = isolate;
      prior_ = Get(isolate);
      Set(isolate, frame.frame_.Get(isolate));
#else
      (void)isolate;
      (void)frame;
#endif
    }
    ~Scope() {
#if COMPAT_HAS_CONTINUATION_DATA
      Set(isolate_, prior_);
#endif
    }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
#if COMPAT_HAS_CONTINUATION_DATA
    v8::Isolate* isolate_;
    v8::Local<Data> prior_;
#endif
  };

 private:
#if COMPAT_HAS_CONTINUATION_DATA
  v8::Global<Data> frame_;
#endif
};

}  // namespace version
}  // namespace compat

#endif  // COMPAT_SRC_V8_VERSION_H_
