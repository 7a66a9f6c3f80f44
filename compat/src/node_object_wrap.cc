// node_object_wrap.cc: the checks and clean-up behind node::ObjectWrap's
// inline members (legacy/node_object_wrap.h).
#include "misuse.h"
#include "v8_internal.h"

namespace compat {
namespace detail {

namespace {

// The object in slot, which must have internal field 0; aborts otherwise:
// old code dereferences what Unwrap returns (node 0.x asserted here).
v8::Local<v8::Object> FieldHolder(void* slot, const char* api) {
  if (slot == nullptr) Fatal("%s: called with an empty handle", api);
  if (!UsableHandle(slot, api))
    Fatal("%s: the handle cannot be used (see the message above)", api);
  v8::Local<v8::Value> value = Real(slot);
  if (!value->IsObject()) Fatal("%s: the value is not an object", api);
  v8::Local<v8::Object> object = value.As<v8::Object>();
  if (object->InternalFieldCount() < 1)
    Fatal(
        "%s: the object has no internal field (it was not made by a "
        "constructor whose InstanceTemplate has SetInternalFieldCount(1); "
        "node 0.x asserted here)",
        api);
  return object;
}

}  // namespace

void* UnwrapField(void* object, const char* api) {
  FieldHolder(object, api);
  return static_cast<legacy_v8::Object*>(object)->GetPointerFromInternalField(
      0);
}

void WrapField(void* object, void* wrapper) {
  FieldHolder(object, "node::ObjectWrap::Wrap");
  static_cast<legacy_v8::Object*>(object)->SetPointerInInternalField(0,
                                                                     wrapper);
}

void ReleaseWrapper(void* handle, void* wrapper) {
  if (!IsNearDeathGlobal(handle)) {
    // The C++ object goes while its JS object lives (old code deleted it
    // itself): the JS object must no longer lead to it.
    v8::HandleScope scope(CurrentIsolate());
    v8::Local<v8::Value> value = Real(handle);
    if (value->IsObject() && value.As<v8::Object>()->InternalFieldCount() > 0 &&
        static_cast<legacy_v8::Object*>(handle)->GetPointerFromInternalField(
            0) == wrapper)
      value.As<v8::Object>()->SetInternalField(0,
                                               v8::Undefined(CurrentIsolate()));
  }
  ClearWeakGlobal(handle);
  DisposeGlobal(handle);
}

void ReportWrapMisuse(const char* message) { ThrowMisuse("%s", message); }

}  // namespace detail
}  // namespace compat
