// io_watcher.cc: node 0.2-0.8's IOWatcher (process.binding('io_watcher'),
// process.IOWatcher in 0.2), the class JavaScript glue drove ev_io with,
// written in the node 0.4 API on the SDK's own ev_io, as node ran it on
// libev's.  compat/legacy/io_watcher.js loads it for the preload.
//
// The contract, from node 0.4.12's src/node_io_watcher.cc: new IOWatcher()
// (also without new); set(fd, readable, writable) with an int32 fd and two
// booleans; start() and stop() do nothing when already started or stopped;
// a started watcher keeps itself and the process alive; on each event the
// watcher calls this.callback(readable, writable) with the watcher as this,
// or stops itself when this.callback is not a function; an exception the
// callback throws is fatal ('uncaughtException', or exit).
#include <errno.h>
#include <ev.h>
#include <fcntl.h>
#include <node.h>
#include <node_object_wrap.h>
#include <stdio.h>
#include <v8.h>

using namespace v8;
using namespace node;

namespace {

Persistent<FunctionTemplate> constructor_template;
Persistent<String> callback_symbol;

Handle<Value> Throw(Local<Value> (*kind)(Handle<String>), const char* text) {
  return ThrowException(kind(String::New(text)));
}

class IOWatcher : public ObjectWrap {
 public:
  static void Initialize(Handle<Object> target);

 private:
  IOWatcher() : ObjectWrap(), has_fd_(false), held_(false) {
    ev_init(&watcher_, Callback);
    watcher_.data = this;
  }

  // Only a stopped watcher is collected (a started one holds a reference).
  ~IOWatcher() { ev_io_stop(EV_DEFAULT_UC_ & watcher_); }

  static Handle<Value> New(const Arguments& args);
  static Handle<Value> Set(const Arguments& args);
  static Handle<Value> Start(const Arguments& args);
  static Handle<Value> Stop(const Arguments& args);
  static void Callback(EV_P_ ev_io* w, int revents);

  void Stop();

  ev_io watcher_;
  bool has_fd_;  // set() has given the watcher an fd
  bool held_;    // start() took a reference that stop() gives back
};

void IOWatcher::Initialize(Handle<Object> target) {
  HandleScope scope;
  Local<FunctionTemplate> t = FunctionTemplate::New(New);
  constructor_template = Persistent<FunctionTemplate>::New(t);
  t->InstanceTemplate()->SetInternalFieldCount(1);
  t->SetClassName(String::NewSymbol("IOWatcher"));

  // Divergence: node 0.4's methods had no receiver check and Unwrap of a
  // foreign object crashed; with a signature a wrong receiver is a
  // TypeError ("Illegal invocation").
  Local<Signature> signature = Signature::New(t);
  Local<ObjectTemplate> proto = t->PrototypeTemplate();
  proto->Set(String::NewSymbol("set"),
             FunctionTemplate::New(Set, Handle<Value>(), signature));
  proto->Set(String::NewSymbol("start"),
             FunctionTemplate::New(Start, Handle<Value>(), signature));
  proto->Set(String::NewSymbol("stop"),
             FunctionTemplate::New(Stop, Handle<Value>(), signature));

  callback_symbol = NODE_PSYMBOL("callback");
  target->Set(String::NewSymbol("IOWatcher"), t->GetFunction());
}

Handle<Value> IOWatcher::New(const Arguments& args) {
  if (!args.IsConstructCall())
    return FromConstructorTemplate(constructor_template, args);
  HandleScope scope;
  IOWatcher* io = new IOWatcher();
  io->Wrap(args.This());
  return args.This();
}

Handle<Value> IOWatcher::Set(const Arguments& args) {
  HandleScope scope;
  IOWatcher* io = ObjectWrap::Unwrap<IOWatcher>(args.Holder());
  if (!args[0]->IsInt32() || args[0]->Int32Value() < 0)
    return Throw(Exception::TypeError,
                 "IOWatcher.set: the first argument must be a file "
                 "descriptor (an integer >= 0)");
  if (!args[1]->IsBoolean())
    return Throw(Exception::TypeError,
                 "IOWatcher.set: the second argument (readable) must be a "
                 "boolean");
  if (!args[2]->IsBoolean())
    return Throw(Exception::TypeError,
                 "IOWatcher.set: the third argument (writable) must be a "
                 "boolean");
  // Divergence: node 0.4 asserted (and aborted) here.
  if (ev_is_active(&io->watcher_))
    return Throw(Exception::Error,
                 "IOWatcher.set: the watcher is started; stop() it before "
                 "set()");
  int events = 0;
  if (args[1]->IsTrue()) events |= EV_READ;
  if (args[2]->IsTrue()) events |= EV_WRITE;
  ev_io_set(&io->watcher_, args[0]->Int32Value(), events);
  io->has_fd_ = true;
  return Undefined();
}

Handle<Value> IOWatcher::Start(const Arguments& args) {
  HandleScope scope;
  IOWatcher* io = ObjectWrap::Unwrap<IOWatcher>(args.Holder());
  if (ev_is_active(&io->watcher_)) return Undefined();
  // Divergence: node 0.4 started libev on whatever the fd field held, and
  // libev asserted on a closed fd; both are reported to the caller here.
  if (!io->has_fd_)
    return Throw(Exception::Error,
                 "IOWatcher.start: no file descriptor; call set(fd, readable, "
                 "writable) first");
  if (fcntl(io->watcher_.fd, F_GETFD) == -1 && errno == EBADF) {
    char text[128];
    snprintf(text, sizeof text,
             "IOWatcher.start: fd %d is not an open file descriptor (EBADF)",
             io->watcher_.fd);
    return Throw(Exception::Error, text);
  }
  ev_io_start(EV_DEFAULT_UC_ & io->watcher_);
  if (!io->held_) {
    io->held_ = true;
    io->Ref();
  }
  return Undefined();
}

Handle<Value> IOWatcher::Stop(const Arguments& args) {
  HandleScope scope;
  ObjectWrap::Unwrap<IOWatcher>(args.Holder())->Stop();
  return Undefined();
}

void IOWatcher::Stop() {
  ev_io_stop(EV_DEFAULT_UC_ & watcher_);
  if (held_) {
    held_ = false;
    Unref();
  }
}

void IOWatcher::Callback(EV_P_ ev_io* w, int revents) {
  IOWatcher* io = static_cast<IOWatcher*>(w->data);
  HandleScope scope;
  // A local keeps the object alive through the callback, whatever stop()
  // or the garbage collector does meanwhile.
  Local<Object> self = Local<Object>::New(io->handle_);
  // libev (ev.c, fd_kill): an fd the kernel no longer accepts (closed, or
  // polled by another handle) stops its watchers with EV_ERROR and reports
  // it as readable and writable, so the glue's read or write sees the
  // error.  The reference start() took goes with it.
  if (revents & EV_ERROR) io->Stop();
  Local<Value> callback_v = self->Get(callback_symbol);
  if (!callback_v->IsFunction()) {
    io->Stop();
    return;
  }
  Local<Function> callback = Local<Function>::Cast(callback_v);
  Handle<Value> argv[2];
  argv[0] = (revents & EV_READ) ? True() : False();
  argv[1] = (revents & EV_WRITE) ? True() : False();
  TryCatch try_catch;
  callback->Call(self, 2, argv);
  if (try_catch.HasCaught()) FatalException(try_catch);
}

}  // namespace

NODE_MODULE(io_watcher, IOWatcher::Initialize)
