// node_includes: old code that spells its includes <node/node.h>, as it
// could where node's headers were installed under /usr/local/include/node.
// Every one must reach the headers of the node it is built for (here, the
// SDK's), never another node's installed on the system: the version it
// reports and the APIs it uses come from them.
#include <node/v8.h>
#include <node/node.h>
#include <node/node_buffer.h>
#include <node/node_object_wrap.h>
#include <node/node_version.h>
#if !NODE_VERSION_AT_LEAST(0, 5, 0)
// node 0.4 installed libev's and libeio's headers beside its own.
#include <node/ev.h>
#include <node/eio.h>
#endif

using namespace v8;
using namespace node;

static Handle<Value> Version(const Arguments& args) {
  HandleScope scope;
  Local<Array> version = Array::New(3);
  version->Set(Integer::New(0), Integer::New(NODE_MAJOR_VERSION));
  version->Set(Integer::New(1), Integer::New(NODE_MINOR_VERSION));
  version->Set(Integer::New(2), Integer::New(NODE_PATCH_VERSION));
  return scope.Close(version);
}

static Handle<Value> BufferBytes(const Arguments& args) {
  HandleScope scope;
  Buffer* buffer = Buffer::New(3);
  Buffer::Data(buffer->handle_)[0] = 'o';
  Buffer::Data(buffer->handle_)[1] = 'l';
  Buffer::Data(buffer->handle_)[2] = 'd';
  return scope.Close(buffer->handle_);
}

// A local named errno, as some addons of the era wrote: node.h and the
// headers it brings in must not include <errno.h> (node 0.4-0.8's did not).
static Handle<Value> LocalErrno(const Arguments& args) {
  HandleScope scope;
  unsigned int errno = args[0]->Uint32Value();
  return scope.Close(Integer::NewFromUnsigned(errno + 1));
}

// memcpy, memset and strlen without <string.h>: node 0.8's node.h brought
// it in, and addons relied on that.
static Handle<Value> StringFunctions(const Arguments& args) {
  HandleScope scope;
  char text[16];
  memset(text, 0, sizeof text);
  memcpy(text, "copied", 6);
  return scope.Close(Integer::New(static_cast<int32_t>(strlen(text))));
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "version", Version);
  NODE_SET_METHOD(target, "bufferBytes", BufferBytes);
  NODE_SET_METHOD(target, "localErrno", LocalErrno);
  NODE_SET_METHOD(target, "stringFunctions", StringFunctions);
}
