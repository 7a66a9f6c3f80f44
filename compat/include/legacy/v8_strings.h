// legacy/v8_strings.h: String of V8 3.x with Utf8Value, AsciiValue, Value.
#ifndef COMPAT_LEGACY_V8_STRINGS_H_
#define COMPAT_LEGACY_V8_STRINGS_H_

#include "v8_values.h"

namespace legacy_v8 {

class String : public Primitive {
 public:
  // Write* options (V8 3.6/3.11; 3.1's WriteHints used the same values).
  enum WriteOptions {
    NO_OPTIONS = 0,
    HINT_MANY_WRITES_EXPECTED = 1,
    NO_NULL_TERMINATION = 2,
    REPLACE_INVALID_UTF8 = 8
  };
  enum WriteHints { NO_HINTS = 0 };

  int Length() const;      // UTF-16 code units
  int Utf8Length() const;  // bytes of the UTF-8 encoding

  static Local<String> New(const char* data, int length = -1);
  static Local<String> New(const uint16_t* data, int length = -1);
  static Local<String> NewSymbol(const char* data, int length = -1);
  static Local<String> Concat(Handle<String> left, Handle<String> right);
  static Local<String> Empty();
  static Local<String> Empty(Isolate*);

  COMPAT_V8_CAST(String)

  // A NUL-terminated UTF-8 copy of any value's ToString().  Exceptions from
  // ToString are swallowed; on failure operator* is NULL and length() 0.
  class Utf8Value {
   public:
    explicit Utf8Value(Handle<legacy_v8::Value> obj);
    ~Utf8Value();
    char* operator*() { return str_; }
    const char* operator*() const { return str_; }
    int length() const { return length_; }

   private:
    Utf8Value(const Utf8Value&);
    void operator=(const Utf8Value&);
    char* str_;
    int length_;
  };

  // As Utf8Value, but each UTF-16 unit truncated to its low byte and NUL
  // replaced by a space (what V8 3.x WriteAscii did).
  class AsciiValue {
   public:
    explicit AsciiValue(Handle<legacy_v8::Value> obj);
    ~AsciiValue();
    char* operator*() { return str_; }
    const char* operator*() const { return str_; }
    int length() const { return length_; }

   private:
    AsciiValue(const AsciiValue&);
    void operator=(const AsciiValue&);
    char* str_;
    int length_;
  };

  // UTF-16 copy; length() counts code units.
  class Value {
   public:
    explicit Value(Handle<legacy_v8::Value> obj);
    ~Value();
    uint16_t* operator*() { return str_; }
    const uint16_t* operator*() const { return str_; }
    int length() const { return length_; }

   private:
    Value(const Value&);
    void operator=(const Value&);
    uint16_t* str_;
    int length_;
  };
};

}  // namespace legacy_v8

#endif  // COMPAT_LEGACY_V8_STRINGS_H_
