// texample.cc: a threaded-callback addon in the node 0.4 API.
//
// A producer thread counts 0, 1, 2, ... into a locked queue and wakes the
// main thread with ev_async_send; the main thread hands every queued number
// to the JavaScript function found at `texample.callback`.
//
//   texample.start([intervalMs = 5000[, count]])  -> true
//
// One producer per process: a later start() only changes the interval (and
// the count still to produce).  Because ev_async_send coalesces, the main
// thread drains the whole queue on each wake-up.
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/time.h>

#include <deque>

#include <ev.h>
#include <node.h>
#include <v8.h>

using namespace v8;
using namespace node;

static ev_async notifier;
static Persistent<String> callback_symbol;
static Persistent<Object> module_handle;

// Shared with the producer, under queue_lock.
static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t producer_wake = PTHREAD_COND_INITIALIZER;
static std::deque<int>* produced = NULL;
static long interval_ms = 5000;
static long to_produce = -1;  // -1: without end
static int next_number = 0;
static bool producing = false;
static bool stopping = false;
static pthread_t producer;
static bool producer_joinable = false;

static void AbsoluteDeadline(struct timespec* when, long ms) {
  struct timeval now;
  gettimeofday(&now, NULL);
  long long nsec = (long long)now.tv_usec * 1000 + (ms % 1000) * 1000000LL;
  when->tv_sec = now.tv_sec + ms / 1000 + (time_t)(nsec / 1000000000LL);
  when->tv_nsec = (long)(nsec % 1000000000LL);
}

static void* Produce(void*) {
  pthread_mutex_lock(&queue_lock);
  while (!stopping && to_produce != 0) {
    if (interval_ms > 0) {
      struct timespec deadline;
      long waited_for = interval_ms;
      AbsoluteDeadline(&deadline, waited_for);
      int rc = 0;
      // Wait out the interval; start() may shorten it, stop may end it.
      while (!stopping && waited_for == interval_ms && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&producer_wake, &queue_lock, &deadline);
      if (stopping) break;
      if (rc != ETIMEDOUT) continue;  // interval changed: wait anew
    }
    produced->push_back(next_number++);
    if (to_produce > 0) to_produce--;
    pthread_mutex_unlock(&queue_lock);
    ev_async_send(EV_DEFAULT_UC_ &notifier);
    pthread_mutex_lock(&queue_lock);
  }
  producing = false;
  pthread_mutex_unlock(&queue_lock);
  return NULL;
}

// Stops and joins the producer when the process exits, so that it never
// touches the queue while static destructors run.
static void StopProducer() {
  pthread_mutex_lock(&queue_lock);
  stopping = true;
  pthread_cond_signal(&producer_wake);
  pthread_mutex_unlock(&queue_lock);
  if (producer_joinable) pthread_join(producer, NULL);
  producer_joinable = false;
}

// Runs on the main thread after one or more ev_async_send calls.
static void Deliver(EV_P_ ev_async* watcher, int revents) {
  HandleScope scope;

  Local<Value> callback_v = module_handle->Get(callback_symbol);
  if (!callback_v->IsFunction()) {
    // No callback yet: the numbers stay queued for a later wake-up.
    return;
  }
  Local<Function> callback = Local<Function>::Cast(callback_v);

  std::deque<int> batch;
  pthread_mutex_lock(&queue_lock);
  batch.swap(*produced);
  pthread_mutex_unlock(&queue_lock);

  while (!batch.empty()) {
    HandleScope per_message;
    Local<Value> argv[1];
    argv[0] = Integer::New(batch.front());
    batch.pop_front();

    TryCatch try_catch;
    callback->Call(module_handle, 1, argv);
    if (try_catch.HasCaught()) FatalException(try_catch);
  }
}

static Handle<Value> Start(const Arguments& args) {
  HandleScope scope;

  long interval = 5000;
  long count = -1;
  if (args.Length() > 0 && !args[0]->IsUndefined()) {
    if (!args[0]->IsNumber() || !(args[0]->NumberValue() >= 0))
      return ThrowException(Exception::TypeError(String::New(
          "start(intervalMs, count): intervalMs must be a number >= 0")));
    interval = (long)args[0]->IntegerValue();
  }
  if (args.Length() > 1 && !args[1]->IsUndefined()) {
    if (!args[1]->IsNumber() || !(args[1]->NumberValue() >= 0))
      return ThrowException(Exception::TypeError(String::New(
          "start(intervalMs, count): count must be a number >= 0")));
    count = (long)args[1]->IntegerValue();
  }

  pthread_mutex_lock(&queue_lock);
  interval_ms = interval;
  to_produce = count;
  bool running = producing;
  if (running) pthread_cond_signal(&producer_wake);
  pthread_mutex_unlock(&queue_lock);
  if (running) return scope.Close(True());

  if (produced == NULL) {
    produced = new std::deque<int>();
    atexit(StopProducer);
  }
  if (!ev_is_active(&notifier)) {
    ev_async_init(&notifier, Deliver);
    ev_async_start(EV_DEFAULT_UC_ &notifier);
    // The notifier alone must not keep the process alive.
    ev_unref(EV_DEFAULT_UC);
  }
  // A producer that finished its count has ended; reap it first.
  if (producer_joinable) pthread_join(producer, NULL);
  producing = true;
  producer_joinable = pthread_create(&producer, NULL, Produce, NULL) == 0;
  if (!producer_joinable) {
    producing = false;
    return ThrowException(
        Exception::Error(String::New("start: cannot create the thread")));
  }
  return scope.Close(True());
}

static void Init(Handle<Object> target) {
  HandleScope scope;

  NODE_SET_METHOD(target, "start", Start);
  callback_symbol = NODE_PSYMBOL("callback");
  module_handle = Persistent<Object>::New(target);
}

NODE_MODULE(texample, Init)
