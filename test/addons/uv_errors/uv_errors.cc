// uv_errors: the C++ binding of uv_errors_c.c, and libuv 0.8's error model
// from C++: uv_err_t returned by uv_chdir and uv_kill, uv_strerror and
// uv_err_name overloads.
#include <node.h>
#include <signal.h>
#include <uv.h>

using namespace v8;

extern "C" {
void uv_errors_names(void);
int uv_errors_start_timer(void);
int uv_errors_queue(int input);
}

namespace {

Persistent<Object> target_object;
Persistent<Array> names;

Local<Array> Describe(uv_err_t err) {
  Local<Array> result = Array::New(2);
  result->Set(0, String::New(uv_err_name(err)));
  result->Set(1, String::New(uv_strerror(err)));
  return result;
}

Handle<Value> Names(const Arguments& args) {
  HandleScope scope;
  names = Persistent<Array>::New(Array::New());
  uv_errors_names();
  Local<Array> result = Local<Array>::New(names);
  names.Dispose();
  names.Clear();
  return scope.Close(result);
}

// libuv 0.8's calls that returned a uv_err_t.
Handle<Value> Chdir(const Arguments& args) {
  HandleScope scope;
  String::Utf8Value path(args[0]);
  uv_err_t err = uv_chdir(*path);
  return scope.Close(Describe(err));
}

Handle<Value> Kill(const Arguments& args) {
  HandleScope scope;
  uv_err_t err = uv_kill(args[0]->Int32Value(), 0);
  return scope.Close(Describe(err));
}

Handle<Value> StartTimer(const Arguments& args) {
  HandleScope scope;
  return scope.Close(Integer::New(uv_errors_start_timer()));
}

Handle<Value> Queue(const Arguments& args) {
  HandleScope scope;
  return scope.Close(Integer::New(uv_errors_queue(args[0]->Int32Value())));
}

}  // namespace

extern "C" void uv_errors_emit(const char* what, const char* text, int value) {
  HandleScope scope;
  if (!names.IsEmpty()) {
    Local<Array> entry = Array::New(3);
    entry->Set(0, String::New(what));
    entry->Set(1, String::New(text));
    entry->Set(2, Integer::New(value));
    names->Set(names->Length(), entry);
    return;
  }
  Handle<Value> argv[2] = {String::New(what), Integer::New(value)};
  node::MakeCallback(target_object, "event", 2, argv);
}

extern "C" void init(Handle<Object> target) {
  target_object = Persistent<Object>::New(target);
  NODE_SET_METHOD(target, "names", Names);
  NODE_SET_METHOD(target, "chdir", Chdir);
  NODE_SET_METHOD(target, "kill", Kill);
  NODE_SET_METHOD(target, "startTimer", StartTimer);
  NODE_SET_METHOD(target, "queue", Queue);
}
