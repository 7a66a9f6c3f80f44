// uv_handles: libuv handles in the node 0.8 idiom: callbacks that take
// `int status`, a thread waking the loop with uv_async_send, handles closed
// with uv_close, uv_ref/uv_unref on a handle (0.8), and, where the SDK
// builds it, node 0.6's uv_ref/uv_unref on the loop.  Every event is
// reported to JavaScript with node::MakeCallback(target, "event", ...).
#include <node.h>
#include <pthread.h>
#include <string.h>
#include <unistd.h>
#include <uv.h>

using namespace v8;

namespace {

Persistent<Object> target_object;

void Emit(const char* what, int value) {
  HandleScope scope;
  Handle<Value> argv[2] = {String::New(what), Integer::New(value)};
  node::MakeCallback(target_object, "event", 2, argv);
}

// ---- timers ----
uv_timer_t once_timer;
uv_timer_t repeat_timer;
int repeats = 0;

void OnClosed(uv_handle_t* handle) {
  Emit("closed", static_cast<int>(handle->type == UV_TIMER));
}

void OnOnce(uv_timer_t* handle, int status) {
  Emit("once", status);
  uv_close(reinterpret_cast<uv_handle_t*>(handle), OnClosed);
}

void OnRepeat(uv_timer_t* handle, int status) {
  Emit("repeat", ++repeats + status);
  if (repeats == 3) {
    uv_timer_stop(handle);
    uv_close(reinterpret_cast<uv_handle_t*>(handle), OnClosed);
  }
}

Handle<Value> Timers(const Arguments& args) {
  HandleScope scope;
  uv_timer_init(uv_default_loop(), &once_timer);
  uv_timer_init(uv_default_loop(), &repeat_timer);
  int a = uv_timer_start(&once_timer, OnOnce, 30, 0);
  int b = uv_timer_start(&repeat_timer, OnRepeat, 5, 5);
  return scope.Close(Integer::New(a + b));
}

// ---- async from a thread ----
uv_async_t async;
pthread_t thread;
int async_calls = 0;
volatile int sent = 0;

void* Sender(void*) {
  for (int i = 0; i < 5; i++) {
    usleep(2000);
    sent++;
    uv_async_send(&async);
  }
  return NULL;
}

void OnAsync(uv_async_t* handle, int status) {
  async_calls++;
  if (sent == 5) {
    pthread_join(thread, NULL);
    Emit("async done", status);
    uv_close(reinterpret_cast<uv_handle_t*>(handle), NULL);
  }
}

Handle<Value> Async(const Arguments& args) {
  HandleScope scope;
  int r = uv_async_init(uv_default_loop(), &async, OnAsync);
  pthread_create(&thread, NULL, Sender, NULL);
  return scope.Close(Integer::New(r));
}

// ---- idle, prepare, check ----
uv_idle_t idle;
uv_prepare_t prepare;
uv_check_t check;
int idles = 0, prepares = 0, checks = 0;

void OnIdle(uv_idle_t* handle, int status) {
  if (++idles == 10) {
    uv_idle_stop(handle);
    uv_close(reinterpret_cast<uv_handle_t*>(handle), NULL);
    Emit("idle", idles + status);
  }
}

void OnPrepare(uv_prepare_t* handle, int status) {
  if (++prepares == 3) {
    uv_prepare_stop(handle);
    uv_close(reinterpret_cast<uv_handle_t*>(handle), NULL);
    Emit("prepare", prepares + status);
  }
}

void OnCheck(uv_check_t* handle, int status) {
  if (++checks == 3) {
    uv_check_stop(handle);
    uv_close(reinterpret_cast<uv_handle_t*>(handle), NULL);
    Emit("check", checks + status);
  }
}

Handle<Value> Watchers(const Arguments& args) {
  HandleScope scope;
  int r = uv_idle_init(uv_default_loop(), &idle);
  r |= uv_idle_start(&idle, OnIdle);
  r |= uv_prepare_init(uv_default_loop(), &prepare);
  r |= uv_prepare_start(&prepare, OnPrepare);
  r |= uv_check_init(uv_default_loop(), &check);
  r |= uv_check_start(&check, OnCheck);
  return scope.Close(Integer::New(r));
}

// ---- poll on a pipe (the same API in libuv 0.8 and 1.x) ----
uv_poll_t poll_handle;
int fds[2];

void OnPoll(uv_poll_t* handle, int status, int events) {
  char buffer[16];
  ssize_t n = read(fds[0], buffer, sizeof(buffer));
  Emit("poll readable", (events & UV_READABLE) ? static_cast<int>(n) : -1);
  Emit("poll status", status);
  uv_poll_stop(handle);
  uv_close(reinterpret_cast<uv_handle_t*>(handle), NULL);
  close(fds[0]);
  close(fds[1]);
}

Handle<Value> Poll(const Arguments& args) {
  HandleScope scope;
  if (pipe(fds) != 0) return scope.Close(Integer::New(-1));
  int r = uv_poll_init(uv_default_loop(), &poll_handle, fds[0]);
  r |= uv_poll_start(&poll_handle, UV_READABLE, OnPoll);
  if (write(fds[1], "hello", 5) != 5) r = -1;
  return scope.Close(Integer::New(r));
}

// ---- liveness: uv_unref on a handle (libuv 0.8) ----
uv_timer_t unref_timer;

void OnUnrefTimer(uv_timer_t* handle, int status) {
  Emit("unref'd timer fired", status);
  uv_close(reinterpret_cast<uv_handle_t*>(handle), NULL);
}

// A long timer that does not keep the process alive.
Handle<Value> UnrefTimer(const Arguments& args) {
  HandleScope scope;
  uv_timer_init(uv_default_loop(), &unref_timer);
  int r = uv_timer_start(&unref_timer, OnUnrefTimer, args[0]->Int32Value(), 0);
  if (args[1]->BooleanValue())
    uv_unref(reinterpret_cast<uv_handle_t*>(&unref_timer));
  return scope.Close(Integer::New(r));
}

#ifdef NODE_WAF_COMPAT
// ---- node 0.6: uv_ref(loop) / uv_unref(loop), a loop-wide count ----
uv_timer_t loop_timer;
uv_async_t loop_async;

void OnLoopTimer(uv_timer_t* handle, int status) {
  Emit("0.6 timer fired", status);
}

void OnLoopAsync(uv_async_t* handle, int status) { Emit("0.6 async", status); }

// start a timer, then uv_unref(loop): it no longer keeps the loop alive.
Handle<Value> LoopUnrefTimer(const Arguments& args) {
  HandleScope scope;
  uv_timer_init(uv_default_loop(), &loop_timer);
  int r = uv_timer_start(&loop_timer, OnLoopTimer, args[0]->Int32Value(),
                         args[0]->Int32Value());
  uv_unref(uv_default_loop());
  return scope.Close(Integer::New(r));
}

// An async handle made not to count, as 0.6 addons did for their wakeup.
Handle<Value> LoopUnrefAsync(const Arguments& args) {
  HandleScope scope;
  int r = uv_async_init(uv_default_loop(), &loop_async, OnLoopAsync);
  uv_unref(uv_default_loop());
  return scope.Close(Integer::New(r));
}

Handle<Value> LoopRef(const Arguments& args) {
  uv_ref(uv_default_loop());
  return Undefined();
}

Handle<Value> LoopUnref(const Arguments& args) {
  uv_unref(uv_default_loop());
  return Undefined();
}

// uv_ref(loop) on a pool thread, as 0.6 addons called it before handing a
// row to their async watcher (libuv 0.6's uv_ref was a plain increment);
// each row delivered on the loop thread is uv_unref(loop)'d.
const int kPoolRows = 2000;
uv_work_t pool_work;
uv_async_t pool_async;
pthread_mutex_t pool_mutex = PTHREAD_MUTEX_INITIALIZER;
int pool_queued = 0;
int pool_delivered = 0;
bool pool_finished = false;

void OnPoolAsync(uv_async_t* handle, int status) {
  pthread_mutex_lock(&pool_mutex);
  int ready = pool_queued;
  pool_queued = 0;
  bool finished = pool_finished;
  pthread_mutex_unlock(&pool_mutex);
  for (int i = 0; i < ready; i++) {
    uv_unref(uv_default_loop());
    pool_delivered++;
  }
  if (finished && pool_delivered == kPoolRows) {
    Emit("pool rows", pool_delivered);
    // The watcher was made not to count; count it again to close it.
    uv_ref(uv_default_loop());
    uv_close(reinterpret_cast<uv_handle_t*>(handle), NULL);
  }
}

void PoolWork(uv_work_t* req) {
  for (int i = 0; i < kPoolRows; i++) {
    uv_ref(uv_default_loop());
    pthread_mutex_lock(&pool_mutex);
    pool_queued++;
    if (i == kPoolRows - 1) pool_finished = true;
    pthread_mutex_unlock(&pool_mutex);
    uv_async_send(&pool_async);
  }
}

void AfterPoolWork(uv_work_t* req) { Emit("pool work done", 0); }

Handle<Value> PoolRefs(const Arguments& args) {
  HandleScope scope;
  uv_async_init(uv_default_loop(), &pool_async, OnPoolAsync);
  uv_unref(uv_default_loop());
  int r = uv_queue_work(uv_default_loop(), &pool_work, PoolWork,
                        AfterPoolWork);
  return scope.Close(Integer::New(r));
}

// uv_ref(loop) on a pool thread keeps Node alive after the work is done,
// until the loop thread's uv_unref(loop), here from a timer that does not
// count itself.
uv_work_t held_work;
uv_timer_t held_timer;

void OnHeldTimer(uv_timer_t* handle, int status) {
  Emit("held timer", status);
  uv_unref(uv_default_loop());
}

void HeldWork(uv_work_t* req) { uv_ref(uv_default_loop()); }

void AfterHeldWork(uv_work_t* req) {
  uv_timer_init(uv_default_loop(), &held_timer);
  uv_timer_start(&held_timer, OnHeldTimer, 150, 0);
  uv_unref(reinterpret_cast<uv_handle_t*>(&held_timer));
}

Handle<Value> PoolRefHolds(const Arguments& args) {
  HandleScope scope;
  return scope.Close(Integer::New(uv_queue_work(
      uv_default_loop(), &held_work, HeldWork, AfterHeldWork)));
}

// uv_run on Node's loop is reported and returns at once.
Handle<Value> RunDefault(const Arguments& args) {
  HandleScope scope;
  return scope.Close(Integer::New(uv_run(uv_default_loop())));
}

// A loop of the addon's own, run with libuv 0.8's uv_run(loop).
int own_fired = 0;
void OnOwnTimer(uv_timer_t* handle, int status) {
  own_fired += 1 + status;
  uv_close(reinterpret_cast<uv_handle_t*>(handle), NULL);
}

Handle<Value> RunOwnLoop(const Arguments& args) {
  HandleScope scope;
  uv_loop_t* loop = uv_loop_new();
  uv_timer_t timer;
  uv_timer_init(loop, &timer);
  uv_timer_start(&timer, OnOwnTimer, 1, 0);
  int r = uv_run(loop);
  uv_loop_delete(loop);
  return scope.Close(Integer::New(r * 100 + own_fired));
}
#endif

}  // namespace

extern "C" void init(Handle<Object> target) {
  target_object = Persistent<Object>::New(target);
  NODE_SET_METHOD(target, "timers", Timers);
  NODE_SET_METHOD(target, "async", Async);
  NODE_SET_METHOD(target, "watchers", Watchers);
  NODE_SET_METHOD(target, "poll", Poll);
  NODE_SET_METHOD(target, "unrefTimer", UnrefTimer);
#ifdef NODE_WAF_COMPAT
  NODE_SET_METHOD(target, "loopUnrefTimer", LoopUnrefTimer);
  NODE_SET_METHOD(target, "loopUnrefAsync", LoopUnrefAsync);
  NODE_SET_METHOD(target, "loopRef", LoopRef);
  NODE_SET_METHOD(target, "loopUnref", LoopUnref);
  NODE_SET_METHOD(target, "runDefault", RunDefault);
  NODE_SET_METHOD(target, "poolRefs", PoolRefs);
  NODE_SET_METHOD(target, "poolRefHolds", PoolRefHolds);
  NODE_SET_METHOD(target, "runOwnLoop", RunOwnLoop);
#endif
}
