// v8_strings.cc: a test addon in the node 0.4 API: strings (New, Write,
// WriteAscii, WriteUtf8, Utf8Value, AsciiValue, external strings) and
// node's encodings.  Built unchanged against node 0.8.28's headers and
// against node-waf-compat; test/differential/v8_strings.js compares them.
#include <node.h>
#include <stdlib.h>
#include <string.h>
#include <v8.h>

using namespace v8;
using namespace node;

static const int kBuffer = 64;

// write(string, start, length, options): the return value and the units
// of a buffer filled with 0xffff beforehand, up to two past what was
// written.
static Handle<Value> WriteUnits(const Arguments& args) {
  HandleScope scope;
  uint16_t buffer[kBuffer];
  for (int i = 0; i < kBuffer; i++) buffer[i] = 0xffff;
  Local<String> s = args[0]->ToString();
  int written = s->Write(buffer, args[1]->Int32Value(), args[2]->Int32Value(),
                         args[3]->Int32Value());
  Local<Array> out = Array::New();
  out->Set(0, Integer::New(written));
  for (int i = 0; i < written + 2 && i < kBuffer; i++)
    out->Set(i + 1, Integer::New(buffer[i]));
  return scope.Close(out);
}

static Handle<Value> WriteAscii(const Arguments& args) {
  HandleScope scope;
  char buffer[kBuffer];
  memset(buffer, 'x', sizeof buffer);
  Local<String> s = args[0]->ToString();
  int written = s->WriteAscii(buffer, args[1]->Int32Value(),
                              args[2]->Int32Value(), args[3]->Int32Value());
  Local<Array> out = Array::New();
  out->Set(0, Integer::New(written));
  for (int i = 0; i < written + 2 && i < kBuffer; i++)
    out->Set(i + 1, Integer::New(static_cast<unsigned char>(buffer[i])));
  return scope.Close(out);
}

// writeUtf8(string, capacity, options): return value, nchars and the bytes.
static Handle<Value> WriteUtf8(const Arguments& args) {
  HandleScope scope;
  char buffer[kBuffer];
  memset(buffer, 0xaa, sizeof buffer);
  Local<String> s = args[0]->ToString();
  int capacity = args[1]->Int32Value();
  int nchars = -1;
  int written = s->WriteUtf8(buffer, capacity, &nchars, args[2]->Int32Value());
  Local<Array> out = Array::New();
  out->Set(0, Integer::New(written));
  out->Set(1, Integer::New(nchars));
  int shown = (capacity > written ? capacity : written) + 1;
  for (int i = 0; i < shown && i < kBuffer; i++)
    out->Set(i + 2, Integer::New(static_cast<unsigned char>(buffer[i])));
  return scope.Close(out);
}

static Handle<Value> Lengths(const Arguments& args) {
  HandleScope scope;
  Local<String> s = args[0]->ToString();
  Local<Array> out = Array::New(2);
  out->Set(0, Integer::New(s->Length()));
  out->Set(1, Integer::New(s->Utf8Length()));
  return scope.Close(out);
}

// The three copies of any value's ToString: lengths and contents (NULL on
// failure, shown as null).
static Handle<Value> Copies(const Arguments& args) {
  HandleScope scope;
  Local<Array> out = Array::New(6);
  String::Utf8Value utf8(args[0]);
  String::AsciiValue ascii(args[0]);
  String::Value units(args[0]);
  out->Set(0, Integer::New(utf8.length()));
  if (*utf8 != NULL) {
    Local<Array> bytes = Array::New();
    for (int i = 0; i <= utf8.length(); i++)
      bytes->Set(i, Integer::New(static_cast<unsigned char>((*utf8)[i])));
    out->Set(1, bytes);
  } else {
    out->Set(1, Null());
  }
  out->Set(2, Integer::New(ascii.length()));
  out->Set(3, *ascii != NULL
                  ? Handle<Value>(String::New(*ascii, ascii.length()))
                  : Handle<Value>(Null()));
  out->Set(4, Integer::New(units.length()));
  out->Set(5, *units != NULL
                  ? Handle<Value>(String::New(*units, units.length()))
                  : Handle<Value>(Null()));
  return scope.Close(out);
}

// Strings made by old code.
static Handle<Value> Made(const Arguments& args) {
  HandleScope scope;
  Local<Array> out = Array::New();
  static const uint16_t units[] = {0x68, 0xe9, 0x20ac, 0xd83d, 0xde00, 0};
  out->Set(0, String::New("caf\xc3\xa9"));
  out->Set(1, String::New("abcdef", 3));
  out->Set(2, String::New(units));
  out->Set(3, String::New(units, 2));
  out->Set(4, String::NewSymbol("symbol"));
  out->Set(5, String::Concat(String::New("con"), String::New("cat")));
  out->Set(6, String::Empty());
  out->Set(7, String::New("nul\0inside", 10));
  out->Set(8, String::New(""));
  out->Set(9, Boolean::New(String::New("plain")->MayContainNonAscii()));
  out->Set(10, Boolean::New(String::New("\xc3\xa9")->MayContainNonAscii()));
  return scope.Close(out);
}

class AsciiResource : public String::ExternalAsciiStringResource {
 public:
  explicit AsciiResource(const char* text) : text_(text) {}
  const char* data() const { return text_; }
  size_t length() const { return strlen(text_); }

 private:
  const char* text_;
};

class TwoByteResource : public String::ExternalStringResource {
 public:
  TwoByteResource() {
    units_[0] = 0x3b1;
    units_[1] = 0x3b2;
    units_[2] = 0x3b3;
  }
  const uint16_t* data() const { return units_; }
  size_t length() const { return 3; }

 private:
  uint16_t units_[3];
};

