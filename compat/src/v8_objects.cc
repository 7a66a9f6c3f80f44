// v8_objects.cc: V8 3.x Object, Array, Function, Date and External on real
// V8 objects.  Old calls took no context and returned plain values; they
// run in the current context and return what V8 3.x returned on an
// exception (false, an empty handle, NaN).
#include <cstdint>
#include <limits>

#include "misuse.h"
#include "v8_internal.h"
#include "v8_version.h"

using compat::detail::CurrentContext;
using compat::detail::CurrentIsolate;
using compat::detail::Legacy;
using compat::detail::Real;
using compat::detail::SelfAs;

namespace {

// Property keys that old code passed as any value become names here.
bool KeyName(legacy_v8::Handle<legacy_v8::Value> key, const char* api,
             v8::Local<v8::Name>* out) {
  if (key.IsEmpty()) {
    compat::detail::ThrowMisuse("%s: the key is an empty handle", api);
    return false;
  }
  if (!compat::detail::UsableHandle(*key, api)) return false;
  v8::Local<v8::Value> value = Real(*key);
  if (value->IsName()) {
    *out = value.As<v8::Name>();
    return true;
  }
  v8::Local<v8::String> name;
  if (!value->ToString(CurrentContext()).ToLocal(&name)) return false;
  *out = name;
  return true;
}

bool CheckValue(legacy_v8::Handle<legacy_v8::Value> value, const char* api) {
  if (value.IsEmpty()) {
    compat::detail::ThrowMisuse("%s: the value is an empty handle", api);
    return false;
  }
  // A dangling local or a collected weak object, reported like `this`.
  return compat::detail::UsableHandle(*value, api);
}

// Internal fields hold either an aligned pointer or an External (for the odd
// addresses that V8 3.x accepted and modern aligned fields cannot hold).
bool IsAligned(void* pointer) {
  return (reinterpret_cast<std::uintptr_t>(pointer) & 1) == 0;
}

bool CheckField(v8::Local<v8::Object> object, int index, const char* api) {
  if (index >= 0 && index < object->InternalFieldCount()) return true;
  compat::detail::ThrowMisuse(
      "%s: internal field %d out of range (the object has %d; set "
      "SetInternalFieldCount on its template)",
      api, index, object->InternalFieldCount());
  return false;
}

}  // namespace

bool legacy_v8::Object::Set(Handle<Value> key, Handle<Value> value,
                            PropertyAttribute attribs) {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::Set", &self)) return false;
  if (!CheckValue(value, "v8::Object::Set")) return false;
  if (attribs == None) {
    if (!CheckValue(key, "v8::Object::Set")) return false;
    return self->Set(CurrentContext(), Real(*key), Real(*value))
        .FromMaybe(false);
  }
  v8::Local<v8::Name> name;
  if (!KeyName(key, "v8::Object::Set", &name)) return false;
  return self
      ->DefineOwnProperty(CurrentContext(), name, Real(*value),
                          static_cast<v8::PropertyAttribute>(attribs))
      .FromMaybe(false);
}

bool legacy_v8::Object::Set(uint32_t index, Handle<Value> value) {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::Set", &self)) return false;
  if (!CheckValue(value, "v8::Object::Set")) return false;
  return self->Set(CurrentContext(), index, Real(*value)).FromMaybe(false);
}

bool legacy_v8::Object::ForceSet(Handle<Value> key, Handle<Value> value,
                                 PropertyAttribute attribs) {
  v8::Local<v8::Object> self;
  v8::Local<v8::Name> name;
  if (!SelfAs(this, "v8::Object::ForceSet", &self)) return false;
  if (!CheckValue(value, "v8::Object::ForceSet")) return false;
  if (!KeyName(key, "v8::Object::ForceSet", &name)) return false;
  return self
      ->DefineOwnProperty(CurrentContext(), name, Real(*value),
                          static_cast<v8::PropertyAttribute>(attribs))
      .FromMaybe(false);
}

