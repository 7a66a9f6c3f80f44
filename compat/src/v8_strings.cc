// v8_strings.cc: V8 3.x String (New, NewSymbol, Length, Utf8Length, Concat)
// and its Utf8Value/AsciiValue/Value copies, on real V8 strings.
#include <cstring>
#include <deque>
#include <vector>

#include "misuse.h"
#include "v8_internal.h"
#include "v8_version.h"

using compat::detail::CurrentContext;
using compat::detail::CurrentIsolate;
using compat::detail::Legacy;
using compat::detail::Real;

namespace {

// Where the three bytes ED A0..BF 80..BF encoding a lone surrogate (as V8
// 3.x's WriteUtf8 wrote one, and so String::Utf8Value) begin, from `from`;
// `length` if none.
// (memchr: this runs on every String::New of old code, and ED is rare.)
int FindEncodedSurrogate(const unsigned char* bytes, int from, int length) {
  const unsigned char* end = bytes + length;
  const unsigned char* at = bytes + from;
  while (end - at > 2) {
    at = static_cast<const unsigned char*>(std::memchr(at, 0xed, end - at - 2));
    if (at == nullptr) break;
    if ((at[1] & 0xe0) == 0xa0 && (at[2] & 0xc0) == 0x80)
      return static_cast<int>(at - bytes);
    at++;
  }
  return length;
}

// V8 3.x's decoder read an encoded surrogate back as that UTF-16 unit, so
// a lone surrogate survived Utf8Value -> String::New; modern V8 reads the
// three bytes as three U+FFFD.  Each run between encoded surrogates is
// decoded by V8 (a run ending in a cut sequence gets the U+FFFD V8 would
// give it before the next lead byte anyway), each surrogate becomes its unit.
v8::MaybeLocal<v8::String> NewWithSurrogates(v8::Isolate* isolate,
                                             const char* data, int length,
                                             int first,
                                             v8::NewStringType type) {
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(data);
  std::vector<uint16_t> units;
  units.reserve(length);
  int start = 0;
  int at = first;
  while (true) {
    if (at > start) {
      v8::Local<v8::String> run;
      if (!v8::String::NewFromUtf8(isolate, data + start,
                                   v8::NewStringType::kNormal, at - start)
               .ToLocal(&run))
        return v8::MaybeLocal<v8::String>();
      size_t old = units.size();
      units.resize(old + run->Length());
      compat::version::ReadUnits(isolate, run, 0, run->Length(),
                                 units.data() + old);
    }
    if (at == length) break;
    units.push_back(static_cast<uint16_t>(0xd000 | ((bytes[at + 1] & 0x3f)
                                                     << 6) |
                                          (bytes[at + 2] & 0x3f)));
    start = at + 3;
    at = FindEncodedSurrogate(bytes, start, length);
  }
  return v8::String::NewFromTwoByte(isolate, units.data(), type,
                                    static_cast<int>(units.size()));
}

// V8 3.x: String::New(NULL, 0) and lengths of -1 (NUL-terminated) are fine.
v8::MaybeLocal<v8::String> NewUtf8(const char* data, int length,
                                   v8::NewStringType type) {
  if (data == nullptr) data = "";
  if (length < 0) length = static_cast<int>(std::strlen(data));
  v8::Isolate* isolate = CurrentIsolate();
  int surrogate = FindEncodedSurrogate(
      reinterpret_cast<const unsigned char*>(data), 0, length);
  if (surrogate < length)
    return NewWithSurrogates(isolate, data, length, surrogate, type);
  return v8::String::NewFromUtf8(isolate, data, type, length);
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

legacy_v8::Local<legacy_v8::String> legacy_v8::String::New(const uint16_t* data,
                                                           int length) {
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
  v8::Isolate* isolate = CurrentIsolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::String> s;
  if (!StringOf(obj, &s)) return;
  // V8 3.x's UTF-8 (a lone surrogate as its own three bytes), which modern
  // V8's Utf8Value no longer produces (Node 26 writes U+FFFD).
  int length = static_cast<int>(compat::version::Utf8Length(isolate, s));
  str_ = new char[length + 1];
  length_ = static_cast<legacy_v8::String*>(compat::detail::Slot(s))
                ->WriteUtf8(str_, length, NULL, NO_NULL_TERMINATION);
  str_[length_] = '\0';
}

namespace {

// The era's most common bug, `char* s = *String::Utf8Value(v);`, keeps a
// pointer into a temporary that is destroyed at the end of the statement.
// V8 3.x freed the buffer at once too, but the allocators of 2011 left its
// bytes in place until the next allocation of that size; glibc's tcache
// now writes its list links over the first 16 bytes the moment the buffer
// is freed.  So a released buffer is kept until kKept more have been
// released on its thread (or the kept bytes pass kKeptBytes), which makes
// the dangling pointer read the text it read in 2011.
constexpr std::size_t kKept = 16;
constexpr std::size_t kKeptBytes = 1 << 20;

class Graveyard {
 public:
  ~Graveyard() {
    while (!kept_.empty()) FreeOldest();
  }
  template <class T>
  void Release(T* buffer, std::size_t count) {
    if (buffer == nullptr) return;
    std::size_t bytes = count * sizeof(T);
    if (bytes > kKeptBytes) {
      delete[] buffer;
      return;
    }
    kept_.push_back(Entry{buffer, bytes, &Delete<T>});
    bytes_ += bytes;
    while (kept_.size() > kKept || bytes_ > kKeptBytes) FreeOldest();
  }

 private:
  struct Entry {
    void* buffer;
    std::size_t bytes;
    void (*free)(void*);
  };
  template <class T>
  static void Delete(void* buffer) {
    delete[] static_cast<T*>(buffer);
  }
  void FreeOldest() {
    Entry oldest = kept_.front();
    kept_.pop_front();
    bytes_ -= oldest.bytes;
    oldest.free(oldest.buffer);
  }
  std::deque<Entry> kept_;
  std::size_t bytes_ = 0;
};

thread_local Graveyard graveyard;

}  // namespace

legacy_v8::String::Utf8Value::~Utf8Value() {
  graveyard.Release(str_, static_cast<std::size_t>(length_) + 1);
}

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

legacy_v8::String::AsciiValue::~AsciiValue() {
  graveyard.Release(str_, static_cast<std::size_t>(length_) + 1);
}

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

legacy_v8::String::Value::~Value() {
  graveyard.Release(str_, static_cast<std::size_t>(length_) + 1);
}

namespace {

bool IsLead(uint32_t unit) { return (unit & 0xfc00) == 0xd800; }
bool IsTrail(uint32_t unit) { return (unit & 0xfc00) == 0xdc00; }

// The UTF-8 bytes of one code point (V8 3.x encodes a lone surrogate as
// its own three bytes).
int EncodeUtf8(uint32_t c, char* out) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xc0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3f));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xe0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    out[2] = static_cast<char>(0x80 | (c & 0x3f));
    return 3;
  }
  out[0] = static_cast<char>(0xf0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3f));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3f));
  out[3] = static_cast<char>(0x80 | (c & 0x3f));
  return 4;
}

