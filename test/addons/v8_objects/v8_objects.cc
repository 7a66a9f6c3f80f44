// v8_objects.cc: a test addon in the node 0.4 API: objects (properties,
// attributes, prototypes, internal fields, hidden values, external array
// data) and templates (classes with accessors, inheritance, signatures,
// named and indexed interceptors, call-as-function).  Built unchanged
// against node 0.8.28's headers and against node-waf-compat;
// test/differential/v8_objects.js compares them.
#include <node.h>
#include <string.h>
#include <v8.h>

using namespace v8;

#define SYMBOL(s) String::NewSymbol(s)

// --- plain objects ----------------------------------------------------------

static Handle<Value> Properties(const Arguments& args) {
  HandleScope scope;
  Local<Object> obj = Object::New();
  Local<Array> out = Array::New();
  int n = 0;
  obj->Set(SYMBOL("a"), Integer::New(1));
  obj->Set(SYMBOL("ro"), Integer::New(2), ReadOnly);
  obj->Set(SYMBOL("hidden"), Integer::New(3), DontEnum);
  obj->Set(SYMBOL("fixed"), Integer::New(4), DontDelete);
  obj->Set(7, String::New("seven"));
  out->Set(n++, obj->Get(SYMBOL("a")));
  out->Set(n++, obj->Get(7));
  out->Set(n++, Boolean::New(obj->Get(SYMBOL("missing"))->IsUndefined()));
  obj->Set(SYMBOL("ro"), Integer::New(20));
  out->Set(n++, obj->Get(SYMBOL("ro")));
  obj->ForceSet(SYMBOL("ro"), Integer::New(21));
  out->Set(n++, obj->Get(SYMBOL("ro")));
  out->Set(n++, Integer::New(obj->GetPropertyAttributes(SYMBOL("hidden"))));
  out->Set(n++, Integer::New(obj->GetPropertyAttributes(SYMBOL("fixed"))));
  out->Set(n++, Boolean::New(obj->Has(SYMBOL("a"))));
  out->Set(n++, Boolean::New(obj->Has(7)));
  out->Set(n++, Boolean::New(obj->Has(8)));
  out->Set(n++, Boolean::New(obj->Delete(SYMBOL("a"))));
  out->Set(n++, Boolean::New(obj->Has(SYMBOL("a"))));
  out->Set(n++, Boolean::New(obj->Delete(SYMBOL("fixed"))));
  out->Set(n++, Boolean::New(obj->Delete(7)));
  out->Set(n++, obj->GetPropertyNames());
  out->Set(n++, obj->GetOwnPropertyNames());
  out->Set(n++, Boolean::New(obj->HasOwnProperty(SYMBOL("ro"))));
  out->Set(n++, Boolean::New(obj->HasRealNamedProperty(SYMBOL("ro"))));
  out->Set(n++, Boolean::New(obj->HasRealNamedProperty(SYMBOL("toString"))));
  out->Set(n++, Boolean::New(obj->HasRealIndexedProperty(7)));
  out->Set(n++, obj->ObjectProtoToString());
  out->Set(n++, obj->GetConstructorName());
  Local<Object> clone = obj->Clone();
  out->Set(n++, clone->Get(SYMBOL("ro")));
  out->Set(n++, Boolean::New(clone == obj));
  out->Set(n++, Boolean::New(obj->GetIdentityHash() != 0 &&
                             obj->GetIdentityHash() == obj->GetIdentityHash()));
  Local<Object> proto = Object::New();
  proto->Set(SYMBOL("inherited"), Boolean::New(true));
  out->Set(n++, Boolean::New(obj->SetPrototype(proto)));
  out->Set(n++, Boolean::New(obj->GetPrototype() == proto));
  out->Set(n++, obj->Get(SYMBOL("inherited")));
  out->Set(n++, Boolean::New(obj->HasOwnProperty(SYMBOL("inherited"))));
  out->Set(n++, obj->GetRealNamedPropertyInPrototypeChain(SYMBOL("inherited")));
  out->Set(n++, obj);
  return scope.Close(out);
}