legacy_v8::Local<legacy_v8::Value> legacy_v8::Object::Get(Handle<Value> key) {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::Get", &self)) return Local<Value>();
  if (!CheckValue(key, "v8::Object::Get")) return Local<Value>();
  return Legacy<Value>(self->Get(CurrentContext(), Real(*key)));
}

legacy_v8::Local<legacy_v8::Value> legacy_v8::Object::Get(uint32_t index) {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::Get", &self)) return Local<Value>();
  return Legacy<Value>(self->Get(CurrentContext(), index));
}

bool legacy_v8::Object::Has(Handle<String> key) {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::Has", &self)) return false;
  if (!CheckValue(key, "v8::Object::Has")) return false;
  return self->Has(CurrentContext(), Real(*key)).FromMaybe(false);
}

bool legacy_v8::Object::Has(uint32_t index) {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::Has", &self)) return false;
  return self->Has(CurrentContext(), index).FromMaybe(false);
}

bool legacy_v8::Object::Delete(Handle<String> key) {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::Delete", &self)) return false;
  if (!CheckValue(key, "v8::Object::Delete")) return false;
  return self->Delete(CurrentContext(), Real(*key)).FromMaybe(false);
}

bool legacy_v8::Object::Delete(uint32_t index) {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::Delete", &self)) return false;
  return self->Delete(CurrentContext(), index).FromMaybe(false);
}

bool legacy_v8::Object::ForceDelete(Handle<Value> key) {
  // Divergence: V8 3.x ForceDelete also removed DontDelete properties;
  // modern V8 offers no way to, so this is an ordinary delete.
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::ForceDelete", &self)) return false;
  if (!CheckValue(key, "v8::Object::ForceDelete")) return false;
  return self->Delete(CurrentContext(), Real(*key)).FromMaybe(false);
}

bool legacy_v8::Object::HasOwnProperty(Handle<String> key) {
  v8::Local<v8::Object> self;
  v8::Local<v8::Name> name;
  if (!SelfAs(this, "v8::Object::HasOwnProperty", &self)) return false;
  if (!KeyName(key, "v8::Object::HasOwnProperty", &name)) return false;
  return self->HasOwnProperty(CurrentContext(), name).FromMaybe(false);
}

legacy_v8::Local<legacy_v8::Array> legacy_v8::Object::GetPropertyNames() {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::GetPropertyNames", &self))
    return Local<Array>();
  return Legacy<Array>(self->GetPropertyNames(CurrentContext()));
}

legacy_v8::Local<legacy_v8::Array> legacy_v8::Object::GetOwnPropertyNames() {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::GetOwnPropertyNames", &self))
    return Local<Array>();
  return Legacy<Array>(self->GetOwnPropertyNames(CurrentContext()));
}

legacy_v8::Local<legacy_v8::Value> legacy_v8::Object::GetPrototype() {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::GetPrototype", &self)) return Local<Value>();
  return Legacy<Value>(compat::version::GetPrototype(self));
}

bool legacy_v8::Object::SetPrototype(Handle<Value> prototype) {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::SetPrototype", &self)) return false;
  if (!CheckValue(prototype, "v8::Object::SetPrototype")) return false;
  compat::detail::CheckHiddenPrototype(Real(*prototype));
  return compat::version::SetPrototype(CurrentContext(), self, Real(*prototype))
      .FromMaybe(false);
}

legacy_v8::Local<legacy_v8::String> legacy_v8::Object::ObjectProtoToString() {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::ObjectProtoToString", &self))
    return Local<String>();
  return Legacy<String>(self->ObjectProtoToString(CurrentContext()));
}

legacy_v8::Local<legacy_v8::String> legacy_v8::Object::GetConstructorName() {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::GetConstructorName", &self))
    return Local<String>();
  return Legacy<String>(self->GetConstructorName());
}

