// ev_timer.cc: a test addon in the node 0.4 API, built as node 0.4 built
// addons (EV_MULTIPLICITY=0: no loop arguments, callbacks without the loop).
// JavaScript starts, pushes back (ev_init + repeat + ev_timer_again, the
// idiom of old addons), stops and queries timers; every expiry calls the
// function given to setCallback(fn) with (id, revents, activeInCallback).
#include <ev.h>
#include <node.h>
#include <v8.h>

using namespace v8;
using namespace node;

static const int kTimers = 8;
static ev_timer timers[kTimers];
static bool initialised[kTimers];
static Persistent<Function> callback;

static void OnTimer(ev_timer* w, int revents) {
  HandleScope scope;
  if (callback.IsEmpty()) return;
  Handle<Value> argv[3];
  argv[0] = Integer::New((int)(w - timers));
  argv[1] = Integer::New(revents);
  argv[2] = Boolean::New(ev_is_active(w));
  TryCatch try_catch;
  callback->Call(Context::GetCurrent()->Global(), 3, argv);
  if (try_catch.HasCaught()) FatalException(try_catch);
}

// The timer named by args[0], or null after throwing.
static ev_timer* TimerArg(const Arguments& args) {
  if (args.Length() < 1 || !args[0]->IsNumber()) {
    ThrowException(Exception::TypeError(String::New("id must be a number")));
    return NULL;
  }
  int id = args[0]->Int32Value();
  if (id < 0 || id >= kTimers) {
    ThrowException(Exception::RangeError(String::New("id out of range")));
    return NULL;
  }
  return &timers[id];
}

static Handle<Value> SetCallback(const Arguments& args) {
  HandleScope scope;
  if (!args[0]->IsFunction())
    return ThrowException(Exception::TypeError(String::New("not a function")));
  callback.Dispose();
  callback = Persistent<Function>::New(Handle<Function>::Cast(args[0]));
  return Undefined();
}

// start(id, after, repeat)
static Handle<Value> Start(const Arguments& args) {
  HandleScope scope;
  ev_timer* t = TimerArg(args);
  if (t == NULL) return Undefined();
  ev_timer_init(t, OnTimer, args[1]->NumberValue(), args[2]->NumberValue());
  initialised[t - timers] = true;
  ev_timer_start(EV_DEFAULT_UC_ t);
  return Undefined();
}

// again(id, repeat): the activity-timeout idiom.
static Handle<Value> Again(const Arguments& args) {
  HandleScope scope;
  ev_timer* t = TimerArg(args);
  if (t == NULL) return Undefined();
  if (!initialised[t - timers]) {
    ev_init(t, OnTimer);
    initialised[t - timers] = true;
  }
  t->repeat = args[1]->NumberValue();
  ev_timer_again(EV_DEFAULT_UC_ t);
  return Undefined();
}

static Handle<Value> Stop(const Arguments& args) {
  HandleScope scope;
  ev_timer* t = TimerArg(args);
  if (t != NULL) ev_timer_stop(EV_DEFAULT_UC_ t);
  return Undefined();
}

static Handle<Value> Remaining(const Arguments& args) {
  HandleScope scope;
  ev_timer* t = TimerArg(args);
  if (t == NULL) return Undefined();
  return scope.Close(Number::New(ev_timer_remaining(EV_DEFAULT_UC_ t)));
}

static Handle<Value> Active(const Arguments& args) {
  HandleScope scope;
  ev_timer* t = TimerArg(args);
  if (t == NULL) return Undefined();
  return scope.Close(Boolean::New(ev_is_active(t)));
}

static Handle<Value> Ref(const Arguments& args) {
  ev_ref(EV_DEFAULT_UC);
  return Undefined();
}

static Handle<Value> Unref(const Arguments& args) {
  ev_unref(EV_DEFAULT_UC);
  return Undefined();
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "setCallback", SetCallback);
  NODE_SET_METHOD(target, "start", Start);
  NODE_SET_METHOD(target, "again", Again);
  NODE_SET_METHOD(target, "stop", Stop);
  NODE_SET_METHOD(target, "remaining", Remaining);
  NODE_SET_METHOD(target, "active", Active);
  NODE_SET_METHOD(target, "ref", Ref);
  NODE_SET_METHOD(target, "unref", Unref);
}
