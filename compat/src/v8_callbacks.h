// v8_callbacks.h: the records behind old callbacks (function callbacks,
// accessors, interceptors) that the runtime registers with V8 through
// trampolines.  Internal to v8_templates.cc and v8_accessors.cc.
#ifndef COMPAT_SRC_V8_CALLBACKS_H_
#define COMPAT_SRC_V8_CALLBACKS_H_

#include <unordered_set>

#include "v8_internal.h"

namespace compat {
namespace detail {

struct CallbackRecord;
// The records V8 has not collected (main thread only).
std::unordered_set<CallbackRecord*>* LiveRecords();

// What a callback's V8 data points to: the old callbacks and the data old
// code gave with them.  Each is owned by the External that V8 passes back
// as the callback data, and freed when V8 collects that External, or at
// environment teardown (FreeCallbackRecords), since V8 runs no weak
// callback when the isolate goes.
struct CallbackRecord {
  CallbackRecord() { LiveRecords()->insert(this); }
  ~CallbackRecord() { LiveRecords()->erase(this); }
  CallbackRecord(const CallbackRecord&) = delete;
  CallbackRecord& operator=(const CallbackRecord&) = delete;

  // Function callbacks (FunctionTemplate::New, SetCallHandler,
  // ObjectTemplate::SetCallAsFunctionHandler).
  legacy_v8::InvocationCallback callback = nullptr;
  // Accessors.
  legacy_v8::AccessorGetter getter = nullptr;
  legacy_v8::AccessorSetter setter = nullptr;
  // Interceptors.
  legacy_v8::NamedPropertyGetter named_getter = nullptr;
  legacy_v8::NamedPropertySetter named_setter = nullptr;
  legacy_v8::NamedPropertyQuery named_query = nullptr;
  legacy_v8::NamedPropertyDeleter named_deleter = nullptr;
  legacy_v8::NamedPropertyEnumerator named_enumerator = nullptr;
  legacy_v8::IndexedPropertyGetter indexed_getter = nullptr;
  legacy_v8::IndexedPropertySetter indexed_setter = nullptr;
  legacy_v8::IndexedPropertyQuery indexed_query = nullptr;
  legacy_v8::IndexedPropertyDeleter indexed_deleter = nullptr;
  legacy_v8::IndexedPropertyEnumerator indexed_enumerator = nullptr;

  v8::Global<v8::Value> data;
  // An accessor's property name (prototype accessors are JS functions that
  // are not told which property they serve).
  v8::Global<v8::String> name;
  // The template whose function this is (weak; Arguments::Callee).
  v8::Global<v8::FunctionTemplate> owner;
  // An ObjectTemplate's call-as-function handler: the callee is the called
  // object's constructor.
  bool call_as_function = false;
  // An accessor's AccessorSignature: the template its receiver must be an
  // instance of.
  v8::Global<v8::FunctionTemplate> receiver;
  v8::Global<v8::External> holder;

  // V8 allows only resetting the collected handle in the first pass; the
  // record (and its handles) goes in the second.
  static void Collected(const v8::WeakCallbackInfo<CallbackRecord>& info) {
    // From now on the second pass owns it, not teardown.
    LiveRecords()->erase(info.GetParameter());
    info.GetParameter()->holder.Reset();
    info.SetSecondPassCallback(Free);
  }
  static void Free(const v8::WeakCallbackInfo<CallbackRecord>& info) {
    delete info.GetParameter();
  }
};

// The External that carries record as V8 callback data (and owns it).
inline v8::Local<v8::External> CallbackData(
    CallbackRecord* record, legacy_v8::Handle<legacy_v8::Value> data) {
  v8::Isolate* isolate = CurrentIsolate();
  if (!data.IsEmpty()) record->data.Reset(isolate, Real(*data));
  v8::Local<v8::External> external =
      compat::version::NewExternal(isolate, record);
  record->holder.Reset(isolate, external);
  record->holder.SetWeak(record, CallbackRecord::Collected,
                         v8::WeakCallbackType::kParameter);
  return external;
}

inline CallbackRecord* RecordOf(v8::Local<v8::Value> data) {
  return static_cast<CallbackRecord*>(
      compat::version::ExternalValue(data.As<v8::External>()));
}

// Which v8::PropertyCallbackInfo an AccessorInfo wraps.
enum AccessorInfoKind {
  kInfoValue,    // PropertyCallbackInfo<v8::Value>
  kInfoVoid,     // PropertyCallbackInfo<void>
  kInfoInteger,  // PropertyCallbackInfo<v8::Integer>
  kInfoBoolean,  // PropertyCallbackInfo<v8::Boolean>
  kInfoArray,    // PropertyCallbackInfo<v8::Array>
  kInfoFunction  // FunctionCallbackInfo<v8::Value> (prototype accessors)
};

// The trampoline every old InvocationCallback runs through.
void RunLegacyCallback(const v8::FunctionCallbackInfo<v8::Value>& info);

// The getter of a lazy data property holding an object a template was
// given (Template::Set).
void TemplateValue(v8::Local<v8::Name> name,
                   const v8::PropertyCallbackInfo<v8::Value>& info);

// Whether tmpl is (or was) the PrototypeTemplate of some FunctionTemplate.
bool IsPrototypeTemplate(v8::Local<v8::ObjectTemplate> tmpl);

}  // namespace detail
}  // namespace compat

#endif  // COMPAT_SRC_V8_CALLBACKS_H_
