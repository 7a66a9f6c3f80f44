// v8_exceptions.cc: a test addon in the node 0.4 API: throwing, TryCatch,
// messages, scripts and calls back into JavaScript.  Registered with
// NODE_MODULE (the other test addons use a bare init).  Built unchanged
// against node 0.8.28's headers and against node-waf-compat;
// test/differential/v8_exceptions.js compares them.
#include <node.h>
#include <string.h>
#include <v8.h>

using namespace v8;

// throwError(kind, message): returns ThrowException(Exception::<kind>(m)).
static Handle<Value> ThrowError(const Arguments& args) {
  HandleScope scope;
  String::Utf8Value kind(args[0]);
  Local<String> message = args[1]->ToString();
  if (strcmp(*kind, "TypeError") == 0)
    return ThrowException(Exception::TypeError(message));
  if (strcmp(*kind, "RangeError") == 0)
    return ThrowException(Exception::RangeError(message));
  if (strcmp(*kind, "ReferenceError") == 0)
    return ThrowException(Exception::ReferenceError(message));
  if (strcmp(*kind, "SyntaxError") == 0)
    return ThrowException(Exception::SyntaxError(message));
  if (strcmp(*kind, "value") == 0) return ThrowException(args[1]);
  return ThrowException(Exception::Error(message));
}

// What a TryCatch saw, as an object.
static Local<Object> Caught(TryCatch& try_catch) {
  Local<Object> out = Object::New();
  out->Set(String::New("caught"), Boolean::New(try_catch.HasCaught()));
  out->Set(String::New("canContinue"), Boolean::New(try_catch.CanContinue()));
  if (!try_catch.HasCaught()) return out;
  out->Set(String::New("exception"), try_catch.Exception());
  Local<Value> stack = try_catch.StackTrace();
  out->Set(String::New("hasStack"),
           Boolean::New(!stack.IsEmpty() && stack->IsString()));
  Local<Message> message = try_catch.Message();
  if (!message.IsEmpty()) {
    out->Set(String::New("message"), message->Get());
    out->Set(String::New("line"), Integer::New(message->GetLineNumber()));
    out->Set(String::New("sourceLine"), message->GetSourceLine());
    out->Set(String::New("startColumn"),
             Integer::New(message->GetStartColumn()));
    out->Set(String::New("endColumn"), Integer::New(message->GetEndColumn()));
  }
  return out;
}

// tryCall(fn, ...args): calls fn inside a TryCatch.
static Handle<Value> TryCall(const Arguments& args) {
  HandleScope scope;
  Local<Function> fn = Local<Function>::Cast(args[0]);
  Handle<Value> argv[2] = {args[1], args[2]};
  TryCatch try_catch;
  Local<Value> result = fn->Call(Context::GetCurrent()->Global(), 2, argv);
  Local<Object> out = Caught(try_catch);
  out->Set(String::New("resultEmpty"), Boolean::New(result.IsEmpty()));
  if (!result.IsEmpty()) out->Set(String::New("result"), result);
  return scope.Close(out);
}

// rethrow(fn): catches and rethrows; the caller sees the exception.
static Handle<Value> Rethrow(const Arguments& args) {
  HandleScope scope;
  TryCatch try_catch;
  Local<Function>::Cast(args[0])->Call(Object::New(), 0, NULL);
  if (try_catch.HasCaught()) return scope.Close(try_catch.ReThrow());
  return scope.Close(String::New("nothing thrown"));
}

// reset(fn): catches, resets, and reports what is left.
static Handle<Value> Reset(const Arguments& args) {
  HandleScope scope;
  TryCatch try_catch;
  Local<Function>::Cast(args[0])->Call(Object::New(), 0, NULL);
  bool before = try_catch.HasCaught();
  try_catch.Reset();
  Local<Array> out = Array::New(2);
  out->Set(0, Boolean::New(before));
  out->Set(1, Boolean::New(try_catch.HasCaught()));
  return scope.Close(out);
}