// UTF-16 units read from a string, on the stack when there are few.
class Units {
 public:
  Units(v8::Isolate* isolate, v8::Local<v8::String> s, int start, int count)
      : data_(count <= kInline ? inline_ : new uint16_t[count]) {
    compat::version::ReadUnits(isolate, s, start, count, data_);
  }
  ~Units() {
    if (data_ != inline_) delete[] data_;
  }
  uint16_t operator[](int i) const { return data_[i]; }

 private:
  static const int kInline = 256;
  uint16_t inline_[kInline];
  uint16_t* data_;
};

// [start, end) of the units a Write/WriteAscii call copies (V8 3.x).
void WriteRange(int string_length, int start, int length, int* from,
                int* count) {
  if (start < 0) start = 0;
  if (start > string_length) start = string_length;
  int end = string_length;
  if (length >= 0 && length < string_length - start) end = start + length;
  *from = start;
  *count = end - start;
}

bool WritesNul(int options, int length, int written) {
  return (options & legacy_v8::String::NO_NULL_TERMINATION) == 0 &&
         (length < 0 || written < length);
}

}  // namespace

bool legacy_v8::String::MayContainNonAscii() const {
  v8::Local<v8::String> s;
  if (!compat::detail::SelfAs(this, "v8::String::MayContainNonAscii", &s))
    return false;
  if (!s->IsOneByte()) return true;
  v8::Isolate* isolate = CurrentIsolate();
  int length = s->Length();
  for (int offset = 0; offset < length; offset += 256) {
    uint8_t bytes[256];
    int count = length - offset < 256 ? length - offset : 256;
    compat::version::ReadLowBytes(isolate, s, offset, count, bytes);
    for (int i = 0; i < count; i++)
      if (bytes[i] >= 0x80) return true;
  }
  return false;
}

