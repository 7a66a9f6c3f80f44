// ref_pingpong.cc: legacy_pingpong.cc ported by hand to NAN and libuv (the
// baseline of the latency and memory benchmarks); same protocol, same work.
#include <nan.h>
#include <uv.h>

#include <deque>

namespace {

uv_async_t* notifier = nullptr;
Nan::Persistent<v8::Object> module_object;
Nan::Persistent<v8::Object> resource_object;
node::async_context async_context;

uv_mutex_t lock;
uv_cond_t acked_cond;
std::deque<double>& stamps = *new std::deque<double>;
bool acked = false;
int64_t rounds = 0;
int64_t window = 1;
uv_thread_t producer;

void Produce(void*) {
  for (int64_t i = 0; i < rounds; i++) {
    uv_mutex_lock(&lock);
    acked = false;
    for (int64_t j = 0; j < window; j++)
      stamps.push_back(static_cast<double>(uv_hrtime()));
    uv_mutex_unlock(&lock);
    uv_async_send(notifier);
    uv_mutex_lock(&lock);
    while (!acked) uv_cond_wait(&acked_cond, &lock);
    uv_mutex_unlock(&lock);
  }
}

void Deliver(uv_async_t*) {
  v8::Isolate* isolate = v8::Isolate::GetCurrent();
  Nan::HandleScope scope;
  v8::Local<v8::Object> module = Nan::New(module_object);
  node::CallbackScope callback_scope(isolate, Nan::New(resource_object),
                                     async_context);
  v8::Local<v8::Value> callback_v;
  if (!Nan::Get(module, Nan::New("callback").ToLocalChecked())
           .ToLocal(&callback_v) ||
      !callback_v->IsFunction())
    return;
  v8::Local<v8::Function> callback = callback_v.As<v8::Function>();
  std::deque<double> batch;
  uv_mutex_lock(&lock);
  batch.swap(stamps);
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

NAN_METHOD(Ack) {
  uv_mutex_lock(&lock);
  acked = true;
  uv_cond_signal(&acked_cond);
  uv_mutex_unlock(&lock);
}

NAN_METHOD(Start) {
  rounds = Nan::To<int64_t>(info[0]).FromJust();
  window = info.Length() > 1 ? Nan::To<int64_t>(info[1]).FromJust() : 1;
  notifier = new uv_async_t;
  uv_async_init(Nan::GetCurrentEventLoop(), notifier, Deliver);
  uv_thread_create(&producer, Produce, nullptr);
}

NAN_METHOD(Stop) {
  uv_thread_join(&producer);
  uv_close(reinterpret_cast<uv_handle_t*>(notifier), [](uv_handle_t* h) {
    delete reinterpret_cast<uv_async_t*>(h);
  });
}

NAN_MODULE_INIT(Init) {
  uv_mutex_init(&lock);
  uv_cond_init(&acked_cond);
  module_object.Reset(target);
  v8::Local<v8::Object> resource = Nan::New<v8::Object>();
  resource_object.Reset(resource);
  async_context =
      node::EmitAsyncInit(v8::Isolate::GetCurrent(), resource, "pingpong");
  Nan::SetMethod(target, "start", Start);
  Nan::SetMethod(target, "ack", Ack);
  Nan::SetMethod(target, "stop", Stop);
}

}  // namespace

NODE_MODULE(ref_pingpong, Init)
