// bad_two_modules: two NODE_MODULE registrations in one addon; node 0.x
// loaded one module per file.
#include <v8.h>
#include <node.h>

using namespace v8;

static void First(Handle<Object> target) {
  HandleScope scope;
  target->Set(String::New("module"), String::New("first"));
}

static void Second(Handle<Object> target) {
  HandleScope scope;
  target->Set(String::New("module"), String::New("second"));
}

NODE_MODULE(bad_two_modules, First)
NODE_MODULE(bad_two_modules_again, Second)
