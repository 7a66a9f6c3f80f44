// flags.cc: reports whether it was optimised, and has the slip old code
// often had (harmless at node-waf's -O0).
// Node 0.6-era sources defined it themselves, for Windows.
#define BUILDING_NODE_EXTENSION
#include <v8.h>
#include <node.h>
using namespace v8;

// The era's slip: a non-void function that falls off its end after
// ThrowException (harmless at -O0, undefined behaviour the optimiser uses).
static Handle<Value> Check(const Arguments& args) {
  HandleScope scope;
  if (args.Length() < 1) {
    ThrowException(Exception::TypeError(String::New("need one argument")));
  } else {
    return scope.Close(Integer::New(args[0]->Int32Value() + 1));
  }
}

static Handle<Value> Optimised(const Arguments& args) {
  HandleScope scope;
#ifdef __OPTIMIZE__
  return scope.Close(True());
#else
  return scope.Close(False());
#endif
}

extern "C" void init(Handle<Object> target) {
  NODE_SET_METHOD(target, "check", Check);
  NODE_SET_METHOD(target, "optimised", Optimised);
}
