// legacy/v8_templates.h: FunctionTemplate, ObjectTemplate (accessors and
// interceptors), Signature, AccessorSignature and the arguments old callbacks
// receive (Arguments, AccessorInfo) in V8 3.x.
#ifndef COMPAT_LEGACY_V8_TEMPLATES_H_
#define COMPAT_LEGACY_V8_TEMPLATES_H_

#include "v8_objects.h"

namespace v8 {
namespace legacy {

// What a function callback receives.  Built by the runtime's trampoline for
// each call; old code only ever sees it as `const Arguments&`.
class Arguments {
 public:
  int Length() const { return length_; }
  // Undefined when i is out of range.
  Local<Value> operator[](int i) const;
  // The function being called (the one its FunctionTemplate made in this
  // context).
  Local<Function> Callee() const;
  Local<Object> This() const;
  Local<Object> Holder() const;
  bool IsConstructCall() const;
  Local<Value> Data() const;
  Isolate* GetIsolate() const;

 private:
  friend struct compat::detail::FacadeAccess;
  Arguments(const void* info, const void* record, int length)
      : info_(info), record_(record), length_(length) {}
  const void* info_;    // the real v8::FunctionCallbackInfo<v8::Value>
  const void* record_;  // the runtime's record of the callback and data
  int length_;
};

// What accessor and interceptor callbacks receive.  Built by the runtime's
// trampolines; old code only ever sees it as `const AccessorInfo&`.
class AccessorInfo {
 public:
  Isolate* GetIsolate() const;
  Local<Value> Data() const;
  Local<Object> This() const;
  Local<Object> Holder() const;

 private:
  friend struct compat::detail::FacadeAccess;
  AccessorInfo(const void* info, const void* record, int kind)
      : info_(info), record_(record), kind_(kind) {}
  const void* info_;    // the real v8::PropertyCallbackInfo<...>
  const void* record_;  // the runtime's record of the callbacks and data
  int kind_;            // which PropertyCallbackInfo info_ is
};

typedef Handle<Value> (*InvocationCallback)(const Arguments& args);

// Interceptors: returning an empty handle means "not intercepted", and the
// property is looked up as if there were no interceptor.
typedef Handle<Value> (*NamedPropertyGetter)(Local<String> property,
                                             const AccessorInfo& info);
typedef Handle<Value> (*NamedPropertySetter)(Local<String> property,
                                             Local<Value> value,
                                             const AccessorInfo& info);
typedef Handle<Integer> (*NamedPropertyQuery)(Local<String> property,
                                              const AccessorInfo& info);
typedef Handle<Boolean> (*NamedPropertyDeleter)(Local<String> property,
                                                const AccessorInfo& info);
typedef Handle<Array> (*NamedPropertyEnumerator)(const AccessorInfo& info);
typedef Handle<Value> (*IndexedPropertyGetter)(uint32_t index,
                                               const AccessorInfo& info);
typedef Handle<Value> (*IndexedPropertySetter)(uint32_t index,
                                               Local<Value> value,
                                               const AccessorInfo& info);
typedef Handle<Integer> (*IndexedPropertyQuery)(uint32_t index,
                                                const AccessorInfo& info);
typedef Handle<Boolean> (*IndexedPropertyDeleter)(uint32_t index,
                                                  const AccessorInfo& info);
typedef Handle<Array> (*IndexedPropertyEnumerator)(const AccessorInfo& info);

enum AccessType {
  ACCESS_GET,
  ACCESS_SET,
  ACCESS_HAS,
  ACCESS_DELETE,
  ACCESS_KEYS
};
typedef bool (*NamedSecurityCallback)(Local<Object> host, Local<Value> key,
                                      AccessType type, Local<Value> data);
typedef bool (*IndexedSecurityCallback)(Local<Object> host, uint32_t index,
                                        AccessType type, Local<Value> data);

class Template : public Data {
 public:
  void Set(Handle<String> name, Handle<Data> value,
           PropertyAttribute attributes = None);
  void Set(const char* name, Handle<Data> value);
};

class ObjectTemplate : public Template {
 public:
  static Local<ObjectTemplate> New();
  Local<Object> NewInstance();
  // Divergence: modern V8 installs template accessors as native data
  // properties; reads and writes reach the callbacks exactly as before, but
  // Object.getOwnPropertyDescriptor shows a data property.
  void SetAccessor(
      Handle<String> name, AccessorGetter getter, AccessorSetter setter = 0,
      Handle<Value> data = Handle<Value>(), AccessControl settings = DEFAULT,
      PropertyAttribute attribute = None,
      Handle<AccessorSignature> signature = Handle<AccessorSignature>());
  void SetNamedPropertyHandler(NamedPropertyGetter getter,
                               NamedPropertySetter setter = 0,
                               NamedPropertyQuery query = 0,
                               NamedPropertyDeleter deleter = 0,
                               NamedPropertyEnumerator enumerator = 0,
                               Handle<Value> data = Handle<Value>());
  void SetIndexedPropertyHandler(IndexedPropertyGetter getter,
                                 IndexedPropertySetter setter = 0,
                                 IndexedPropertyQuery query = 0,
                                 IndexedPropertyDeleter deleter = 0,
                                 IndexedPropertyEnumerator enumerator = 0,
                                 Handle<Value> data = Handle<Value>());
  void SetCallAsFunctionHandler(InvocationCallback callback,
                                Handle<Value> data = Handle<Value>());
  int InternalFieldCount();
  void SetInternalFieldCount(int value);

