// v8_accessors.cc: V8 3.x accessors (ObjectTemplate/Object::SetAccessor,
// AccessorSignature) and named/indexed interceptors
// (Set{Named,Indexed}PropertyHandler) through trampolines that call the old
// callbacks with an AccessorInfo.
//
// Old interceptors said "not intercepted" by returning an empty handle.
// Modern V8 wants v8::Intercepted::kNo/kYes (Node 22+), or, before that, a
// return value set only when intercepted; the trampolines translate.
#include <string>

#include "misuse.h"
#include "v8_callbacks.h"
#include "v8_version.h"

using compat::detail::AccessorInfoKind;
using compat::detail::CallbackRecord;
using compat::detail::CurrentContext;
using compat::detail::CurrentIsolate;
using compat::detail::FacadeAccess;
using compat::detail::Legacy;
using compat::detail::Real;
using compat::detail::RecordOf;
using compat::detail::Returnable;

namespace {

template <class T>
struct KindOf;
template <>
struct KindOf<v8::Value> {
  static const AccessorInfoKind kKind = compat::detail::kInfoValue;
};
template <>
struct KindOf<void> {
  static const AccessorInfoKind kKind = compat::detail::kInfoVoid;
};
template <>
struct KindOf<v8::Integer> {
  static const AccessorInfoKind kKind = compat::detail::kInfoInteger;
};
template <>
struct KindOf<v8::Boolean> {
  static const AccessorInfoKind kKind = compat::detail::kInfoBoolean;
};
template <>
struct KindOf<v8::Array> {
  static const AccessorInfoKind kKind = compat::detail::kInfoArray;
};

// The AccessorInfo old callbacks see for a real callback info.
template <class T>
legacy_v8::AccessorInfo MakeInfo(const v8::PropertyCallbackInfo<T>& info,
                                 const CallbackRecord* record) {
  return FacadeAccess::MakeAccessorInfo(&info, record, KindOf<T>::kKind);
}

legacy_v8::Local<legacy_v8::String> PropertyName(v8::Local<v8::Name> name) {
  return Legacy<legacy_v8::String>(name);
}

// V8 3.11: an accessor with an AccessorSignature runs only on instances of
// its template; on any other receiver it throws V8 3.11's TypeError.
bool ReceiverMatches(const CallbackRecord* record, v8::Local<v8::Name> property,
                     v8::Local<v8::Object> receiver) {
  if (record->receiver.IsEmpty()) return true;
  v8::Isolate* isolate = CurrentIsolate();
  if (record->receiver.Get(isolate)->HasInstance(receiver)) return true;
  v8::String::Utf8Value name(isolate, property);
  v8::String::Utf8Value type(isolate, receiver->GetConstructorName());
  std::string message = std::string("Method ") + (*name ? *name : "") +
                        " called on incompatible receiver #<" +
                        (*type ? *type : "Object") + ">";
  isolate->ThrowException(v8::Exception::TypeError(
      v8::String::NewFromUtf8(isolate, message.c_str()).ToLocalChecked()));
  return false;
}

// --- Accessors -----------------------------------------------------------

void GetterOnProperty(v8::Local<v8::Name> property,
                      const v8::PropertyCallbackInfo<v8::Value>& info) {
  const CallbackRecord* record = RecordOf(info.Data());
  if (!ReceiverMatches(record, property, compat::version::PropertyThis(info)))
    return;
  legacy_v8::Handle<legacy_v8::Value> result =
      record->getter(PropertyName(property), MakeInfo(info, record));
  if (!result.IsEmpty() && Returnable(*result, "the value of a getter"))
    info.GetReturnValue().Set(Real(*result));
}

void SetterOnProperty(v8::Local<v8::Name> property, v8::Local<v8::Value> value,
                      const v8::PropertyCallbackInfo<void>& info) {
  const CallbackRecord* record = RecordOf(info.Data());
  // V8 3.x: an accessor without a setter ignores assignments (modern V8
  // would replace it with a data property).
  if (record->setter == nullptr) return;
  if (!ReceiverMatches(record, property, compat::version::PropertyThis(info)))
    return;
  record->setter(PropertyName(property), Legacy<legacy_v8::Value>(value),
                 MakeInfo(info, record));
}

// Accessors on a prototype.  V8 3.x called their setter when an instance
// was assigned to; a native data property on a prototype would instead give
// the instance its own data property.  So they are accessor properties whose
// getter and setter are functions calling the old callbacks.
void GetterFunction(const v8::FunctionCallbackInfo<v8::Value>& info) {
  const CallbackRecord* record = RecordOf(info.Data());
  v8::Local<v8::String> property = record->name.Get(CurrentIsolate());
  if (!ReceiverMatches(record, property, info.This())) return;
  legacy_v8::Handle<legacy_v8::Value> result =
      record->getter(PropertyName(property),
                     FacadeAccess::MakeAccessorInfo(
                         &info, record, compat::detail::kInfoFunction));
  if (!result.IsEmpty() && Returnable(*result, "the value of a getter"))
    info.GetReturnValue().Set(Real(*result));
}

void SetterFunction(const v8::FunctionCallbackInfo<v8::Value>& info) {
  const CallbackRecord* record = RecordOf(info.Data());
  if (record->setter == nullptr) return;
  v8::Local<v8::String> property = record->name.Get(CurrentIsolate());
  if (!ReceiverMatches(record, property, info.This())) return;
  record->setter(PropertyName(property), Legacy<legacy_v8::Value>(info[0]),
                 FacadeAccess::MakeAccessorInfo(&info, record,
                                                compat::detail::kInfoFunction));
}

v8::Local<v8::External> AccessorData(
    legacy_v8::AccessorGetter getter, legacy_v8::AccessorSetter setter,
    legacy_v8::Handle<legacy_v8::Value> data,
    legacy_v8::Handle<legacy_v8::AccessorSignature> signature) {
  CallbackRecord* record = new CallbackRecord;
  record->getter = getter;
  record->setter = setter;
  if (!signature.IsEmpty())
    record->receiver.Reset(CurrentIsolate(),
                           Real<v8::FunctionTemplate>(*signature));
  return compat::detail::CallbackData(record, data);
}

// --- Interceptors ----------------------------------------------------------
//
// Each old interceptor returns a handle; empty means "not intercepted".

using compat::version::Intercepted;
using compat::version::InterceptResult;
using compat::version::InterceptSetterInfo;

template <class Key>
struct KeyOf;
template <>
struct KeyOf<v8::Local<v8::Name> > {
  static legacy_v8::Local<legacy_v8::String> Get(v8::Local<v8::Name> name) {
    return PropertyName(name);
  }
};
template <>
struct KeyOf<uint32_t> {
  static uint32_t Get(uint32_t index) { return index; }
};

// Which old callbacks a trampoline calls: named or indexed.
struct Named {
  typedef v8::Local<v8::Name> Key;
  static legacy_v8::NamedPropertyGetter Getter(const CallbackRecord* r) {
    return r->named_getter;
  }
  static legacy_v8::NamedPropertySetter Setter(const CallbackRecord* r) {
    return r->named_setter;
  }
  static legacy_v8::NamedPropertyQuery Query(const CallbackRecord* r) {
    return r->named_query;
  }
  static legacy_v8::NamedPropertyDeleter Deleter(const CallbackRecord* r) {
    return r->named_deleter;
  }
  static legacy_v8::NamedPropertyEnumerator Enumerator(
      const CallbackRecord* r) {
    return r->named_enumerator;
  }
};

struct Indexed {
  typedef uint32_t Key;
  static legacy_v8::IndexedPropertyGetter Getter(const CallbackRecord* r) {
    return r->indexed_getter;
  }
  static legacy_v8::IndexedPropertySetter Setter(const CallbackRecord* r) {
    return r->indexed_setter;
  }
  static legacy_v8::IndexedPropertyQuery Query(const CallbackRecord* r) {
    return r->indexed_query;
  }
  static legacy_v8::IndexedPropertyDeleter Deleter(const CallbackRecord* r) {
    return r->indexed_deleter;
  }
  static legacy_v8::IndexedPropertyEnumerator Enumerator(
      const CallbackRecord* r) {
    return r->indexed_enumerator;
  }
};

template <class Kind>
InterceptResult InterceptGet(typename Kind::Key key,
                             const v8::PropertyCallbackInfo<v8::Value>& info) {
  const CallbackRecord* record = RecordOf(info.Data());
  legacy_v8::Handle<legacy_v8::Value> result = Kind::Getter(record)(
      KeyOf<typename Kind::Key>::Get(key), MakeInfo(info, record));
  if (result.IsEmpty()) return Intercepted(false);
  if (!Returnable(*result, "the value of an interceptor"))
    return Intercepted(true);
  info.GetReturnValue().Set(Real(*result));
  return Intercepted(true);
}

template <class Kind>
InterceptResult InterceptSet(
    typename Kind::Key key, v8::Local<v8::Value> value,
    const v8::PropertyCallbackInfo<InterceptSetterInfo>& info) {
  const CallbackRecord* record = RecordOf(info.Data());
  legacy_v8::Handle<legacy_v8::Value> result = Kind::Setter(record)(
      KeyOf<typename Kind::Key>::Get(key), Legacy<legacy_v8::Value>(value),
      MakeInfo(info, record));
  if (result.IsEmpty()) return Intercepted(false);
  // Before v8::Intercepted, a setter said "handled" by setting a value.
  if constexpr (compat::version::kSetterSignalsWithReturnValue)
    info.GetReturnValue().Set(value);
  return Intercepted(true);
}

template <class Kind>
InterceptResult InterceptQuery(
    typename Kind::Key key, const v8::PropertyCallbackInfo<v8::Integer>& info) {
  const CallbackRecord* record = RecordOf(info.Data());
  legacy_v8::Handle<legacy_v8::Integer> result = Kind::Query(record)(
      KeyOf<typename Kind::Key>::Get(key), MakeInfo(info, record));
  if (result.IsEmpty()) return Intercepted(false);
  info.GetReturnValue().Set(Real<v8::Integer>(*result));
  return Intercepted(true);
}

template <class Kind>
InterceptResult InterceptDelete(
    typename Kind::Key key, const v8::PropertyCallbackInfo<v8::Boolean>& info) {
  const CallbackRecord* record = RecordOf(info.Data());
  legacy_v8::Handle<legacy_v8::Boolean> result = Kind::Deleter(record)(
      KeyOf<typename Kind::Key>::Get(key), MakeInfo(info, record));
  if (result.IsEmpty()) return Intercepted(false);
  info.GetReturnValue().Set(Real<v8::Boolean>(*result));
  return Intercepted(true);
}

template <class Kind>
void InterceptEnumerate(const v8::PropertyCallbackInfo<v8::Array>& info) {
  const CallbackRecord* record = RecordOf(info.Data());
  legacy_v8::Handle<legacy_v8::Array> result =
      Kind::Enumerator(record)(MakeInfo(info, record));
  if (!result.IsEmpty()) info.GetReturnValue().Set(Real<v8::Array>(*result));
}

// The trampoline for each old callback that is set, null for the others.
template <class F, class T>
F Pick(T legacy, F trampoline) {
  return legacy != nullptr ? trampoline : nullptr;
}

}  // namespace

