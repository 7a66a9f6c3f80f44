// glob_addon.cc: the addon of a wscript whose sources come from bld.glob;
// answer() is defined in the other file the glob found.
#include <node.h>
#include <v8.h>

using namespace v8;

Handle<Value> Answer(const Arguments& args);

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "answer", Answer);
}
