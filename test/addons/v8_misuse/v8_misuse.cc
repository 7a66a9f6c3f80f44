// v8_misuse.cc: a test addon in the node 0.4 API that misuses the API the
// way old addons did by mistake (casts to the wrong type, Unwrap of a plain
// object, handles used after their scope closed or after their object was
// collected, V8 from another thread), to prove the SDK reports each with a
// clear message and a JS exception or an abort, never silent corruption.
#include <node.h>
#include <node_buffer.h>
#include <node_object_wrap.h>
#include <pthread.h>
#include <string.h>
#include <v8.h>

using namespace v8;
using namespace node;

static Handle<Value> CastNonFunction(const Arguments& args) {
  HandleScope scope;
  Local<Function> f = Local<Function>::Cast(args[0]);
  return scope.Close(f->Call(Object::New(), 0, NULL));
}

// The optional-callback idiom: cast first, test later.
static Handle<Value> OptionalCallback(const Arguments& args) {
  HandleScope scope;
  Local<Function> callback = Local<Function>::Cast(args[0]);
  if (!callback->IsFunction()) return scope.Close(String::New("no callback"));
  return scope.Close(callback->Call(Object::New(), 0, NULL));
}

class Thing : public ObjectWrap {};

static Handle<Value> UnwrapPlain(const Arguments& args) {
  HandleScope scope;
  Thing* thing = ObjectWrap::Unwrap<Thing>(args[0]->ToObject());
  return scope.Close(Boolean::New(thing != NULL));
}

// A local kept past its HandleScope.
static Handle<Value> UseAfterClose(const Arguments& args) {
  HandleScope scope;
  Local<String> s;
  {
    HandleScope inner;
    s = String::New("gone");
  }
  return scope.Close(Integer::New(s->Length()));
}

static Handle<Value> EmptyHandle(const Arguments& args) {
  HandleScope scope;
  // Old code that forgot to check what it got (args[0] is not an object).
  Handle<Object> nothing =
      args[0]->IsObject() ? args[0]->ToObject() : Handle<Object>();
  return scope.Close(nothing->Get(String::New("x")));
}

static Handle<Value> CloseTwice(const Arguments& args) {
  HandleScope scope;
  scope.Close(Integer::New(1));
  return scope.Close(Integer::New(2));
}

static Handle<Value> ExternalOnBuffer(const Arguments& args) {
  static char bytes[4];
  HandleScope scope;
  args[0]->ToObject()->SetIndexedPropertiesToExternalArrayData(
      bytes, kExternalUnsignedByteArray, 4);
  return Undefined();
}

// --- weak callbacks that touch their (collected) object -------------------

static int touched = 0;
static int touch_stand_in = 0;
static int revived = 0;

static void Touch(Persistent<Value> object, void*) {
  touched++;
  // V8 3.x: the object was still there; here it is gone, and the callback
  // reads an empty stand-in object.
  Local<Value> name = object->ToObject()->Get(String::New("name"));
  if (!name.IsEmpty() && name->IsUndefined()) touch_stand_in++;
  object.Dispose();
}

static void Revive(Persistent<Value> object, void*) {
  revived++;
  object.ClearWeak();
}

static Handle<Value> WeakTouch(const Arguments& args) {
  HandleScope scope;
  Persistent<Object> p = Persistent<Object>::New(Object::New());
  p->Set(String::New("name"), String::New("weak"));
  p.MakeWeak(NULL, Touch);
  Persistent<Object> q = Persistent<Object>::New(Object::New());
  q.MakeWeak(NULL, Revive);
  return Undefined();
}

// Many weak handles whose callbacks make new persistents while V8 may be
// handing the collected cells out again.
static const int kChurn = 2000;
static Persistent<Value> made_in_callback[kChurn];
static int churn_callbacks = 0;

static void Churn(Persistent<Value> object, void* parameter) {
  long index = reinterpret_cast<long>(parameter);
  object.Dispose();
  object.Clear();
  made_in_callback[index] =
      Persistent<Value>::New(Integer::New(static_cast<int32_t>(index)));
  churn_callbacks++;
}