static Handle<Value> Arrays(const Arguments& args) {
  HandleScope scope;
  Local<Array> a = Array::New(2);
  a->Set(0, Integer::New(10));
  a->Set(5, Integer::New(15));
  Local<Array> out = Array::New(3);
  out->Set(0, Integer::New(a->Length()));
  out->Set(1, a);
  Local<Array> inner = Array::New(1);
  Local<Object> element = Object::New();
  element->Set(SYMBOL("v"), Integer::New(1));
  inner->Set(0, element);
  Local<Object> copy = inner->CloneElementAt(0);
  out->Set(2, Boolean::New(!copy.IsEmpty() && copy != element &&
                           copy->Get(SYMBOL("v"))->Int32Value() == 1));
  return scope.Close(out);
}

static Handle<Value> Hidden(const Arguments& args) {
  HandleScope scope;
  Local<Object> obj = args[0]->ToObject();
  Local<Array> out = Array::New();
  out->Set(0, Boolean::New(obj->GetHiddenValue(SYMBOL("secret")).IsEmpty()));
  out->Set(1, Boolean::New(
                  obj->SetHiddenValue(SYMBOL("secret"), String::New("hush"))));
  out->Set(2, obj->GetHiddenValue(SYMBOL("secret")));
  out->Set(3, Boolean::New(obj->Has(SYMBOL("secret"))));
  out->Set(4, obj->GetPropertyNames());
  out->Set(5, Boolean::New(obj->DeleteHiddenValue(SYMBOL("secret"))));
  out->Set(6, Boolean::New(obj->GetHiddenValue(SYMBOL("secret")).IsEmpty()));
  obj->SetHiddenValue(SYMBOL("kept"), Integer::New(5));
  return scope.Close(out);
}

static Handle<Value> ReadHidden(const Arguments& args) {
  HandleScope scope;
  Local<Value> kept = args[0]->ToObject()->GetHiddenValue(SYMBOL("kept"));
  if (kept.IsEmpty()) return scope.Close(String::New("empty"));
  return scope.Close(kept);
}

// --- external array data ----------------------------------------------------

static unsigned char bytes[8] = {1, 2, 3, 250, 0, 0, 0, 0};
static short shorts[3] = {-1, 300, 7};
static float floats[2] = {1.5f, -2.25f};
static double doubles[2] = {0.1, 1e300};
static uint8_t pixels[4] = {0, 100, 200, 255};

static Handle<Value> ExternalArrays(const Arguments& args) {
  HandleScope scope;
  Local<Object> out = Object::New();
  Local<Object> b = Object::New();
  b->SetIndexedPropertiesToExternalArrayData(bytes, kExternalUnsignedByteArray,
                                             8);
  out->Set(SYMBOL("bytes"), b);
  Local<Object> s = Object::New();
  s->SetIndexedPropertiesToExternalArrayData(shorts, kExternalShortArray, 3);
  out->Set(SYMBOL("shorts"), s);
  Local<Object> f = Object::New();
  f->SetIndexedPropertiesToExternalArrayData(floats, kExternalFloatArray, 2);
  out->Set(SYMBOL("floats"), f);
  Local<Object> d = Object::New();
  d->SetIndexedPropertiesToExternalArrayData(doubles, kExternalDoubleArray, 2);
  out->Set(SYMBOL("doubles"), d);
  Local<Object> p = Object::New();
  p->SetIndexedPropertiesToPixelData(pixels, 4);
  out->Set(SYMBOL("pixels"), p);
  return scope.Close(out);
}

