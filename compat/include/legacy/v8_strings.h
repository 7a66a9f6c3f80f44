// legacy/v8_strings.h: String of V8 3.x with Utf8Value, AsciiValue, Value.
#ifndef COMPAT_LEGACY_V8_STRINGS_H_
#define COMPAT_LEGACY_V8_STRINGS_H_

#include "v8_values.h"

namespace v8 {
namespace legacy {

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
  bool MayContainNonAscii() const;

  // V8 3.x: copy units [start, start + length) (length -1: to the end) and
  // add a NUL when there is room (length -1, or fewer written than length)
  // unless NO_NULL_TERMINATION.  Return the units written, without the NUL.
  int Write(uint16_t* buffer, int start = 0, int length = -1,
            int options = NO_OPTIONS) const;
  // As Write, each unit truncated to its low byte and NUL made a space.
  int WriteAscii(char* buffer, int start = 0, int length = -1,
                 int options = NO_OPTIONS) const;
  // V8 3.x: whole characters only, up to `length` bytes (-1: no limit); a
  // NUL when there is room.  Returns the bytes written including that NUL;
  // *nchars_ref gets the UTF-16 units written.
  int WriteUtf8(char* buffer, int length = -1, int* nchars_ref = NULL,
                int options = NO_OPTIONS) const;

  bool IsExternal() const;
  bool IsExternalAscii() const;

  // What old code derives from to make strings over its own memory.  V8
  // calls Dispose when the string is collected.
  class ExternalStringResourceBase {
   public:
    virtual ~ExternalStringResourceBase() {}

   protected:
    ExternalStringResourceBase() {}
    virtual void Dispose() { delete this; }

   private:
    friend struct compat::detail::FacadeAccess;
    ExternalStringResourceBase(const ExternalStringResourceBase&);
    void operator=(const ExternalStringResourceBase&);
  };

  class ExternalStringResource : public ExternalStringResourceBase {
   public:
    virtual ~ExternalStringResource() {}
    virtual const uint16_t* data() const = 0;
    virtual size_t length() const = 0;

   protected:
    ExternalStringResource() {}
  };

  class ExternalAsciiStringResource : public ExternalStringResourceBase {
   public:
    virtual ~ExternalAsciiStringResource() {}
    virtual const char* data() const = 0;
    virtual size_t length() const = 0;

   protected:
    ExternalAsciiStringResource() {}
  };

  static Local<String> NewExternal(ExternalStringResource* resource);
  static Local<String> NewExternal(ExternalAsciiStringResource* resource);
  bool MakeExternal(ExternalStringResource* resource);
  bool MakeExternal(ExternalAsciiStringResource* resource);
  bool CanMakeExternal();

  ExternalStringResource* GetExternalStringResource() const COMPAT_UNSUPPORTED(
      "v8::String::GetExternalStringResource is not supported: modern V8 "
      "keeps its own resource object; keep a pointer to your resource "
      "beside the string instead");
  const ExternalAsciiStringResource* GetExternalAsciiStringResource() const
      COMPAT_UNSUPPORTED(
          "v8::String::GetExternalAsciiStringResource is not supported: "
          "modern V8 keeps its own resource object; keep a pointer to your "
          "resource beside the string instead");
  static Local<String> NewUndetectable(const char* data, int length = -1)
      COMPAT_UNSUPPORTED(
          "v8::String::NewUndetectable is not supported: undetectable "
          "strings are gone from V8; use v8::String::New");
  static Local<String> NewUndetectable(const uint16_t* data, int length = -1)
      COMPAT_UNSUPPORTED(
          "v8::String::NewUndetectable is not supported: undetectable "
          "strings are gone from V8; use v8::String::New");

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

}  // namespace legacy
}  // namespace v8

#endif  // COMPAT_LEGACY_V8_STRINGS_H_