static Handle<Value> Externals(const Arguments& args) {
  HandleScope scope;
  Local<String> ascii = String::NewExternal(new AsciiResource("external"));
  Local<String> wide = String::NewExternal(new TwoByteResource());
  Local<Array> out = Array::New(6);
  out->Set(0, ascii);
  out->Set(1, Boolean::New(ascii->IsExternalAscii()));
  out->Set(2, Boolean::New(ascii->IsExternal()));
  out->Set(3, wide);
  out->Set(4, Boolean::New(wide->IsExternal()));
  out->Set(5, Boolean::New(String::New("x")->IsExternalAscii()));
  return scope.Close(out);
}

// encode(array of bytes, encoding): node::Encode.
static Handle<Value> EncodeBytes(const Arguments& args) {
  HandleScope scope;
  Local<Array> bytes = Local<Array>::Cast(args[0]);
  char* data = static_cast<char*>(malloc(bytes->Length() + 1));
  for (uint32_t i = 0; i < bytes->Length(); i++)
    data[i] = static_cast<char>(bytes->Get(i)->Int32Value());
  Local<Value> text =
      Encode(data, bytes->Length(), ParseEncoding(args[1], BINARY));
  free(data);
  return scope.Close(text);
}

// decode(value, encoding, buflen): node::DecodeBytes, then DecodeWrite
// into a buffer of that many bytes (or buflen if given).
static Handle<Value> Decode(const Arguments& args) {
  HandleScope scope;
  enum encoding enc = ParseEncoding(args[1], BINARY);
  ssize_t size = DecodeBytes(args[0], enc);
  Local<Array> out = Array::New();
  out->Set(0, Integer::New(static_cast<int32_t>(size)));
  size_t buflen =
      args[2]->IsNumber() ? args[2]->Uint32Value() : static_cast<size_t>(size);
  char buffer[kBuffer];
  memset(buffer, 0xaa, sizeof buffer);
  if (buflen > kBuffer) buflen = kBuffer;
  ssize_t written = DecodeWrite(buffer, buflen, args[0], enc);
  out->Set(1, Integer::New(static_cast<int32_t>(written)));
  for (size_t i = 0; i < buflen + 1 && i < kBuffer; i++)
    out->Set(i + 2, Integer::New(static_cast<unsigned char>(buffer[i])));
  return scope.Close(out);
}

// fromBytes(array of bytes): String::New and String::NewSymbol of those
// bytes, read as UTF-8.
static Handle<Value> FromBytes(const Arguments& args) {
  HandleScope scope;
  Local<Array> bytes = Local<Array>::Cast(args[0]);
  int length = static_cast<int>(bytes->Length());
  char* data = static_cast<char*>(malloc(length + 1));
  for (int i = 0; i < length; i++)
    data[i] = static_cast<char>(bytes->Get(i)->Int32Value());
  data[length] = '\0';
  Local<Array> out = Array::New();
  out->Set(0, String::New(data, length));
  out->Set(1, String::NewSymbol(data, length));
  out->Set(2, String::New(data));
  free(data);
  return scope.Close(out);
}

// roundTrip(string): String::New(*String::Utf8Value(s)), as addons of the
// era stored and gave back text (a database, a parser's buffer).
static Handle<Value> RoundTrip(const Arguments& args) {
  HandleScope scope;
  String::Utf8Value text(args[0]);
  return scope.Close(String::New(*text, text.length()));
}

// dangling(string): the era's bug, a pointer into a *Value temporary kept
// past its statement, read back after other temporaries came and went.
static Handle<Value> Dangling(const Arguments& args) {
  HandleScope scope;
  char* ascii = *String::AsciiValue(args[0]);
  char* utf8 = *String::Utf8Value(args[0]);
  char* more = *String::Utf8Value(args[1]);
  Local<Array> out = Array::New(3);
  out->Set(0, String::New(ascii));
  out->Set(1, String::New(utf8));
  out->Set(2, String::New(more));
  return scope.Close(out);
}

static Handle<Value> DecodeSize(const Arguments& args) {
  HandleScope scope;
  return scope.Close(Integer::New(static_cast<int32_t>(
      DecodeBytes(args[0], ParseEncoding(args[1], BINARY)))));
}

static Handle<Value> Parse(const Arguments& args) {
  HandleScope scope;
  return scope.Close(Integer::New(ParseEncoding(args[0], UTF8)));
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "write", WriteUnits);
  NODE_SET_METHOD(target, "writeAscii", WriteAscii);
  NODE_SET_METHOD(target, "writeUtf8", WriteUtf8);
  NODE_SET_METHOD(target, "lengths", Lengths);
  NODE_SET_METHOD(target, "copies", Copies);
  NODE_SET_METHOD(target, "made", Made);
  NODE_SET_METHOD(target, "externals", Externals);
  NODE_SET_METHOD(target, "encode", EncodeBytes);
  NODE_SET_METHOD(target, "decode", Decode);
  NODE_SET_METHOD(target, "decodeBytes", DecodeSize);
  NODE_SET_METHOD(target, "fromBytes", FromBytes);
  NODE_SET_METHOD(target, "roundTrip", RoundTrip);
  NODE_SET_METHOD(target, "dangling", Dangling);
  NODE_SET_METHOD(target, "parseEncoding", Parse);
  NODE_DEFINE_CONSTANT(target, ASCII);
  NODE_DEFINE_CONSTANT(target, UTF8);
  NODE_DEFINE_CONSTANT(target, BASE64);
  NODE_DEFINE_CONSTANT(target, UCS2);
  NODE_DEFINE_CONSTANT(target, BINARY);
  NODE_DEFINE_CONSTANT(target, HEX);
}
