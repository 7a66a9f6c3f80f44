// eio_work.cc: libeio's request machinery (eio_custom, eio_cancel, the
// request counters) on libuv's thread pool, through a uv loop of the
// layer's own whose completions the default ev loop delivers (the route is
// drawn in eio_internal.h).
#include <errno.h>
#include <stdlib.h>

#include <cstdlib>
#include <mutex>
#include <thread>
#include <type_traits>
#include <unordered_set>
#include <vector>

#include "eio_internal.h"
#include "ev_internal.h"
#include "misuse.h"

namespace compat {
namespace eio {
namespace {

static_assert(std::is_standard_layout<Request>::value,
              "old code's eio_req* must be the Request*");

// The layer's state; one per process, as libeio had one pool per process.
// Never freed: threads may still reach it after teardown.
struct Channel {
  // Guards the pool loop (libuv's loops are not thread-safe).  Its owner is
  // the thread that runs the default loop (inside Node, the main thread),
  // or, standalone while no thread runs it, whichever thread submits (ev
  // allows that too).  Recursive: done callbacks, which run inside the
  // pool loop, submit and cancel requests.  Taken before `lock`.
  std::recursive_mutex pool_lock;
  std::mutex lock;  // guards inbox and live
  // Submitted from threads other than the one running the loop, not yet
  // given to libuv.
  std::vector<Request*> inbox;
  // Every request submitted whose done callback has not yet returned.
  std::unordered_set<Request*> live;
  std::atomic<bool> open{false};       // requests are accepted and run
  std::atomic<bool> shut_down{false};  // teardown or exit: for good
  // The sender protocol of ev's Wake (ev_loop.cc): a thread that hands a
  // request to the inbox announces itself here before it reads `open`.
  std::atomic<int> senders{0};
  std::atomic<long> nreqs{0};
  std::atomic<long> nready{0};
  std::atomic<long> npending{0};
  std::atomic<bool> used{false};

