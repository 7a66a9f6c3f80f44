// node_events.cc: a test addon in the node 0.4 API: a class derived from
// the C++ node::EventEmitter (removed in node 0.5.2, so not compared with
// node 0.8.28) that emits from C++, and node::AtExit.
#include <node.h>
#include <node_events.h>
#include <stdio.h>
#include <v8.h>

using namespace v8;
using namespace node;

class Pinger : public EventEmitter {
 public:
  static void Init(Handle<Object> target) {
    HandleScope scope;
    Local<FunctionTemplate> t = FunctionTemplate::New(New);
    t->Inherit(EventEmitter::constructor_template);
    t->InstanceTemplate()->SetInternalFieldCount(1);
    t->SetClassName(String::NewSymbol("Pinger"));
    NODE_SET_PROTOTYPE_METHOD(t, "ping", Ping);
    target->Set(String::NewSymbol("Pinger"), t->GetFunction());
  }

 private:
  static Handle<Value> New(const Arguments& args) {
    HandleScope scope;
    Pinger* pinger = new Pinger();
    pinger->Wrap(args.This());
    return args.This();
  }

  // ping(event, value): Emit(event, value, 'from C++'); returns Emit's
  // result.
  static Handle<Value> Ping(const Arguments& args) {
    HandleScope scope;
    Pinger* pinger = ObjectWrap::Unwrap<Pinger>(args.This());
    Handle<Value> argv[2] = {args[1], String::New("from C++")};
    bool emitted = pinger->Emit(args[0]->ToString(), 2, argv);
    return scope.Close(Boolean::New(emitted));
  }
};

static void SayAtExit(void* arg) {
  printf("at exit: %s\n", static_cast<const char*>(arg));
  fflush(stdout);
}

static Handle<Value> RegisterAtExit(const Arguments& args) {
  AtExit(SayAtExit, const_cast<char*>("registered first"));
  AtExit(SayAtExit, const_cast<char*>("registered second"));
  return Undefined();
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  Pinger::Init(target);
  NODE_SET_METHOD(target, "atExit", RegisterAtExit);
}
