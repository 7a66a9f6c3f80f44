// v8_strings.cc: V8 3.x String (New, NewSymbol, Length, Utf8Length, Concat)
// and its Utf8Value/AsciiValue/Value copies, on real V8 strings.
#include <cstring>

#include "misuse.h"
#include "v8_internal.h"
#include "v8_version.h"

using compat::detail::CurrentContext;
using compat::detail::CurrentIsolate;
using compat::detail::Legacy;
using compat::detail::Real;

namespace {

// V8 3.x: String::New(NULL, 0) and lengths of -1 (NUL-terminated) are fine.
v8::MaybeLocal<v8::String> NewUtf8(const char* data, int length,
                                  v8::NewStringType type) {
  if (data == nullptr) data = "";
  return v8::String::NewFromUtf8(CurrentIsolate(), data, type, length);
}

// The ToString of any value, exceptions swallowed (V8 3.x *Value classes).
bool StringOf(legacy_v8::Handle<legacy_v8::Value> object,
              v8::Local<v8::String>* out) {
  if (object.IsEmpty()) return false;
  v8::TryCatch swallow(CurrentIsolate());
  return Real(*object)->ToString(CurrentContext()).ToLocal(out);
}

}  // namespace

int legacy_v8::String::Length() const {
  v8::Local<v8::String> s;
  if (!compat::detail::SelfAs(this, "v8::String::Length", &s)) return 0;
  return s->Length();
}

int legacy_v8::String::Utf8Length() const {
  v8::Local<v8::String> s;
  if (!compat::detail::SelfAs(this, "v8::String::Utf8Length", &s)) return 0;
  return static_cast<int>(compat::version::Utf8Length(CurrentIsolate(), s));
}

legacy_v8::Local<legacy_v8::String> legacy_v8::String::New(const char* data,
                                                           int length) {
  return Legacy<String>(NewUtf8(data, length, v8::NewStringType::kNormal));
}

legacy_v8::Local<legacy_v8::String> legacy_v8::String::New(
    const uint16_t* data, int length) {
  static const uint16_t kEmpty[1] = {0};
  return Legacy<String>(v8::String::NewFromTwoByte(
      CurrentIsolate(), data != nullptr ? data : kEmpty,
      v8::NewStringType::kNormal, length));
}

legacy_v8::Local<legacy_v8::String> legacy_v8::String::NewSymbol(
    const char* data, int length) {
  return Legacy<String>(
      NewUtf8(data, length, v8::NewStringType::kInternalized));
}

legacy_v8::Local<legacy_v8::String> legacy_v8::String::Concat(
    Handle<String> left, Handle<String> right) {
  v8::Local<v8::String> l, r;
  if (!compat::detail::SelfAs(*left, "v8::String::Concat", &l) ||
      !compat::detail::SelfAs(*right, "v8::String::Concat", &r))
    return Local<String>();
  return Legacy<String>(v8::String::Concat(CurrentIsolate(), l, r));
}

legacy_v8::Local<legacy_v8::String> legacy_v8::String::Empty() {
  return Legacy<String>(v8::String::Empty(CurrentIsolate()));
}

legacy_v8::Local<legacy_v8::String> legacy_v8::String::Empty(Isolate*) {
  return Empty();
}

legacy_v8::String::Utf8Value::Utf8Value(Handle<legacy_v8::Value> obj)
    : str_(nullptr), length_(0) {
  v8::HandleScope scope(CurrentIsolate());
  v8::Local<v8::String> s;
  if (!StringOf(obj, &s)) return;
  v8::String::Utf8Value utf8(CurrentIsolate(), s);
  if (*utf8 == nullptr) return;
  length_ = utf8.length();
  str_ = new char[length_ + 1];
  std::memcpy(str_, *utf8, length_ + 1);
}

legacy_v8::String::Utf8Value::~Utf8Value() { delete[] str_; }

legacy_v8::String::AsciiValue::AsciiValue(Handle<legacy_v8::Value> obj)
    : str_(nullptr), length_(0) {
  v8::HandleScope scope(CurrentIsolate());
  v8::Local<v8::String> s;
  if (!StringOf(obj, &s)) return;
  v8::String::Value units(CurrentIsolate(), s);
  if (*units == nullptr) return;
  length_ = units.length();
  str_ = new char[length_ + 1];
  for (int i = 0; i < length_; i++) {
    // V8 3.x WriteAscii: the low byte of each UTF-16 unit, NUL as a space.
    char c = static_cast<char>((*units)[i] & 0xff);
    str_[i] = c == '\0' ? ' ' : c;
  }
  str_[length_] = '\0';
}

legacy_v8::String::AsciiValue::~AsciiValue() { delete[] str_; }

legacy_v8::String::Value::Value(Handle<legacy_v8::Value> obj)
    : str_(nullptr), length_(0) {
  v8::HandleScope scope(CurrentIsolate());
  v8::Local<v8::String> s;
  if (!StringOf(obj, &s)) return;
  v8::String::Value units(CurrentIsolate(), s);
  if (*units == nullptr) return;
  length_ = units.length();
  str_ = new uint16_t[length_ + 1];
  std::memcpy(str_, *units, (length_ + 1) * sizeof(uint16_t));
}

legacy_v8::String::Value::~Value() { delete[] str_; }
