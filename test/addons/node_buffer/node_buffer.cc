// node_buffer.cc: a test addon in the node 0.4 API: node::Buffer (New of a
// size, a copy, memory with a free callback, a string; Data, Length,
// HasInstance), its bytes shared with JavaScript.  Built unchanged against
// node 0.8.28's headers and against node-waf-compat; test/differential/
// node_buffer.js compares them (run with --expose-gc).
#include <node.h>
#include <node_buffer.h>
#include <stdlib.h>
#include <string.h>
#include <v8.h>

using namespace v8;
using namespace node;

static Persistent<Object> last;

// make(size): a Buffer whose bytes C++ fills with i * 3.
// A reverse in place over [Data, Data + Length - 1], the era's loop: an
// empty buffer must give a pointer that loop can start from.
static Handle<Value> EmptyEnd(const Arguments& args) {
  HandleScope scope;
  Local<Object> buffer = args[0]->ToObject();
  char* begin = Buffer::Data(buffer);
  char* end = begin + Buffer::Length(buffer) - 1;
  int swaps = 0;
  for (; begin != NULL && begin < end; begin++, end--, swaps++) {
    char c = *begin;
    *begin = *end;
    *end = c;
  }
  Local<Array> result = Array::New(2);
  result->Set(Integer::New(0), Boolean::New(Buffer::Data(buffer) != NULL));
  result->Set(Integer::New(1), Integer::New(swaps));
  return scope.Close(result);
}

static Handle<Value> Make(const Arguments& args) {
  HandleScope scope;
  size_t size = args[0]->Uint32Value();
  Buffer* buffer = Buffer::New(size);
  char* data = Buffer::Data(buffer);
  for (size_t i = 0; i < size; i++) data[i] = static_cast<char>(i * 3);
  if (!last.IsEmpty()) last.Dispose();
  last = Persistent<Object>::New(buffer->handle_);
  Local<Array> out = Array::New(3);
  out->Set(0, buffer->handle_);
  out->Set(1, Integer::New(static_cast<int32_t>(Buffer::Length(buffer))));
  out->Set(2, Boolean::New(Buffer::Data(buffer->handle_) == data));
  return scope.Close(out);
}

// sum(): the bytes of the last made buffer as C++ sees them now.
static Handle<Value> Sum(const Arguments& args) {
  HandleScope scope;
  char* data = Buffer::Data(last);
  int sum = 0;
  for (size_t i = 0; i < Buffer::Length(last); i++)
    sum += static_cast<unsigned char>(data[i]);
  return scope.Close(Integer::New(sum));
}

// copy(text): Buffer::New(data, len) copies; the source changes after.
static Handle<Value> Copy(const Arguments& args) {
  HandleScope scope;
  String::Utf8Value text(args[0]);
  char* source = strdup(*text);
  Buffer* buffer = Buffer::New(source, strlen(source));
  source[0] = '#';
  free(source);
  return scope.Close(buffer->handle_);
}

static int freed = 0;
static int hint_ok = 0;
static int hint_tag = 9;

static void FreeBytes(char* data, void* hint) {
  freed++;
  if (hint == &hint_tag) hint_ok++;
  delete[] data;
}

// owned(n): Buffer::New with a free callback; the buffer owns the bytes.
static Handle<Value> Owned(const Arguments& args) {
  HandleScope scope;
  size_t size = args[0]->Uint32Value();
  char* data = new char[size];
  memset(data, 'o', size);
  Buffer* buffer = Buffer::New(data, size, FreeBytes, &hint_tag);
  return scope.Close(buffer->handle_);
}

static Handle<Value> Freed(const Arguments& args) {
  HandleScope scope;
  Local<Array> out = Array::New(2);
  out->Set(0, Integer::New(freed));
  out->Set(1, Integer::New(hint_ok));
  return scope.Close(out);
}

static Handle<Value> FromString(const Arguments& args) {
  HandleScope scope;
  return scope.Close(Buffer::New(args[0]->ToString()));
}

// info(value): HasInstance, and Length when it is one.
static Handle<Value> Info(const Arguments& args) {
  HandleScope scope;
  Local<Array> out = Array::New(2);
  bool is = Buffer::HasInstance(args[0]);
  out->Set(0, Boolean::New(is));
  if (is) {
    Local<Object> obj = args[0]->ToObject();
    out->Set(1, Integer::New(static_cast<int32_t>(Buffer::Length(obj))));
  }
  return scope.Close(out);
}

// upper(buffer): changes a JS buffer's bytes in place.
static Handle<Value> Upper(const Arguments& args) {
  HandleScope scope;
  Local<Object> obj = args[0]->ToObject();
  char* data = Buffer::Data(obj);
  for (size_t i = 0; i < Buffer::Length(obj); i++)
    if (data[i] >= 'a' && data[i] <= 'z') data[i] -= 32;
  return scope.Close(Integer::New(static_cast<int32_t>(Buffer::Length(obj))));
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "emptyEnd", EmptyEnd);
  NODE_SET_METHOD(target, "make", Make);
  NODE_SET_METHOD(target, "sum", Sum);
  NODE_SET_METHOD(target, "copy", Copy);
  NODE_SET_METHOD(target, "owned", Owned);
  NODE_SET_METHOD(target, "freed", Freed);
  NODE_SET_METHOD(target, "fromString", FromString);
  NODE_SET_METHOD(target, "info", Info);
  NODE_SET_METHOD(target, "upper", Upper);
  target->Set(String::NewSymbol("kMaxLength"),
              Integer::NewFromUnsigned(Buffer::kMaxLength));
}
