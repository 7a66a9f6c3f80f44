// v8_templates.cc: V8 3.x FunctionTemplate/ObjectTemplate/Signature and the
// trampoline that runs an old InvocationCallback (Handle<Value> F(const
// Arguments&)) as a modern FunctionCallback.
#include "misuse.h"
#include "v8_internal.h"
#include "v8_version.h"

using compat::detail::CurrentContext;
using compat::detail::CurrentIsolate;
using compat::detail::FacadeAccess;
using compat::detail::Legacy;
using compat::detail::Real;

namespace compat {
namespace detail {
namespace {

// What a template's callback data points to: the old callback and the data
// old code gave with it.  Freed when V8 collects the External holding it.
struct CallbackRecord {
  legacy_v8::InvocationCallback callback;
  v8::Global<v8::Value> data;
  v8::Global<v8::External> holder;

  // V8 allows only resetting the collected handle in the first pass; the
  // record (and its data handle) goes in the second.
  static void Collected(const v8::WeakCallbackInfo<CallbackRecord>& info) {
    info.GetParameter()->holder.Reset();
    info.SetSecondPassCallback(Free);
  }
  static void Free(const v8::WeakCallbackInfo<CallbackRecord>& info) {
    delete info.GetParameter();
  }
};

void RunLegacyCallback(const v8::FunctionCallbackInfo<v8::Value>& info) {
  const CallbackRecord* record = static_cast<const CallbackRecord*>(
      compat::version::ExternalValue(info.Data().As<v8::External>()));
  legacy_v8::Arguments args =
      FacadeAccess::MakeArguments(&info, record, info.Length());
  legacy_v8::Handle<legacy_v8::Value> result = record->callback(args);
  // An old callback that returns a local of its own, already closed,
  // HandleScope (forgetting scope.Close) worked by luck in V8 3.x and works
  // here for the same reason: release builds do not zap closed handle
  // slots, and nothing allocates a handle between the return and this read.
  if (!result.IsEmpty()) info.GetReturnValue().Set(Real(*result));
}

v8::Local<v8::Value> CallbackData(legacy_v8::InvocationCallback callback,
                                  legacy_v8::Handle<legacy_v8::Value> data) {
  v8::Isolate* isolate = CurrentIsolate();
  CallbackRecord* record = new CallbackRecord;
  record->callback = callback;
  if (!data.IsEmpty()) record->data.Reset(isolate, Real(*data));
  v8::Local<v8::External> external =
      compat::version::NewExternal(isolate, record);
  record->holder.Reset(isolate, external);
  record->holder.SetWeak(record, CallbackRecord::Collected,
                         v8::WeakCallbackType::kParameter);
  return external;
}

v8::Local<v8::FunctionTemplate> NewTemplate(
    legacy_v8::InvocationCallback callback,
    legacy_v8::Handle<legacy_v8::Value> data,
    legacy_v8::Handle<legacy_v8::Signature> signature) {
  v8::Local<v8::Signature> real_signature;
  if (!signature.IsEmpty()) real_signature = Real<v8::Signature>(*signature);
  if (callback == nullptr)
    return v8::FunctionTemplate::New(CurrentIsolate(), nullptr,
                                     v8::Local<v8::Value>(), real_signature);
  return v8::FunctionTemplate::New(CurrentIsolate(), RunLegacyCallback,
                                   CallbackData(callback, data),
                                   real_signature);
}

const v8::FunctionCallbackInfo<v8::Value>& Info(const legacy_v8::Arguments* a) {
  return FacadeAccess::Info(*a);
}

}  // namespace
}  // namespace detail
}  // namespace compat

using compat::detail::CallbackRecord;
using compat::detail::Info;

legacy_v8::Local<legacy_v8::Value> legacy_v8::Arguments::operator[](
    int i) const {
  return Legacy<Value>(Info(this)[i]);
}

legacy_v8::Local<legacy_v8::Object> legacy_v8::Arguments::This() const {
  return Legacy<Object>(Info(this).This());
}

legacy_v8::Local<legacy_v8::Object> legacy_v8::Arguments::Holder() const {
  return Legacy<Object>(compat::version::Holder(Info(this)));
}

bool legacy_v8::Arguments::IsConstructCall() const {
  return Info(this).IsConstructCall();
}

legacy_v8::Local<legacy_v8::Value> legacy_v8::Arguments::Data() const {
  const CallbackRecord* record =
      static_cast<const CallbackRecord*>(FacadeAccess::Record(*this));
  if (record->data.IsEmpty())
    return Legacy<Value>(v8::Undefined(CurrentIsolate()));
  return Legacy<Value>(record->data.Get(CurrentIsolate()));
}

legacy_v8::Isolate* legacy_v8::Arguments::GetIsolate() const {
  return reinterpret_cast<Isolate*>(CurrentIsolate());
}

void legacy_v8::Template::Set(Handle<String> name, Handle<Data> value,
                              PropertyAttribute attributes) {
  COMPAT_SELF_OR(, "v8::Template::Set");
  if (name.IsEmpty() || value.IsEmpty()) {
    compat::detail::ThrowMisuse("v8::Template::Set: empty name or value");
    return;
  }
  Real<v8::Template>(this)->Set(Real<v8::Name>(*name), Real<v8::Data>(*value),
                                static_cast<v8::PropertyAttribute>(attributes));
}

void legacy_v8::Template::Set(const char* name, Handle<Data> value) {
  Set(String::NewSymbol(name), value);
}