// What old code saw of any object's external data.
static Handle<Value> ExternalInfo(const Arguments& args) {
  HandleScope scope;
  Local<Array> out = Array::New();
  if (!args[0]->IsObject()) return scope.Close(out);
  Local<Object> obj = args[0]->ToObject();
  out->Set(0, Boolean::New(obj->HasIndexedPropertiesInExternalArrayData()));
  out->Set(1, Integer::New(obj->GetIndexedPropertiesExternalArrayDataType()));
  out->Set(2, Integer::New(obj->GetIndexedPropertiesExternalArrayDataLength()));
  void* data = obj->GetIndexedPropertiesExternalArrayData();
  out->Set(3, Boolean::New(data != NULL));
  out->Set(4, Boolean::New(data == bytes));
  out->Set(5, Boolean::New(obj->HasIndexedPropertiesInPixelData()));
  out->Set(6, Integer::New(obj->GetIndexedPropertiesPixelDataLength()));
  return scope.Close(out);
}

static Handle<Value> NativeBytes(const Arguments& args) {
  HandleScope scope;
  Local<Array> out = Array::New();
  for (int i = 0; i < 8; i++) out->Set(i, Integer::New(bytes[i]));
  out->Set(8, Integer::New(shorts[1]));
  out->Set(9, Number::New(floats[1]));
  out->Set(10, Integer::New(pixels[1]));
  return scope.Close(out);
}

// --- a class: Point(x, y) with accessors, a method and a subclass --------

struct Point {
  double x;
  double y;
};

static Persistent<FunctionTemplate> point_template;
static Persistent<FunctionTemplate> point3_template;

static Handle<Value> NewPoint(const Arguments& args) {
  HandleScope scope;
  if (!args.IsConstructCall()) {
    return ThrowException(
        Exception::TypeError(String::New("Point must be called with new")));
  }
  Point* p = new Point;
  p->x = args[0]->NumberValue();
  p->y = args[1]->NumberValue();
  args.This()->SetPointerInInternalField(0, p);
  return args.This();
}

static Point* PointOf(const AccessorInfo& info) {
  return static_cast<Point*>(info.Holder()->GetPointerFromInternalField(0));
}

static Handle<Value> GetX(Local<String> property, const AccessorInfo& info) {
  HandleScope scope;
  return scope.Close(Number::New(PointOf(info)->x));
}

static void SetX(Local<String> property, Local<Value> value,
                 const AccessorInfo& info) {
  PointOf(info)->x = value->NumberValue();
}

static Handle<Value> GetY(Local<String> property, const AccessorInfo& info) {
  HandleScope scope;
  return scope.Close(Number::New(PointOf(info)->y));
}

static Handle<Value> GetLabel(Local<String> property,
                              const AccessorInfo& info) {
  HandleScope scope;
  return scope.Close(String::Concat(info.Data()->ToString(), property));
}

// An accessor on the prototype: This() is the instance, Holder() the
// prototype.
static Handle<Value> GetScale(Local<String> property,
                              const AccessorInfo& info) {
  HandleScope scope;
  Local<Value> scale = info.This()->GetHiddenValue(SYMBOL("scale"));
  return scope.Close(scale.IsEmpty() ? Handle<Value>(Integer::New(1))
                                     : Handle<Value>(scale));
}

static void SetScale(Local<String> property, Local<Value> value,
                     const AccessorInfo& info) {
  info.This()->SetHiddenValue(SYMBOL("scale"),
                              Integer::New(value->Int32Value() * 10));
}

// Accessors on one object (Object::SetAccessor).
static Handle<Value> GetTwice(Local<String> property,
                              const AccessorInfo& info) {
  HandleScope scope;
  return scope.Close(Integer::New(info.Data()->Int32Value() * 2));
}

static Handle<Value> WithAccessor(const Arguments& args) {
  HandleScope scope;
  Local<Object> obj = Object::New();
  Local<Array> out = Array::New(2);
  out->Set(0, Boolean::New(obj->SetAccessor(SYMBOL("twice"), GetTwice, 0,
                                            Integer::New(21))));
  out->Set(1, obj);
  return scope.Close(out);
}

static Handle<Value> Norm1(const Arguments& args) {
  HandleScope scope;
  Point* p = static_cast<Point*>(args.Holder()->GetPointerFromInternalField(0));
  return scope.Close(
      Number::New((p->x < 0 ? -p->x : p->x) + (p->y < 0 ? -p->y : p->y)));
}

