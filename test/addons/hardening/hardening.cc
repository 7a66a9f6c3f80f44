// hardening.cc: a test addon in the node 0.4 API with the sloppy lifetimes
// of its era, for the exit and teardown tests (test/hardening_*.test.js).
//
//   flood()                      a thread that calls ev_async_send without
//                                pause and is never stopped nor joined; the
//                                watcher is ev_unref'd, so it keeps nothing
//                                alive.  Each wake-up calls
//                                `hardening.onAsync(deliveries)` if set.
//   sends(), deliveries()        how many sends and wake-ups so far
//   write(fd, delayMs, text[, callback[, keepAlive]])
//                                eio_custom work that sleeps delayMs, then
//                                writes text to fd (fd < 0: writes nothing).
//                                The done callback gets (result, errorno).
//                                keepAlive: ev_ref until it is done.
//   running()                    how many write works are running now
//   timerAtExit()                an atexit handler that starts an ev_timer
//                                (on a loop Node has torn down by then)
//   destroyDefaultLoop()         ev_default_destroy(), as 0.4 addons
//                                sometimes did on their way out
//   new Wrapped().wrapAgain()    ObjectWrap::Wrap a second time
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <string>

#include <ev.h>
#include <node.h>
#include <node_object_wrap.h>
#include <v8.h>

using namespace v8;
using namespace node;

static Persistent<Object> module_handle;
static Persistent<String> on_async_symbol;

// ---- flood: ev_async_send from a thread that never stops ----

static ev_async flood_notifier;
static pthread_t flood_thread;
static bool flooding = false;
static unsigned long sent = 0;       // GCC atomics: C++98 has no <atomic>
static unsigned long delivered = 0;  // main thread only

static void* Flood(void*) {
  for (;;) {
    ev_async_send(EV_DEFAULT_UC_ &flood_notifier);
    __sync_fetch_and_add(&sent, 1);
  }
  return NULL;
}

static void Delivered(EV_P_ ev_async* watcher, int revents) {
  HandleScope scope;
  delivered++;
  Local<Value> callback = module_handle->Get(on_async_symbol);
  if (!callback->IsFunction()) return;
  Handle<Value> argv[1];
  argv[0] = Number::New(static_cast<double>(delivered));
  TryCatch try_catch;
  Local<Function>::Cast(callback)->Call(module_handle, 1, argv);
  if (try_catch.HasCaught()) FatalException(try_catch);
}

static Handle<Value> StartFlood(const Arguments& args) {
  HandleScope scope;
  if (flooding) return scope.Close(False());
  ev_async_init(&flood_notifier, Delivered);
  ev_async_start(EV_DEFAULT_UC_ &flood_notifier);
  ev_unref(EV_DEFAULT_UC);
  if (pthread_create(&flood_thread, NULL, Flood, NULL) != 0)
    return ThrowException(
        Exception::Error(String::New("flood: cannot create the thread")));
  // Never joined: the process exits under it, as such addons did.
  pthread_detach(flood_thread);
  flooding = true;
  return scope.Close(True());
}

static Handle<Value> Sends(const Arguments& args) {
  HandleScope scope;
  return scope.Close(
      Number::New(static_cast<double>(__sync_fetch_and_add(&sent, 0))));
}

static Handle<Value> Deliveries(const Arguments& args) {
  HandleScope scope;
  return scope.Close(Number::New(static_cast<double>(delivered)));
}

// ---- write: eio work that writes to an fd after a delay ----

struct WriteBaton {
  int fd;
  long delay_ms;
  std::string text;
  bool keep_alive;
  Persistent<Function> callback;
};

static int running = 0;  // GCC atomics

static int WriteWork(eio_req* req) {
  WriteBaton* baton = static_cast<WriteBaton*>(req->data);
  __sync_fetch_and_add(&running, 1);
  if (baton->delay_ms > 0)
    usleep(static_cast<useconds_t>(baton->delay_ms) * 1000);
  if (baton->fd >= 0) {
    ssize_t n = write(baton->fd, baton->text.data(), baton->text.size());
    req->result = n;
  }
  __sync_fetch_and_sub(&running, 1);
  return 0;
}

static Handle<Value> Running(const Arguments& args) {
  HandleScope scope;
  return scope.Close(Integer::New(__sync_fetch_and_add(&running, 0)));
}

