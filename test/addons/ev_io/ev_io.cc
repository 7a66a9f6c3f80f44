// ev_io.cc: a test addon in the node 0.6 API (loop arguments spelled with
// EV_P_ / EV_DEFAULT_UC_): JavaScript makes pipes, watches their fds with
// ev_io, writes to them and closes them; every event calls the function
// given to setCallback(fn) with (id, revents, dataRead).
#include <errno.h>
#include <ev.h>
#include <fcntl.h>
#include <node.h>
#include <unistd.h>
#include <v8.h>

using namespace v8;
using namespace node;

static const int kWatchers = 8;
static ev_io watchers[kWatchers];
static bool read_data[kWatchers];
static bool once[kWatchers];
static Persistent<Function> callback;

static void OnIo(EV_P_ ev_io* w, int revents) {
  HandleScope scope;
  int id = (int)(w - watchers);
  Handle<Value> data = Undefined();
  if ((revents & EV_READ) && read_data[id]) {
    char buf[256];
    ssize_t n = read(w->fd, buf, sizeof buf);
    if (n >= 0)
      data = String::New(buf, (int)n);
    else
      data = Integer::New(-errno);
  }
  if (once[id]) ev_io_stop(EV_A_ w);
  if (callback.IsEmpty()) return;
  Handle<Value> argv[3];
  argv[0] = Integer::New(id);
  argv[1] = Integer::New(revents);
  argv[2] = data;
  TryCatch try_catch;
  callback->Call(Context::GetCurrent()->Global(), 3, argv);
  if (try_catch.HasCaught()) FatalException(try_catch);
}

static int Id(const Arguments& args) {
  int id = args[0]->Int32Value();
  if (id < 0 || id >= kWatchers) {
    ThrowException(Exception::RangeError(String::New("id out of range")));
    return -1;
  }
  return id;
}

static Handle<Value> SetCallback(const Arguments& args) {
  HandleScope scope;
  if (!args[0]->IsFunction())
    return ThrowException(Exception::TypeError(String::New("not a function")));
  callback.Dispose();
  callback = Persistent<Function>::New(Handle<Function>::Cast(args[0]));
  return Undefined();
}

// pipe() -> [readFd, writeFd]
static Handle<Value> Pipe(const Arguments& args) {
  HandleScope scope;
  int fds[2];
  if (pipe(fds) != 0)
    return ThrowException(Exception::Error(String::New("pipe failed")));
  Local<Array> result = Array::New(2);
  result->Set(0, Integer::New(fds[0]));
  result->Set(1, Integer::New(fds[1]));
  return scope.Close(result);
}

// watch(id, fd, events, readData, once)
static Handle<Value> Watch(const Arguments& args) {
  HandleScope scope;
  int id = Id(args);
  if (id < 0) return Undefined();
  read_data[id] = args[3]->BooleanValue();
  once[id] = args[4]->BooleanValue();
  ev_io_init(&watchers[id], OnIo, args[1]->Int32Value(), args[2]->Int32Value());
  ev_io_start(EV_DEFAULT_UC_ & watchers[id]);
  return Undefined();
}

static Handle<Value> Stop(const Arguments& args) {
  HandleScope scope;
  int id = Id(args);
  if (id >= 0) ev_io_stop(EV_DEFAULT_UC_ & watchers[id]);
  return Undefined();
}

static Handle<Value> Active(const Arguments& args) {
  HandleScope scope;
  int id = Id(args);
  if (id < 0) return Undefined();
  return scope.Close(Boolean::New(ev_is_active(&watchers[id])));
}

// write(fd, text) -> bytes written
static Handle<Value> Write(const Arguments& args) {
  HandleScope scope;
  String::Utf8Value text(args[1]);
  ssize_t n = write(args[0]->Int32Value(), *text, text.length());
  return scope.Close(Integer::New((int)n));
}

static Handle<Value> Close(const Arguments& args) {
  close(args[0]->Int32Value());
  return Undefined();
}

static Handle<Value> NonBlocking(const Arguments& args) {
  HandleScope scope;
  int flags = fcntl(args[0]->Int32Value(), F_GETFL);
  return scope.Close(Boolean::New(flags != -1 && (flags & O_NONBLOCK)));
}

static Handle<Value> Unref(const Arguments& args) {
  ev_unref(EV_DEFAULT_UC);
  return Undefined();
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "setCallback", SetCallback);
  NODE_SET_METHOD(target, "pipe", Pipe);
  NODE_SET_METHOD(target, "watch", Watch);
  NODE_SET_METHOD(target, "stop", Stop);
  NODE_SET_METHOD(target, "active", Active);
  NODE_SET_METHOD(target, "write", Write);
  NODE_SET_METHOD(target, "close", Close);
  NODE_SET_METHOD(target, "nonBlocking", NonBlocking);
  NODE_SET_METHOD(target, "unref", Unref);
}
