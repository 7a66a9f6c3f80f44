// tsfn.cc: one native thread delivering `count` integers to a JS callback
// through node-addon-api's ThreadSafeFunction, one NonBlockingCall per
// integer (the pattern its documentation teaches).
//
//   tsfn.start(count, function (i) { ... })
#include <napi.h>

#include <thread>

namespace {

struct Producer {
  Napi::ThreadSafeFunction tsfn;
  std::thread thread;
};

void CallJs(Napi::Env env, Napi::Function callback, int* value) {
  callback.Call({Napi::Number::New(env, *value)});
  delete value;
}

Napi::Value Start(const Napi::CallbackInfo& info) {
  int64_t count = info[0].As<Napi::Number>().Int64Value();
  Producer* producer = new Producer;
  producer->tsfn = Napi::ThreadSafeFunction::New(
      info.Env(), info[1].As<Napi::Function>(), "tsfn-bench", 0, 1,
      [producer](Napi::Env) {
        producer->thread.join();
        delete producer;
      });
  producer->thread = std::thread([producer, count] {
    for (int64_t i = 0; i < count; i++)
      producer->tsfn.NonBlockingCall(new int(static_cast<int>(i)), CallJs);
    producer->tsfn.Release();
  });
  return info.Env().Undefined();
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("start", Napi::Function::New(env, Start));
  return exports;
}

}  // namespace

NODE_API_MODULE(tsfn, Init)
