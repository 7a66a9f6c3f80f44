// post_resource.cc: the module a post function looks up.
#include <node.h>
#include <v8.h>

using namespace v8;

static Handle<Value> Answer(const Arguments& args) {
  HandleScope scope;
  return scope.Close(Integer::New(42));
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "answer", Answer);
}
