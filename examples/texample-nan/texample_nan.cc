// texample_nan.cc: texample migrated by hand to NAN and libuv, the way a
// maintainer would port it today; same JS API and the same design as
// src/texample.cc, so the two can be compared line for line and measured
// against each other (bench/).
//
//   texample.start([intervalMs = 5000[, count]])  -> true
//
// What changes in a hand port: ev_async becomes a uv_async_t on the
// environment's loop (closed at environment teardown), ev_unref becomes
// uv_unref of that handle, the wake-up runs JS inside a node::CallbackScope
// (once per wake-up) so nextTicks and promise jobs run afterwards, and
// every V8 call names its isolate and context.
#include <nan.h>
#include <uv.h>

#include <deque>

namespace {

// Shared with the producer, under lock.  The queue is never destroyed: a
// producer may still run while static destructors do at process exit.
uv_mutex_t lock;
uv_cond_t producer_wake;
std::deque<int>& produced = *new std::deque<int>;
int64_t interval_ms = 5000;
int64_t to_produce = -1;  // -1: without end
int next_number = 0;
bool producing = false;
bool stopping = false;
uv_thread_t producer;
bool producer_joinable = false;

uv_async_t* notifier = nullptr;
Nan::Persistent<v8::Object> module_object;
Nan::Persistent<v8::Object> resource_object;
node::async_context async_context;

void Produce(void*) {
  uv_mutex_lock(&lock);
  while (!stopping && to_produce != 0) {
    if (interval_ms > 0) {
      int64_t waited_for = interval_ms;
      uint64_t deadline = uv_hrtime() + waited_for * 1000000;
      int rc = 0;
      // Wait out the interval; start() may change it, teardown may end it.
      while (!stopping && waited_for == interval_ms && rc != UV_ETIMEDOUT) {
        uint64_t now = uv_hrtime();
        rc = now >= deadline ? UV_ETIMEDOUT
                             : uv_cond_timedwait(&producer_wake, &lock,
                                                 deadline - now);
      }
      if (stopping) break;
      if (rc != UV_ETIMEDOUT) continue;  // interval changed: wait anew
    }
    produced.push_back(next_number++);
    if (to_produce > 0) to_produce--;
    uv_mutex_unlock(&lock);
    uv_async_send(notifier);
    uv_mutex_lock(&lock);
  }
  producing = false;
  uv_mutex_unlock(&lock);
}

// Runs on the main thread after one or more uv_async_send calls.
void Deliver(uv_async_t*) {
  v8::Isolate* isolate = v8::Isolate::GetCurrent();
  Nan::HandleScope scope;
  v8::Local<v8::Object> module = Nan::New(module_object);
  node::CallbackScope callback_scope(isolate, Nan::New(resource_object),
                                     async_context);

  v8::Local<v8::Value> callback_v;
  if (!Nan::Get(module, Nan::New("callback").ToLocalChecked())
           .ToLocal(&callback_v) ||
      !callback_v->IsFunction()) {
    return;  // no callback yet: the numbers stay queued
  }
  v8::Local<v8::Function> callback = callback_v.As<v8::Function>();

  std::deque<int> batch;
  uv_mutex_lock(&lock);
  batch.swap(produced);
  uv_mutex_unlock(&lock);

  while (!batch.empty()) {
    Nan::HandleScope per_message;
    v8::Local<v8::Value> argv[] = {Nan::New(batch.front())};
    batch.pop_front();

    Nan::TryCatch try_catch;
    Nan::Call(callback, module, 1, argv);
    if (try_catch.HasCaught()) Nan::FatalException(try_catch);
  }
}

void StopProducer(void*) {
  uv_mutex_lock(&lock);
  stopping = true;
  uv_cond_signal(&producer_wake);
  uv_mutex_unlock(&lock);
  if (producer_joinable) uv_thread_join(&producer);
  producer_joinable = false;
  if (notifier != nullptr) {
    uv_close(reinterpret_cast<uv_handle_t*>(notifier),
             [](uv_handle_t* handle) {
               delete reinterpret_cast<uv_async_t*>(handle);
             });
    notifier = nullptr;
  }
  node::EmitAsyncDestroy(v8::Isolate::GetCurrent(), async_context);
  resource_object.Reset();
  module_object.Reset();
}

NAN_METHOD(Start) {
  int64_t interval = 5000;
  int64_t count = -1;
  if (info.Length() > 0 && !info[0]->IsUndefined()) {
    if (!info[0]->IsNumber() || !(Nan::To<double>(info[0]).FromJust() >= 0))
      return Nan::ThrowTypeError(
          "start(intervalMs, count): intervalMs must be a number >= 0");
    interval = Nan::To<int64_t>(info[0]).FromJust();
  }
  if (info.Length() > 1 && !info[1]->IsUndefined()) {
    if (!info[1]->IsNumber() || !(Nan::To<double>(info[1]).FromJust() >= 0))
      return Nan::ThrowTypeError(
          "start(intervalMs, count): count must be a number >= 0");
    count = Nan::To<int64_t>(info[1]).FromJust();
  }

  uv_mutex_lock(&lock);
  interval_ms = interval;
  to_produce = count;
  bool running = producing;
  if (running) uv_cond_signal(&producer_wake);
  uv_mutex_unlock(&lock);
  if (running) return info.GetReturnValue().Set(true);

  if (notifier == nullptr) {
    notifier = new uv_async_t;
    uv_async_init(Nan::GetCurrentEventLoop(), notifier, Deliver);
    // The notifier alone must not keep the process alive.
    uv_unref(reinterpret_cast<uv_handle_t*>(notifier));
    node::AddEnvironmentCleanupHook(info.GetIsolate(), StopProducer, nullptr);
  }
  if (producer_joinable) uv_thread_join(&producer);  // a finished producer
  producing = true;
  producer_joinable = uv_thread_create(&producer, Produce, nullptr) == 0;
  if (!producer_joinable) {
    producing = false;
    return Nan::ThrowError("start: cannot create the thread");
  }
  info.GetReturnValue().Set(true);
}

NAN_MODULE_INIT(Init) {
  uv_mutex_init(&lock);
  uv_cond_init(&producer_wake);
  module_object.Reset(target);
  v8::Local<v8::Object> resource = Nan::New<v8::Object>();
  resource_object.Reset(resource);
  async_context =
      node::EmitAsyncInit(v8::Isolate::GetCurrent(), resource, "texample");
  Nan::SetMethod(target, "start", Start);
}

}  // namespace

NODE_MODULE(texample_nan, Init)
