// classic.cc: a node 0.4 addon built by the wscript beside it.  info()
// reports what the wscript's flags compiled in, so a test can tell that
// each one reached the compiler.
#include <math.h>

#include <node.h>
#include <v8.h>

#include "classic_config.h"  // obj.includes = 'include'
#include "extra.h"           // CPPPATH_EXTRA, through obj.uselib

using namespace v8;
using namespace node;

static Handle<Value> Info(const Arguments& args) {
  HandleScope scope;
  Local<Object> info = Object::New();
  info->Set(String::New("greeting"), String::New(GREETING));
  info->Set(String::New("first"), Integer::New(CLASSIC_FIRST));
  info->Set(String::New("cpp"), Integer::New(CLASSIC_CPP));
  info->Set(String::New("define"), Integer::New(CLASSIC_DEFINE));
  info->Set(String::New("config"), String::New(CLASSIC_CONFIG));
  info->Set(String::New("extra"), Integer::New(EXTRA_VALUE));
  info->Set(String::New("nosuchFound"), Integer::New(NOSUCH_FOUND));
  info->Set(String::New("cos"), Number::New(cos(args[0]->NumberValue())));
#ifdef _FILE_OFFSET_BITS
  info->Set(String::New("offsetBits"), Integer::New(_FILE_OFFSET_BITS));
#endif
  return scope.Close(info);
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "info", Info);
}
