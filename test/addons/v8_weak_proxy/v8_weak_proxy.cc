// v8_weak_proxy.cc: a weak-reference proxy in the node 0.4 style.  A proxy
// object holds its target through a weak Persistent; when the target is
// collected, the weak callback calls every JS callback registered on the
// proxy with the target as receiver and argument, inside a TryCatch that
// hands an exception to node::FatalException (the era's pattern).  V8 3.x
// still had the target then; modern V8 does not, and the SDK passes an
// empty stand-in object (test/v8_weak_proxy.test.js).
#include <node.h>
#include <v8.h>

#include <assert.h>
#include <stdlib.h>

using namespace v8;
using namespace node;

struct Link {
  Persistent<Object> target;
  Persistent<Object> proxy;
  Persistent<Array> callbacks;
};

static Persistent<ObjectTemplate> proxy_template;
static int callbacks_run = 0;
static int links_freed = 0;

static Link* LinkOf(Handle<Value> value) {
  if (!value->IsObject()) return NULL;
  Local<Object> object = value->ToObject();
  if (object->InternalFieldCount() != 1) return NULL;
  return static_cast<Link*>(object->GetPointerFromInternalField(0));
}

static void TargetGone(Persistent<Value> target, void* data) {
  HandleScope scope;
  assert(target.IsNearDeath());
  Link* link = static_cast<Link*>(data);
  Handle<Value> argv[1] = { target };
  for (uint32_t i = 0; i < link->callbacks->Length(); i++) {
    Local<Function> callback =
        Local<Function>::Cast(link->callbacks->Get(Integer::New(i)));
    TryCatch try_catch;
    callback->Call(target->ToObject(), 1, argv);
    callbacks_run++;
    if (try_catch.HasCaught()) FatalException(try_catch);
  }
  link->proxy->SetPointerInInternalField(0, NULL);
  link->proxy.Dispose();
  link->target.Dispose();
  link->callbacks.Dispose();
  delete link;
  links_freed++;
}

// create(target[, callback]) -> proxy
static Handle<Value> Create(const Arguments& args) {
  HandleScope scope;
  if (!args[0]->IsObject())
    return ThrowException(Exception::TypeError(String::New("Object expected")));
  Link* link = new Link;
  link->target = Persistent<Object>::New(args[0]->ToObject());
  link->callbacks = Persistent<Array>::New(Array::New());
  link->proxy = Persistent<Object>::New(proxy_template->NewInstance());
  link->proxy->SetPointerInInternalField(0, link);
  link->target.MakeWeak(link, TargetGone);
  if (args[1]->IsFunction()) link->callbacks->Set(0, args[1]);
  return scope.Close(link->proxy);
}

// get(proxy) -> the target, or undefined once it was collected
static Handle<Value> Get(const Arguments& args) {
  HandleScope scope;
  Link* link = LinkOf(args[0]);
  if (link == NULL) return Undefined();
  return scope.Close(link->target);
}

static Handle<Value> IsDead(const Arguments& args) {
  HandleScope scope;
  return scope.Close(Boolean::New(LinkOf(args[0]) == NULL));
}

// [callbacks run, links freed]
static Handle<Value> Stats(const Arguments& args) {
  HandleScope scope;
  Local<Array> out = Array::New(2);
  out->Set(0, Integer::New(callbacks_run));
  out->Set(1, Integer::New(links_freed));
  return scope.Close(out);
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  proxy_template = Persistent<ObjectTemplate>::New(ObjectTemplate::New());
  proxy_template->SetInternalFieldCount(1);
  NODE_SET_METHOD(target, "create", Create);
  NODE_SET_METHOD(target, "get", Get);
  NODE_SET_METHOD(target, "isDead", IsDead);
  NODE_SET_METHOD(target, "stats", Stats);
}
