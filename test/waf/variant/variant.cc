// variant.cc: the addon of a wscript that set its variant to "Release".
#include <node.h>
#include <v8.h>

using namespace v8;

static Handle<Value> Answer(const Arguments& args) {
  HandleScope scope;
  return scope.Close(Integer::New(VARIANT_ANSWER));
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "answer", Answer);
}