int legacy_v8::Object::InternalFieldCount() {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::InternalFieldCount", &self)) return 0;
  return self->InternalFieldCount();
}

legacy_v8::Local<legacy_v8::Value> legacy_v8::Object::GetInternalField(
    int index) {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::GetInternalField", &self) ||
      !CheckField(self, index, "v8::Object::GetInternalField"))
    return Local<Value>();
  return Legacy<Value>(self->GetInternalField(index).As<v8::Value>());
}

void legacy_v8::Object::SetInternalField(int index, Handle<Value> value) {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::SetInternalField", &self) ||
      !CheckField(self, index, "v8::Object::SetInternalField") ||
      !CheckValue(value, "v8::Object::SetInternalField"))
    return;
  self->SetInternalField(index, Real(*value));
}

void* legacy_v8::Object::GetPointerFromInternalField(int index) {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::GetPointerFromInternalField", &self) ||
      !CheckField(self, index, "v8::Object::GetPointerFromInternalField"))
    return nullptr;
  v8::Local<v8::Value> field = self->GetInternalField(index).As<v8::Value>();
  // An aligned pointer reads back as a small integer, never as an External.
  if (field->IsExternal())
    return compat::version::ExternalValue(field.As<v8::External>());
  if (field->IsUndefined() || field->IsNull()) return nullptr;
  return compat::version::GetAlignedPointer(self, index);
}

void legacy_v8::Object::SetPointerInInternalField(int index, void* value) {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::SetPointerInInternalField", &self) ||
      !CheckField(self, index, "v8::Object::SetPointerInInternalField"))
    return;
  if (IsAligned(value))
    compat::version::SetAlignedPointer(self, index, value);
  else
    self->SetInternalField(
        index, compat::version::NewExternal(CurrentIsolate(), value));
}

int legacy_v8::Object::GetIdentityHash() {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::GetIdentityHash", &self)) return 0;
  return self->GetIdentityHash();
}

legacy_v8::Local<legacy_v8::Object> legacy_v8::Object::Clone() {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::Clone", &self)) return Local<Object>();
  return Legacy<Object>(self->Clone());
}

legacy_v8::Local<legacy_v8::Object> legacy_v8::Object::New() {
  return Legacy<Object>(v8::Object::New(CurrentIsolate()));
}

uint32_t legacy_v8::Array::Length() const {
  v8::Local<v8::Array> self;
  if (!SelfAs(this, "v8::Array::Length", &self)) return 0;
  return self->Length();
}

legacy_v8::Local<legacy_v8::Array> legacy_v8::Array::New(int length) {
  return Legacy<Array>(v8::Array::New(CurrentIsolate(), length));
}

legacy_v8::Local<legacy_v8::Object> legacy_v8::Function::NewInstance() const {
  return NewInstance(0, nullptr);
}

legacy_v8::Local<legacy_v8::Object> legacy_v8::Function::NewInstance(
    int argc, Handle<Value> argv[]) const {
  v8::Local<v8::Function> self;
  if (!SelfAs(this, "v8::Function::NewInstance", &self)) return Local<Object>();
  // Handle<Value>[] and v8::Local<v8::Value>[] are arrays of slot pointers.
  compat::detail::RealArgs real_args(argc, argv);
  v8::Local<v8::Value>* args = real_args.get();
  if (argc == 3) compat::detail::CheckFastBufferIdiom(self, argc, args);
  return Legacy<Object>(self->NewInstance(CurrentContext(), argc, args));
}

