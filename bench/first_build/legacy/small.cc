// small.cc: a small addon in the node 0.4 API (the size of many of that
// era), for bench/first_build.js; nan/small.cc is the same in NAN.
#include <v8.h>
#include <node.h>

#include <string>

using namespace v8;

static Handle<Value> Add(const Arguments& args) {
  HandleScope scope;
  if (args.Length() < 2 || !args[0]->IsNumber() || !args[1]->IsNumber()) {
    return ThrowException(
        Exception::TypeError(String::New("add(a, b): two numbers")));
  }
  double sum = args[0]->NumberValue() + args[1]->NumberValue();
  return scope.Close(Number::New(sum));
}

static Handle<Value> Sum(const Arguments& args) {
  HandleScope scope;
  if (!args[0]->IsArray()) {
    return ThrowException(
        Exception::TypeError(String::New("sum(list): an array")));
  }
  Local<Array> list = Local<Array>::Cast(args[0]);
  double total = 0;
  for (uint32_t i = 0; i < list->Length(); i++) {
    total += list->Get(i)->NumberValue();
  }
  return scope.Close(Number::New(total));
}

static Handle<Value> Greet(const Arguments& args) {
  HandleScope scope;
  String::Utf8Value name(args[0]);
  std::string text = std::string("hello, ") + (*name ? *name : "?");
  return scope.Close(String::New(text.c_str(), text.size()));
}

static Handle<Value> Apply(const Arguments& args) {
  HandleScope scope;
  if (!args[0]->IsFunction()) {
    return ThrowException(
        Exception::TypeError(String::New("apply(fn, x): a function")));
  }
  Local<Function> fn = Local<Function>::Cast(args[0]);
  Local<Value> argv[1] = {args[1]};
  Local<Value> result = fn->Call(Context::GetCurrent()->Global(), 1, argv);
  return scope.Close(result);
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "add", Add);
  NODE_SET_METHOD(target, "sum", Sum);
  NODE_SET_METHOD(target, "greet", Greet);
  NODE_SET_METHOD(target, "apply", Apply);
  target->Set(String::New("version"), Integer::New(1));
}
