// node_encoding.cc: node 0.x's string <-> bytes helpers (ParseEncoding,
// Encode, DecodeBytes, DecodeWrite) with node 0.8's results for the
// encodings it supported there (utf8, ascii, binary), and Node's own for
// the ones it did not (ucs2, hex, base64).
#include <strings.h>

#include <cstring>
#include <string>
#include <vector>

#include "misuse.h"
#include "v8_internal.h"

using compat::detail::CurrentContext;
using compat::detail::CurrentIsolate;
using compat::detail::Legacy;
using compat::detail::Real;

legacy_node::encoding legacy_node::ParseEncoding(
    legacy_v8::Handle<legacy_v8::Value> encoding_v, encoding _default) {
  if (encoding_v.IsEmpty() || !encoding_v->IsString()) return _default;
  legacy_v8::String::Utf8Value name(encoding_v);
  const char* text = *name;
  if (text == NULL) return _default;
  if (strcasecmp(text, "utf8") == 0 || strcasecmp(text, "utf-8") == 0)
    return UTF8;
  if (strcasecmp(text, "ascii") == 0) return ASCII;
  if (strcasecmp(text, "base64") == 0) return BASE64;
  if (strcasecmp(text, "ucs2") == 0 || strcasecmp(text, "ucs-2") == 0 ||
      strcasecmp(text, "utf16le") == 0 || strcasecmp(text, "utf-16le") == 0)
    return UCS2;
  if (strcasecmp(text, "binary") == 0) return BINARY;
  if (strcasecmp(text, "hex") == 0) return HEX;
  // node 0.8 still accepted the old names of binary, with a complaint.
  if (strcasecmp(text, "raw") == 0 || strcasecmp(text, "raws") == 0) {
    compat::Warn("node::ParseEncoding: '%s' is an old name of 'binary'", text);
    return BINARY;
  }
  return _default;
}

namespace {

const char kHexDigits[] = "0123456789abcdef";
const char kBase64Digits[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

v8::MaybeLocal<v8::String> Latin1(v8::Isolate* isolate, const char* text,
                                  size_t length) {
  return v8::String::NewFromOneByte(
      isolate, reinterpret_cast<const uint8_t*>(text),
      v8::NewStringType::kNormal, static_cast<int>(length));
}

}  // namespace

legacy_v8::Local<legacy_v8::Value> legacy_node::Encode(const void* buf,
                                                       size_t len,
                                                       encoding encoding) {
  v8::Isolate* isolate = CurrentIsolate();
  const char* bytes = static_cast<const char*>(buf);
  if (len == 0 || bytes == NULL)
    return Legacy<legacy_v8::Value>(v8::String::Empty(isolate));
  switch (encoding) {
    case BINARY:
      // Each byte one character (latin-1).
      return Legacy<legacy_v8::Value>(Latin1(isolate, bytes, len));
    case UCS2: {
      std::vector<uint16_t> units(len / 2);
      for (size_t i = 0; i < units.size(); i++)
        units[i] = static_cast<uint16_t>(
            static_cast<unsigned char>(bytes[2 * i]) |
            (static_cast<unsigned char>(bytes[2 * i + 1]) << 8));
      return Legacy<legacy_v8::Value>(v8::String::NewFromTwoByte(
          isolate, units.data(), v8::NewStringType::kNormal,
          static_cast<int>(units.size())));
    }
    case HEX: {
      std::string text;
      text.reserve(len * 2);
      for (size_t i = 0; i < len; i++) {
        unsigned char c = static_cast<unsigned char>(bytes[i]);
        text += kHexDigits[c >> 4];
        text += kHexDigits[c & 15];
      }
      return Legacy<legacy_v8::Value>(
          Latin1(isolate, text.data(), text.size()));
    }
    case BASE64: {
      std::string text;
      for (size_t i = 0; i < len; i += 3) {
        uint32_t chunk = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < len) chunk |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        if (i + 2 < len) chunk |= static_cast<unsigned char>(bytes[i + 2]);
        text += kBase64Digits[(chunk >> 18) & 63];
        text += kBase64Digits[(chunk >> 12) & 63];
        text += i + 1 < len ? kBase64Digits[(chunk >> 6) & 63] : '=';
        text += i + 2 < len ? kBase64Digits[chunk & 63] : '=';
      }
      return Legacy<legacy_v8::Value>(
          Latin1(isolate, text.data(), text.size()));
    }
    case ASCII:
    case UTF8:
      break;
  }
  // node 0.8: ascii and utf8 both decode the bytes as UTF-8, with
  // String::New (an encoded lone surrogate read back as its unit).
  return legacy_v8::String::New(bytes, static_cast<int>(len));
}