legacy_v8::Local<legacy_v8::Value> legacy_v8::Function::Call(
    Handle<Object> recv, int argc, Handle<Value> argv[]) {
  v8::Local<v8::Function> self;
  if (!SelfAs(this, "v8::Function::Call", &self)) return Local<Value>();
  v8::Local<v8::Value> receiver =
      recv.IsEmpty() ? v8::Local<v8::Value>(v8::Undefined(CurrentIsolate()))
                     : Real(*recv);
  for (int i = 0; i < argc; i++)
    if (!CheckValue(argv[i], "v8::Function::Call")) return Local<Value>();
  compat::detail::RealArgs real_args(argc, argv);
  v8::Local<v8::Value>* args = real_args.get();
  if (argc == 3) compat::detail::CheckFastBufferIdiom(self, argc, args);
  return Legacy<Value>(self->Call(CurrentContext(), receiver, argc, args));
}

void legacy_v8::Function::SetName(Handle<String> name) {
  v8::Local<v8::Function> self;
  v8::Local<v8::String> real_name;
  if (!SelfAs(this, "v8::Function::SetName", &self) ||
      !SelfAs(*name, "v8::Function::SetName", &real_name))
    return;
  self->SetName(real_name);
}

legacy_v8::Handle<legacy_v8::Value> legacy_v8::Function::GetName() const {
  v8::Local<v8::Function> self;
  if (!SelfAs(this, "v8::Function::GetName", &self)) return Handle<Value>();
  return Legacy<Value>(self->GetName());
}

legacy_v8::Local<legacy_v8::Value> legacy_v8::Date::New(double time) {
  return Legacy<Value>(v8::Date::New(CurrentContext(), time));
}

double legacy_v8::Date::NumberValue() const {
  v8::Local<v8::Date> self;
  if (!SelfAs(this, "v8::Date::NumberValue", &self))
    return std::numeric_limits<double>::quiet_NaN();
  return self->ValueOf();
}

legacy_v8::Local<legacy_v8::Value> legacy_v8::External::Wrap(void* data) {
  return Legacy<legacy_v8::Value>(
      compat::version::NewExternal(CurrentIsolate(), data));
}

void* legacy_v8::External::Unwrap(Handle<legacy_v8::Value> obj) {
  v8::Local<v8::External> external;
  if (!SelfAs(*obj, "v8::External::Unwrap", &external)) return nullptr;
  return compat::version::ExternalValue(external);
}

legacy_v8::Local<legacy_v8::External> legacy_v8::External::New(void* value) {
  return Legacy<External>(
      compat::version::NewExternal(CurrentIsolate(), value));
}

void* legacy_v8::External::Value() const {
  v8::Local<v8::External> self;
  if (!SelfAs(this, "v8::External::Value", &self)) return nullptr;
  return compat::version::ExternalValue(self);
}

legacy_v8::PropertyAttribute legacy_v8::Object::GetPropertyAttributes(
    Handle<Value> key) {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::GetPropertyAttributes", &self) ||
      !CheckValue(key, "v8::Object::GetPropertyAttributes"))
    return None;
  return static_cast<PropertyAttribute>(
      self->GetPropertyAttributes(CurrentContext(), Real(*key))
          .FromMaybe(v8::None));
}

legacy_v8::Local<legacy_v8::Object>
legacy_v8::Object::FindInstanceInPrototypeChain(Handle<FunctionTemplate> tmpl) {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::FindInstanceInPrototypeChain", &self) ||
      tmpl.IsEmpty())
    return Local<Object>();
  v8::Local<v8::Object> found =
      self->FindInstanceInPrototypeChain(Real<v8::FunctionTemplate>(*tmpl));
  if (found.IsEmpty()) return Local<Object>();
  return Legacy<Object>(found);
}

bool legacy_v8::Object::HasRealNamedProperty(Handle<String> key) {
  v8::Local<v8::Object> self;
  v8::Local<v8::Name> name;
  if (!SelfAs(this, "v8::Object::HasRealNamedProperty", &self) ||
      !KeyName(key, "v8::Object::HasRealNamedProperty", &name))
    return false;
  return self->HasRealNamedProperty(CurrentContext(), name).FromMaybe(false);
}

