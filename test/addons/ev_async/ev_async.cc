// ev_async.cc: a test addon in the node 0.4 API that misuses ev_async the
// way old addons did (re-initialising an active watcher, sending to one that
// was never started), to prove the SDK reports it and keeps working.
#include <node.h>
#include <v8.h>
#include <ev.h>

using namespace v8;
using namespace node;

static ev_async watcher;
static ev_async never_started;
static int fired = 0;

static void OnAsync(EV_P_ ev_async* w, int revents) { fired++; }

// Like the article's start(): init, start, unref -- every time it is called.
static Handle<Value> StartAgain(const Arguments& args) {
  HandleScope scope;
  ev_async_init(&watcher, OnAsync);
  ev_async_start(EV_DEFAULT_UC_ &watcher);
  ev_unref(EV_DEFAULT_UC);
  ev_async_send(EV_DEFAULT_UC_ &watcher);
  return scope.Close(Boolean::New(ev_is_active(&watcher)));
}

static Handle<Value> SendUnstarted(const Arguments& args) {
  HandleScope scope;
  ev_async_init(&never_started, OnAsync);
  ev_async_send(EV_DEFAULT_UC_ &never_started);
  return Undefined();
}

static Handle<Value> Fired(const Arguments& args) {
  HandleScope scope;
  return scope.Close(Integer::New(fired));
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "startAgain", StartAgain);
  NODE_SET_METHOD(target, "sendUnstarted", SendUnstarted);
  NODE_SET_METHOD(target, "fired", Fired);
}
