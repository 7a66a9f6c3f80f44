// v8_templates.cc: V8 3.x FunctionTemplate/ObjectTemplate/Signature and the
// trampoline that runs an old InvocationCallback (Handle<Value> F(const
// Arguments&)) as a modern FunctionCallback.
#include <vector>

#include "misuse.h"
#include "v8_callbacks.h"
#include "v8_version.h"

using compat::detail::CurrentContext;
using compat::detail::CurrentIsolate;
using compat::detail::FacadeAccess;
using compat::detail::Legacy;
using compat::detail::Real;
using compat::detail::Returnable;

namespace compat {
namespace detail {

void RunLegacyCallback(const v8::FunctionCallbackInfo<v8::Value>& info) {
  const CallbackRecord* record = RecordOf(info.Data());
  legacy_v8::Arguments args =
      FacadeAccess::MakeArguments(&info, record, info.Length());
  legacy_v8::Handle<legacy_v8::Value> result = record->callback(args);
  // An old callback that returns a local of its own, already closed,
  // HandleScope (forgetting scope.Close) worked by luck in V8 3.x and works
  // here for the same reason: release builds do not zap closed handle
  // slots, and nothing allocates a handle between the return and this read.
  if (!result.IsEmpty() &&
      Returnable(*result, "the return value of a native function"))
    info.GetReturnValue().Set(Real(*result));
}

std::unordered_set<CallbackRecord*>* LiveRecords() {
  // Leaked on purpose: records may be deleted during static destruction.
  static auto* live = new std::unordered_set<CallbackRecord*>;
  return live;
}

void FreeCallbackRecords(void*) {
  // After the cleanup hooks no JS runs, so no trampoline reads a record.
  std::unordered_set<CallbackRecord*> live;
  live.swap(*LiveRecords());
  for (CallbackRecord* record : live) delete record;
}

namespace {

// The PrototypeTemplates old code has asked for, so that accessors set on
// them can be installed the way V8 3.x ran them (see v8_accessors.cc).
// Few (one per class) and only searched when an accessor is added.
std::vector<v8::Global<v8::ObjectTemplate>*>* prototype_templates = nullptr;

v8::Local<v8::Value> NewCallbackData(legacy_v8::InvocationCallback callback,
                                     legacy_v8::Handle<legacy_v8::Value> data,
                                     CallbackRecord** out = nullptr) {
  CallbackRecord* record = new CallbackRecord;
  record->callback = callback;
  if (out != nullptr) *out = record;
  return CallbackData(record, data);
}

v8::Local<v8::FunctionTemplate> NewTemplate(
    legacy_v8::InvocationCallback callback,
    legacy_v8::Handle<legacy_v8::Value> data,
    legacy_v8::Handle<legacy_v8::Signature> signature) {
  v8::Isolate* isolate = CurrentIsolate();
  v8::Local<v8::Signature> real_signature;
  if (!signature.IsEmpty()) real_signature = Real<v8::Signature>(*signature);
  if (callback == nullptr)
    return v8::FunctionTemplate::New(isolate, nullptr, v8::Local<v8::Value>(),
                                     real_signature);
  CallbackRecord* record;
  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(
      isolate, RunLegacyCallback, NewCallbackData(callback, data, &record),
      real_signature);
  // Weak: the template owns the record, not the other way round.
  record->owner.Reset(isolate, tmpl);
  record->owner.SetWeak();
  return tmpl;
}

const v8::FunctionCallbackInfo<v8::Value>& Info(const legacy_v8::Arguments* a) {
  return FacadeAccess::Info(*a);
}

}  // namespace

void TemplateValue(v8::Local<v8::Name>,
                   const v8::PropertyCallbackInfo<v8::Value>& info) {
  info.GetReturnValue().Set(RecordOf(info.Data())->data);
}

bool IsPrototypeTemplate(v8::Local<v8::ObjectTemplate> tmpl) {
  if (prototype_templates == nullptr) return false;
  v8::Isolate* isolate = CurrentIsolate();
  for (v8::Global<v8::ObjectTemplate>* known : *prototype_templates)
    if (known->Get(isolate) == tmpl) return true;
  return false;
}

}  // namespace detail
}  // namespace compat

using compat::detail::CallbackRecord;
using compat::detail::Info;

legacy_v8::Local<legacy_v8::Value> legacy_v8::Arguments::operator[](
    int i) const {
  return Legacy<Value>(Info(this)[i]);
}

