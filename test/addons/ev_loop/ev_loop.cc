// ev_loop.cc: a test addon in the node 0.6 API for the loop itself inside
// Node: ev_ref/ev_unref (also from another thread, as addons did from
// thread-pool work), ev_run/ev_loop and ev_break/ev_unloop (Node runs the
// loop), ev_now, and ev_feed_event on a watcher that was never started.
#include <ev.h>
#include <node.h>
#include <pthread.h>
#include <unistd.h>
#include <v8.h>

using namespace v8;
using namespace node;

static Persistent<Function> callback;
static ev_idle fed;
static volatile int released = 0;
static int release_after_ms = 0;

static Handle<Value> SetCallback(const Arguments& args) {
  HandleScope scope;
  if (!args[0]->IsFunction())
    return ThrowException(Exception::TypeError(String::New("not a function")));
  callback.Dispose();
  callback = Persistent<Function>::New(Handle<Function>::Cast(args[0]));
  return Undefined();
}

static Handle<Value> Ref(const Arguments& args) {
  ev_ref(EV_DEFAULT_UC);
  return Undefined();
}

static Handle<Value> Unref(const Arguments& args) {
  ev_unref(EV_DEFAULT_UC);
  return Undefined();
}

static void* ReleaseLater(void*) {
  usleep(release_after_ms * 1000);
  __sync_synchronize();
  released = 1;
  ev_unref(EV_DEFAULT_UC);
  return NULL;
}

// holdFromThread(ms): ev_ref now, ev_unref from another thread after ms.
static Handle<Value> HoldFromThread(const Arguments& args) {
  HandleScope scope;
  release_after_ms = args[0]->Int32Value();
  ev_ref(EV_DEFAULT_UC);
  pthread_t thread;
  if (pthread_create(&thread, NULL, ReleaseLater, NULL) != 0)
    return ThrowException(Exception::Error(String::New("no thread")));
  pthread_detach(thread);
  return Undefined();
}

static Handle<Value> Released(const Arguments& args) {
  __sync_synchronize();
  return Boolean::New(released != 0);
}

static Handle<Value> Run(const Arguments& args) {
  HandleScope scope;
  return scope.Close(Integer::New(ev_run(EV_DEFAULT_UC_ 0)));
}

static Handle<Value> Loop(const Arguments& args) {
  ev_loop(EV_DEFAULT_UC_ EVLOOP_ONESHOT);
  return Undefined();
}

static Handle<Value> Break(const Arguments& args) {
  ev_break(EV_DEFAULT_UC_ EVBREAK_ALL);
  ev_unloop(EV_DEFAULT_UC_ EVUNLOOP_ONE);
  return Undefined();
}

static Handle<Value> Now(const Arguments& args) {
  HandleScope scope;
  return scope.Close(Number::New(ev_now(EV_DEFAULT_UC)));
}

static void OnFed(EV_P_ ev_idle* w, int revents) {
  HandleScope scope;
  if (callback.IsEmpty()) return;
  Handle<Value> argv[2];
  argv[0] = Integer::New(revents);
  argv[1] = Boolean::New(ev_is_active(w));
  TryCatch try_catch;
  callback->Call(Context::GetCurrent()->Global(), 2, argv);
  if (try_catch.HasCaught()) FatalException(try_catch);
}

// feed(): an event for an idle watcher that was never started.
static Handle<Value> Feed(const Arguments& args) {
  ev_idle_init(&fed, OnFed);
  ev_feed_event(EV_DEFAULT_UC_ & fed, EV_CUSTOM);
  return Undefined();
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "setCallback", SetCallback);
  NODE_SET_METHOD(target, "ref", Ref);
  NODE_SET_METHOD(target, "unref", Unref);
  NODE_SET_METHOD(target, "holdFromThread", HoldFromThread);
  NODE_SET_METHOD(target, "released", Released);
  NODE_SET_METHOD(target, "run", Run);
  NODE_SET_METHOD(target, "loop", Loop);
  NODE_SET_METHOD(target, "break", Break);
  NODE_SET_METHOD(target, "now", Now);
  NODE_SET_METHOD(target, "feed", Feed);
}
