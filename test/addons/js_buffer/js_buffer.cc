// js_buffer.cc: a test addon in the node 0.4 API for the JavaScript glue of
// its era: native buffers (node::Buffer::New(size)->handle_, node 0.4's
// SlowBuffers) that glue turns into views with the fast-buffer idiom
// new Buffer(slow, length, offset), in JS or, here, in C++ through the
// global Buffer constructor; and reads of their bytes from C++.
#include <node.h>
#include <node_buffer.h>
#include <v8.h>

using namespace v8;
using namespace node;

// slow(size): a native buffer whose byte i is i % 256.
static Handle<Value> Slow(const Arguments& args) {
  HandleScope scope;
  size_t size = args[0]->Uint32Value();
  Buffer* slow = Buffer::New(size);
  char* data = Buffer::Data(slow);
  for (size_t i = 0; i < size; i++) data[i] = static_cast<char>(i % 256);
  return scope.Close(slow->handle_);
}

// fast(slow, length, offset): the C++ half of the idiom, as node 0.4
// addons returned a real Buffer: the global Buffer constructor called with
// (slow, length, offset).
static Handle<Value> Fast(const Arguments& args) {
  HandleScope scope;
  Local<Object> global = Context::GetCurrent()->Global();
  Local<Function> constructor =
      Local<Function>::Cast(global->Get(String::New("Buffer")));
  Handle<Value> argv[3] = {args[0], args[1], args[2]};
  return scope.Close(constructor->NewInstance(3, argv));
}

// at(buffer, index): byte index of the buffer's memory, read in C++.
static Handle<Value> At(const Arguments& args) {
  HandleScope scope;
  Local<Object> buffer = args[0]->ToObject();
  size_t index = args[1]->Uint32Value();
  if (!Buffer::HasInstance(buffer) || index >= Buffer::Length(buffer))
    return ThrowException(Exception::RangeError(String::New("no such byte")));
  return scope.Close(
      Integer::New(static_cast<unsigned char>(Buffer::Data(buffer)[index])));
}

// put(buffer, index, value): writes a byte in C++.
static Handle<Value> Put(const Arguments& args) {
  HandleScope scope;
  Local<Object> buffer = args[0]->ToObject();
  size_t index = args[1]->Uint32Value();
  if (!Buffer::HasInstance(buffer) || index >= Buffer::Length(buffer))
    return ThrowException(Exception::RangeError(String::New("no such byte")));
  Buffer::Data(buffer)[index] = static_cast<char>(args[2]->Int32Value());
  return Undefined();
}

// within(view, slow): [offset of the view's memory in slow's, view length]
// as C++ sees them, or null when the memory is not slow's.
static Handle<Value> Within(const Arguments& args) {
  HandleScope scope;
  Local<Object> view = args[0]->ToObject();
  Local<Object> slow = args[1]->ToObject();
  char* start = Buffer::Data(slow);
  char* data = Buffer::Data(view);
  size_t length = Buffer::Length(view);
  if (data < start || data + length > start + Buffer::Length(slow))
    return scope.Close(Null());
  Local<Array> out = Array::New(2);
  out->Set(0, Integer::New(static_cast<int32_t>(data - start)));
  out->Set(1, Integer::New(static_cast<int32_t>(length)));
  return scope.Close(out);
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "slow", Slow);
  NODE_SET_METHOD(target, "fast", Fast);
  NODE_SET_METHOD(target, "at", At);
  NODE_SET_METHOD(target, "put", Put);
  NODE_SET_METHOD(target, "within", Within);
}
