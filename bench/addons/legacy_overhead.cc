// legacy_overhead.cc: the cost of one call of a trivial function written in
// the node 0.4 API.
#include <node.h>
#include <v8.h>

using namespace v8;

static Handle<Value> Next(const Arguments& args) {
  HandleScope scope;
  return scope.Close(Integer::New(args[0]->Int32Value() + 1));
}

extern "C" void init(Handle<Object> target) {
  NODE_SET_METHOD(target, "next", Next);
}