// --- AccessorInfo ----------------------------------------------------------

namespace {

template <class T>
const v8::PropertyCallbackInfo<T>& PropertyInfo(const void* info) {
  return *static_cast<const v8::PropertyCallbackInfo<T>*>(info);
}

// This (or Holder) of whichever callback info the AccessorInfo wraps.
v8::Local<v8::Object> InfoObject(const legacy_v8::AccessorInfo& accessor,
                                 bool holder) {
  const void* info = FacadeAccess::Info(accessor);
  switch (FacadeAccess::Kind(accessor)) {
#define COMPAT_INFO_CASE(kind, T)                                          \
  case compat::detail::kind:                                               \
    return holder ? compat::version::PropertyHolder(PropertyInfo<T>(info)) \
                  : compat::version::PropertyThis(PropertyInfo<T>(info));
    COMPAT_INFO_CASE(kInfoValue, v8::Value)
    COMPAT_INFO_CASE(kInfoVoid, void)
    COMPAT_INFO_CASE(kInfoInteger, v8::Integer)
    COMPAT_INFO_CASE(kInfoBoolean, v8::Boolean)
    COMPAT_INFO_CASE(kInfoArray, v8::Array)
#undef COMPAT_INFO_CASE
    case compat::detail::kInfoFunction:
      break;
  }
  return static_cast<const v8::FunctionCallbackInfo<v8::Value>*>(info)->This();
}

}  // namespace

