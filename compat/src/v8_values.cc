// v8_values.cc: V8 3.x Value (Is*, To*, *Value, Equals) and the primitive
// types, on real V8 values.  Old conversions took no context: they run in
// the current one, and return what V8 3.x returned when they throw (an empty
// handle, NaN for NumberValue, 0 for the integer forms).
#include <cmath>
#include <limits>

#include "misuse.h"
#include "v8_internal.h"

using compat::detail::CurrentContext;
using compat::detail::CurrentIsolate;
using compat::detail::Legacy;
using compat::detail::Real;

#define COMPAT_VALUE_IS(Name)                   \
  bool legacy_v8::Value::Name() const {         \
    COMPAT_SELF_OR(false, "v8::Value::" #Name); \
    return Real(this)->Name();                  \
  }

COMPAT_VALUE_IS(IsUndefined)
COMPAT_VALUE_IS(IsNull)
COMPAT_VALUE_IS(IsTrue)
COMPAT_VALUE_IS(IsFalse)
COMPAT_VALUE_IS(IsString)
COMPAT_VALUE_IS(IsFunction)
COMPAT_VALUE_IS(IsArray)
COMPAT_VALUE_IS(IsObject)
COMPAT_VALUE_IS(IsBoolean)
COMPAT_VALUE_IS(IsNumber)
COMPAT_VALUE_IS(IsExternal)
COMPAT_VALUE_IS(IsInt32)
COMPAT_VALUE_IS(IsUint32)
COMPAT_VALUE_IS(IsDate)
COMPAT_VALUE_IS(IsBooleanObject)
COMPAT_VALUE_IS(IsNumberObject)
COMPAT_VALUE_IS(IsStringObject)
COMPAT_VALUE_IS(IsNativeError)
COMPAT_VALUE_IS(IsRegExp)

#undef COMPAT_VALUE_IS

legacy_v8::Local<legacy_v8::Boolean> legacy_v8::Value::ToBoolean() const {
  COMPAT_SELF_OR(Local<Boolean>(), "v8::Value::ToBoolean");
  return Legacy<Boolean>(Real(this)->ToBoolean(CurrentIsolate()));
}

#define COMPAT_VALUE_TO(Type, Name)                                  \
  legacy_v8::Local<legacy_v8::Type> legacy_v8::Value::Name() const { \
    COMPAT_SELF_OR(Local<Type>(), "v8::Value::" #Name);              \
    return Legacy<Type>(Real(this)->Name(CurrentContext()));         \
  }

COMPAT_VALUE_TO(Number, ToNumber)
COMPAT_VALUE_TO(String, ToString)
COMPAT_VALUE_TO(String, ToDetailString)
COMPAT_VALUE_TO(Object, ToObject)
COMPAT_VALUE_TO(Uint32, ToUint32)
COMPAT_VALUE_TO(Int32, ToInt32)
COMPAT_VALUE_TO(Uint32, ToArrayIndex)

#undef COMPAT_VALUE_TO

legacy_v8::Local<legacy_v8::Integer> legacy_v8::Value::ToInteger() const {
  COMPAT_SELF_OR(Local<Integer>(), "v8::Value::ToInteger");
  v8::Local<v8::Value> value = Real(this);
  if (value->IsInt32()) return Legacy<Integer>(value);
  v8::Local<v8::Number> number;
  if (!value->ToNumber(CurrentContext()).ToLocal(&number))
    return Local<Integer>();
  // V8 3.x (ES5 ToInteger): NaN is 0, and the sign of zero is kept, so
  // -0.5 and -0 give -0 (modern V8 gives +0).
  double d = number->Value();
  if (std::isnan(d))
    d = 0;
  else if (!std::isinf(d))
    d = std::trunc(d);
  return Legacy<Integer>(v8::Number::New(CurrentIsolate(), d));
}

bool legacy_v8::Value::BooleanValue() const {
  COMPAT_SELF_OR(false, "v8::Value::BooleanValue");
  return Real(this)->BooleanValue(CurrentIsolate());
}

double legacy_v8::Value::NumberValue() const {
  COMPAT_SELF_OR(std::numeric_limits<double>::quiet_NaN(),
                 "v8::Value::NumberValue");
  v8::Local<v8::Value> value = Real(this);
  if (value->IsNumber()) return value.As<v8::Number>()->Value();
  return value->NumberValue(CurrentContext())
      .FromMaybe(std::numeric_limits<double>::quiet_NaN());
}

int64_t legacy_v8::Value::IntegerValue() const {
  COMPAT_SELF_OR(0, "v8::Value::IntegerValue");
  v8::Local<v8::Value> value = Real(this);
  if (value->IsInt32()) return value.As<v8::Int32>()->Value();
  double d;
  if (value->IsNumber()) {
    d = value.As<v8::Number>()->Value();
  } else {
    // V8 3.x: ToInteger first, so NaN became 0 here.
    v8::Local<v8::Number> number;
    if (!value->ToNumber(CurrentContext()).ToLocal(&number)) return 0;
    d = number->Value();
    if (std::isnan(d)) return 0;
  }
  // V8 3.x converted a number with a plain C cast; on x86-64 every double
  // outside int64_t (NaN and the infinities included) came out as INT64_MIN.
  if (!(d > -9223372036854775808.0 && d < 9223372036854775808.0))
    return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(d);
}

uint32_t legacy_v8::Value::Uint32Value() const {
  COMPAT_SELF_OR(0, "v8::Value::Uint32Value");
  v8::Local<v8::Value> value = Real(this);
  if (value->IsUint32()) return value.As<v8::Uint32>()->Value();
  return value->Uint32Value(CurrentContext()).FromMaybe(0);
}

int32_t legacy_v8::Value::Int32Value() const {
  COMPAT_SELF_OR(0, "v8::Value::Int32Value");
  v8::Local<v8::Value> value = Real(this);
  if (value->IsInt32()) return value.As<v8::Int32>()->Value();
  return value->Int32Value(CurrentContext()).FromMaybe(0);
}

bool legacy_v8::Value::Equals(Handle<Value> that) const {
  COMPAT_SELF_OR(false, "v8::Value::Equals");
  if (that.IsEmpty()) return false;
  return Real(this)->Equals(CurrentContext(), Real(*that)).FromMaybe(false);
}

bool legacy_v8::Value::StrictEquals(Handle<Value> that) const {
  COMPAT_SELF_OR(false, "v8::Value::StrictEquals");
  if (that.IsEmpty()) return false;
  return Real(this)->StrictEquals(Real(*that));
}

bool legacy_v8::Boolean::Value() const {
  COMPAT_SELF_OR(false, "v8::Boolean::Value");
  // V8 3.x: true only for the true value.
  return Real(this)->IsTrue();
}

legacy_v8::Handle<legacy_v8::Boolean> legacy_v8::Boolean::New(bool value) {
  return Legacy<Boolean>(v8::Boolean::New(CurrentIsolate(), value));
}

double legacy_v8::Number::Value() const {
  v8::Local<v8::Number> value;
  if (!compat::detail::SelfAs(this, "v8::Number::Value", &value))
    return std::numeric_limits<double>::quiet_NaN();
  return value->Value();
}

legacy_v8::Local<legacy_v8::Number> legacy_v8::Number::New(double value) {
  return Legacy<Number>(v8::Number::New(CurrentIsolate(), value));
}

legacy_v8::Local<legacy_v8::Integer> legacy_v8::Integer::New(int32_t value) {
  return Legacy<Integer>(v8::Integer::New(CurrentIsolate(), value));
}

legacy_v8::Local<legacy_v8::Integer> legacy_v8::Integer::NewFromUnsigned(
    uint32_t value) {
  return Legacy<Integer>(v8::Integer::NewFromUnsigned(CurrentIsolate(), value));
}

legacy_v8::Local<legacy_v8::Integer> legacy_v8::Integer::New(int32_t value,
                                                             Isolate*) {
  return New(value);
}

legacy_v8::Local<legacy_v8::Integer> legacy_v8::Integer::NewFromUnsigned(
    uint32_t value, Isolate*) {
  return NewFromUnsigned(value);
}

int64_t legacy_v8::Integer::Value() const {
  v8::Local<v8::Number> value;
  if (!compat::detail::SelfAs(this, "v8::Integer::Value", &value)) return 0;
  return value.As<v8::Integer>()->Value();
}

int32_t legacy_v8::Int32::Value() const {
  v8::Local<v8::Number> value;
  if (!compat::detail::SelfAs(this, "v8::Int32::Value", &value)) return 0;
  return value.As<v8::Int32>()->Value();
}

uint32_t legacy_v8::Uint32::Value() const {
  v8::Local<v8::Number> value;
  if (!compat::detail::SelfAs(this, "v8::Uint32::Value", &value)) return 0;
  return value.As<v8::Uint32>()->Value();
}

legacy_v8::Handle<legacy_v8::Primitive> legacy_v8::Undefined() {
  return Legacy<Primitive>(v8::Undefined(CurrentIsolate()));
}

legacy_v8::Handle<legacy_v8::Primitive> legacy_v8::Null() {
  return Legacy<Primitive>(v8::Null(CurrentIsolate()));
}

legacy_v8::Handle<legacy_v8::Boolean> legacy_v8::True() {
  return Legacy<Boolean>(v8::True(CurrentIsolate()));
}

legacy_v8::Handle<legacy_v8::Boolean> legacy_v8::False() {
  return Legacy<Boolean>(v8::False(CurrentIsolate()));
}

legacy_v8::Handle<legacy_v8::Primitive> legacy_v8::Undefined(Isolate*) {
  return Undefined();
}

legacy_v8::Handle<legacy_v8::Primitive> legacy_v8::Null(Isolate*) {
  return Null();
}

legacy_v8::Handle<legacy_v8::Boolean> legacy_v8::True(Isolate*) {
  return True();
}

legacy_v8::Handle<legacy_v8::Boolean> legacy_v8::False(Isolate*) {
  return False();
}