  // Under pool_lock.
  bool ready = false;  // the pool loop and the watch exist
  uv_loop_t pool;      // where libuv delivers the completions
  // On the pool loop: wakes it for the inbox, and keeps it alive, so that
  // UV_RUN_NOWAIT always polls its backend.
  uv_async_t inbox_async;
  uv_poll_t* watch = nullptr;  // on the default loop: the pool's backend fd
  ev_watcher watcher;          // fed when the watch sees completions
};

Channel* TheChannel() {
  static Channel* channel = new Channel;
  return channel;
}

struct ev_loop* DefaultLoop() {
  return compat__ev_default_loop(0);
}

// Whether this thread may touch the pool loop: it runs the default loop, or
// no thread does.
bool MayUsePool() { return ev::OnLoopThread(DefaultLoop()); }

void WorkCb(uv_work_t* work);
void AfterWorkCb(uv_work_t* work, int status);

void CallWork(Request* request) {
  if (request->execute == nullptr) return;  // reported at submission
  // libeio (node 0.4, eio.c): the work function was called through a
  // `void (*)(eio_req *)` cast and its return value was dropped; result
  // keeps whatever the function stored there (0 from calloc otherwise).
  // Here each spelling is called through its own type.
  if (request->returns_int)
    (void)reinterpret_cast<int (*)(eio_req*)>(request->execute)(&request->req);
  else
    reinterpret_cast<void (*)(eio_req*)>(request->execute)(&request->req);
}

void CallDone(void* arg) {
  Request* request = static_cast<Request*>(arg);
  // libeio: a non-zero return made node's eio_poll stop early and left the
  // other finished requests for a later poll; here every finished request
  // is delivered, so the value has no effect.
  (void)request->req.finish(&request->req);
}

// Under pool_lock.
void Queue(Channel* channel, Request* request) {
  request->queued = true;
  request->phase.store(kQueued);
  request->work.data = request;
  int err = uv_queue_work(&channel->pool, &request->work, WorkCb, AfterWorkCb);
  if (err != 0) Fatal("eio: uv_queue_work: %s", uv_strerror(err));
}

// In the pool loop (under pool_lock).
void OnInbox(uv_async_t* handle) {
  Channel* channel = static_cast<Channel*>(handle->data);
  std::vector<Request*> arrived;
  {
    std::lock_guard<std::mutex> hold(channel->lock);
    arrived.swap(channel->inbox);
  }
  for (Request* request : arrived) Queue(channel, request);
}

// The default loop's uv loop sees the pool loop's backend fd readable:
// completions are waiting.  Like libev's own pipe watcher, this only makes
// an internal watcher pending; ev's iteration delivers them in its order.
void OnPoolReadable(uv_poll_t* handle, int status, int events) {
  (void)events;
  Channel* channel = static_cast<Channel*>(handle->data);
  if (status < 0) Fatal("eio: polling the pool loop: %s", uv_strerror(status));
  struct ev_loop* loop = DefaultLoop();
  if (!loop->open.load()) return;
  ++loop->dispatch_depth;
  ev::Feed(loop, &channel->watcher, EV_READ, ev::kModeInternal, nullptr);
  --loop->dispatch_depth;
}

void OnWatcher(struct ev_loop* loop, ev_watcher* w, int revents) {
  (void)loop;
  (void)revents;
  Channel* channel = static_cast<Channel*>(w->data);
  std::lock_guard<std::recursive_mutex> pool(channel->pool_lock);
  // Runs the completions libuv has posted, in the order they finished, and
  // hands the inbox to libuv.
  if (channel->ready) uv_run(&channel->pool, UV_RUN_NOWAIT);
}

void AtExit() {
  // exit() (a normal end, or process.exit) may run while pool threads still
  // work: from now on the requests they pick up are skipped, so the queue
  // drains at once and no old work (a write to an fd that exit closes and
  // the process reuses) runs late.  Nothing is freed: threads still use it.
  Channel* channel = TheChannel();
  channel->shut_down.store(true);
  channel->open.store(false);
  while (channel->senders.load() != 0) std::this_thread::yield();
}

// Creates the pool loop and the watch.  Under pool_lock.
bool Open(Channel* channel, struct ev_loop* loop) {
  int err = uv_loop_init(&channel->pool);
  if (err != 0) {
    Warn("eio: uv_loop_init: %s; eio requests are refused", uv_strerror(err));
    return false;
  }
  err = uv_async_init(&channel->pool, &channel->inbox_async, OnInbox);
  if (err != 0) Fatal("eio: uv_async_init: %s", uv_strerror(err));
  channel->inbox_async.data = channel;
  // libuv registers the loop's own wakeup fd (which uv_queue_work
  // completions signal) with its backend on the first poll; from then on
  // the backend fd becomes readable whenever completions wait.
  uv_run(&channel->pool, UV_RUN_NOWAIT);
  channel->watch = new uv_poll_t;
  err = uv_poll_init(loop->uv, channel->watch, uv_backend_fd(&channel->pool));
  if (err != 0) Fatal("eio: uv_poll_init: %s", uv_strerror(err));
  channel->watch->data = channel;
  uv_poll_start(channel->watch, UV_READABLE, OnPoolReadable);
  // Never a reason for the process to stay alive (see eio_internal.h).
  uv_unref(reinterpret_cast<uv_handle_t*>(channel->watch));
  ev_watcher* w = &channel->watcher;
  w->active = 0;
  w->pending = 0;
  // libev priority 0, as node 0.4's eio notifier (an ev_async).
  w->priority = 0;
  w->data = channel;
  w->cb = OnWatcher;
  w->compat__init = ev::kInitialised;
  channel->ready = true;
  static bool at_exit_registered = false;
  if (!at_exit_registered) {
    at_exit_registered = true;
    std::atexit(AtExit);
  }
  channel->open.store(true);
  return true;
}

void ReportShutDown(const char* api) {
  Warn(
      "%s: the event loop has been shut down (Node environment teardown or "
      "process exit); request refused",
      api);
}

// Opens the channel if it is not open.  False (reported) when requests
// cannot be submitted.  Under pool_lock.
bool Acquire(Channel* channel, const char* api) {
  if (channel->open.load()) return true;
  struct ev_loop* loop = DefaultLoop();
  if (channel->shut_down.load() || !loop->open.load()) {
    ReportShutDown(api);
    return false;
  }
  return Open(channel, loop);
}

void CloseHandles(Channel* channel) {
  // A second Shutdown (the 'exit' event, then teardown) finds it closed.
  if (channel->watch == nullptr) return;
  struct ev_loop* loop = DefaultLoop();
  ev::ClearPending(loop, &channel->watcher);
  // uv_close takes the fd out of the default loop's backend at once, before
  // the pool loop's backend fd is closed.
  uv_close(
      reinterpret_cast<uv_handle_t*>(channel->watch),
      [](uv_handle_t* handle) { delete reinterpret_cast<uv_poll_t*>(handle); });
  channel->watch = nullptr;
}

void ClosePool(Channel* channel) {
  uv_close(reinterpret_cast<uv_handle_t*>(&channel->inbox_async), nullptr);
  int err = UV_EBUSY;
  for (int i = 0; i < 1000 && err == UV_EBUSY; ++i) {
    uv_run(&channel->pool, UV_RUN_NOWAIT);
    err = uv_loop_close(&channel->pool);
  }
  COMPAT_CHECK(err == 0);
  channel->ready = false;
}

// Stops the channel and drops every request that is not running: those in
// the inbox, those still in libuv's queue (cancelled there), and those
// finished whose done callback is due.  Under pool_lock.
void Drain(Channel* channel) {
  channel->open.store(false);
  while (channel->senders.load() != 0) std::this_thread::yield();
  std::vector<Request*> unsent;
  std::vector<Request*> queued;
  {
    std::lock_guard<std::mutex> hold(channel->lock);
    unsent.swap(channel->inbox);
    for (Request* request : unsent) channel->live.erase(request);
    for (Request* request : channel->live)
      if (request->queued && request->phase.load() == kQueued)
        queued.push_back(request);
  }
  for (Request* request : unsent) {
    --channel->nreqs;
    --channel->nready;
    Free(request);
  }
  for (Request* request : queued)
    uv_cancel(reinterpret_cast<uv_req_t*>(&request->work));
  // uv_cancel posts the completions at once: this run frees them, and the
  // requests that had finished, without their done callbacks.
  uv_run(&channel->pool, UV_RUN_NOWAIT);
}

}  // namespace

Request* NewRequest(int type, int pri, eio_cb cb, void* data, const char* api) {
  Request* request = new Request();
  request->req.type = type;
  // libeio (eio.c, etp_submit): the priority is stored relative to
  // EIO_PRI_MIN and clamped.  Divergence: libuv runs requests in the order
  // they were submitted, whatever their priority.
  int relative = pri - EIO_PRI_MIN;
  if (relative < 0) relative = 0;
  if (relative > EIO_PRI_MAX - EIO_PRI_MIN)
    relative = EIO_PRI_MAX - EIO_PRI_MIN;
  request->req.pri = static_cast<signed char>(relative);
  request->req.finish = cb;
  request->req.data = data;
  request->api = api;
  // libeio (eio_finish) calls finish only when there is one: a request
  // without a done callback runs and nothing is called when it ends.
  request->phase.store(kInbox);
  return request;
}

void Free(Request* request) {
  if (request->owns_ptr1) free(request->req.ptr1);
  if (request->owns_ptr2) free(request->req.ptr2);
  if (request->host_slot != nullptr) {
    struct ev_loop* loop = DefaultLoop();
    if (loop->host != nullptr) loop->host->Forget(&request->host_slot);
  }
  delete request;
}

eio_req* Submit(Request* request) {
  Channel* channel = TheChannel();
  if (MayUsePool()) {
    std::lock_guard<std::recursive_mutex> pool(channel->pool_lock);
    if (!Acquire(channel, request->api)) {
      Free(request);
      return nullptr;
    }
    channel->used.store(true);
    ++channel->nreqs;
    ++channel->nready;
    {
      std::lock_guard<std::mutex> hold(channel->lock);
      channel->live.insert(request);
    }
    // Inside Node: the request's async resource is created now, so that its
    // done callback continues the submitter's async context.
    struct ev_loop* loop = DefaultLoop();
    if (loop->host != nullptr)
      loop->host->Capture(&request->host_slot, request->api);
    Queue(channel, request);
    return &request->req;
  }
  // libeio (eio.c, etp_submit) took requests from any thread; libuv takes
  // them on the loop's thread only, to which the inbox hands them.
  channel->senders.fetch_add(1);
  if (!channel->open.load()) {
    channel->senders.fetch_sub(1);
    if (channel->shut_down.load())
      ReportShutDown(request->api);
    else
      Warn(
          "%s: the first eio request of the process was made on a thread "
          "other than the loop's while the loop runs; make one on the loop "
          "thread first. Request refused.",
          request->api);
    Free(request);
    return nullptr;
  }
  channel->used.store(true);
  // Counted before the loop thread can see the request (and finish it).
  ++channel->nreqs;
  ++channel->nready;
  {
    std::lock_guard<std::mutex> hold(channel->lock);
    channel->live.insert(request);
    channel->inbox.push_back(request);
  }
  uv_async_send(&channel->inbox_async);
  channel->senders.fetch_sub(1);
  return &request->req;
}

void Attach() {
  Channel* channel = TheChannel();
  std::lock_guard<std::recursive_mutex> pool(channel->pool_lock);
  Acquire(channel, "eio");
}

void Shutdown() {
  Channel* channel = TheChannel();
  if (!MayUsePool()) {
    AtExit();
    return;
  }
  std::lock_guard<std::recursive_mutex> pool(channel->pool_lock);
  channel->shut_down.store(true);
  if (!channel->ready) {
    AtExit();
    return;
  }
  Drain(channel);
  CloseHandles(channel);
  bool idle;
  {
    std::lock_guard<std::mutex> hold(channel->lock);
    idle = channel->live.empty();
  }
  // Work that runs on a pool thread cannot be stopped; its completion will
  // reach the pool loop, which must stay, unrun.  Its done callback never
  // runs (node 0.4's process ended with it too).
  if (idle) ClosePool(channel);
}

bool CloseIdle() {
  Channel* channel = TheChannel();
  COMPAT_CHECK(MayUsePool());
  std::lock_guard<std::recursive_mutex> pool(channel->pool_lock);
  if (!channel->ready) return true;
  {
    std::lock_guard<std::mutex> hold(channel->lock);
    if (!channel->live.empty()) return false;
  }
  channel->open.store(false);
  while (channel->senders.load() != 0) std::this_thread::yield();
  CloseHandles(channel);
  ClosePool(channel);
  return true;
}

namespace {

void WorkCb(uv_work_t* work) {
  Request* request = static_cast<Request*>(work->data);
  Channel* channel = TheChannel();
  request->phase.store(kRunning);
  --channel->nready;
  eio_req* req = &request->req;
  if (!channel->open.load()) {
    // Divergence: after teardown or exit() began, queued work is skipped
    // (libeio's threads died with the process); see AtExit.
    req->result = -1;
    req->errorno = ECANCELED;
  } else if (EIO_CANCELLED(req)) {
    // libeio (node 0.6, eio.c, eio_execute): a request cancelled before it
    // started does not run.
    req->result = -1;
    req->errorno = ECANCELED;
  } else {
    // Divergence: errno starts at 0; libeio's threads carried over the
    // errno of whatever they ran before.
    errno = 0;
    if (req->type == EIO_CUSTOM)
      CallWork(request);
    else
      ExecuteFile(request);
    // libeio (eio.c, eio_execute): errorno is errno right after the work,
    // for every kind of request, eio_custom included.
    req->errorno = errno;
  }
  ++channel->npending;
  request->phase.store(kFinished);
}

// In the pool loop (under pool_lock).
void AfterWorkCb(uv_work_t* work, int status) {
  Request* request = static_cast<Request*>(work->data);
  Channel* channel = TheChannel();
  if (status == UV_ECANCELED) {
    // Cancelled in libuv's queue: its work never ran.
    request->req.result = -1;
    request->req.errorno = ECANCELED;
    --channel->nready;
  } else {
    --channel->npending;
  }
  --channel->nreqs;
  // libeio (eio.c, EIO_FINISH; node 0.4, 0.6 and 0.8 alike): the done
  // callback of a cancelled request is not called, whether or not its work
  // ran.  (libeio's manual of node 0.6 says the opposite; its code, which
  // addons met, did this.)
  if (channel->open.load() && request->req.finish != nullptr &&
      !EIO_CANCELLED(&request->req)) {
    struct ev_loop* loop = DefaultLoop();
    ev::Task task{CallDone, request, &request->host_slot, request->api};
    if (loop->host != nullptr)
      loop->host->Run(task);
    else
      CallDone(request);
  }
  {
    std::lock_guard<std::mutex> hold(channel->lock);
    channel->live.erase(request);
  }
  // libeio frees the request once its done callback returned.
  Free(request);
}

}  // namespace
}  // namespace eio
}  // namespace compat

