// legacy/v8_values.h: Value and the primitive types of V8 3.x (Boolean,
// Number, Integer, Int32, Uint32) and Undefined/Null/True/False.
#ifndef COMPAT_LEGACY_V8_VALUES_H_
#define COMPAT_LEGACY_V8_VALUES_H_

#include "v8_handles.h"

#define COMPAT_V8_CAST(Type)                                       \
  static Type* Cast(::legacy_v8::Value* obj) {                     \
    return static_cast<Type*>(compat::detail::CheckCast(           \
        obj, compat::detail::kCast##Type, "v8::" #Type "::Cast")); \
  }

namespace v8 {
namespace legacy {

// Facade classes have no data: a pointer to one is a handle slot address.
class Data {
 private:
  Data();
};

class Value : public Data {
 public:
  bool IsUndefined() const;
  bool IsNull() const;
  bool IsTrue() const;
  bool IsFalse() const;
  bool IsString() const;
  bool IsFunction() const;
  bool IsArray() const;
  bool IsObject() const;
  bool IsBoolean() const;
  bool IsNumber() const;
  bool IsExternal() const;
  bool IsInt32() const;
  bool IsUint32() const;
  bool IsDate() const;
  bool IsBooleanObject() const;
  bool IsNumberObject() const;
  bool IsStringObject() const;
  bool IsNativeError() const;
  bool IsRegExp() const;

  // Conversions: empty when the conversion threw (the exception is pending).
  Local<Boolean> ToBoolean() const;
  Local<Number> ToNumber() const;
  Local<String> ToString() const;
  Local<String> ToDetailString() const;
  Local<Object> ToObject() const;
  Local<Integer> ToInteger() const;
  Local<Uint32> ToUint32() const;
  Local<Int32> ToInt32() const;
  Local<Uint32> ToArrayIndex() const;

  bool BooleanValue() const;
  double NumberValue() const;
  int64_t IntegerValue() const;
  uint32_t Uint32Value() const;
  int32_t Int32Value() const;

  bool Equals(Handle<Value> that) const;
  bool StrictEquals(Handle<Value> that) const;

  static Value* Cast(Value* obj) { return obj; }
};

class Primitive : public Value {};

class Boolean : public Primitive {
 public:
  bool Value() const;
  static Handle<Boolean> New(bool value);
  COMPAT_V8_CAST(Boolean)
};

class Number : public Primitive {
 public:
  double Value() const;
  static Local<Number> New(double value);
  COMPAT_V8_CAST(Number)
};

class Integer : public Number {
 public:
  static Local<Integer> New(int32_t value);
  static Local<Integer> NewFromUnsigned(uint32_t value);
  static Local<Integer> New(int32_t value, Isolate*);
  static Local<Integer> NewFromUnsigned(uint32_t value, Isolate*);
  int64_t Value() const;
  COMPAT_V8_CAST(Integer)
};

class Int32 : public Integer {
 public:
  int32_t Value() const;
  COMPAT_V8_CAST(Int32)
};

class Uint32 : public Integer {
 public:
  uint32_t Value() const;
  COMPAT_V8_CAST(Uint32)
};

Handle<Primitive> Undefined();
Handle<Primitive> Null();
Handle<Boolean> True();
Handle<Boolean> False();
Handle<Primitive> Undefined(Isolate*);
Handle<Primitive> Null(Isolate*);
Handle<Boolean> True(Isolate*);
Handle<Boolean> False(Isolate*);

}  // namespace legacy
}  // namespace v8

#endif  // COMPAT_LEGACY_V8_VALUES_H_
