// shlib_addon.cc: an addon that calls into two helper libraries the
// wscript declared as plain shared libraries.
#include <node.h>
#include <v8.h>

#include "sum.h"

using namespace v8;

static Handle<Value> Compute(const Arguments& args) {
  HandleScope scope;
  int a = args[0]->Int32Value();
  int b = args[1]->Int32Value();
  Local<Object> result = Object::New();
  result->Set(String::New("sum"), Integer::New(sum_of(a, b)));
  result->Set(String::New("twice"), Integer::New(twice(a)));
  result->Set(String::New("pic"), Integer::New(sum_pic()));
  return scope.Close(result);
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "compute", Compute);
}