legacy_v8::Local<legacy_v8::ObjectTemplate> legacy_v8::ObjectTemplate::New() {
  return Legacy<ObjectTemplate>(v8::ObjectTemplate::New(CurrentIsolate()));
}

legacy_v8::Local<legacy_v8::Object> legacy_v8::ObjectTemplate::NewInstance() {
  COMPAT_SELF_OR(Local<Object>(), "v8::ObjectTemplate::NewInstance");
  return Legacy<Object>(
      Real<v8::ObjectTemplate>(this)->NewInstance(CurrentContext()));
}

int legacy_v8::ObjectTemplate::InternalFieldCount() {
  COMPAT_SELF_OR(0, "v8::ObjectTemplate::InternalFieldCount");
  return Real<v8::ObjectTemplate>(this)->InternalFieldCount();
}

void legacy_v8::ObjectTemplate::SetInternalFieldCount(int value) {
  COMPAT_SELF_OR(, "v8::ObjectTemplate::SetInternalFieldCount");
  Real<v8::ObjectTemplate>(this)->SetInternalFieldCount(value);
}

legacy_v8::Local<legacy_v8::Signature> legacy_v8::Signature::New(
    Handle<FunctionTemplate> receiver, int argc,
    Handle<FunctionTemplate> argv[]) {
  // Divergence: modern V8 has no argument signatures (argc/argv); only the
  // receiver check ("Illegal invocation") remains.
  if (argc != 0 && argv != 0)
    compat::Warn("v8::Signature::New: argument type checks are not "
                 "supported by modern V8 and are ignored");
  v8::Local<v8::FunctionTemplate> real_receiver;
  if (!receiver.IsEmpty())
    real_receiver = Real<v8::FunctionTemplate>(*receiver);
  return Legacy<Signature>(
      v8::Signature::New(CurrentIsolate(), real_receiver));
}

legacy_v8::Local<legacy_v8::FunctionTemplate> legacy_v8::FunctionTemplate::New(
    InvocationCallback callback, Handle<Value> data,
    Handle<Signature> signature) {
  return Legacy<FunctionTemplate>(
      compat::detail::NewTemplate(callback, data, signature));
}

legacy_v8::Local<legacy_v8::Function>
legacy_v8::FunctionTemplate::GetFunction() {
  COMPAT_SELF_OR(Local<Function>(), "v8::FunctionTemplate::GetFunction");
  return Legacy<Function>(
      Real<v8::FunctionTemplate>(this)->GetFunction(CurrentContext()));
}

void legacy_v8::FunctionTemplate::SetCallHandler(InvocationCallback callback,
                                                 Handle<Value> data) {
  COMPAT_SELF_OR(, "v8::FunctionTemplate::SetCallHandler");
  if (callback == nullptr) {
    compat::detail::ThrowMisuse(
        "v8::FunctionTemplate::SetCallHandler: null callback");
    return;
  }
  Real<v8::FunctionTemplate>(this)->SetCallHandler(
      compat::detail::RunLegacyCallback,
      compat::detail::CallbackData(callback, data));
}

legacy_v8::Local<legacy_v8::ObjectTemplate>
legacy_v8::FunctionTemplate::InstanceTemplate() {
  COMPAT_SELF_OR(Local<ObjectTemplate>(),
                 "v8::FunctionTemplate::InstanceTemplate");
  return Legacy<ObjectTemplate>(
      Real<v8::FunctionTemplate>(this)->InstanceTemplate());
}

legacy_v8::Local<legacy_v8::ObjectTemplate>
legacy_v8::FunctionTemplate::PrototypeTemplate() {
  COMPAT_SELF_OR(Local<ObjectTemplate>(),
                 "v8::FunctionTemplate::PrototypeTemplate");
  return Legacy<ObjectTemplate>(
      Real<v8::FunctionTemplate>(this)->PrototypeTemplate());
}

void legacy_v8::FunctionTemplate::Inherit(Handle<FunctionTemplate> parent) {
  COMPAT_SELF_OR(, "v8::FunctionTemplate::Inherit");
  if (parent.IsEmpty()) {
    compat::detail::ThrowMisuse(
        "v8::FunctionTemplate::Inherit: the parent is an empty handle");
    return;
  }
  Real<v8::FunctionTemplate>(this)->Inherit(
      Real<v8::FunctionTemplate>(*parent));
}

void legacy_v8::FunctionTemplate::SetClassName(Handle<String> name) {
  COMPAT_SELF_OR(, "v8::FunctionTemplate::SetClassName");
  if (name.IsEmpty()) return;
  Real<v8::FunctionTemplate>(this)->SetClassName(Real<v8::String>(*name));
}

void legacy_v8::FunctionTemplate::SetHiddenPrototype(bool value) {
  // Divergence: hidden prototypes are gone from modern V8.
  (void)value;
  compat::Warn("v8::FunctionTemplate::SetHiddenPrototype: hidden "
               "prototypes no longer exist in V8; ignored");
}

void legacy_v8::FunctionTemplate::ReadOnlyPrototype() {
  COMPAT_SELF_OR(, "v8::FunctionTemplate::ReadOnlyPrototype");
  Real<v8::FunctionTemplate>(this)->ReadOnlyPrototype();
}

bool legacy_v8::FunctionTemplate::HasInstance(Handle<Value> object) {
  COMPAT_SELF_OR(false, "v8::FunctionTemplate::HasInstance");
  if (object.IsEmpty()) return false;
  return Real<v8::FunctionTemplate>(this)->HasInstance(Real(*object));
}