static Handle<Value> IsPoint(const Arguments& args) {
  HandleScope scope;
  Local<Array> out = Array::New(2);
  out->Set(0, Boolean::New(point_template->HasInstance(args[0])));
  out->Set(1, Boolean::New(point3_template->HasInstance(args[0])));
  return scope.Close(out);
}

// A method with a receiver Signature: on anything but a Point it throws.
static Handle<Value> Checked(const Arguments& args) {
  HandleScope scope;
  return scope.Close(String::New("checked"));
}

static Handle<Value> CalleeName(const Arguments& args) {
  HandleScope scope;
  return scope.Close(args.Callee()->GetName());
}

static Handle<Value> DataOf(const Arguments& args) {
  HandleScope scope;
  return scope.Close(args.Data());
}

static Handle<Value> Origin(const Arguments& args) {
  HandleScope scope;
  return scope.Close(String::New("static method"));
}

static void DefinePoint(Handle<Object> target) {
  Local<FunctionTemplate> t = FunctionTemplate::New(NewPoint);
  point_template = Persistent<FunctionTemplate>::New(t);
  t->SetClassName(SYMBOL("Point"));
  t->InstanceTemplate()->SetInternalFieldCount(1);
  t->InstanceTemplate()->SetAccessor(SYMBOL("x"), GetX, SetX);
  t->InstanceTemplate()->SetAccessor(SYMBOL("y"), GetY, 0, Handle<Value>(),
                                     DEFAULT, DontEnum);
  t->InstanceTemplate()->SetAccessor(SYMBOL("label"), GetLabel, 0,
                                     String::New("label of "));
  NODE_SET_PROTOTYPE_METHOD(t, "norm1", Norm1);
  t->PrototypeTemplate()->Set(
      SYMBOL("checked"),
      FunctionTemplate::New(Checked, Handle<Value>(), Signature::New(t)));
  t->PrototypeTemplate()->Set(SYMBOL("kind"), String::New("point"));
  t->PrototypeTemplate()->SetAccessor(SYMBOL("scale"), GetScale, SetScale);
  t->InstanceTemplate()->SetAccessor(SYMBOL("signed"), GetY, 0, Handle<Value>(),
                                     DEFAULT, None, AccessorSignature::New(t));
  t->Set(SYMBOL("dimensions"), Integer::New(2));
  // Objects held by templates: a static method and a prototype object that
  // all instances share.
  NODE_SET_METHOD(t, "origin", Origin);
  Local<Object> shared = Object::New();
  shared->Set(SYMBOL("count"), Integer::New(0));
  t->PrototypeTemplate()->Set(SYMBOL("shared"), shared);

  Local<FunctionTemplate> t3 = FunctionTemplate::New(NewPoint);
  point3_template = Persistent<FunctionTemplate>::New(t3);
  t3->SetClassName(SYMBOL("Point3"));
  t3->Inherit(t);
  t3->InstanceTemplate()->SetInternalFieldCount(1);
  target->Set(SYMBOL("Point"), t->GetFunction());
  target->Set(SYMBOL("Point3"), t3->GetFunction());
  NODE_SET_METHOD(target, "isPoint", IsPoint);
  NODE_SET_METHOD(target, "withAccessor", WithAccessor);
  Local<FunctionTemplate> callee = FunctionTemplate::New(CalleeName);
  Local<Function> callee_function = callee->GetFunction();
  callee_function->SetName(SYMBOL("calleeName"));
  target->Set(SYMBOL("calleeName"), callee_function);
  target->Set(
      SYMBOL("dataOf"),
      FunctionTemplate::New(DataOf, String::New("the data"))->GetFunction());
}

// --- interceptors: a bag whose x_* properties live in C++ ----------------

static const int kSlots = 4;
static char bag_names[kSlots][16];
static int bag_values[kSlots];
static int bag_used = 0;

static int BagFind(Local<String> property) {
  String::Utf8Value name(property);
  for (int i = 0; i < bag_used; i++)
    if (strcmp(bag_names[i], *name) == 0) return i;
  return -1;
}

