// v8_sandbox.cc: a test addon in the node 0.4 API: a second V8 context
// whose global forwards every named property to a plain "sandbox" object
// through interceptors, detached (DetachGlobal) as the era's sandboxing
// addons did so that code outside can use the global directly; its class is
// flagged SetHiddenPrototype(true), as theirs were.  Built unchanged against
// node 0.8.28's headers and against node-waf-compat;
// test/differential/v8_sandbox.js compares them.
#include <node.h>
#include <v8.h>

using namespace v8;

struct Box {
  Persistent<Object> sandbox;
  Persistent<ObjectTemplate> global_template;
  Persistent<Context> context;
  Persistent<Object> proxy;  // Global() before DetachGlobal
  Persistent<Object> global;
};

static Box* BoxOf(const AccessorInfo& info) {
  return static_cast<Box*>(External::Unwrap(info.Data()));
}

static Handle<Value> Getter(Local<String> name, const AccessorInfo& info) {
  HandleScope scope;
  Box* box = BoxOf(info);
  Local<Value> value = box->sandbox->GetRealNamedProperty(name);
  if (value.IsEmpty()) return Handle<Value>();
  return scope.Close(value);
}

static Handle<Value> Setter(Local<String> name, Local<Value> value,
                            const AccessorInfo& info) {
  HandleScope scope;
  BoxOf(info)->sandbox->Set(name, value);
  return scope.Close(value);
}

static Handle<Integer> Query(Local<String> name, const AccessorInfo& info) {
  HandleScope scope;
  if (!BoxOf(info)->sandbox->HasRealNamedProperty(name))
    return Handle<Integer>();
  return scope.Close(Integer::New(None));
}

static Handle<Boolean> Deleter(Local<String> name, const AccessorInfo& info) {
  HandleScope scope;
  return scope.Close(Boolean::New(BoxOf(info)->sandbox->Delete(name)));
}

static Handle<Array> Enumerator(const AccessorInfo& info) {
  HandleScope scope;
  return scope.Close(BoxOf(info)->sandbox->GetPropertyNames());
}

static Handle<Value> Run(const Arguments& args) {
  HandleScope scope;
  Box* box = static_cast<Box*>(External::Unwrap(args.Data()));
  box->context->Enter();
  TryCatch try_catch;
  Local<Script> script = Script::Compile(args[0]->ToString());
  Local<Value> result;
  if (!script.IsEmpty()) result = script->Run();
  box->context->Exit();
  if (result.IsEmpty()) return try_catch.ReThrow();
  return scope.Close(result);
}

// box.renew() -> whether the global proxy kept its identity: a new context
// made on the global proxy the old one had before it was detached (V8 3.x
// reset its state and kept the object).
static Handle<Value> Renew(const Arguments& args) {
  HandleScope scope;
  Box* box = static_cast<Box*>(External::Unwrap(args.Data()));
  Persistent<Context> old = box->context;
  box->context = Context::New(NULL, box->global_template, box->proxy);
  old.Dispose();
  bool same = box->context->Global() == box->proxy;
  box->context->DetachGlobal();
  return scope.Close(Boolean::New(same));
}

// wrap(sandbox) -> { run: function (code), global: the context's global }
static Handle<Value> Wrap(const Arguments& args) {
  HandleScope scope;
  Box* box = new Box;
  box->sandbox = Persistent<Object>::New(args[0]->ToObject());
  Local<Value> data = External::Wrap(box);

  Local<FunctionTemplate> cls = FunctionTemplate::New();
  cls->SetHiddenPrototype(true);
  cls->SetClassName(box->sandbox->GetConstructorName());
  Local<ObjectTemplate> global = cls->InstanceTemplate();
  global->SetNamedPropertyHandler(Getter, Setter, Query, Deleter, Enumerator,
                                  data);
  box->global_template = Persistent<ObjectTemplate>::New(global);
  box->context = Context::New(NULL, global);
  box->proxy = Persistent<Object>::New(box->context->Global());
  box->context->DetachGlobal();
  box->global = Persistent<Object>::New(box->context->Global());

  Local<Object> out = Object::New();
  out->Set(String::NewSymbol("run"),
           FunctionTemplate::New(Run, data)->GetFunction());
  out->Set(String::NewSymbol("renew"),
           FunctionTemplate::New(Renew, data)->GetFunction());
  out->Set(String::NewSymbol("global"), box->global);
  return scope.Close(out);
}

// inherit(props) -> a new object whose prototype is an instance of a class
// flagged SetHiddenPrototype(true), holding props' properties.
static Handle<Value> Inherit(const Arguments& args) {
  HandleScope scope;
  Local<FunctionTemplate> cls = FunctionTemplate::New();
  cls->SetHiddenPrototype(true);
  Local<Object> proto = cls->GetFunction()->NewInstance();
  Local<Object> props = args[0]->ToObject();
  Local<Array> names = props->GetOwnPropertyNames();
  for (uint32_t i = 0; i < names->Length(); i++) {
    Local<Value> name = names->Get(i);
    proto->Set(name, props->Get(name));
  }
  Local<Object> object = Object::New();
  object->SetPrototype(proto);
  return scope.Close(object);
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "wrap", Wrap);
  NODE_SET_METHOD(target, "inherit", Inherit);
}
