// ev_watchers.cc: a test addon in the node 0.6 API for the watchers that are
// neither timers nor io: ev_prepare, ev_check and ev_idle (named "p0",
// "c0", "i0", ...), ev_signal ("s0") and ev_child ("child0").  Every event
// calls the function given to setCallback(fn) with (name, revents, extra).
#include <ev.h>
#include <node.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
#include <v8.h>

using namespace v8;
using namespace node;

static const int kEach = 4;
static ev_prepare prepares[kEach];
static ev_check checks[kEach];
static ev_idle idles[kEach];
static ev_signal signals[kEach];
static ev_child children[kEach];
static int stop_after[3][kEach];  // prepare, check, idle
static int calls[3][kEach];
static Persistent<Function> callback;

static void Emit(const char* kind, int id, int revents, Handle<Value> extra) {
  HandleScope scope;
  if (callback.IsEmpty()) return;
  char name[32];
  snprintf(name, sizeof name, "%s%d", kind, id);
  Handle<Value> argv[3];
  argv[0] = String::New(name);
  argv[1] = Integer::New(revents);
  argv[2] = extra;
  TryCatch try_catch;
  callback->Call(Context::GetCurrent()->Global(), 3, argv);
  if (try_catch.HasCaught()) FatalException(try_catch);
}

static void OnPrepare(EV_P_ ev_prepare* w, int revents) {
  int id = (int)(w - prepares);
  if (++calls[0][id] == stop_after[0][id]) ev_prepare_stop(EV_A_ w);
  Emit("p", id, revents, Undefined());
}

static void OnCheck(EV_P_ ev_check* w, int revents) {
  int id = (int)(w - checks);
  if (++calls[1][id] == stop_after[1][id]) ev_check_stop(EV_A_ w);
  Emit("c", id, revents, Undefined());
}

static void OnIdle(EV_P_ ev_idle* w, int revents) {
  int id = (int)(w - idles);
  if (++calls[2][id] == stop_after[2][id]) ev_idle_stop(EV_A_ w);
  Emit("i", id, revents, Undefined());
}

static void OnSignal(EV_P_ ev_signal* w, int revents) {
  Emit("s", (int)(w - signals), revents, Integer::New(w->signum));
}

static void OnChild(EV_P_ ev_child* w, int revents) {
  ev_child_stop(EV_A_ w);
  int status = WIFEXITED(w->rstatus) ? WEXITSTATUS(w->rstatus) : -1;
  Emit("child", (int)(w - children), revents, Integer::New(status));
}

static int Id(const Arguments& args, int index) {
  int id = args[index]->Int32Value();
  if (id < 0 || id >= kEach) {
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

// start(kind, id, stopAfter, priority, unref): kind is "p", "c" or "i".
static Handle<Value> Start(const Arguments& args) {
  HandleScope scope;
  String::Utf8Value kind(args[0]);
  int id = Id(args, 1);
  if (id < 0) return Undefined();
  int limit = args[2]->Int32Value();
  int priority = args[3]->Int32Value();
  bool unref = args[4]->BooleanValue();
  switch ((*kind)[0]) {
    case 'p':
      ev_prepare_init(&prepares[id], OnPrepare);
      ev_set_priority(&prepares[id], priority);
      stop_after[0][id] = limit;
      calls[0][id] = 0;
      ev_prepare_start(EV_DEFAULT_UC_ & prepares[id]);
      break;
    case 'c':
      ev_check_init(&checks[id], OnCheck);
      ev_set_priority(&checks[id], priority);
      stop_after[1][id] = limit;
      calls[1][id] = 0;
      ev_check_start(EV_DEFAULT_UC_ & checks[id]);
      break;
    case 'i':
      ev_idle_init(&idles[id], OnIdle);
      ev_set_priority(&idles[id], priority);
      stop_after[2][id] = limit;
      calls[2][id] = 0;
      ev_idle_start(EV_DEFAULT_UC_ & idles[id]);
      break;
    default:
      return ThrowException(Exception::TypeError(String::New("kind?")));
  }
  if (unref) ev_unref(EV_DEFAULT_UC);
  return Undefined();
}

// stop(kind, id, ref): ref first if it was unref'd (libev's idiom).
static Handle<Value> Stop(const Arguments& args) {
  HandleScope scope;
  String::Utf8Value kind(args[0]);
  int id = Id(args, 1);
  if (id < 0) return Undefined();
  if (args[2]->BooleanValue()) ev_ref(EV_DEFAULT_UC);
  switch ((*kind)[0]) {
    case 'p':
      ev_prepare_stop(EV_DEFAULT_UC_ & prepares[id]);
      break;
    case 'c':
      ev_check_stop(EV_DEFAULT_UC_ & checks[id]);
      break;
    case 'i':
      ev_idle_stop(EV_DEFAULT_UC_ & idles[id]);
      break;
  }
  return Undefined();
}

// signal(id, signum)
static Handle<Value> Signal(const Arguments& args) {
  HandleScope scope;
  int id = Id(args, 0);
  if (id < 0) return Undefined();
  ev_signal_init(&signals[id], OnSignal, args[1]->Int32Value());
  ev_signal_start(EV_DEFAULT_UC_ & signals[id]);
  return Undefined();
}

static Handle<Value> StopSignal(const Arguments& args) {
  HandleScope scope;
  int id = Id(args, 0);
  if (id >= 0) ev_signal_stop(EV_DEFAULT_UC_ & signals[id]);
  return Undefined();
}

// forkChild(code, delayMs) -> pid of a child that exits with code
static Handle<Value> ForkChild(const Arguments& args) {
  HandleScope scope;
  int code = args[0]->Int32Value();
  int delay = args[1]->Int32Value();
  pid_t pid = fork();
  if (pid == 0) {
    if (delay > 0) usleep(delay * 1000);
    _exit(code);
  }
  return scope.Close(Integer::New(pid));
}

// child(id, pid) -> whether the watcher is active
static Handle<Value> Child(const Arguments& args) {
  HandleScope scope;
  int id = Id(args, 0);
  if (id < 0) return Undefined();
  ev_child_init(&children[id], OnChild, args[1]->Int32Value(), 0);
  ev_child_start(EV_DEFAULT_UC_ & children[id]);
  return scope.Close(Boolean::New(ev_is_active(&children[id])));
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "setCallback", SetCallback);
  NODE_SET_METHOD(target, "start", Start);
  NODE_SET_METHOD(target, "stop", Stop);
  NODE_SET_METHOD(target, "signal", Signal);
  NODE_SET_METHOD(target, "stopSignal", StopSignal);
  NODE_SET_METHOD(target, "forkChild", ForkChild);
  NODE_SET_METHOD(target, "child", Child);
}