using compat::eio::Request;

extern "C" {

eio_req* compat__eio_custom(void (*execute)(void), int returns_int, int pri,
                            eio_cb cb, void* data) {
  Request* request =
      compat::eio::NewRequest(EIO_CUSTOM, pri, cb, data, "eio_custom");
  if (execute == nullptr)
    compat::Warn(
        "eio_custom: the work function is null (libeio would crash on a "
        "pool thread); the request does nothing, as eio_nop");
  request->execute = execute;
  request->returns_int = returns_int != 0;
  return compat::eio::Submit(request);
}

void compat__eio_cancel(eio_req* req) {
  using namespace compat::eio;
  if (req == nullptr) {
    compat::Warn("eio_cancel: the request is null; call ignored");
    return;
  }
  Channel* channel = TheChannel();
  Request* request = reinterpret_cast<Request*>(req);
  // Requests are freed under pool_lock: holding it, the one found in
  // `live` stays until uv_cancel is done with it.
  bool may_use_pool = MayUsePool();
  std::unique_lock<std::recursive_mutex> pool(channel->pool_lock,
                                              std::defer_lock);
  if (may_use_pool) pool.lock();
  bool in_queue;
  {
    std::lock_guard<std::mutex> hold(channel->lock);
    if (channel->live.count(request) == 0) {
      compat::Warn(
          "eio_cancel: the request is not in flight (its done callback has "
          "run and it was freed, or it was never submitted); call ignored");
      return;
    }
    __atomic_store_n(&req->cancelled, 1, __ATOMIC_RELEASE);
    __atomic_fetch_or(&req->flags, EIO_FLAG_CANCELLED, __ATOMIC_RELAXED);
    in_queue = request->queued && request->phase.load() == kQueued;
  }
  // libeio: a request that has not started never runs (a pool thread that
  // takes it skips it).  Taking it out of libuv's queue also frees its
  // place in the pool at once.
  if (may_use_pool && in_queue)
    uv_cancel(reinterpret_cast<uv_req_t*>(&request->work));
}

unsigned int compat__eio_count(int which) {
  using namespace compat::eio;
  Channel* channel = TheChannel();
  long count = 0;
  switch (which) {
    case 0:
      count = channel->nreqs.load();
      break;
    case 1:
      count = channel->nready.load();
      break;
    case 2:
      count = channel->npending.load();
      break;
    default: {
      // libuv starts its whole pool with the first request; the size is
      // read from UV_THREADPOOL_SIZE as libuv reads it.
      if (!channel->used.load()) return 0;
      const char* size = std::getenv("UV_THREADPOOL_SIZE");
      count = size != nullptr ? std::atol(size) : 4;
      if (count <= 0) count = 1;
      if (count > 1024) count = 1024;
    }
  }
  return count > 0 ? static_cast<unsigned int>(count) : 0;
}

}  // extern "C"