// nested(fn): an inner TryCatch catches; the outer sees nothing.
static Handle<Value> Nested(const Arguments& args) {
  HandleScope scope;
  TryCatch outer;
  bool inner_caught;
  {
    TryCatch inner;
    Local<Function>::Cast(args[0])->Call(Object::New(), 0, NULL);
    inner_caught = inner.HasCaught();
  }
  Local<Array> out = Array::New(2);
  out->Set(0, Boolean::New(inner_caught));
  out->Set(1, Boolean::New(outer.HasCaught()));
  return scope.Close(out);
}

// run(source, name): Script::Compile + Run inside a TryCatch.
static Handle<Value> Run(const Arguments& args) {
  HandleScope scope;
  TryCatch try_catch;
  Local<Script> script = Script::Compile(args[0]->ToString(), args[1]);
  Local<Object> out;
  if (script.IsEmpty()) {
    out = Caught(try_catch);
    out->Set(String::New("compiled"), False());
    return scope.Close(out);
  }
  Local<Value> result = script->Run();
  out = Caught(try_catch);
  out->Set(String::New("compiled"), True());
  if (!result.IsEmpty()) out->Set(String::New("result"), result);
  return scope.Close(out);
}

// runNew(source): Script::New with a ScriptOrigin.
static Handle<Value> RunNew(const Arguments& args) {
  HandleScope scope;
  ScriptOrigin origin(String::New("origin.js"), Integer::New(10));
  TryCatch try_catch;
  Local<Script> script = Script::New(args[0]->ToString(), &origin);
  if (script.IsEmpty()) return scope.Close(Caught(try_catch));
  Local<Value> result = script->Run();
  if (result.IsEmpty()) return scope.Close(Caught(try_catch));
  return scope.Close(result);
}

// makeCallback(obj, name, arg): node::MakeCallback by method name, symbol
// and function.
static Handle<Value> CallBack(const Arguments& args) {
  HandleScope scope;
  Local<Object> obj = args[0]->ToObject();
  Handle<Value> argv[1] = {args[2]};
  String::Utf8Value method(args[1]);
  Local<Array> out = Array::New(3);
  out->Set(0, node::MakeCallback(obj, *method, 1, argv));
  out->Set(1, node::MakeCallback(obj, args[1]->ToString(), 1, argv));
  Local<Function> fn = Local<Function>::Cast(obj->Get(args[1]));
  out->Set(2, node::MakeCallback(obj, fn, 1, argv));
  return scope.Close(out);
}

// fatal(fn): calls fn; an exception goes to node::FatalException.
static Handle<Value> Fatal(const Arguments& args) {
  HandleScope scope;
  TryCatch try_catch;
  Local<Function>::Cast(args[0])->Call(Object::New(), 0, NULL);
  if (try_catch.HasCaught()) node::FatalException(try_catch);
  return scope.Close(String::New("returned"));
}

static Handle<Value> Contexts(const Arguments& args) {
  HandleScope scope;
  Local<Array> out = Array::New(4);
  out->Set(0, Boolean::New(Context::InContext()));
  out->Set(1, Boolean::New(Context::GetCurrent()->Global() ==
                           Context::GetEntered()->Global()));
  out->Set(2, Context::GetCurrent()->Global()->Get(String::New("marker")));
  Persistent<v8::Context> sandbox = Context::New();
  {
    Context::Scope in_sandbox(sandbox);
    Local<Value> result =
        Script::Compile(String::New("typeof require + ':' + (1 + 2)"))->Run();
    out->Set(3, result);
  }
  sandbox.Dispose();
  return scope.Close(out);
}

static void Init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "throwError", ThrowError);
  NODE_SET_METHOD(target, "tryCall", TryCall);
  NODE_SET_METHOD(target, "rethrow", Rethrow);
  NODE_SET_METHOD(target, "reset", Reset);
  NODE_SET_METHOD(target, "nested", Nested);
  NODE_SET_METHOD(target, "run", Run);
  NODE_SET_METHOD(target, "runNew", RunNew);
  NODE_SET_METHOD(target, "makeCallback", CallBack);
  NODE_SET_METHOD(target, "fatal", Fatal);
  NODE_SET_METHOD(target, "context", Contexts);
}

NODE_MODULE(v8_exceptions, Init)