bool legacy_v8::Object::HasRealIndexedProperty(uint32_t index) {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::HasRealIndexedProperty", &self)) return false;
  return self->HasRealIndexedProperty(CurrentContext(), index).FromMaybe(false);
}

bool legacy_v8::Object::HasRealNamedCallbackProperty(Handle<String> key) {
  v8::Local<v8::Object> self;
  v8::Local<v8::Name> name;
  if (!SelfAs(this, "v8::Object::HasRealNamedCallbackProperty", &self) ||
      !KeyName(key, "v8::Object::HasRealNamedCallbackProperty", &name))
    return false;
  return self->HasRealNamedCallbackProperty(CurrentContext(), name)
      .FromMaybe(false);
}

legacy_v8::Local<legacy_v8::Value>
legacy_v8::Object::GetRealNamedPropertyInPrototypeChain(Handle<String> key) {
  v8::Local<v8::Object> self;
  v8::Local<v8::Name> name;
  if (!SelfAs(this, "v8::Object::GetRealNamedPropertyInPrototypeChain",
              &self) ||
      !KeyName(key, "v8::Object::GetRealNamedPropertyInPrototypeChain", &name))
    return Local<Value>();
  return Legacy<Value>(
      self->GetRealNamedPropertyInPrototypeChain(CurrentContext(), name));
}

legacy_v8::Local<legacy_v8::Value> legacy_v8::Object::GetRealNamedProperty(
    Handle<String> key) {
  v8::Local<v8::Object> self;
  v8::Local<v8::Name> name;
  if (!SelfAs(this, "v8::Object::GetRealNamedProperty", &self) ||
      !KeyName(key, "v8::Object::GetRealNamedProperty", &name))
    return Local<Value>();
  return Legacy<Value>(self->GetRealNamedProperty(CurrentContext(), name));
}

bool legacy_v8::Object::HasNamedLookupInterceptor() {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::HasNamedLookupInterceptor", &self))
    return false;
  return self->HasNamedLookupInterceptor();
}

bool legacy_v8::Object::HasIndexedLookupInterceptor() {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::HasIndexedLookupInterceptor", &self))
    return false;
  return self->HasIndexedLookupInterceptor();
}

namespace {

// V8 3.x hidden values are keyed by name; a v8::Private made "for API" from
// the same name is the same private symbol everywhere in the isolate.
bool HiddenKey(legacy_v8::Handle<legacy_v8::String> key, const char* api,
               v8::Local<v8::Private>* out) {
  v8::Local<v8::String> name;
  if (key.IsEmpty() || !SelfAs(*key, api, &name)) return false;
  *out = v8::Private::ForApi(CurrentIsolate(), name);
  return true;
}

}  // namespace

bool legacy_v8::Object::SetHiddenValue(Handle<String> key,
                                       Handle<Value> value) {
  v8::Local<v8::Object> self;
  v8::Local<v8::Private> hidden;
  if (!SelfAs(this, "v8::Object::SetHiddenValue", &self) ||
      !HiddenKey(key, "v8::Object::SetHiddenValue", &hidden))
    return false;
  // V8 3.x: an empty value deletes the hidden value.
  if (value.IsEmpty())
    return self->DeletePrivate(CurrentContext(), hidden).FromMaybe(false);
  return self->SetPrivate(CurrentContext(), hidden, Real(*value))
      .FromMaybe(false);
}

legacy_v8::Local<legacy_v8::Value> legacy_v8::Object::GetHiddenValue(
    Handle<String> key) {
  v8::Local<v8::Object> self;
  v8::Local<v8::Private> hidden;
  if (!SelfAs(this, "v8::Object::GetHiddenValue", &self) ||
      !HiddenKey(key, "v8::Object::GetHiddenValue", &hidden))
    return Local<Value>();
  v8::Local<v8::Context> context = CurrentContext();
  if (!self->HasPrivate(context, hidden).FromMaybe(false))
    return Local<Value>();
  return Legacy<Value>(self->GetPrivate(context, hidden));
}

