// legacy_pingpong.cc: wake-up latency, and memory under a bounded flow, in
// the node 0.4 API.  Each round a producer thread queues `window` stamps of
// the monotonic clock, wakes the main thread through an ev_async and waits
// until JS acknowledges the round.
//
//   pingpong.callback = function (sentNs) { ...; pingpong.ack(); }
//   pingpong.start(rounds[, window = 1])
#include <pthread.h>
#include <time.h>

#include <deque>

#include <node.h>
#include <v8.h>
#include <ev.h>

using namespace v8;
using namespace node;

static ev_async notifier;
static Persistent<Object> module_handle;
static Persistent<String> callback_symbol;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t acked_cond = PTHREAD_COND_INITIALIZER;
static std::deque<double>* stamps = new std::deque<double>;
static bool acked = false;
static long rounds = 0;
static long window = 1;
static pthread_t producer;

static double NowNs() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static void* Produce(void*) {
  for (long i = 0; i < rounds; i++) {
    pthread_mutex_lock(&lock);
    acked = false;
    for (long j = 0; j < window; j++) stamps->push_back(NowNs());
    pthread_mutex_unlock(&lock);
    ev_async_send(EV_DEFAULT_UC_ &notifier);
    pthread_mutex_lock(&lock);
    while (!acked) pthread_cond_wait(&acked_cond, &lock);
    pthread_mutex_unlock(&lock);
  }
  return NULL;
}

static void Deliver(EV_P_ ev_async* watcher, int revents) {
  HandleScope scope;
  Local<Value> callback_v = module_handle->Get(callback_symbol);
  if (!callback_v->IsFunction()) return;
  Local<Function> callback = Local<Function>::Cast(callback_v);
  std::deque<double> batch;
  pthread_mutex_lock(&lock);
  batch.swap(*stamps);
  pthread_mutex_unlock(&lock);
  while (!batch.empty()) {
    HandleScope per_message;
    Local<Value> argv[1];
    argv[0] = Number::New(batch.front());
    batch.pop_front();
    TryCatch try_catch;
    callback->Call(module_handle, 1, argv);
    if (try_catch.HasCaught()) FatalException(try_catch);
  }
}

static Handle<Value> Ack(const Arguments& args) {
  pthread_mutex_lock(&lock);
  acked = true;
  pthread_cond_signal(&acked_cond);
  pthread_mutex_unlock(&lock);
  return Undefined();
}

static Handle<Value> Start(const Arguments& args) {
  HandleScope scope;
  rounds = (long)args[0]->IntegerValue();
  window = args.Length() > 1 ? (long)args[1]->IntegerValue() : 1;
  ev_async_init(&notifier, Deliver);
  ev_async_start(EV_DEFAULT_UC_ &notifier);
  pthread_create(&producer, NULL, Produce, NULL);
  return Undefined();
}

// Joins the producer and lets the process exit.
static Handle<Value> Stop(const Arguments& args) {
  pthread_join(producer, NULL);
  ev_async_stop(EV_DEFAULT_UC_ &notifier);
  return Undefined();
}

static void Init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "start", Start);
  NODE_SET_METHOD(target, "ack", Ack);
  NODE_SET_METHOD(target, "stop", Stop);
  callback_symbol = NODE_PSYMBOL("callback");
  module_handle = Persistent<Object>::New(target);
}

NODE_MODULE(legacy_pingpong, Init)
