// v8_stress.cc: a test addon in the node 0.4 API: millions of handles made
// in a loop with an inner HandleScope per iteration (memory must stay
// bounded), and functions that return a local without scope.Close (a common
// old bug that worked by luck, and must still return the right value).
#include <node.h>
#include <v8.h>

using namespace v8;

// loop(n, scoped): n iterations that each make four handles, inside an
// inner HandleScope when scoped.  Returns [handles before, handles after,
// checksum].
static Handle<Value> Loop(const Arguments& args) {
  HandleScope scope;
  int n = args[0]->Int32Value();
  bool scoped = args[1]->BooleanValue();
  int before = HandleScope::NumberOfHandles();
  double sum = 0;
  for (int i = 0; i < n; i++) {
    if (scoped) {
      HandleScope inner;
      Local<Number> x = Number::New(i + 0.5);
      Local<Integer> y = Integer::New(i & 0xff);
      Local<String> s = String::New("handle");
      Local<Object> o = Object::New();
      sum += x->Value() + y->Value() + s->Length() + (o.IsEmpty() ? 0 : 1);
    } else {
      Local<Number> x = Number::New(i + 0.5);
      Local<Integer> y = Integer::New(i & 0xff);
      Local<String> s = String::New("handle");
      Local<Object> o = Object::New();
      sum += x->Value() + y->Value() + s->Length() + (o.IsEmpty() ? 0 : 1);
    }
  }
  int after = HandleScope::NumberOfHandles();
  Local<Array> out = Array::New(3);
  out->Set(0, Integer::New(before));
  out->Set(1, Integer::New(after));
  out->Set(2, Number::New(sum));
  return scope.Close(out);
}

// Old bugs: a local returned without scope.Close.
static Handle<Value> NoCloseString(const Arguments& args) {
  HandleScope scope;
  Local<String> s = String::Concat(String::New("forgot "), args[0]->ToString());
  return s;
}

static Handle<Value> NoCloseObject(const Arguments& args) {
  HandleScope scope;
  Local<Object> o = Object::New();
  o->Set(String::New("n"), Number::New(args[0]->NumberValue() * 2));
  o->Set(String::New("list"), Array::New(3));
  return o;
}

static Handle<Value> NoCloseNumber(const Arguments& args) {
  HandleScope scope;
  return Number::New(args[0]->NumberValue() + 0.25);
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "loop", Loop);
  NODE_SET_METHOD(target, "noCloseString", NoCloseString);
  NODE_SET_METHOD(target, "noCloseObject", NoCloseObject);
  NODE_SET_METHOD(target, "noCloseNumber", NoCloseNumber);
}