static int WriteDone(eio_req* req) {
  HandleScope scope;
  WriteBaton* baton = static_cast<WriteBaton*>(req->data);
  if (baton->keep_alive) ev_unref(EV_DEFAULT_UC);
  if (!baton->callback.IsEmpty()) {
    Handle<Value> argv[2];
    argv[0] = Number::New(static_cast<double>(req->result));
    argv[1] = Integer::New(req->errorno);
    TryCatch try_catch;
    baton->callback->Call(Context::GetCurrent()->Global(), 2, argv);
    if (try_catch.HasCaught()) FatalException(try_catch);
    baton->callback.Dispose();
  }
  delete baton;
  return 0;
}

static Handle<Value> Write(const Arguments& args) {
  HandleScope scope;
  if (args.Length() < 3 || !args[0]->IsNumber() || !args[1]->IsNumber())
    return ThrowException(Exception::TypeError(
        String::New("write(fd, delayMs, text[, callback[, keepAlive]])")));
  WriteBaton* baton = new WriteBaton;
  baton->fd = args[0]->Int32Value();
  baton->delay_ms = static_cast<long>(args[1]->IntegerValue());
  String::Utf8Value text(args[2]);
  baton->text.assign(*text, text.length());
  bool keep_alive = args.Length() > 4 && args[4]->BooleanValue();
  baton->keep_alive = keep_alive;
  if (args.Length() > 3 && args[3]->IsFunction())
    baton->callback =
        Persistent<Function>::New(Local<Function>::Cast(args[3]));
  eio_custom(WriteWork, EIO_PRI_DEFAULT, WriteDone, baton);
  if (keep_alive) ev_ref(EV_DEFAULT_UC);
  return scope.Close(Undefined());
}

// ---- misuse at the end of the process ----

static ev_timer late_timer;

static void LateTimer(EV_P_ ev_timer* w, int revents) {}

static void StartTimerAtExit() {
  ev_timer_init(&late_timer, LateTimer, 0., 0.);
  ev_timer_start(EV_DEFAULT_UC_ &late_timer);
}

static Handle<Value> TimerAtExit(const Arguments& args) {
  HandleScope scope;
  atexit(StartTimerAtExit);
  return scope.Close(Undefined());
}

// A static object whose destructor tells V8 about memory it frees, as
// libraries' memory hooks did (libxmljs): it runs after Node disposed the
// isolate.  node 0.x never disposed V8, so this was harmless then.
struct ExternalMemory {
  intptr_t held;
  ExternalMemory() : held(0) {}
  ~ExternalMemory() {
    if (held != 0) V8::AdjustAmountOfExternalAllocatedMemory(-held);
  }
};
static ExternalMemory external_memory;

static Handle<Value> HoldExternal(const Arguments& args) {
  HandleScope scope;
  external_memory.held += args[0]->Int32Value();
  V8::AdjustAmountOfExternalAllocatedMemory(args[0]->Int32Value());
  return scope.Close(Integer::New(external_memory.held));
}

static Handle<Value> DestroyDefaultLoop(const Arguments& args) {
  HandleScope scope;
  ev_default_destroy();
  return scope.Close(Undefined());
}

class Wrapped : public ObjectWrap {
 public:
  static void Init(Handle<Object> target) {
    Local<FunctionTemplate> t = FunctionTemplate::New(New);
    t->InstanceTemplate()->SetInternalFieldCount(1);
    NODE_SET_PROTOTYPE_METHOD(t, "wrapAgain", WrapAgain);
    target->Set(String::NewSymbol("Wrapped"), t->GetFunction());
  }

 private:
  static Handle<Value> New(const Arguments& args) {
    HandleScope scope;
    (new Wrapped())->Wrap(args.This());
    return args.This();
  }

  static Handle<Value> WrapAgain(const Arguments& args) {
    HandleScope scope;
    ObjectWrap::Unwrap<Wrapped>(args.This())->Wrap(args.This());
    return scope.Close(True());
  }
};

static void Init(Handle<Object> target) {
  HandleScope scope;
  module_handle = Persistent<Object>::New(target);
  on_async_symbol = NODE_PSYMBOL("onAsync");
  NODE_SET_METHOD(target, "flood", StartFlood);
  NODE_SET_METHOD(target, "sends", Sends);
  NODE_SET_METHOD(target, "deliveries", Deliveries);
  NODE_SET_METHOD(target, "write", Write);
  NODE_SET_METHOD(target, "running", Running);
  NODE_SET_METHOD(target, "timerAtExit", TimerAtExit);
  NODE_SET_METHOD(target, "destroyDefaultLoop", DestroyDefaultLoop);
  NODE_SET_METHOD(target, "holdExternal", HoldExternal);
  Wrapped::Init(target);
}

NODE_MODULE(hardening, Init)
