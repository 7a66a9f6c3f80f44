// bad_no_entry: an addon with neither NODE_MODULE nor extern "C" init
// (its init is C++, so dlsym of "init" cannot find it).
#include <v8.h>
#include <node.h>

using namespace v8;

void init(Handle<Object> target) {
  HandleScope scope;
  target->Set(String::New("loaded"), True());
}
