// node_misc.cc: a test addon in the node 0.4 API: node's helpers
// (ErrnoException, NODE_DEFINE_CONSTANT, NODE_PSYMBOL, FromConstructorTemplate,
// cb_persist, signo_string), V8's statics (GC callbacks, heap statistics,
// external memory, Locker) and the C++ of the era: exceptions, dynamic_cast
// and typeid, which node-waf compiled with.  Built unchanged against node
// 0.8.28's headers and against node-waf-compat; test/differential/
// node_misc.js compares them.
#include <errno.h>
#include <node.h>
#include <signal.h>
#include <string.h>
#include <v8.h>

#include <stdexcept>
#include <string>
#include <typeinfo>

using namespace v8;
using namespace node;

#define READY_STATE 3

static Handle<Value> Errno(const Arguments& args) {
  HandleScope scope;
  Local<Array> out = Array::New(4);
  out->Set(0, ErrnoException(ENOENT, "open", "", "/no/such/file"));
  out->Set(1, ErrnoException(EACCES, "read"));
  out->Set(2, ErrnoException(EINVAL, NULL, "custom message"));
  out->Set(3, ErrnoException(EPIPE));
  return scope.Close(out);
}

static Handle<Value> ErrnoProps(const Arguments& args) {
  HandleScope scope;
  Local<Object> e = ErrnoException(ENOENT, "open", "", "/x")->ToObject();
  Local<Array> out = Array::New(4);
  out->Set(0, e->Get(String::New("errno")));
  out->Set(1, e->Get(String::New("code")));
  out->Set(2, e->Get(String::New("path")));
  out->Set(3, e->Get(String::New("syscall")));
  return scope.Close(out);
}

static Persistent<FunctionTemplate> thing_template;
static Persistent<String> name_symbol;

static Handle<Value> NewThing(const Arguments& args) {
  HandleScope scope;
  if (!args.IsConstructCall())
    return FromConstructorTemplate(thing_template, args);
  args.This()->Set(name_symbol, args[0]);
  args.This()->Set(String::NewSymbol("count"), Integer::New(args.Length()));
  return args.This();
}

// Calls the callback that cb_persist kept, then destroys it.
static Handle<Value> Persisted(const Arguments& args) {
  HandleScope scope;
  Persistent<Function>* cb = cb_persist(args[0]);
  Persistent<Function>* same = cb_unwrap(cb);
  Handle<Value> argv[1] = {String::New("through cb_persist")};
  Local<Value> result = (*same)->Call(Context::GetCurrent()->Global(), 1, argv);
  cb_destroy(cb);
  return scope.Close(result);
}

struct Shape {
  virtual ~Shape() {}
  virtual const char* kind() const { return "shape"; }
};
struct Circle : Shape {
  const char* kind() const { return "circle"; }
};

// C++ exceptions and RTTI, as node-waf's compiler defaults allowed.
static Handle<Value> Cxx(const Arguments& args) {
  HandleScope scope;
  std::string caught;
  try {
    if (args[0]->BooleanValue()) throw std::runtime_error("C++ exception");
    caught = "none";
  } catch (const std::exception& e) {
    caught = e.what();
  }
  Circle circle;
  Shape* shape = &circle;
  Circle* back = dynamic_cast<Circle*>(shape);
  Local<Array> out = Array::New(3);
  out->Set(0, String::New(caught.c_str()));
  out->Set(1,
           Boolean::New(back == &circle && typeid(*shape) == typeid(Circle)));
  out->Set(2, String::New(back->kind()));
  return scope.Close(out);
}

static int gc_prologues = 0;
static int gc_epilogues = 0;

static void BeforeGC(GCType type, GCCallbackFlags flags) { gc_prologues++; }
static void AfterGC(GCType type, GCCallbackFlags flags) { gc_epilogues++; }

static Handle<Value> GCCount(const Arguments& args) {
  HandleScope scope;
  Local<Array> out = Array::New(2);
  out->Set(0, Boolean::New(gc_prologues > 0));
  out->Set(1, Boolean::New(gc_epilogues > 0));
  return scope.Close(out);
}

static Handle<Value> Statics(const Arguments& args) {
  HandleScope scope;
  HeapStatistics stats;
  V8::GetHeapStatistics(&stats);
  intptr_t before = V8::AdjustAmountOfExternalAllocatedMemory(4096);
  intptr_t after = V8::AdjustAmountOfExternalAllocatedMemory(-4096);
  Local<Array> out = Array::New(5);
  out->Set(0, Boolean::New(stats.total_heap_size() > 0 &&
                           stats.used_heap_size() > 0 &&
                           stats.heap_size_limit() > stats.used_heap_size()));
  out->Set(1, Number::New(static_cast<double>(before - after)));
  {
    Locker locker;
    out->Set(2, Boolean::New(Locker::IsLocked()));
  }
  out->Set(3, String::New(signo_string(SIGINT)));
  out->Set(4, String::New(signo_string(SIGTERM)));
  return scope.Close(out);
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  name_symbol = NODE_PSYMBOL("name");
  Local<FunctionTemplate> t = FunctionTemplate::New(NewThing);
  thing_template = Persistent<FunctionTemplate>::New(t);
  t->SetClassName(String::NewSymbol("Thing"));
  target->Set(String::NewSymbol("Thing"), t->GetFunction());
  NODE_SET_METHOD(target, "errno", Errno);
  NODE_SET_METHOD(target, "errnoProps", ErrnoProps);
  NODE_SET_METHOD(target, "persisted", Persisted);
  NODE_SET_METHOD(target, "cxx", Cxx);
  NODE_SET_METHOD(target, "gcCount", GCCount);
  NODE_SET_METHOD(target, "statics", Statics);
  NODE_DEFINE_CONSTANT(target, READY_STATE);
  NODE_DEFINE_CONSTANT(target, ENOENT);
  V8::AddGCPrologueCallback(BeforeGC);
  V8::AddGCEpilogueCallback(AfterGC, kGCTypeMarkSweepCompact);
}
