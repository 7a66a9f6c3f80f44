// v8_version.h: every difference between the V8/Node versions we build for
// (Node 20, 22, 24, 26), behind named gates and small helpers.  No other file
// of the runtime tests a version number.
#ifndef COMPAT_SRC_V8_VERSION_H_
#define COMPAT_SRC_V8_VERSION_H_

#include <node_version.h>
#include <v8-version.h>
#include <v8.h>

#include <cstddef>

#define COMPAT_V8_AT_LEAST(major, minor, build)                          \
  (V8_MAJOR_VERSION > (major) ||                                         \
   (V8_MAJOR_VERSION == (major) &&                                       \
    (V8_MINOR_VERSION > (minor) ||                                       \
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

namespace compat {
namespace version {

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

inline v8::Local<v8::External> NewExternal(v8::Isolate* isolate,
                                          void* value) {
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

}  // namespace version
}  // namespace compat

#endif  // COMPAT_SRC_V8_VERSION_H_
