// ev_loop.cc: libev's loop object (ev_default_loop, ev_ref/ev_unref, ev_now)
// and the watcher bookkeeping every watcher kind shares, on a uv_loop_t.
#include <time.h>

#include <algorithm>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "ev_internal.h"
#include "misuse.h"

namespace compat {
namespace ev {
namespace {

// The active watchers of every loop, by address.  Process-wide because
// ev_init gets no loop argument, yet must know whether its watcher is active.
// Leaked on purpose (threads may outlive static destruction).
std::mutex* RegistryLock() {
  static std::mutex* lock = new std::mutex;
  return lock;
}

std::unordered_map<ev_watcher*, Box*>* Registry() {
  static auto* registry = new std::unordered_map<ev_watcher*, Box*>;
  return registry;
}

std::mutex* DefaultLoopLock() {
  static std::mutex* lock = new std::mutex;
  return lock;
}

std::atomic<struct ev_loop*> default_loop{nullptr};

void FreeBox(Box* box) {
  struct ev_loop* loop = box->loop;
  if (box->host_data != nullptr && loop->host != nullptr)
    loop->host->Release(box);
  delete box;
}

void OnBoxHandleClosed(uv_handle_t* handle) {
  FreeBox(static_cast<Box*>(handle->data));
}

// Frees box now, or once libuv's close callback or the running dispatch no
// longer needs it.
void Bury(Box* box) {
  if (box->has_handle) {
    box->has_handle = false;
    uv_close(&box->uv.handle, OnBoxHandleClosed);
  } else if (box->loop->dispatch_depth > 0) {
    box->loop->graveyard.push_back(box);
  } else {
    FreeBox(box);
  }
}

void OnWakeup(uv_async_t* handle) {
  struct ev_loop* loop = static_cast<struct ev_loop*>(handle->data);
  SyncKeepalive(loop);
  RunAsyncWatchers(loop);
}

struct ev_loop* NewLoop(uv_loop_t* uv_loop, Host* host) {
  struct ev_loop* loop = new struct ev_loop;
  loop->uv = uv_loop;
  loop->host = host;
  loop->thread = uv_thread_self();
  loop->wakeup = new uv_async_t;
  int err = uv_async_init(uv_loop, loop->wakeup, OnWakeup);
  if (err != 0) Fatal("ev_default_loop: uv_async_init: %s", uv_strerror(err));
  loop->wakeup->data = loop;
  uv_unref(reinterpret_cast<uv_handle_t*>(loop->wakeup));
  loop->keepalive_refd = false;
  loop->activecnt.store(0);
  loop->senders.store(0);
  loop->open.store(true);
  loop->dispatch_depth = 0;
  loop->now_stamp = 0;
  loop->now_cache = 0;
  return loop;
}

void ShutdownDefaultLoopAtExit() {
  struct ev_loop* loop = default_loop.load();
  if (loop != nullptr) Shutdown(loop);
}

double WallClock() {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

}  // namespace

const char* KindName(Kind kind) {
  switch (kind) {
    case Kind::kAsync: return "ev_async";
    case Kind::kTimer: return "ev_timer";
    case Kind::kIo: return "ev_io";
    case Kind::kIdle: return "ev_idle";
    case Kind::kPrepare: return "ev_prepare";
    case Kind::kCheck: return "ev_check";
    case Kind::kSignal: return "ev_signal";
    case Kind::kPeriodic: return "ev_periodic";
    case Kind::kChild: return "ev_child";
  }
  return "ev_watcher";
}

void Invoke(Box* box, ev_watcher* w, int revents) {
  // The runtime sees the EV_MULTIPLICITY=1 spelling of the callback type;
  // a watcher compiled with 0 has the two-argument one.  The intermediate
  // cast through a generic function pointer is how C spells "reinterpret".
  typedef void (*Generic)(void);
  typedef void (*Spelling0)(ev_watcher*, int);
  Generic cb = reinterpret_cast<Generic>(w->cb);
  if (cb == nullptr) {
    Warn("%s: callback is null (ev_set_cb was given 0); event dropped",
         KindName(box->kind));
    return;
  }
  if (box->mode != 0)
    w->cb(box->loop, w, revents);
  else
    reinterpret_cast<Spelling0>(cb)(w, revents);
}

void Dispatch(Box* box, ev_watcher* w, int revents) {
  struct ev_loop* loop = box->loop;
  ++loop->dispatch_depth;
  if (loop->host != nullptr)
    loop->host->Dispatch(box, w, revents);
  else
    Invoke(box, w, revents);
  --loop->dispatch_depth;
  CollectGraveyard(loop);
}

void CollectGraveyard(struct ev_loop* loop) {
  if (loop->dispatch_depth != 0 || loop->graveyard.empty()) return;
  std::vector<Box*> dead;
  dead.swap(loop->graveyard);
  for (Box* box : dead) FreeBox(box);
}

bool CheckLoopThread(struct ev_loop* loop, const char* api) {
  uv_thread_t self = uv_thread_self();
  if (uv_thread_equal(&self, &loop->thread)) return true;
  Warn(
      "%s: called from a thread other than the loop's; only ev_async_send "
      "(and ev_ref/ev_unref) may be called from other threads. Call ignored.",
      api);
  return false;
}

Box* Activate(struct ev_loop* loop, ev_watcher* w, Kind kind, int mode,
              const char* api) {
  if (loop == nullptr) {
    Warn("%s: no loop (EV_DEFAULT_UC used before ev_default_loop?)", api);
    return nullptr;
  }
  if (!loop->open.load()) {
    Warn("%s: the loop has been shut down (environment teardown); watcher "
         "not started", api);
    return nullptr;
  }
  if (!CheckLoopThread(loop, api)) return nullptr;
  unsigned init = __atomic_load_n(&w->compat__init, __ATOMIC_RELAXED);
  if (init != kInitialised && init != kStarted) {
    Warn("%s: watcher was not initialised (call ev_init or %s_init before "
         "starting it)", api, KindName(kind));
    if (w->cb == nullptr) return nullptr;
  }
  Box* box = new Box();
  box->w = w;
  box->loop = loop;
  box->kind = kind;
  box->mode = mode;
  box->has_handle = false;
  box->host_data = nullptr;
  {
    std::lock_guard<std::mutex> hold(*RegistryLock());
    (*Registry())[w] = box;
  }
  __atomic_store_n(&w->compat__init, kStarted, __ATOMIC_RELAXED);
  w->active = 1;
  w->pending = 0;
  loop->activecnt.fetch_add(1);
  SyncKeepalive(loop);
  return box;
}

void Deactivate(Box* box, bool adjust_count) {
  struct ev_loop* loop = box->loop;
  ev_watcher* w = box->w;
  if (w == nullptr) return;
  {
    std::lock_guard<std::mutex> hold(*RegistryLock());
    auto it = Registry()->find(w);
    if (it != Registry()->end() && it->second == box) Registry()->erase(it);
  }
  w->active = 0;
  w->pending = 0;
  box->w = nullptr;
  if (box->kind == Kind::kAsync) {
    auto& list = loop->asyncs;
    list.erase(std::remove(list.begin(), list.end(), box), list.end());
  }
  if (adjust_count) {
    loop->activecnt.fetch_sub(1);
    SyncKeepalive(loop);
  }
  Bury(box);
}

Box* Find(ev_watcher* w) {
  std::lock_guard<std::mutex> hold(*RegistryLock());
  auto it = Registry()->find(w);
  return it == Registry()->end() ? nullptr : it->second;
}

void SyncKeepalive(struct ev_loop* loop) {
  if (!loop->open.load()) return;
  bool want = loop->activecnt.load() > 0;
  if (want == loop->keepalive_refd) return;
  loop->keepalive_refd = want;
  uv_handle_t* handle = reinterpret_cast<uv_handle_t*>(loop->wakeup);
  if (want)
    uv_ref(handle);
  else
    uv_unref(handle);
}

// The sender protocol: a thread announces itself in `senders` before it
// reads `open`, and Shutdown clears `open` before it waits for `senders` to
// drain.  With sequentially consistent operations either the sender sees the
// loop closed or Shutdown sees the sender and waits, so no thread can be
// inside uv_async_send once Shutdown returns and the handle may be closed.
void Wake(struct ev_loop* loop) {
  loop->senders.fetch_add(1);
  if (loop->open.load()) uv_async_send(loop->wakeup);
  loop->senders.fetch_sub(1);
}

void Shutdown(struct ev_loop* loop) {
  loop->open.store(false);
  while (loop->senders.load() != 0) std::this_thread::yield();
}

void CloseLoop(struct ev_loop* loop) {
  if (loop->wakeup == nullptr) return;
  Shutdown(loop);
  std::vector<Box*> active;
  {
    std::lock_guard<std::mutex> hold(*RegistryLock());
    for (auto& entry : *Registry())
      if (entry.second->loop == loop) active.push_back(entry.second);
  }
  for (Box* box : active) Deactivate(box, true);
  uv_close(reinterpret_cast<uv_handle_t*>(loop->wakeup),
           [](uv_handle_t* handle) {
             delete reinterpret_cast<uv_async_t*>(handle);
           });
  loop->wakeup = nullptr;
}

struct ev_loop* AttachDefaultLoop(uv_loop_t* uv_loop, Host* host) {
  std::lock_guard<std::mutex> hold(*DefaultLoopLock());
  struct ev_loop* loop = default_loop.load();
  if (loop == nullptr) {
    loop = NewLoop(uv_loop, host);
    default_loop.store(loop);
    // process.exit() and a normal exit both end in exit(): from then on
    // threads still calling ev_async_send must not touch libuv.
    std::atexit(ShutdownDefaultLoopAtExit);
  } else {
    COMPAT_CHECK(loop->uv == uv_loop);
    loop->host = host;
  }
  return loop;
}

}  // namespace ev
}  // namespace compat

using compat::ev::Box;

extern "C" {

struct ev_loop* compat__ev_default_loop(unsigned int flags) {
  (void)flags;  // libuv chooses the backend
  struct ev_loop* loop = compat::ev::default_loop.load();
  if (loop != nullptr) return loop;
  return compat::ev::AttachDefaultLoop(uv_default_loop(), nullptr);
}

struct ev_loop* compat__ev_default_loop_uc(void) {
  struct ev_loop* loop = compat::ev::default_loop.load();
  if (loop != nullptr) return loop;
  // libev returns null here and the caller crashes; creating the loop is
  // only safe on the thread that will run it, which we cannot know, so the
  // default loop is created by whoever asks first.
  compat::Warn(
      "EV_DEFAULT_UC: used before ev_default_loop() created the default "
      "loop; creating it now");
  return compat__ev_default_loop(0);
}

void compat__ev_init(ev_watcher* w, const char* api) {
  Box* box = compat::ev::Find(w);
  if (box != nullptr) {
    // libev (ev.pod, "WATCHER STATES"): initialising an active watcher is
    // undefined; libev clears `active` and leaves the loop's structures and
    // count as they were.  We stop it without touching the count, which
    // leaves the count as libev leaves it and the loop consistent.
    compat::Warn(
        "%s: the watcher is active; initialising an active watcher is a "
        "libev error (stop it first). node-waf-compat stopped it.",
        api);
    compat::ev::Deactivate(box, false);
  }
  w->active = 0;
  w->pending = 0;
  w->priority = 0;
  __atomic_store_n(&w->compat__init, compat::ev::kInitialised,
                   __ATOMIC_RELAXED);
}

void compat__ev_ref(struct ev_loop* loop) {
  if (loop == nullptr) return;
  loop->activecnt.fetch_add(1);
  uv_thread_t self = uv_thread_self();
  if (uv_thread_equal(&self, &loop->thread))
    compat::ev::SyncKeepalive(loop);
  else
    compat::ev::Wake(loop);
}

void compat__ev_unref(struct ev_loop* loop) {
  if (loop == nullptr) return;
  long count = loop->activecnt.fetch_sub(1) - 1;
  if (count < 0) {
    // Divergence: libev's loop keeps running while the count is non-zero,
    // so a negative count would keep the process alive forever.
    compat::Warn(
        "ev_unref: called more often than ev_ref and watcher starts (count "
        "%ld); libev would never let the loop exit, node-waf-compat treats "
        "a negative count as zero",
        count);
  }
  uv_thread_t self = uv_thread_self();
  if (uv_thread_equal(&self, &loop->thread))
    compat::ev::SyncKeepalive(loop);
  else
    compat::ev::Wake(loop);
}

ev_tstamp compat__ev_time(void) { return compat::ev::WallClock(); }

ev_tstamp compat__ev_now(struct ev_loop* loop) {
  if (loop == nullptr) return compat::ev::WallClock();
  // libev (ev.pod, ev_now): the time the current loop iteration started, in
  // wall-clock seconds.  uv_now() changes once per iteration, so the wall
  // clock is read on the first ev_now of each iteration and then kept.
  std::uint64_t stamp = uv_now(loop->uv);
  if (stamp != loop->now_stamp || loop->now_cache == 0) {
    loop->now_stamp = stamp;
    loop->now_cache = compat::ev::WallClock();
  }
  return loop->now_cache;
}

void compat__ev_now_update(struct ev_loop* loop) {
  if (loop == nullptr) return;
  uv_update_time(loop->uv);
  loop->now_stamp = uv_now(loop->uv);
  loop->now_cache = compat::ev::WallClock();
}

}  // extern "C"