static Handle<Value> WeakChurn(const Arguments& args) {
  HandleScope scope;
  for (long i = 0; i < kChurn; i++) {
    HandleScope inner;
    Persistent<Object> p = Persistent<Object>::New(Object::New());
    p.MakeWeak(reinterpret_cast<void*>(i), Churn);
  }
  return Undefined();
}

// [callbacks run, persistents made in them that hold their own index]
static Handle<Value> ChurnStats(const Arguments& args) {
  HandleScope scope;
  int intact = 0;
  for (int i = 0; i < kChurn; i++)
    if (!made_in_callback[i].IsEmpty() &&
        made_in_callback[i]->Int32Value() == i)
      intact++;
  Local<Array> out = Array::New(2);
  out->Set(0, Integer::New(churn_callbacks));
  out->Set(1, Integer::New(intact));
  return scope.Close(out);
}

// Weak callbacks that leave their handle undisposed; old code disposes the
// handles later (V8 3.x kept the cells near death until then), after more
// persistents were made.
static const int kLater = 500;
static Persistent<Value> collected_later[kLater];
static int collected_count = 0;
static Persistent<Value> made_between[kLater];

static void Remember(Persistent<Value> object, void*) {
  if (collected_count < kLater) collected_later[collected_count++] = object;
}

static Handle<Value> WeakLater(const Arguments& args) {
  HandleScope scope;
  for (int i = 0; i < kLater; i++) {
    HandleScope inner;
    Persistent<Object>::New(Object::New()).MakeWeak(NULL, Remember);
  }
  return Undefined();
}

// Makes new persistents, disposes the remembered ones, and reports
// [remembered, near death, new ones intact].
static Handle<Value> DisposeLater(const Arguments& args) {
  HandleScope scope;
  for (int i = 0; i < kLater; i++)
    made_between[i] = Persistent<Value>::New(Integer::New(i + 1000));
  int near_death = 0;
  for (int i = 0; i < collected_count; i++) {
    if (collected_later[i].IsNearDeath()) near_death++;
    collected_later[i].Dispose();
    collected_later[i].Clear();
  }
  int intact = 0;
  for (int i = 0; i < kLater; i++)
    if (made_between[i]->Int32Value() == i + 1000) intact++;
  Local<Array> out = Array::New(3);
  out->Set(0, Integer::New(collected_count));
  out->Set(1, Integer::New(near_death));
  out->Set(2, Integer::New(intact));
  return scope.Close(out);
}

static Handle<Value> WeakStats(const Arguments& args) {
  HandleScope scope;
  Local<Array> out = Array::New(3);
  out->Set(0, Integer::New(touched));
  out->Set(1, Integer::New(touch_stand_in));
  out->Set(2, Integer::New(revived));
  return scope.Close(out);
}

// --- V8 from another thread ------------------------------------------------

static void* ScopeOnThread(void*) {
  HandleScope scope;
  return NULL;
}

static void* LockOnThread(void*) {
  Locker locker;
  return NULL;
}

static Handle<Value> FromThread(const Arguments& args) {
  pthread_t thread;
  pthread_create(&thread, NULL,
                 args[0]->BooleanValue() ? LockOnThread : ScopeOnThread, NULL);
  pthread_join(thread, NULL);
  return Undefined();
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "castNonFunction", CastNonFunction);
  NODE_SET_METHOD(target, "optionalCallback", OptionalCallback);
  NODE_SET_METHOD(target, "unwrapPlain", UnwrapPlain);
  NODE_SET_METHOD(target, "useAfterClose", UseAfterClose);
  NODE_SET_METHOD(target, "emptyHandle", EmptyHandle);
  NODE_SET_METHOD(target, "closeTwice", CloseTwice);
  NODE_SET_METHOD(target, "externalOnBuffer", ExternalOnBuffer);
  NODE_SET_METHOD(target, "weakTouch", WeakTouch);
  NODE_SET_METHOD(target, "weakStats", WeakStats);
  NODE_SET_METHOD(target, "weakChurn", WeakChurn);
  NODE_SET_METHOD(target, "churnStats", ChurnStats);
  NODE_SET_METHOD(target, "weakLater", WeakLater);
  NODE_SET_METHOD(target, "disposeLater", DisposeLater);
  NODE_SET_METHOD(target, "fromThread", FromThread);
}