ssize_t legacy_node::DecodeBytes(legacy_v8::Handle<legacy_v8::Value> val,
                                 encoding encoding) {
  if (val.IsEmpty() || !compat::detail::UsableHandle(*val, "node::DecodeBytes"))
    return -1;
  v8::Isolate* isolate = CurrentIsolate();
  v8::HandleScope scope(isolate);
  if (Real(*val)->IsArray()) {
    // node 0.x: the 'raw' array-of-integers encoding had been removed.
    compat::detail::ThrowMisuse(
        "node::DecodeBytes: arrays of integers ('raw') are not an encoding; "
        "use 'binary'");
    return -1;
  }
  if (encoding == BASE64)
    return node::DecodeBytes(isolate, Real(*val), node::BASE64);
  v8::Local<v8::String> text;
  if (!Real(*val)->ToString(CurrentContext()).ToLocal(&text)) return -1;
  switch (encoding) {
    case UTF8:
      return static_cast<ssize_t>(compat::version::Utf8Length(isolate, text));
    case UCS2:
      return static_cast<ssize_t>(text->Length()) * 2;
    case HEX:
      return text->Length() / 2;
    default:
      return text->Length();
  }
}

ssize_t legacy_node::DecodeWrite(char* buf, size_t buflen,
                                 legacy_v8::Handle<legacy_v8::Value> val,
                                 encoding encoding) {
  if (val.IsEmpty() || !compat::detail::UsableHandle(*val, "node::DecodeWrite"))
    return -1;
  v8::Isolate* isolate = CurrentIsolate();
  v8::HandleScope scope(isolate);
  if (Real(*val)->IsArray()) {
    compat::detail::ThrowMisuse(
        "node::DecodeWrite: arrays of integers ('raw') are not an encoding; "
        "use 'binary'");
    return -1;
  }
  v8::Local<v8::String> text;
  if (!Real(*val)->ToString(CurrentContext()).ToLocal(&text)) return -1;
  legacy_v8::String* string =
      static_cast<legacy_v8::String*>(compat::detail::Slot(text));
  int length = buflen > 0x7fffffff ? 0x7fffffff : static_cast<int>(buflen);
  switch (encoding) {
    case UTF8:
      // node 0.8: WriteUtf8 into the buffer, and buflen is the answer.
      string->WriteUtf8(buf, length, NULL,
                        legacy_v8::String::HINT_MANY_WRITES_EXPECTED);
      return static_cast<ssize_t>(buflen);
    case ASCII:
      string->WriteAscii(buf, 0, length,
                         legacy_v8::String::HINT_MANY_WRITES_EXPECTED);
      return static_cast<ssize_t>(buflen);
    case BINARY: {
      // node 0.8 filled all of buflen: the low bytes of the string, then
      // whatever followed them in its scratch buffer; here, zeros.
      int count = text->Length() < length ? text->Length() : length;
      compat::version::ReadLowBytes(isolate, text, 0, count,
                                    reinterpret_cast<uint8_t*>(buf));
      if (static_cast<size_t>(count) < buflen)
        std::memset(buf + count, 0, buflen - count);
      return static_cast<ssize_t>(buflen);
    }
    default:
      // Divergence: node 0.8 aborted here (it decoded only utf8, ascii and
      // binary); these decode as Node's Buffer does.
      return node::DecodeWrite(isolate, buf, buflen, text,
                               static_cast<node::encoding>(encoding));
  }
}