bool legacy_v8::Object::DeleteHiddenValue(Handle<String> key) {
  v8::Local<v8::Object> self;
  v8::Local<v8::Private> hidden;
  if (!SelfAs(this, "v8::Object::DeleteHiddenValue", &self) ||
      !HiddenKey(key, "v8::Object::DeleteHiddenValue", &hidden))
    return false;
  return self->DeletePrivate(CurrentContext(), hidden).FromMaybe(false);
}

legacy_v8::Local<legacy_v8::Context> legacy_v8::Object::CreationContext() {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::CreationContext", &self))
    return Local<Context>();
  return Legacy<Context>(
      compat::version::CreationContext(CurrentIsolate(), self));
}

bool legacy_v8::Object::IsCallable() {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::IsCallable", &self)) return false;
  return self->IsCallable();
}

legacy_v8::Local<legacy_v8::Value> legacy_v8::Object::CallAsFunction(
    Handle<Object> recv, int argc, Handle<Value> argv[]) {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::CallAsFunction", &self)) return Local<Value>();
  for (int i = 0; i < argc; i++)
    if (!CheckValue(argv[i], "v8::Object::CallAsFunction"))
      return Local<Value>();
  v8::Local<v8::Value> receiver =
      recv.IsEmpty() ? v8::Local<v8::Value>(v8::Undefined(CurrentIsolate()))
                     : Real(*recv);
  return Legacy<Value>(
      self->CallAsFunction(CurrentContext(), receiver, argc,
                           compat::detail::RealArgs(argc, argv).get()));
}

legacy_v8::Local<legacy_v8::Value> legacy_v8::Object::CallAsConstructor(
    int argc, Handle<Value> argv[]) {
  v8::Local<v8::Object> self;
  if (!SelfAs(this, "v8::Object::CallAsConstructor", &self))
    return Local<Value>();
  for (int i = 0; i < argc; i++)
    if (!CheckValue(argv[i], "v8::Object::CallAsConstructor"))
      return Local<Value>();
  return Legacy<Value>(self->CallAsConstructor(
      CurrentContext(), argc, compat::detail::RealArgs(argc, argv).get()));
}

legacy_v8::Local<legacy_v8::Object> legacy_v8::Array::CloneElementAt(
    uint32_t index) {
  // V8 3.x: a shallow copy of the element if it is an object, else empty.
  v8::Local<v8::Array> self;
  if (!SelfAs(this, "v8::Array::CloneElementAt", &self)) return Local<Object>();
  v8::Local<v8::Value> element;
  if (!self->Get(CurrentContext(), index).ToLocal(&element) ||
      !element->IsObject())
    return Local<Object>();
  return Legacy<Object>(element.As<v8::Object>()->Clone());
}

const int legacy_v8::Function::kLineOffsetNotFound =
    v8::Function::kLineOffsetNotFound;

legacy_v8::Handle<legacy_v8::Value> legacy_v8::Function::GetInferredName()
    const {
  v8::Local<v8::Function> self;
  if (!SelfAs(this, "v8::Function::GetInferredName", &self))
    return Handle<Value>();
  return Legacy<Value>(self->GetInferredName());
}

int legacy_v8::Function::GetScriptLineNumber() const {
  v8::Local<v8::Function> self;
  if (!SelfAs(this, "v8::Function::GetScriptLineNumber", &self))
    return kLineOffsetNotFound;
  return self->GetScriptLineNumber();
}

int legacy_v8::Function::GetScriptColumnNumber() const {
  v8::Local<v8::Function> self;
  if (!SelfAs(this, "v8::Function::GetScriptColumnNumber", &self))
    return kLineOffsetNotFound;
  return self->GetScriptColumnNumber();
}

