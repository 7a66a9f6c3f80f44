// js_io_watcher.cc: the native half of a 2011-style reader (the glue is in
// test/fixtures/js_io_watcher/): it makes socket pairs and pipes whose fds
// the glue watches with IOWatcher, and reads into and writes from buffers
// in the node 0.4 API, the way device and socket addons of the era did.
#include <errno.h>
#include <node.h>
#include <node_buffer.h>
#include <sys/socket.h>
#include <unistd.h>
#include <v8.h>

using namespace v8;
using namespace node;

static Handle<Value> Pair(int fds[2]) {
  HandleScope scope;
  Local<Array> out = Array::New(2);
  out->Set(0, Integer::New(fds[0]));
  out->Set(1, Integer::New(fds[1]));
  return scope.Close(out);
}

// socketpair() -> [fd, fd], a connected pair of unix stream sockets.
static Handle<Value> SocketPair(const Arguments& args) {
  HandleScope scope;
  int fds[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0)
    return ThrowException(ErrnoException(errno, "socketpair"));
  return scope.Close(Pair(fds));
}

// pipe() -> [readFd, writeFd]
static Handle<Value> Pipe(const Arguments& args) {
  HandleScope scope;
  int fds[2];
  if (pipe(fds) != 0) return ThrowException(ErrnoException(errno, "pipe"));
  return scope.Close(Pair(fds));
}

// read(fd, buffer, offset, length) -> bytes read (0 at the end).
static Handle<Value> Read(const Arguments& args) {
  HandleScope scope;
  if (!Buffer::HasInstance(args[1]))
    return ThrowException(
        Exception::TypeError(String::New("Second argument must be a buffer")));
  Local<Object> buffer = args[1]->ToObject();
  size_t offset = args[2]->Uint32Value();
  size_t length = args[3]->Uint32Value();
  if (offset > Buffer::Length(buffer) ||
      length > Buffer::Length(buffer) - offset)
    return ThrowException(
        Exception::RangeError(String::New("Length extends beyond buffer")));
  ssize_t n =
      read(args[0]->Int32Value(), Buffer::Data(buffer) + offset, length);
  if (n < 0) return ThrowException(ErrnoException(errno, "read"));
  return scope.Close(Integer::New(static_cast<int32_t>(n)));
}

// write(fd, string) -> bytes written.
static Handle<Value> Write(const Arguments& args) {
  HandleScope scope;
  String::Utf8Value text(args[1]);
  ssize_t n = write(args[0]->Int32Value(), *text, text.length());
  if (n < 0) return ThrowException(ErrnoException(errno, "write"));
  return scope.Close(Integer::New(static_cast<int32_t>(n)));
}

static Handle<Value> Close(const Arguments& args) {
  HandleScope scope;
  if (close(args[0]->Int32Value()) != 0)
    return ThrowException(ErrnoException(errno, "close"));
  return Undefined();
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "socketpair", SocketPair);
  NODE_SET_METHOD(target, "pipe", Pipe);
  NODE_SET_METHOD(target, "read", Read);
  NODE_SET_METHOD(target, "write", Write);
  NODE_SET_METHOD(target, "close", Close);
}