legacy_v8::Local<legacy_v8::Function> legacy_v8::Arguments::Callee() const {
  // Divergence: modern V8 no longer passes the callee; it is the function
  // the callback's FunctionTemplate makes in this context (one per
  // context, so the same function JavaScript called).
  const CallbackRecord* record =
      static_cast<const CallbackRecord*>(FacadeAccess::Record(*this));
  v8::Isolate* isolate = CurrentIsolate();
  if (record->call_as_function) {
    // V8 3.x (HandleApiCallAsFunction): the constructor of the called
    // object, which is This() and Holder() there as here.
    v8::Local<v8::Context> context = CurrentContext();
    v8::Local<v8::Value> constructor;
    if (Info(this)
            .This()
            ->Get(context,
                  v8::String::NewFromUtf8Literal(isolate, "constructor"))
            .ToLocal(&constructor) &&
        constructor->IsFunction())
      return Legacy<Function>(constructor);
  }
  if (record->owner.IsEmpty()) {
    compat::detail::ThrowMisuse(
        "v8::Arguments::Callee: the function is not one a FunctionTemplate "
        "made, and the called object has no constructor; no callee");
    return Local<Function>();
  }
  return Legacy<Function>(
      record->owner.Get(isolate)->GetFunction(CurrentContext()));
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
  v8::Local<v8::Data> data = Real<v8::Data>(*value);
  v8::PropertyAttribute attribute =
      static_cast<v8::PropertyAttribute>(attributes);
  if (!data->IsValue() || !data.As<v8::Value>()->IsObject()) {
    Real<v8::Template>(this)->Set(Real<v8::Name>(*name), data, attribute);
    return;
  }
  // V8 3.x let a template hold any value, typically a function
  // (NODE_SET_METHOD on a FunctionTemplate, for a static method); modern V8
  // takes only primitives and templates.  A lazy data property becomes a
  // plain data property holding that same object on first access.
  CallbackRecord* record = new CallbackRecord;
  Real<v8::Template>(this)->SetLazyDataProperty(
      Real<v8::Name>(*name), compat::detail::TemplateValue,
      compat::detail::CallbackData(
          record, Handle<Value>(reinterpret_cast<Value*>(*value))),
      attribute);
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

void legacy_v8::ObjectTemplate::SetCallAsFunctionHandler(
    InvocationCallback callback, Handle<Value> data) {
  COMPAT_SELF_OR(, "v8::ObjectTemplate::SetCallAsFunctionHandler");
  if (callback == nullptr) {
    compat::detail::ThrowMisuse(
        "v8::ObjectTemplate::SetCallAsFunctionHandler: null callback");
    return;
  }
  CallbackRecord* record = new CallbackRecord;
  record->callback = callback;
  record->call_as_function = true;
  Real<v8::ObjectTemplate>(this)->SetCallAsFunctionHandler(
      compat::detail::RunLegacyCallback,
      compat::detail::CallbackData(record, data));
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
    compat::Warn(
        "v8::Signature::New: argument type checks are not "
        "supported by modern V8 and are ignored");
  v8::Local<v8::FunctionTemplate> real_receiver;
  if (!receiver.IsEmpty())
    real_receiver = Real<v8::FunctionTemplate>(*receiver);
  return Legacy<Signature>(v8::Signature::New(CurrentIsolate(), real_receiver));
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
  CallbackRecord* record = new CallbackRecord;
  record->callback = callback;
  v8::Local<v8::FunctionTemplate> self = Real<v8::FunctionTemplate>(this);
  record->owner.Reset(CurrentIsolate(), self);
  record->owner.SetWeak();
  self->SetCallHandler(compat::detail::RunLegacyCallback,
                       compat::detail::CallbackData(record, data));
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
  v8::Local<v8::ObjectTemplate> prototype =
      Real<v8::FunctionTemplate>(this)->PrototypeTemplate();
  if (!compat::detail::IsPrototypeTemplate(prototype)) {
    using compat::detail::prototype_templates;
    if (prototype_templates == nullptr)
      prototype_templates = new std::vector<v8::Global<v8::ObjectTemplate>*>;
    v8::Global<v8::ObjectTemplate>* known =
        new v8::Global<v8::ObjectTemplate>(CurrentIsolate(), prototype);
    // Weak, so that templates old code drops can still go.
    known->SetWeak();
    prototype_templates->push_back(known);
  }
  return Legacy<ObjectTemplate>(prototype);
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

namespace {

// The templates old code flagged with SetHiddenPrototype(true).  Few (a
// program flags a class or two), so a list.
std::vector<v8::Global<v8::FunctionTemplate>>* hidden_prototypes = nullptr;

}  // namespace

void legacy_v8::FunctionTemplate::SetHiddenPrototype(bool value) {
  COMPAT_SELF_OR(, "v8::FunctionTemplate::SetHiddenPrototype");
  if (!value) return;
  if (hidden_prototypes == nullptr)
    hidden_prototypes = new std::vector<v8::Global<v8::FunctionTemplate>>;
  hidden_prototypes->emplace_back(CurrentIsolate(),
                                  Real<v8::FunctionTemplate>(this));
}

namespace compat {
namespace detail {

void CheckHiddenPrototype(v8::Local<v8::Value> prototype) {
  if (hidden_prototypes == nullptr || !prototype->IsObject()) return;
  v8::Isolate* isolate = CurrentIsolate();
  for (auto& tmpl : *hidden_prototypes) {
    if (!tmpl.Get(isolate)->HasInstance(prototype)) continue;
    Warn(
        "v8::FunctionTemplate::SetHiddenPrototype: an instance of a template "
        "flagged as a hidden prototype became an object's prototype; modern "
        "V8 has no hidden prototypes, so its properties are inherited, not "
        "the object's own (hasOwnProperty, Object.keys and "
        "GetRealNamedProperty see them differently)");
    return;
  }
}

}  // namespace detail
}  // namespace compat

void legacy_v8::FunctionTemplate::ReadOnlyPrototype() {
  COMPAT_SELF_OR(, "v8::FunctionTemplate::ReadOnlyPrototype");
  Real<v8::FunctionTemplate>(this)->ReadOnlyPrototype();
}

bool legacy_v8::FunctionTemplate::HasInstance(Handle<Value> object) {
  COMPAT_SELF_OR(false, "v8::FunctionTemplate::HasInstance");
  if (object.IsEmpty()) return false;
  return Real<v8::FunctionTemplate>(this)->HasInstance(Real(*object));
}
