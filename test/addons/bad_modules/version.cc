// bad_version: NODE_MODULE with a module version node 0.x never used.
#include <v8.h>
#include <node.h>

using namespace v8;

#undef NODE_MODULE_VERSION
#define NODE_MODULE_VERSION 2

static void Init(Handle<Object> target) {
  HandleScope scope;
  target->Set(String::New("loaded"), True());
}

NODE_MODULE(bad_version, Init)