int legacy_v8::String::Write(uint16_t* buffer, int start, int length,
                             int options) const {
  v8::Local<v8::String> s;
  if (!compat::detail::SelfAs(this, "v8::String::Write", &s)) return 0;
  int from, count;
  WriteRange(s->Length(), start, length, &from, &count);
  compat::version::ReadUnits(CurrentIsolate(), s, from, count, buffer);
  if (WritesNul(options, length, count)) buffer[count] = 0;
  return count;
}

int legacy_v8::String::WriteAscii(char* buffer, int start, int length,
                                  int options) const {
  v8::Local<v8::String> s;
  if (!compat::detail::SelfAs(this, "v8::String::WriteAscii", &s)) return 0;
  int from, count;
  WriteRange(s->Length(), start, length, &from, &count);
  compat::version::ReadLowBytes(CurrentIsolate(), s, from, count,
                                reinterpret_cast<uint8_t*>(buffer));
  // V8 3.x: the low byte of each unit, and NUL written as a space.
  for (int i = 0; i < count; i++)
    if (buffer[i] == '\0') buffer[i] = ' ';
  if (WritesNul(options, length, count)) buffer[count] = '\0';
  return count;
}

int legacy_v8::String::WriteUtf8(char* buffer, int capacity, int* nchars_ref,
                                 int options) const {
  v8::Local<v8::String> s;
  if (!compat::detail::SelfAs(this, "v8::String::WriteUtf8", &s)) {
    if (nchars_ref != NULL) *nchars_ref = 0;
    return 0;
  }
  const bool replace = (options & REPLACE_INVALID_UTF8) != 0;
  const int length = s->Length();
  // Every unit takes at least one byte, so no more than `capacity` units
  // can be written.
  const int readable = capacity < 0 || capacity >= length ? length : capacity;
  Units units(CurrentIsolate(), s, 0, readable);
  int pos = 0;
  int nchars = 0;
  int i = 0;
  uint32_t previous = 0;  // the last unit written, if it was a lead
  for (; i < readable; i++) {
    uint32_t c = units[i];
    if (!replace && IsTrail(c) && IsLead(previous)) {
      // V8 3.x wrote the lead surrogate as three bytes and, when its trail
      // follows, rewrites them as the pair's four-byte sequence.
      if (capacity >= 0 && pos + 1 > capacity) break;
      uint32_t code = 0x10000 + ((previous - 0xd800) << 10) + (c - 0xdc00);
      pos += EncodeUtf8(code, buffer + pos - 3) - 3;
      nchars++;
      previous = 0;
      continue;
    }
    char bytes[4];
    int written;
    // (Past `readable` the pair could not fit anyway.)
    if (replace && IsLead(c) && i + 1 < readable && IsTrail(units[i + 1])) {
      uint32_t code = 0x10000 + ((c - 0xd800) << 10) + (units[i + 1] - 0xdc00);
      written = EncodeUtf8(code, bytes);
      if (capacity >= 0 && pos + written > capacity) break;
      for (int j = 0; j < written; j++) buffer[pos + j] = bytes[j];
      pos += written;
      nchars += 2;
      i++;
      continue;
    }
    if (replace && (IsLead(c) || IsTrail(c))) c = 0xfffd;
    written = EncodeUtf8(c, bytes);
    if (capacity >= 0 && pos + written > capacity) break;
    for (int j = 0; j < written; j++) buffer[pos + j] = bytes[j];
    pos += written;
    nchars++;
    previous = c;
  }
  if (nchars_ref != NULL) *nchars_ref = nchars;
  // V8 3.x: a NUL only after the whole string, and only if it fits.
  if ((options & NO_NULL_TERMINATION) == 0 && i == length &&
      (capacity < 0 || pos < capacity))
    buffer[pos++] = '\0';
  return pos;
}