static bool Intercepted(Local<String> property) {
  String::Utf8Value name(property);
  return strncmp(*name, "x_", 2) == 0;
}

static Handle<Value> BagGet(Local<String> property, const AccessorInfo& info) {
  if (!Intercepted(property)) return Handle<Value>();
  int i = BagFind(property);
  if (i < 0) return Handle<Value>();
  return Integer::New(bag_values[i]);
}

static Handle<Value> BagSet(Local<String> property, Local<Value> value,
                            const AccessorInfo& info) {
  if (!Intercepted(property)) return Handle<Value>();
  int i = BagFind(property);
  if (i < 0) {
    if (bag_used == kSlots) return ThrowException(String::New("bag full"));
    i = bag_used++;
    String::Utf8Value name(property);
    strncpy(bag_names[i], *name, sizeof bag_names[i] - 1);
  }
  bag_values[i] = value->Int32Value();
  return value;
}

static Handle<Integer> BagQuery(Local<String> property,
                                const AccessorInfo& info) {
  if (!Intercepted(property) || BagFind(property) < 0) return Handle<Integer>();
  return Integer::New(DontDelete);
}

static Handle<Boolean> BagDelete(Local<String> property,
                                 const AccessorInfo& info) {
  if (!Intercepted(property)) return Handle<Boolean>();
  int i = BagFind(property);
  if (i < 0) return False();
  bag_names[i][0] = '\0';
  return True();
}

static Handle<Array> BagKeys(const AccessorInfo& info) {
  HandleScope scope;
  Local<Array> keys = Array::New();
  int n = 0;
  for (int i = 0; i < bag_used; i++)
    if (bag_names[i][0] != '\0') keys->Set(n++, String::New(bag_names[i]));
  return scope.Close(keys);
}

// --- interceptors: a vector of four ints, indexed --------------------------

static int vec[4] = {10, 20, 30, 40};

static Handle<Value> VecGet(uint32_t index, const AccessorInfo& info) {
  if (index >= 4) return Handle<Value>();
  return Integer::New(vec[index]);
}

static Handle<Value> VecSet(uint32_t index, Local<Value> value,
                            const AccessorInfo& info) {
  if (index >= 4) return Handle<Value>();
  vec[index] = value->Int32Value() * 2;
  return value;
}

static Handle<Integer> VecQuery(uint32_t index, const AccessorInfo& info) {
  if (index >= 4) return Handle<Integer>();
  return Integer::New(None);
}

static Handle<Boolean> VecDelete(uint32_t index, const AccessorInfo& info) {
  if (index >= 4) return Handle<Boolean>();
  vec[index] = 0;
  return True();
}

static Handle<Array> VecKeys(const AccessorInfo& info) {
  HandleScope scope;
  Local<Array> keys = Array::New(4);
  for (int i = 0; i < 4; i++) keys->Set(i, Integer::New(i));
  return scope.Close(keys);
}

static Handle<Value> CallMe(const Arguments& args) {
  HandleScope scope;
  return scope.Close(
      String::Concat(String::New("called with "), args[0]->ToString()));
}

// What a call-as-function handler sees: [Holder is the called object,
// This is the called object, Callee is a function, Callee is the
// constructor the called object has, a member call through Callee works].
static Handle<Value> WhoAmI(const Arguments& args) {
  HandleScope scope;
  Local<Object> called = args[0]->ToObject();
  Local<Function> callee = args.Callee();
  Local<Array> out = Array::New(5);
  out->Set(0, Boolean::New(args.Holder()->StrictEquals(called)));
  out->Set(1, Boolean::New(args.This()->StrictEquals(called)));
  out->Set(2, Boolean::New(!callee.IsEmpty() && callee->IsFunction()));
  out->Set(3, Boolean::New(!callee.IsEmpty() &&
                           callee->StrictEquals(called->Get(
                               String::NewSymbol("constructor")))));
  out->Set(4, callee.IsEmpty() ? Handle<Value>(Null())
                               : Handle<Value>(callee->GetName()));
  return scope.Close(out);
}

