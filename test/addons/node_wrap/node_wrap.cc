// node_wrap.cc: a test addon in the node 0.4 API: node::ObjectWrap classes
// deleted by the garbage collector once unreferenced (Ref/Unref pin them),
// and weak Persistents with the old callback.  Built unchanged against node
// 0.8.28's headers and against node-waf-compat; test/differential/
// node_wrap.js compares them (run with --expose-gc).
#include <node.h>
#include <node_object_wrap.h>
#include <v8.h>

using namespace v8;
using namespace node;

static int created = 0;
static int destroyed = 0;

class Counter : public ObjectWrap {
 public:
  static Persistent<FunctionTemplate> constructor;

  static void Init(Handle<Object> target) {
    HandleScope scope;
    Local<FunctionTemplate> t = FunctionTemplate::New(New);
    constructor = Persistent<FunctionTemplate>::New(t);
    t->InstanceTemplate()->SetInternalFieldCount(1);
    t->SetClassName(String::NewSymbol("Counter"));
    NODE_SET_PROTOTYPE_METHOD(t, "inc", Inc);
    NODE_SET_PROTOTYPE_METHOD(t, "ref", DoRef);
    NODE_SET_PROTOTYPE_METHOD(t, "unref", DoUnref);
    NODE_SET_PROTOTYPE_METHOD(t, "state", State);
    target->Set(String::NewSymbol("Counter"), t->GetFunction());
  }

  Counter(int start) : count_(start) { created++; }
  ~Counter() { destroyed++; }

 private:
  static Handle<Value> New(const Arguments& args) {
    HandleScope scope;
    Counter* counter = new Counter(args[0]->Int32Value());
    counter->Wrap(args.This());
    return args.This();
  }

  static Handle<Value> Inc(const Arguments& args) {
    HandleScope scope;
    Counter* counter = ObjectWrap::Unwrap<Counter>(args.This());
    return scope.Close(Integer::New(++counter->count_));
  }

  static Handle<Value> DoRef(const Arguments& args) {
    ObjectWrap::Unwrap<Counter>(args.This())->Ref();
    return Undefined();
  }

  static Handle<Value> DoUnref(const Arguments& args) {
    ObjectWrap::Unwrap<Counter>(args.This())->Unref();
    return Undefined();
  }

  // [refs_, handle_ is weak, handle_ is the object, count]
  static Handle<Value> State(const Arguments& args) {
    HandleScope scope;
    Counter* counter = ObjectWrap::Unwrap<Counter>(args.This());
    Local<Array> out = Array::New(4);
    out->Set(0, Integer::New(counter->refs_));
    out->Set(1, Boolean::New(counter->handle_.IsWeak()));
    out->Set(2, Boolean::New(counter->handle_ == args.This()));
    out->Set(3, Integer::New(counter->count_));
    return scope.Close(out);
  }

  int count_;
};

Persistent<FunctionTemplate> Counter::constructor;

static Handle<Value> Stats(const Arguments& args) {
  HandleScope scope;
  Local<Array> out = Array::New(2);
  out->Set(0, Integer::New(created));
  out->Set(1, Integer::New(destroyed));
  return scope.Close(out);
}

// Weak persistents made by hand, with the old callback signature.
static int weak_calls = 0;
static int weak_near_death = 0;
static int weak_params_ok = 0;
static int watch_tag = 7;

static void Collected(Persistent<Value> object, void* parameter) {
  weak_calls++;
  if (object.IsNearDeath()) weak_near_death++;
  if (parameter == &watch_tag) weak_params_ok++;
  object.Dispose();
  object.Clear();
}

static Persistent<Object> strong;

static Handle<Value> Watch(const Arguments& args) {
  HandleScope scope;
  Persistent<Object> handle = Persistent<Object>::New(args[0]->ToObject());
  handle.MakeWeak(&watch_tag, Collected);
  Local<Array> out = Array::New(2);
  out->Set(0, Boolean::New(handle.IsWeak()));
  out->Set(1, Boolean::New(handle.IsNearDeath()));
  return scope.Close(out);
}

// keep(obj): a weak handle made strong again before any collection.
static Handle<Value> Keep(const Arguments& args) {
  HandleScope scope;
  if (!strong.IsEmpty()) {
    strong.Dispose();
    strong.Clear();
  }
  strong = Persistent<Object>::New(args[0]->ToObject());
  strong.MakeWeak(&watch_tag, Collected);
  strong.ClearWeak();
  return scope.Close(Boolean::New(strong.IsWeak()));
}

static Handle<Value> Kept(const Arguments& args) {
  HandleScope scope;
  if (strong.IsEmpty()) return scope.Close(Null());
  return scope.Close(strong->Get(String::New("name")));
}

static Handle<Value> WeakStats(const Arguments& args) {
  HandleScope scope;
  Local<Array> out = Array::New(3);
  out->Set(0, Integer::New(weak_calls));
  out->Set(1, Integer::New(weak_near_death));
  out->Set(2, Integer::New(weak_params_ok));
  return scope.Close(out);
}

// A native cache of wrappers, as parsers' node objects kept theirs: the
// constructor records the wrapper, the destructor forgets it, and the
// factory hands out the recorded wrapper's handle_ while there is one.
class Shared : public ObjectWrap {
 public:
  static Persistent<FunctionTemplate> constructor;
  static Shared* instance;
  static int made;
  static int freed;

  static void Init(Handle<Object> target) {
    HandleScope scope;
    Local<FunctionTemplate> t = FunctionTemplate::New(New);
    constructor = Persistent<FunctionTemplate>::New(t);
    t->InstanceTemplate()->SetInternalFieldCount(1);
    t->SetClassName(String::NewSymbol("Shared"));
  }

  static Handle<Value> Get(const Arguments& args) {
    HandleScope scope;
    if (instance != NULL) return scope.Close(instance->handle_);
    return scope.Close(constructor->GetFunction()->NewInstance());
  }

  // The same, returning the Persistent itself (no scope.Close).
  static Handle<Value> GetRaw(const Arguments& args) {
    if (instance != NULL) return instance->handle_;
    return constructor->GetFunction()->NewInstance();
  }

  static Handle<Value> Stats(const Arguments& args) {
    HandleScope scope;
    Local<Array> out = Array::New(2);
    out->Set(0, Integer::New(made));
    out->Set(1, Integer::New(freed));
    return scope.Close(out);
  }

  Shared() {
    made++;
    instance = this;
  }
  ~Shared() {
    freed++;
    instance = NULL;
  }

 private:
  static Handle<Value> New(const Arguments& args) {
    HandleScope scope;
    Shared* shared = new Shared();
    shared->Wrap(args.This());
    return args.This();
  }
};

Persistent<FunctionTemplate> Shared::constructor;
Shared* Shared::instance = NULL;
int Shared::made = 0;
int Shared::freed = 0;

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  Counter::Init(target);
  Shared::Init(target);
  NODE_SET_METHOD(target, "shared", Shared::Get);
  NODE_SET_METHOD(target, "sharedRaw", Shared::GetRaw);
  NODE_SET_METHOD(target, "sharedStats", Shared::Stats);
  NODE_SET_METHOD(target, "stats", Stats);
  NODE_SET_METHOD(target, "watch", Watch);
  NODE_SET_METHOD(target, "keep", Keep);
  NODE_SET_METHOD(target, "kept", Kept);
  NODE_SET_METHOD(target, "weakStats", WeakStats);
}
