// v8_values.cc: a test addon in the node 0.4 API: values, conversions,
// handles and scopes.  Built unchanged against node 0.8.28's headers and
// against node-waf-compat; test/differential/v8_values.js compares them.
#include <node.h>
#include <string.h>
#include <v8.h>

using namespace v8;

// The Is* predicates of a value, as a string of 0s and 1s.
static Handle<Value> Types(const Arguments& args) {
  HandleScope scope;
  Local<Value> v = args[0];
  char flags[20];
  bool is[19] = {v->IsUndefined(),   v->IsNull(),          v->IsTrue(),
                 v->IsFalse(),       v->IsString(),        v->IsFunction(),
                 v->IsArray(),       v->IsObject(),        v->IsBoolean(),
                 v->IsNumber(),      v->IsExternal(),      v->IsInt32(),
                 v->IsUint32(),      v->IsDate(),          v->IsRegExp(),
                 v->IsNativeError(), v->IsBooleanObject(), v->IsNumberObject(),
                 v->IsStringObject()};
  for (int i = 0; i < 19; i++) flags[i] = is[i] ? '1' : '0';
  flags[19] = '\0';
  return scope.Close(String::New(flags));
}

// Sets obj[name] to value, or to "empty" (and the exception's text) when
// the conversion threw.
static void Record(Handle<Object> obj, const char* name, Handle<Value> value,
                   TryCatch& try_catch) {
  if (value.IsEmpty()) {
    String::Utf8Value error(try_catch.Exception());
    obj->Set(String::New(name),
             String::Concat(String::New("empty: "), String::New(*error)));
    try_catch.Reset();
  } else {
    obj->Set(String::New(name), value);
  }
}

static Handle<Value> Conversions(const Arguments& args) {
  HandleScope scope;
  Local<Value> v = args[0];
  Local<Object> out = Object::New();
  TryCatch try_catch;
  Record(out, "ToBoolean", v->ToBoolean(), try_catch);
  Record(out, "ToNumber", v->ToNumber(), try_catch);
  Record(out, "ToString", v->ToString(), try_catch);
  Record(out, "ToInteger", v->ToInteger(), try_catch);
  Record(out, "ToInt32", v->ToInt32(), try_catch);
  Record(out, "ToUint32", v->ToUint32(), try_catch);
  Local<Object> object = v->ToObject();
  Record(
      out, "ToObject",
      object.IsEmpty() ? Handle<Value>() : Handle<Value>(String::New("object")),
      try_catch);
  out->Set(String::New("BooleanValue"), Boolean::New(v->BooleanValue()));
  out->Set(String::New("NumberValue"), Number::New(v->NumberValue()));
  try_catch.Reset();
  out->Set(String::New("IntegerValue"),
           Number::New(static_cast<double>(v->IntegerValue())));
  try_catch.Reset();
  out->Set(String::New("Int32Value"), Integer::New(v->Int32Value()));
  try_catch.Reset();
  out->Set(String::New("Uint32Value"),
           Integer::NewFromUnsigned(v->Uint32Value()));
  try_catch.Reset();
  return scope.Close(out);
}

static Handle<Value> Compare(const Arguments& args) {
  HandleScope scope;
  Local<Array> out = Array::New(3);
  out->Set(0, Boolean::New(args[0]->Equals(args[1])));
  out->Set(1, Boolean::New(args[0]->StrictEquals(args[1])));
  out->Set(2, Boolean::New(args[0] == args[1]));
  return scope.Close(out);
}

static int external_target = 42;

