// makefile_addon.cc: a node 0.4 addon that its Makefile links itself.
#include <node.h>
#include <v8.h>

#include "helper/helper.h"

using namespace v8;

static Handle<Value> Compute(const Arguments& args) {
  HandleScope scope;
  Local<Object> out = Object::New();
  out->Set(String::New("twice"), Integer::New(helper_twice(args[0]->Int32Value())));
  out->Set(String::New("count"), Integer::New(helper_count()));
  out->Set(String::New("gets"), Integer::New(helper_gets_declared()));
  return scope.Close(out);
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "compute", Compute);
}