static Persistent<ObjectTemplate> bag_template;
static Persistent<ObjectTemplate> vec_template;
static Persistent<ObjectTemplate> callable_template;
static Persistent<FunctionTemplate> who_template;

static Handle<Value> MakeWho(const Arguments& args) {
  HandleScope scope;
  return scope.Close(who_template->GetFunction()->NewInstance());
}

static Handle<Value> MakeBag(const Arguments& args) {
  HandleScope scope;
  return scope.Close(bag_template->NewInstance());
}

static Handle<Value> MakeVec(const Arguments& args) {
  HandleScope scope;
  return scope.Close(vec_template->NewInstance());
}

static Handle<Value> MakeCallable(const Arguments& args) {
  HandleScope scope;
  Local<Object> callable = callable_template->NewInstance();
  Local<Array> out = Array::New(3);
  out->Set(0, callable);
  out->Set(1, Boolean::New(callable->IsCallable()));
  Handle<Value> argv[1] = {String::New("C++")};
  out->Set(2, callable->CallAsFunction(Object::New(), 1, argv));
  return scope.Close(out);
}

static Handle<Value> Native(const Arguments& args) {
  HandleScope scope;
  Local<Array> out = Array::New(5);
  for (int i = 0; i < 4; i++) out->Set(i, Integer::New(vec[i]));
  out->Set(4, Integer::New(bag_used));
  return scope.Close(out);
}

// Calls a function the old ways.
static Handle<Value> Calls(const Arguments& args) {
  HandleScope scope;
  Local<Function> fn = Local<Function>::Cast(args[0]);
  Local<Array> out = Array::New(4);
  Handle<Value> argv[2] = {Integer::New(2), Integer::New(3)};
  out->Set(0, fn->Call(args[1]->ToObject(), 2, argv));
  Local<Object> made = fn->NewInstance(2, argv);
  out->Set(1, made);
  out->Set(2, fn->GetName());
  out->Set(3, fn->CallAsConstructor(2, argv));
  return scope.Close(out);
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "properties", Properties);
  NODE_SET_METHOD(target, "arrays", Arrays);
  NODE_SET_METHOD(target, "hidden", Hidden);
  NODE_SET_METHOD(target, "readHidden", ReadHidden);
  NODE_SET_METHOD(target, "externalArrays", ExternalArrays);
  NODE_SET_METHOD(target, "externalInfo", ExternalInfo);
  NODE_SET_METHOD(target, "nativeBytes", NativeBytes);
  DefinePoint(target);

  Local<ObjectTemplate> bag = ObjectTemplate::New();
  bag->SetNamedPropertyHandler(BagGet, BagSet, BagQuery, BagDelete, BagKeys);
  bag_template = Persistent<ObjectTemplate>::New(bag);
  Local<ObjectTemplate> v = ObjectTemplate::New();
  v->SetIndexedPropertyHandler(VecGet, VecSet, VecQuery, VecDelete, VecKeys);
  vec_template = Persistent<ObjectTemplate>::New(v);
  Local<ObjectTemplate> callable = ObjectTemplate::New();
  callable->SetCallAsFunctionHandler(CallMe);
  callable_template = Persistent<ObjectTemplate>::New(callable);
  Local<FunctionTemplate> who = FunctionTemplate::New();
  who->SetClassName(String::NewSymbol("Who"));
  who->InstanceTemplate()->SetCallAsFunctionHandler(WhoAmI);
  who_template = Persistent<FunctionTemplate>::New(who);
  NODE_SET_METHOD(target, "makeBag", MakeBag);
  NODE_SET_METHOD(target, "makeVec", MakeVec);
  NODE_SET_METHOD(target, "makeCallable", MakeCallable);
  NODE_SET_METHOD(target, "makeWho", MakeWho);
  NODE_SET_METHOD(target, "native", Native);
  NODE_SET_METHOD(target, "calls", Calls);
}