  void MarkAsUndetectable() COMPAT_UNSUPPORTED(
      "v8::ObjectTemplate::MarkAsUndetectable is not supported: modern V8 "
      "only allows it on callable objects; use a plain object");
  void SetAccessCheckCallbacks(NamedSecurityCallback named_handler,
                               IndexedSecurityCallback indexed_handler,
                               Handle<Value> data = Handle<Value>(),
                               bool turned_on_by_default = true)
      COMPAT_UNSUPPORTED(
          "v8::ObjectTemplate::SetAccessCheckCallbacks is not supported: "
          "Node runs one security context; use a Proxy or an interceptor");
};

class Signature : public Data {
 public:
  static Local<Signature> New(
      Handle<FunctionTemplate> receiver = Handle<FunctionTemplate>(),
      int argc = 0, Handle<FunctionTemplate> argv[] = 0);
};

// V8 3.11: an accessor with this signature only runs on instances of the
// template; on any other receiver it throws "Illegal invocation".
class AccessorSignature : public Data {
 public:
  static Local<AccessorSignature> New(
      Handle<FunctionTemplate> receiver = Handle<FunctionTemplate>());
};

class TypeSwitch : public Data {
 public:
  static Local<TypeSwitch> New(Handle<FunctionTemplate> type)
      COMPAT_UNSUPPORTED(
          "v8::TypeSwitch is not supported: it is gone from "
          "V8; test each v8::FunctionTemplate::HasInstance");
  static Local<TypeSwitch> New(int argc, Handle<FunctionTemplate> types[])
      COMPAT_UNSUPPORTED(
          "v8::TypeSwitch is not supported: it is gone from "
          "V8; test each v8::FunctionTemplate::HasInstance");
  int match(Handle<Value> value) COMPAT_UNSUPPORTED(
      "v8::TypeSwitch is not supported: it is gone from "
      "V8; test each v8::FunctionTemplate::HasInstance");
};

class FunctionTemplate : public Template {
 public:
  static Local<FunctionTemplate> New(
      InvocationCallback callback = 0, Handle<Value> data = Handle<Value>(),
      Handle<Signature> signature = Handle<Signature>());
  Local<Function> GetFunction();
  void SetCallHandler(InvocationCallback callback,
                      Handle<Value> data = Handle<Value>());
  Local<ObjectTemplate> InstanceTemplate();
  Local<ObjectTemplate> PrototypeTemplate();
  void Inherit(Handle<FunctionTemplate> parent);
  void SetClassName(Handle<String> name);
  // Hidden prototypes are gone from V8.  A context's global object was one
  // in V8 3.x whatever the flag said, so there it changes nothing; an
  // instance made another object's prototype (Object::SetPrototype) is an
  // ordinary prototype, which is said once.
  void SetHiddenPrototype(bool value);
  void ReadOnlyPrototype();
  bool HasInstance(Handle<Value> object);
};

}  // namespace legacy
}  // namespace v8

#endif  // COMPAT_LEGACY_V8_TEMPLATES_H_