legacy_v8::Handle<legacy_v8::Value> legacy_v8::Function::GetScriptId() const {
  v8::Local<v8::Function> self;
  if (!SelfAs(this, "v8::Function::GetScriptId", &self)) return Handle<Value>();
  return Legacy<Value>(v8::Integer::New(CurrentIsolate(), self->ScriptId()));
}

legacy_v8::ScriptOrigin legacy_v8::Function::GetScriptOrigin() const {
  v8::Local<v8::Function> self;
  if (!SelfAs(this, "v8::Function::GetScriptOrigin", &self))
    return ScriptOrigin(Handle<Value>());
  v8::Isolate* isolate = CurrentIsolate();
  v8::ScriptOrigin origin = self->GetScriptOrigin();
  return ScriptOrigin(
      Legacy<Value>(origin.ResourceName()),
      Legacy<Integer>(v8::Integer::New(isolate, origin.LineOffset())),
      Legacy<Integer>(v8::Integer::New(isolate, origin.ColumnOffset())));
}

void legacy_v8::Date::DateTimeConfigurationChangeNotification() {
  CurrentIsolate()->DateTimeConfigurationChangeNotification(
      v8::Isolate::TimeZoneDetection::kSkip);
}

legacy_v8::Local<legacy_v8::Value> legacy_v8::NumberObject::New(double value) {
  return Legacy<Value>(v8::NumberObject::New(CurrentIsolate(), value));
}

double legacy_v8::NumberObject::NumberValue() const {
  v8::Local<v8::NumberObject> self;
  if (!SelfAs(this, "v8::NumberObject::NumberValue", &self))
    return std::numeric_limits<double>::quiet_NaN();
  return self->ValueOf();
}

legacy_v8::Local<legacy_v8::Value> legacy_v8::BooleanObject::New(bool value) {
  return Legacy<Value>(v8::BooleanObject::New(CurrentIsolate(), value));
}

bool legacy_v8::BooleanObject::BooleanValue() const {
  v8::Local<v8::BooleanObject> self;
  if (!SelfAs(this, "v8::BooleanObject::BooleanValue", &self)) return false;
  return self->ValueOf();
}

legacy_v8::Local<legacy_v8::Value> legacy_v8::StringObject::New(
    Handle<String> value) {
  v8::Local<v8::String> s;
  if (value.IsEmpty() || !SelfAs(*value, "v8::StringObject::New", &s))
    return Local<Value>();
  return Legacy<Value>(v8::StringObject::New(CurrentIsolate(), s));
}

legacy_v8::Local<legacy_v8::String> legacy_v8::StringObject::StringValue()
    const {
  v8::Local<v8::StringObject> self;
  if (!SelfAs(this, "v8::StringObject::StringValue", &self))
    return Local<String>();
  return Legacy<String>(self->ValueOf());
}

legacy_v8::Local<legacy_v8::RegExp> legacy_v8::RegExp::New(
    Handle<String> pattern, Flags flags) {
  v8::Local<v8::String> source;
  if (pattern.IsEmpty() || !SelfAs(*pattern, "v8::RegExp::New", &source))
    return Local<RegExp>();
  // The three old flags have the same values in v8::RegExp::Flags.
  return Legacy<RegExp>(v8::RegExp::New(CurrentContext(), source,
                                        static_cast<v8::RegExp::Flags>(flags)));
}

legacy_v8::Local<legacy_v8::String> legacy_v8::RegExp::GetSource() const {
  v8::Local<v8::RegExp> self;
  if (!SelfAs(this, "v8::RegExp::GetSource", &self)) return Local<String>();
  return Legacy<String>(self->GetSource());
}

legacy_v8::RegExp::Flags legacy_v8::RegExp::GetFlags() const {
  v8::Local<v8::RegExp> self;
  if (!SelfAs(this, "v8::RegExp::GetFlags", &self)) return kNone;
  // Only the flags V8 3.x knew.
  return static_cast<Flags>(self->GetFlags() &
                            (kGlobal | kIgnoreCase | kMultiline));
}