bool legacy_v8::String::IsExternal() const {
  v8::Local<v8::String> s;
  if (!compat::detail::SelfAs(this, "v8::String::IsExternal", &s)) return false;
  return s->IsExternalTwoByte();
}

bool legacy_v8::String::IsExternalAscii() const {
  v8::Local<v8::String> s;
  if (!compat::detail::SelfAs(this, "v8::String::IsExternalAscii", &s))
    return false;
  return s->IsExternalOneByte();
}

namespace {

// V8's resource types over old code's: V8 reads the old resource's data and
// length, and its Dispose runs the old resource's Dispose (by default
// `delete this`, as in V8 3.x).
class TwoByteResource : public v8::String::ExternalStringResource {
 public:
  explicit TwoByteResource(legacy_v8::String::ExternalStringResource* legacy)
      : legacy_(legacy) {}
  const uint16_t* data() const override { return legacy_->data(); }
  size_t length() const override { return legacy_->length(); }

 protected:
  void Dispose() override {
    compat::detail::FacadeAccess::Dispose(legacy_);
    delete this;
  }

 private:
  legacy_v8::String::ExternalStringResource* legacy_;
};

class OneByteResource : public v8::String::ExternalOneByteStringResource {
 public:
  explicit OneByteResource(
      legacy_v8::String::ExternalAsciiStringResource* legacy)
      : legacy_(legacy) {}
  const char* data() const override { return legacy_->data(); }
  size_t length() const override { return legacy_->length(); }

 protected:
  void Dispose() override {
    compat::detail::FacadeAccess::Dispose(legacy_);
    delete this;
  }

 private:
  legacy_v8::String::ExternalAsciiStringResource* legacy_;
};

}  // namespace

legacy_v8::Local<legacy_v8::String> legacy_v8::String::NewExternal(
    ExternalStringResource* resource) {
  if (resource == NULL) {
    compat::detail::ThrowMisuse("v8::String::NewExternal: null resource");
    return Local<String>();
  }
  TwoByteResource* adapter = new TwoByteResource(resource);
  v8::Local<v8::String> s;
  if (!v8::String::NewExternalTwoByte(CurrentIsolate(), adapter).ToLocal(&s)) {
    delete adapter;
    return Local<String>();
  }
  return Legacy<String>(s);
}

legacy_v8::Local<legacy_v8::String> legacy_v8::String::NewExternal(
    ExternalAsciiStringResource* resource) {
  if (resource == NULL) {
    compat::detail::ThrowMisuse("v8::String::NewExternal: null resource");
    return Local<String>();
  }
  OneByteResource* adapter = new OneByteResource(resource);
  v8::Local<v8::String> s;
  if (!v8::String::NewExternalOneByte(CurrentIsolate(), adapter).ToLocal(&s)) {
    delete adapter;
    return Local<String>();
  }
  return Legacy<String>(s);
}

bool legacy_v8::String::MakeExternal(ExternalStringResource* resource) {
  v8::Local<v8::String> s;
  if (!compat::detail::SelfAs(this, "v8::String::MakeExternal", &s) ||
      resource == NULL || !s->CanMakeExternal(v8::String::TWO_BYTE_ENCODING))
    return false;
  TwoByteResource* adapter = new TwoByteResource(resource);
  if (s->MakeExternal(adapter)) return true;
  delete adapter;
  return false;
}

bool legacy_v8::String::MakeExternal(ExternalAsciiStringResource* resource) {
  v8::Local<v8::String> s;
  if (!compat::detail::SelfAs(this, "v8::String::MakeExternal", &s) ||
      resource == NULL || !s->CanMakeExternal(v8::String::ONE_BYTE_ENCODING))
    return false;
  OneByteResource* adapter = new OneByteResource(resource);
  if (s->MakeExternal(adapter)) return true;
  delete adapter;
  return false;
}

bool legacy_v8::String::CanMakeExternal() {
  v8::Local<v8::String> s;
  if (!compat::detail::SelfAs(this, "v8::String::CanMakeExternal", &s))
    return false;
  return s->CanMakeExternal(s->IsOneByte() ? v8::String::ONE_BYTE_ENCODING
                                           : v8::String::TWO_BYTE_ENCODING);
}
