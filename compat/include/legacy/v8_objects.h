// legacy/v8_objects.h: Object, Array, Function, Date, RegExp, the primitive
// wrapper objects and External of V8 3.x.
#ifndef COMPAT_LEGACY_V8_OBJECTS_H_
#define COMPAT_LEGACY_V8_OBJECTS_H_

#include "v8_strings.h"

namespace v8 {
namespace legacy {

class ScriptOrigin;

enum PropertyAttribute {
  None = 0,
  ReadOnly = 1 << 0,
  DontEnum = 1 << 1,
  DontDelete = 1 << 2
};

// The element types of SetIndexedPropertiesToExternalArrayData (V8 3.11
// values).
enum ExternalArrayType {
  kExternalByteArray = 1,
  kExternalUnsignedByteArray,
  kExternalShortArray,
  kExternalUnsignedShortArray,
  kExternalIntArray,
  kExternalUnsignedIntArray,
  kExternalFloatArray,
  kExternalDoubleArray,
  kExternalPixelArray
};

typedef Handle<Value> (*AccessorGetter)(Local<String> property,
                                        const AccessorInfo& info);
typedef void (*AccessorSetter)(Local<String> property, Local<Value> value,
                               const AccessorInfo& info);

enum AccessControl {
  DEFAULT = 0,
  ALL_CAN_READ = 1,
  ALL_CAN_WRITE = 1 << 1,
  PROHIBITS_OVERWRITING = 1 << 2
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
  PropertyAttribute GetPropertyAttributes(Handle<Value> key);
  bool Has(Handle<String> key);
  bool Has(uint32_t index);
  bool Delete(Handle<String> key);
  bool Delete(uint32_t index);
  bool ForceDelete(Handle<Value> key);
  bool SetAccessor(Handle<String> name, AccessorGetter getter,
                   AccessorSetter setter = 0,
                   Handle<Value> data = Handle<Value>(),
                   AccessControl settings = DEFAULT,
                   PropertyAttribute attribute = None);
  Local<Array> GetPropertyNames();
  Local<Array> GetOwnPropertyNames();
  Local<Value> GetPrototype();
  bool SetPrototype(Handle<Value> prototype);
  Local<Object> FindInstanceInPrototypeChain(Handle<FunctionTemplate> tmpl);
  Local<String> ObjectProtoToString();
  Local<String> GetConstructorName();

  int InternalFieldCount();
  Local<Value> GetInternalField(int index);
  void SetInternalField(int index, Handle<Value> value);
  void* GetPointerFromInternalField(int index);
  void SetPointerInInternalField(int index, void* value);

  bool HasOwnProperty(Handle<String> key);
  bool HasRealNamedProperty(Handle<String> key);
  bool HasRealIndexedProperty(uint32_t index);
  bool HasRealNamedCallbackProperty(Handle<String> key);
  Local<Value> GetRealNamedPropertyInPrototypeChain(Handle<String> key);
  Local<Value> GetRealNamedProperty(Handle<String> key);
  bool HasNamedLookupInterceptor();
  bool HasIndexedLookupInterceptor();

  int GetIdentityHash();
  // Hidden values: properties keyed by a private symbol per name, invisible
  // to JavaScript.  GetHiddenValue is empty when there is none.
  bool SetHiddenValue(Handle<String> key, Handle<Value> value);
  Local<Value> GetHiddenValue(Handle<String> key);
  bool DeleteHiddenValue(Handle<String> key);
  Local<Object> Clone();
  Local<Context> CreationContext();

  // Indexed properties over memory old code owns (and keeps alive as long
  // as the object uses it).  On a Buffer or typed array the Get* forms
  // report its bytes.
  void SetIndexedPropertiesToPixelData(uint8_t* data, int length);
  bool HasIndexedPropertiesInPixelData();
  uint8_t* GetIndexedPropertiesPixelData();
  int GetIndexedPropertiesPixelDataLength();
  void SetIndexedPropertiesToExternalArrayData(void* data,
                                               ExternalArrayType array_type,
                                               int number_of_elements);
  bool HasIndexedPropertiesInExternalArrayData();
  void* GetIndexedPropertiesExternalArrayData();
  ExternalArrayType GetIndexedPropertiesExternalArrayDataType();
  int GetIndexedPropertiesExternalArrayDataLength();

  bool IsCallable();
  Local<Value> CallAsFunction(Handle<Object> recv, int argc,
                              Handle<Value> argv[]);
  Local<Value> CallAsConstructor(int argc, Handle<Value> argv[]);

  void TurnOnAccessCheck() COMPAT_UNSUPPORTED(
      "v8::Object::TurnOnAccessCheck is not supported: access checks are "
      "gone from V8's embedder API; use a Proxy or an interceptor");
  bool IsDirty() COMPAT_UNSUPPORTED(
      "v8::Object::IsDirty is not supported: modern V8 does not track it; "
      "keep a flag of your own");

  static Local<Object> New();
  COMPAT_V8_CAST(Object)
};

class Array : public Object {
 public:
  uint32_t Length() const;
  Local<Object> CloneElementAt(uint32_t index);
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
  Handle<Value> GetInferredName() const;
  int GetScriptLineNumber() const;
  int GetScriptColumnNumber() const;
  Handle<Value> GetScriptId() const;
  ScriptOrigin GetScriptOrigin() const;
  static const int kLineOffsetNotFound;
  COMPAT_V8_CAST(Function)
};

class Date : public Object {
 public:
  // V8 3.x returns Local<Value> here, not Local<Date>.
  static Local<Value> New(double time);
  double NumberValue() const;
  static void DateTimeConfigurationChangeNotification();
  COMPAT_V8_CAST(Date)
};

class NumberObject : public Object {
 public:
  static Local<Value> New(double value);
  double NumberValue() const;
  COMPAT_V8_CAST(NumberObject)
};

class BooleanObject : public Object {
 public:
  static Local<Value> New(bool value);
  bool BooleanValue() const;
  COMPAT_V8_CAST(BooleanObject)
};

class StringObject : public Object {
 public:
  static Local<Value> New(Handle<String> value);
  Local<String> StringValue() const;
  COMPAT_V8_CAST(StringObject)
};

class RegExp : public Object {
 public:
  enum Flags { kNone = 0, kGlobal = 1, kIgnoreCase = 2, kMultiline = 4 };
  // Empty when the pattern does not compile (the SyntaxError is pending).
  static Local<RegExp> New(Handle<String> pattern, Flags flags);
  Local<String> GetSource() const;
  Flags GetFlags() const;
  COMPAT_V8_CAST(RegExp)
};

class External : public Value {
 public:
  static Local<legacy_v8::Value> Wrap(void* data);
  static void* Unwrap(Handle<legacy_v8::Value> obj);
  static Local<External> New(void* value);
  void* Value() const;
  COMPAT_V8_CAST(External)
};

}  // namespace legacy
}  // namespace v8

#endif  // COMPAT_LEGACY_V8_OBJECTS_H_