legacy_v8::Isolate* legacy_v8::AccessorInfo::GetIsolate() const {
  return reinterpret_cast<Isolate*>(CurrentIsolate());
}

legacy_v8::Local<legacy_v8::Value> legacy_v8::AccessorInfo::Data() const {
  const CallbackRecord* record =
      static_cast<const CallbackRecord*>(FacadeAccess::Record(*this));
  if (record->data.IsEmpty())
    return Legacy<Value>(v8::Undefined(CurrentIsolate()));
  return Legacy<Value>(record->data.Get(CurrentIsolate()));
}

legacy_v8::Local<legacy_v8::Object> legacy_v8::AccessorInfo::This() const {
  return Legacy<Object>(InfoObject(*this, false));
}

legacy_v8::Local<legacy_v8::Object> legacy_v8::AccessorInfo::Holder() const {
  return Legacy<Object>(InfoObject(*this, true));
}

// --- Registration ----------------------------------------------------------

legacy_v8::Local<legacy_v8::AccessorSignature>
legacy_v8::AccessorSignature::New(Handle<FunctionTemplate> receiver) {
  // The signature is its receiver template; SetAccessor keeps it.
  return Local<AccessorSignature>(
      reinterpret_cast<AccessorSignature*>(*receiver));
}

void legacy_v8::ObjectTemplate::SetAccessor(
    Handle<String> name, AccessorGetter getter, AccessorSetter setter,
    Handle<Value> data, AccessControl settings, PropertyAttribute attribute,
    Handle<AccessorSignature> signature) {
  COMPAT_SELF_OR(, "v8::ObjectTemplate::SetAccessor");
  // Divergence: cross-context access control is gone with V8's security
  // model for embedders; Node runs one context.
  (void)settings;
  if (name.IsEmpty() || getter == nullptr) {
    compat::detail::ThrowMisuse(
        "v8::ObjectTemplate::SetAccessor: empty name or null getter");
    return;
  }
  v8::Local<v8::ObjectTemplate> self = Real<v8::ObjectTemplate>(this);
  v8::Local<v8::String> property = Real<v8::String>(*name);
  v8::Local<v8::External> record =
      AccessorData(getter, setter, data, signature);
  v8::PropertyAttribute attributes =
      static_cast<v8::PropertyAttribute>(attribute);
  // An AccessorSignature checks the receiver, which accessor callbacks no
  // longer see on V8 14.6 (Node 26); accessor functions still do.
  bool needs_receiver =
      !signature.IsEmpty() && !compat::version::kPropertyInfoHasThis;
  if (!compat::detail::IsPrototypeTemplate(self) && !needs_receiver) {
    self->SetNativeDataProperty(property, GetterOnProperty, SetterOnProperty,
                                record, attributes);
    return;
  }
  // Divergence: Object.getOwnPropertyDescriptor shows a get/set pair where
  // V8 3.x showed a value.
  v8::Isolate* isolate = CurrentIsolate();
  RecordOf(record)->name.Reset(isolate, property);
  self->SetAccessorProperty(
      property, v8::FunctionTemplate::New(isolate, GetterFunction, record),
      v8::FunctionTemplate::New(isolate, SetterFunction, record), attributes);
}

