// legacy/v8_templates.h: FunctionTemplate, ObjectTemplate, Signature and the
// arguments old callbacks receive (Arguments, AccessorInfo) in V8 3.x.
#ifndef COMPAT_LEGACY_V8_TEMPLATES_H_
#define COMPAT_LEGACY_V8_TEMPLATES_H_

#include "v8_objects.h"

namespace legacy_v8 {

// What a function callback receives.  Built by the runtime's trampoline for
// each call; old code only ever sees it as `const Arguments&`.
class Arguments {
 public:
  int Length() const { return length_; }
  // Undefined when i is out of range.
  Local<Value> operator[](int i) const;
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

typedef Handle<Value> (*InvocationCallback)(const Arguments& args);

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
  int InternalFieldCount();
  void SetInternalFieldCount(int value);
};

class Signature : public Data {
 public:
  static Local<Signature> New(
      Handle<FunctionTemplate> receiver = Handle<FunctionTemplate>(),
      int argc = 0, Handle<FunctionTemplate> argv[] = 0);
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
  void SetHiddenPrototype(bool value);
  void ReadOnlyPrototype();
  bool HasInstance(Handle<Value> object);
};

}  // namespace legacy_v8

#endif  // COMPAT_LEGACY_V8_TEMPLATES_H_
