// v8_namespaces: old code that reopens namespace v8 and namespace node to
// declare classes and templates of its own there, as node 0.4 addons did
// (an ObjectWrap subclass inside `namespace node`, a helper class and an
// explicit specialisation inside `namespace v8`), and finds them by their
// qualified and unqualified names.
#include <v8.h>
#include <node.h>
#include <node_object_wrap.h>

using namespace v8;

namespace v8 {

// A helper of the addon's own, declared in namespace v8.
class Pair {
 public:
  static Handle<Array> Make(const char* first, const char* second) {
    HandleScope scope;
    Local<Array> pair = Array::New(2);
    pair->Set(Integer::New(0), String::New(first));
    pair->Set(Integer::New(1), String::New(second));
    return scope.Close(pair);
  }
};

// A template of the addon's own with an explicit specialisation.
template <typename T>
struct Describe {
  static const char* Name() { return "something"; }
};

template <>
struct Describe<int> {
  static const char* Name() { return "an int"; }
};

}  // namespace v8

namespace node {

// An ObjectWrap subclass declared inside namespace node.
class Counter : public ObjectWrap {
 public:
  static Persistent<FunctionTemplate> constructor_template;

  static void Initialize(Handle<Object> target) {
    HandleScope scope;
    Local<FunctionTemplate> t = FunctionTemplate::New(New);
    constructor_template = Persistent<FunctionTemplate>::New(t);
    constructor_template->InstanceTemplate()->SetInternalFieldCount(1);
    constructor_template->SetClassName(String::NewSymbol("Counter"));
    NODE_SET_PROTOTYPE_METHOD(constructor_template, "bump", Bump);
    target->Set(String::NewSymbol("Counter"),
                constructor_template->GetFunction());
  }

 private:
  Counter() : count_(0) {}

  static Handle<Value> New(const Arguments& args) {
    HandleScope scope;
    Counter* counter = new Counter();
    counter->Wrap(args.This());
    return args.This();
  }

  static Handle<Value> Bump(const Arguments& args) {
    HandleScope scope;
    Counter* counter = ObjectWrap::Unwrap<Counter>(args.This());
    counter->count_ += args.Length() > 0 ? args[0]->Int32Value() : 1;
    return scope.Close(Integer::New(counter->count_));
  }

  int count_;
};

Persistent<FunctionTemplate> Counter::constructor_template;

// A free function in namespace node, called qualified from outside.
static Handle<Value> Describe(const Arguments& args) {
  HandleScope scope;
  const char* name = args[0]->IsInt32() ? v8::Describe<int>::Name()
                                        : v8::Describe<double>::Name();
  return scope.Close(String::New(name));
}

}  // namespace node

static Handle<Value> MakePair(const Arguments& args) {
  HandleScope scope;
  String::Utf8Value first(args[0]);
  String::Utf8Value second(args[1]);
  return scope.Close(v8::Pair::Make(*first, *second));
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  node::Counter::Initialize(target);
  NODE_SET_METHOD(target, "describe", node::Describe);
  NODE_SET_METHOD(target, "pair", MakePair);
}
