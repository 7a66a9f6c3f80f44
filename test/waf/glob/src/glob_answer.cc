// glob_answer.cc: the second source bld.glob("src/*.cc") finds.
#include <v8.h>

using namespace v8;

Handle<Value> Answer(const Arguments& args) {
  HandleScope scope;
  return scope.Close(Integer::New(42));
}
