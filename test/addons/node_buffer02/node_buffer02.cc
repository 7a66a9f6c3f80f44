// node_buffer02: node 0.2's Buffer API, as addons of 2010 wrote it: a
// Buffer is an ObjectWrap found with ObjectWrap::Unwrap<Buffer>, its bytes
// are buf->data() and buf->length(), and Buffer::New(length) gives a
// Buffer* whose handle_ goes back to JavaScript.
#include <string.h>
#include <v8.h>
#include <node.h>
#include <node_buffer.h>

using namespace v8;
using namespace node;

// fill(buffer, byte): every byte of the buffer; returns its length.
static Handle<Value> Fill(const Arguments& args) {
  HandleScope scope;
  Buffer* buffer = ObjectWrap::Unwrap<Buffer>(args[0]->ToObject());
  memset(buffer->data(), args[1]->Int32Value(), buffer->length());
  return scope.Close(Integer::New(buffer->length()));
}

// make(text): a new Buffer holding text's bytes.
static Handle<Value> Make(const Arguments& args) {
  HandleScope scope;
  String::Utf8Value text(args[0]);
  Buffer* buffer = Buffer::New(text.length());
  memcpy(buffer->data(), *text, buffer->length());
  return scope.Close(buffer->handle_);
}

// same(buffer): Unwrap twice gives one C++ object, whose handle_ is the
// buffer itself.
static Handle<Value> Same(const Arguments& args) {
  HandleScope scope;
  Local<Object> object = args[0]->ToObject();
  Buffer* first = ObjectWrap::Unwrap<Buffer>(object);
  Buffer* second = ObjectWrap::Unwrap<Buffer>(object);
  return scope.Close(Boolean::New(first == second &&
                                  first->handle_->StrictEquals(object)));
}

// made(): Unwrap of a buffer Buffer::New made gives that Buffer*.
static Handle<Value> Made(const Arguments& args) {
  HandleScope scope;
  Buffer* buffer = Buffer::New(8);
  return scope.Close(Boolean::New(
      ObjectWrap::Unwrap<Buffer>(buffer->handle_) == buffer));
}

// notABuffer(value): what Unwrap<Buffer> gives for an object that is not one.
static Handle<Value> NotABuffer(const Arguments& args) {
  HandleScope scope;
  Buffer* buffer = ObjectWrap::Unwrap<Buffer>(args[0]->ToObject());
  return scope.Close(Boolean::New(buffer == NULL));
}

// emptyData(buffer): node 0.4 cut even an empty Buffer from its pool, so
// Data() was a valid pointer, and loops over [Data, Data + Length - 1]
// relied on it.
static Handle<Value> EmptyData(const Arguments& args) {
  HandleScope scope;
  Local<Object> buffer = args[0]->ToObject();
  return scope.Close(Boolean::New(Buffer::Data(buffer) != NULL &&
                                  Buffer::Length(buffer) == 0));
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "fill", Fill);
  NODE_SET_METHOD(target, "make", Make);
  NODE_SET_METHOD(target, "same", Same);
  NODE_SET_METHOD(target, "made", Made);
  NODE_SET_METHOD(target, "notABuffer", NotABuffer);
  NODE_SET_METHOD(target, "emptyData", EmptyData);
}
