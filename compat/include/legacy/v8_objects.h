// legacy/v8_objects.h: Object, Array, Function, Date and External of V8 3.x.
#ifndef COMPAT_LEGACY_V8_OBJECTS_H_
#define COMPAT_LEGACY_V8_OBJECTS_H_

#include "v8_strings.h"

namespace legacy_v8 {

enum PropertyAttribute {
  None = 0,
  ReadOnly = 1 << 0,
  DontEnum = 1 << 1,
  DontDelete = 1 << 2
};

class Object : public Value {
 public:
  bool Set(Handle<Value> key, Handle<Value> value,
           PropertyAttribute attribs = None);
  bool Set(uint32_t index, Handle<Value> value);
  // Defines the property even over a read-only one (V8 3.x ForceSet).
  bool ForceSet(Handle<Value> key, Handle<Value> value,
                PropertyAttribute attribs = None);
  Local<Value> Get(Handle<Value> key);
  Local<Value> Get(uint32_t index);
  bool Has(Handle<String> key);
  bool Has(uint32_t index);
  bool Delete(Handle<String> key);
  bool Delete(uint32_t index);
  bool ForceDelete(Handle<Value> key);
  bool HasOwnProperty(Handle<String> key);
  Local<Array> GetPropertyNames();
  Local<Array> GetOwnPropertyNames();
  Local<Value> GetPrototype();
  bool SetPrototype(Handle<Value> prototype);
  Local<String> ObjectProtoToString();
  Local<String> GetConstructorName();

  int InternalFieldCount();
  Local<Value> GetInternalField(int index);
  void SetInternalField(int index, Handle<Value> value);
  void* GetPointerFromInternalField(int index);
  void SetPointerInInternalField(int index, void* value);

  int GetIdentityHash();
  Local<Object> Clone();

  static Local<Object> New();
  COMPAT_V8_CAST(Object)
};

class Array : public Object {
 public:
  uint32_t Length() const;
  static Local<Array> New(int length = 0);
  COMPAT_V8_CAST(Array)
};

class Function : public Object {
 public:
  Local<Object> NewInstance() const;
  Local<Object> NewInstance(int argc, Handle<Value> argv[]) const;
  // Empty when the call threw; the exception is then pending.
  Local<Value> Call(Handle<Object> recv, int argc, Handle<Value> argv[]);
  void SetName(Handle<String> name);
  Handle<Value> GetName() const;
  COMPAT_V8_CAST(Function)
};

class Date : public Object {
 public:
  // V8 3.x returns Local<Value> here, not Local<Date>.
  static Local<Value> New(double time);
  double NumberValue() const;
  COMPAT_V8_CAST(Date)
};

class External : public Value {
 public:
  static Local<legacy_v8::Value> Wrap(void* data);
  static void* Unwrap(Handle<legacy_v8::Value> obj);
  static Local<External> New(void* value);
  void* Value() const;
  COMPAT_V8_CAST(External)
};

}  // namespace legacy_v8

#endif  // COMPAT_LEGACY_V8_OBJECTS_H_