static Handle<Value> Make(const Arguments& args) {
  HandleScope scope;
  Local<Object> out = Object::New();
  out->Set(String::New("integer"), Integer::New(-5));
  out->Set(String::New("unsigned"), Integer::NewFromUnsigned(4000000000u));
  out->Set(String::New("number"), Number::New(1.5));
  out->Set(String::New("true"), Boolean::New(true));
  Local<Array> roots = Array::New(4);
  roots->Set(0, Undefined());
  roots->Set(1, Null());
  roots->Set(2, True());
  roots->Set(3, False());
  out->Set(String::New("roots"), roots);
  Local<Value> date = Date::New(86400000.0);
  out->Set(String::New("dateIsDate"), Boolean::New(date->IsDate()));
  out->Set(String::New("dateValue"),
           Number::New(Date::Cast(*date)->NumberValue()));
  out->Set(String::New("arrayLength"),
           Integer::NewFromUnsigned(Array::New(3)->Length()));
  Local<Integer> i = Integer::New(-7);
  out->Set(String::New("integerValue"),
           Number::New(static_cast<double>(i->Value())));
  out->Set(String::New("int32Value"), Integer::New(i->ToInt32()->Value()));
  Local<Integer> u = Integer::NewFromUnsigned(3000000000u);
  out->Set(String::New("uint32Value"), Number::New(u->ToUint32()->Value()));
  Local<External> external = External::New(&external_target);
  out->Set(String::New("externalRoundTrip"),
           Boolean::New(external->Value() == &external_target &&
                        External::Unwrap(External::Wrap(&external_target)) ==
                            &external_target));
  out->Set(String::New("external"), external);
  Local<Value> number_object = NumberObject::New(2.5);
  out->Set(String::New("numberObject"),
           Number::New(NumberObject::Cast(*number_object)->NumberValue()));
  Local<Value> boolean_object = BooleanObject::New(true);
  out->Set(String::New("booleanObject"),
           Boolean::New(BooleanObject::Cast(*boolean_object)->BooleanValue()));
  Local<Value> string_object = StringObject::New(String::New("boxed"));
  out->Set(String::New("stringObject"),
           StringObject::Cast(*string_object)->StringValue());
  Local<RegExp> re = RegExp::New(
      String::New("a+b"),
      static_cast<RegExp::Flags>(RegExp::kGlobal | RegExp::kIgnoreCase));
  out->Set(String::New("regexpSource"), re->GetSource());
  out->Set(String::New("regexpFlags"), Integer::New(re->GetFlags()));
  out->Set(String::New("regexp"), re);
  out->Set(String::New("booleanValue"),
           Boolean::New(Boolean::New(false)->Value()));
  return scope.Close(out);
}

// HandleScope: handles made in an inner scope go with it; Close keeps one.
static Handle<Value> Scopes(const Arguments& args) {
  HandleScope scope;
  int before = HandleScope::NumberOfHandles();
  Local<Value> kept;
  int inside;
  {
    HandleScope inner;
    for (int i = 0; i < 5; i++) Integer::New(i);
    inside = HandleScope::NumberOfHandles() - before;
    kept = inner.Close(Integer::New(99));
  }
  int after = HandleScope::NumberOfHandles() - before;
  Local<Array> out = Array::New(4);
  out->Set(0, Integer::New(inside));
  out->Set(1, Integer::New(after));
  out->Set(2, kept);
  {
    HandleScope inner;
    Local<Value> empty = inner.Close(Handle<Value>());
    out->Set(3, Boolean::New(empty.IsEmpty()));
  }
  return scope.Close(out);
}

static Persistent<Value> kept_value;

// Persistent handles: New makes a cell, copies alias it, Dispose frees it
// without emptying any copy.
static Handle<Value> Persistents(const Arguments& args) {
  HandleScope scope;
  Local<Array> out = Array::New(6);
  Persistent<Value> p = Persistent<Value>::New(args[0]);
  Persistent<Value> alias = p;
  out->Set(0, Boolean::New(p == alias));
  out->Set(1, Local<Value>::New(alias));
  out->Set(2, Boolean::New(p->StrictEquals(args[0])));
  p.Dispose();
  out->Set(3, Boolean::New(alias.IsEmpty()));
  alias.Clear();
  out->Set(4, Boolean::New(alias.IsEmpty()));
  if (kept_value.IsEmpty()) kept_value = Persistent<Value>::New(args[0]);
  out->Set(5, kept_value);
  return scope.Close(out);
}

// Handle<T>::Cast and As keep the value; identity compares objects.
static Handle<Value> Casts(const Arguments& args) {
  HandleScope scope;
  Local<Object> obj = args[0]->ToObject();
  Handle<Value> as_value = obj;
  Handle<Object> back = Handle<Object>::Cast(as_value);
  Handle<Object> again = as_value.As<Object>();
  Local<Array> out = Array::New(3);
  out->Set(0, Boolean::New(back == obj && again == obj));
  out->Set(1, Boolean::New(Handle<Value>() == Handle<Object>()));
  out->Set(2, Boolean::New(obj != Object::New()));
  return scope.Close(out);
}

// An old addon's constants and the version of V8 it sees.
extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "types", Types);
  NODE_SET_METHOD(target, "conversions", Conversions);
  NODE_SET_METHOD(target, "compare", Compare);
  NODE_SET_METHOD(target, "make", Make);
  NODE_SET_METHOD(target, "scopes", Scopes);
  NODE_SET_METHOD(target, "persistents", Persistents);
  NODE_SET_METHOD(target, "casts", Casts);
  target->Set(String::NewSymbol("versionIsString"),
              Boolean::New(strlen(V8::GetVersion()) > 0));
}
