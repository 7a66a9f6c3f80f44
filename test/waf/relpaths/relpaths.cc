// relpaths.cc: an addon whose headers and libraries the wscript names by
// paths relative to the build folder.
#include <node.h>
#include <v8.h>

#include "answer.h"
#include "extra_value.h"

using namespace v8;

static Handle<Value> Total(const Arguments& args) {
  HandleScope scope;
  return scope.Close(Integer::New(answer() + offset() + EXTRA_VALUE));
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "total", Total);
}