bool legacy_v8::Object::SetAccessor(Handle<String> name, AccessorGetter getter,
                                    AccessorSetter setter, Handle<Value> data,
                                    AccessControl settings,
                                    PropertyAttribute attribute) {
  v8::Local<v8::Object> self;
  if (!compat::detail::SelfAs(this, "v8::Object::SetAccessor", &self))
    return false;
  (void)settings;
  if (name.IsEmpty() || getter == nullptr) {
    compat::detail::ThrowMisuse(
        "v8::Object::SetAccessor: empty name or null getter");
    return false;
  }
  return self
      ->SetNativeDataProperty(
          CurrentContext(), Real<v8::String>(*name), GetterOnProperty,
          SetterOnProperty,
          AccessorData(getter, setter, data, Handle<AccessorSignature>()),
          static_cast<v8::PropertyAttribute>(attribute))
      .FromMaybe(false);
}

void legacy_v8::ObjectTemplate::SetNamedPropertyHandler(
    NamedPropertyGetter getter, NamedPropertySetter setter,
    NamedPropertyQuery query, NamedPropertyDeleter deleter,
    NamedPropertyEnumerator enumerator, Handle<Value> data) {
  COMPAT_SELF_OR(, "v8::ObjectTemplate::SetNamedPropertyHandler");
  CallbackRecord* record = new CallbackRecord;
  record->named_getter = getter;
  record->named_setter = setter;
  record->named_query = query;
  record->named_deleter = deleter;
  record->named_enumerator = enumerator;
  // V8 3.x had no symbols: only string keys reach old interceptors.
  Real<v8::ObjectTemplate>(this)->SetHandler(
      v8::NamedPropertyHandlerConfiguration(
          Pick(getter, InterceptGet<Named>), Pick(setter, InterceptSet<Named>),
          Pick(query, InterceptQuery<Named>),
          Pick(deleter, InterceptDelete<Named>),
          Pick(enumerator, InterceptEnumerate<Named>),
          compat::detail::CallbackData(record, data),
          v8::PropertyHandlerFlags::kOnlyInterceptStrings));
}

void legacy_v8::ObjectTemplate::SetIndexedPropertyHandler(
    IndexedPropertyGetter getter, IndexedPropertySetter setter,
    IndexedPropertyQuery query, IndexedPropertyDeleter deleter,
    IndexedPropertyEnumerator enumerator, Handle<Value> data) {
  COMPAT_SELF_OR(, "v8::ObjectTemplate::SetIndexedPropertyHandler");
  CallbackRecord* record = new CallbackRecord;
  record->indexed_getter = getter;
  record->indexed_setter = setter;
  record->indexed_query = query;
  record->indexed_deleter = deleter;
  record->indexed_enumerator = enumerator;
  Real<v8::ObjectTemplate>(this)->SetHandler(
      v8::IndexedPropertyHandlerConfiguration(
          Pick(getter, InterceptGet<Indexed>),
          Pick(setter, InterceptSet<Indexed>),
          Pick(query, InterceptQuery<Indexed>),
          Pick(deleter, InterceptDelete<Indexed>),
          Pick(enumerator, InterceptEnumerate<Indexed>),
          compat::detail::CallbackData(record, data)));
}
