// ev_loop.cc: libev's loop objects (ev_default_loop, ev_loop_new/destroy,
// ev_ref/ev_unref, ev_now) on a uv_loop_t, and the bookkeeping of active
// watchers that every watcher kind shares.
#include <errno.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <mutex>

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

// Every loop that exists, for ev_init's look for a pending watcher.
std::mutex* LoopsLock() {
  static std::mutex* lock = new std::mutex;
  return lock;
}

std::vector<struct ev_loop*>* Loops() {
  static auto* loops = new std::vector<struct ev_loop*>;
  return loops;
}

std::mutex* DefaultLoopLock() {
  static std::mutex* lock = new std::mutex;
  return lock;
}

std::atomic<struct ev_loop*> default_loop{nullptr};

// libev's MIN_TIMEJUMP: a wall-clock change of more than this between two
// time updates is a jump, after which periodics are rescheduled.
const double kMinTimeJump = 1.0;

void FreeBox(Box* box) {
  struct ev_loop* loop = box->loop;
  if (box->host_data != nullptr && loop->host != nullptr)
    loop->host->Release(box);
  delete box;
}

// Frees box now, or once the running dispatch no longer needs it.
void Bury(Box* box) {
  if (box->loop->dispatch_depth > 0)
    box->loop->graveyard.push_back(box);
  else
    FreeBox(box);
}

void OnLayerHandleClosed(uv_handle_t* handle) {
  struct ev_loop* loop = static_cast<struct ev_loop*>(handle->data);
  --loop->closing;
  switch (handle->type) {
    case UV_ASYNC:
      delete reinterpret_cast<uv_async_t*>(handle);
      break;
    case UV_POLL:
      delete reinterpret_cast<uv_poll_t*>(handle);
      break;
    case UV_PREPARE:
      delete reinterpret_cast<uv_prepare_t*>(handle);
      break;
    case UV_CHECK:
      delete reinterpret_cast<uv_check_t*>(handle);
      break;
    case UV_IDLE:
      delete reinterpret_cast<uv_idle_t*>(handle);
      break;
    case UV_TIMER:
      delete reinterpret_cast<uv_timer_t*>(handle);
      break;
    case UV_SIGNAL:
      delete reinterpret_cast<uv_signal_t*>(handle);
      break;
    default:
      Fatal("ev: closed a handle of unexpected type %d", handle->type);
  }
}

void InitInternalWatcher(ev_watcher* w, int priority,
                         void (*cb)(struct ev_loop*, ev_watcher*, int)) {
  w->active = 0;
  w->pending = 0;
  w->priority = priority;
  w->data = nullptr;
  w->cb = cb;
  w->compat__init = kInitialised;
}

struct ev_loop* NewLoop(uv_loop_t* uv_loop, bool owns_uv, Host* host,
                        unsigned flags) {
  struct ev_loop* loop = new struct ev_loop;
  // The other flags choose libev backends and signal handling, which libuv
  // decides for itself.
  loop->forkcheck = (flags & EVFLAG_FORKCHECK) != 0;
  loop->uv = uv_loop;
  loop->owns_uv = owns_uv;
  loop->is_default = false;
  loop->host = host;
  loop->pid = getpid();
  loop->owner.store(std::thread::id());
  loop->wakeup = nullptr;
  loop->prepare_hook = nullptr;
  loop->check_hook = nullptr;
  loop->spin = nullptr;
  loop->alarm = nullptr;
  loop->child_signal = nullptr;
  loop->keepalive_refd = false;
  loop->spin_on = false;
  loop->spin_refd = false;
  loop->prepare_on = false;
  loop->alarm_due = 0;
  loop->closing = 0;
  loop->activecnt.store(0);
  loop->senders.store(0);
  loop->open.store(true);
  loop->async_pending.store(false);
  loop->sig_pending.store(false);
  loop->child_poke.store(false);
  for (auto& fed : loop->sig_fed) fed.store(false);
  loop->pendingpri = 0;
  InitInternalWatcher(&loop->pending_dummy, 0, nullptr);
  InitInternalWatcher(&loop->pipe_w, EV_MAXPRI, PipeCallback);
  InitInternalWatcher(&loop->child_w, EV_MAXPRI, ChildCallback);
  loop->dispatch_depth = 0;
  loop->idleall = 0;
  loop->loop_done = EVBREAK_CANCEL;
  loop->loop_depth = 0;
  loop->loop_count = 0;
  loop->skip_check = false;
  loop->postfork = false;
  loop->userdata = nullptr;
  loop->mn_now = 0;
  loop->rt_now = 0;
  loop->now_stamp = 0;
  loop->rtmn_diff = 0;
  loop->now_valid = false;
  OpenHooks(loop);
  TimeUpdate(loop, true);
  {
    std::lock_guard<std::mutex> hold(*LoopsLock());
    Loops()->push_back(loop);
  }
  return loop;
}

void ForgetLoop(struct ev_loop* loop) {
  std::lock_guard<std::mutex> hold(*LoopsLock());
  auto* loops = Loops();
  loops->erase(std::remove(loops->begin(), loops->end(), loop), loops->end());
}

void ShutdownDefaultLoopAtExit() {
  struct ev_loop* loop = default_loop.load();
  if (loop != nullptr) Shutdown(loop);
}

// The pending entry of w in one of this thread's loops, for ev_init.
struct ev_loop* LoopWithPending(ev_watcher* w) {
  std::lock_guard<std::mutex> hold(*LoopsLock());
  for (struct ev_loop* loop : *Loops()) {
    std::thread::id owner = loop->owner.load();
    if (owner != std::thread::id() && owner != std::this_thread::get_id())
      continue;
    if (loop->open.load() && IsPendingIn(loop, w)) return loop;
  }
  return nullptr;
}

}  // namespace

const char* KindName(Kind kind) {
  switch (kind) {
    case Kind::kAsync:
      return "ev_async";
    case Kind::kTimer:
      return "ev_timer";
    case Kind::kPeriodic:
      return "ev_periodic";
    case Kind::kIo:
      return "ev_io";
    case Kind::kIdle:
      return "ev_idle";
    case Kind::kPrepare:
      return "ev_prepare";
    case Kind::kCheck:
      return "ev_check";
    case Kind::kSignal:
      return "ev_signal";
    case Kind::kChild:
      return "ev_child";
    case Kind::kFork:
      return "ev_fork";
    case Kind::kCleanup:
      return "ev_cleanup";
  }
  return "ev_watcher";
}

double WallClock() {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

void TimeUpdate(struct ev_loop* loop, bool force) {
  // libev (ev.c, time_update) reads its clocks at fixed points only: before
  // and after polling, and in ev_now_update.  Between them the loop time
  // stands still, also for code that runs outside callbacks.  Here the
  // points are the check hook (after polling) and ev_now_update; and since
  // code outside the layer's callbacks (Node's own handles) runs after
  // libuv polled, the time is also re-read once libuv's loop time moved.
  std::uint64_t stamp = uv_now(loop->uv);
  if (!force && loop->now_valid && stamp == loop->now_stamp) return;
  loop->now_stamp = stamp;
  // libev's mn_now (CLOCK_MONOTONIC, as uv_hrtime) and ev_rt_now
  // (CLOCK_REALTIME), read together.
  loop->mn_now = uv_hrtime() * 1e-9;
  loop->rt_now = WallClock();
  double diff = loop->rt_now - loop->mn_now;
  bool jumped =
      loop->now_valid && std::fabs(diff - loop->rtmn_diff) > kMinTimeJump;
  loop->rtmn_diff = diff;
  loop->now_valid = true;
  if (jumped) PeriodicsReschedule(loop);
}

double MonoNow(struct ev_loop* loop) {
  // libev (ev.pod, ev_now): the loop time is fixed while callbacks run.
  if (loop->dispatch_depth == 0) TimeUpdate(loop, false);
  return loop->mn_now;
}

double RealNow(struct ev_loop* loop) {
  if (loop->dispatch_depth == 0) TimeUpdate(loop, false);
  return loop->rt_now;
}

namespace {

// Whether an event fed to a stopped watcher still names its box.
bool StillPending(struct ev_loop* loop, Box* box) {
  for (const auto& queue : loop->pendings)
    for (const Pending& entry : queue)
      if (entry.box == box) return true;
  return false;
}

}  // namespace

void CollectGraveyard(struct ev_loop* loop) {
  if (loop->dispatch_depth != 0 || loop->graveyard.empty()) return;
  std::vector<Box*> dead;
  dead.swap(loop->graveyard);
  // A box whose event waits for a later dispatch stays until it ran: the
  // EV_ERROR that libev's fd_kill feeds before the poll (KillBadFds, in
  // the prepare phase) is invoked after it, in the check phase.
  for (Box* box : dead) {
    if (StillPending(loop, box))
      loop->graveyard.push_back(box);
    else
      FreeBox(box);
  }
}

void CloseHandle(struct ev_loop* loop, uv_handle_t* handle) {
  handle->data = loop;
  ++loop->closing;
  uv_close(handle, OnLayerHandleClosed);
}

bool OnLoopThread(struct ev_loop* loop) {
  std::thread::id owner = loop->owner.load();
  return owner == std::thread::id() || owner == std::this_thread::get_id();
}

bool CheckLoopThread(struct ev_loop* loop, const char* api) {
  if (OnLoopThread(loop)) return true;
  Warn(
      "%s: called from a thread other than the loop's; only ev_async_send "
      "(and ev_ref/ev_unref) may be called from other threads. Call ignored.",
      api);
  return false;
}

bool CheckLoop(struct ev_loop* loop, const char* api) {
  if (loop == nullptr) {
    Warn(
        "%s: no loop (EV_DEFAULT_UC used before ev_default_loop?); call "
        "ignored",
        api);
    return false;
  }
  if (!loop->open.load()) {
    Warn(
        "%s: the loop has been shut down (Node environment teardown); "
        "call ignored",
        api);
    return false;
  }
  return CheckLoopThread(loop, api);
}

Box* Activate(struct ev_loop* loop, ev_watcher* w, Kind kind, int mode,
              const char* api) {
  if (!CheckLoop(loop, api)) return nullptr;
  unsigned init = __atomic_load_n(&w->compat__init, __ATOMIC_RELAXED);
  if (init != kInitialised && init != kStarted) {
    Warn(
        "%s: watcher was not initialised (call ev_init or %s_init before "
        "starting it)",
        api, KindName(kind));
    if (w->cb == nullptr) return nullptr;
  }
  Box* box = new Box();
  box->w = w;
  box->loop = loop;
  box->kind = kind;
  box->mode = mode;
  // libev (ev.c, ev_start): the priority is clamped into range on start.
  box->pri = ClampPriority(w->priority);
  w->priority = box->pri;
  box->index = -1;
  box->at = 0;
  box->fd = -1;
  box->events = 0;
  box->signum = 0;
  box->pid = 0;
  box->host_data = nullptr;
  {
    std::lock_guard<std::mutex> hold(*RegistryLock());
    (*Registry())[w] = box;
  }
  __atomic_store_n(&w->compat__init, kStarted, __ATOMIC_RELAXED);
  w->active = 1;
  loop->activecnt.fetch_add(1);
  SyncKeepalive(loop);
  return box;
}

void Deactivate(Box* box, bool adjust_count) {
  struct ev_loop* loop = box->loop;
  ev_watcher* w = box->w;
  if (w == nullptr) return;
  switch (box->kind) {
    case Kind::kAsync:
      DetachAsync(box);
      break;
    case Kind::kTimer:
      DetachTimer(box);
      break;
    case Kind::kPeriodic:
      DetachPeriodic(box);
      break;
    case Kind::kIo:
      DetachIo(box);
      break;
    case Kind::kSignal:
      DetachSignal(box);
      break;
    case Kind::kChild:
      DetachChild(box);
      break;
    case Kind::kIdle:
    case Kind::kPrepare:
    case Kind::kCheck:
    case Kind::kFork:
    case Kind::kCleanup:
      DetachSimple(box);
      break;
  }
  {
    std::lock_guard<std::mutex> hold(*RegistryLock());
    auto it = Registry()->find(w);
    if (it != Registry()->end() && it->second == box) Registry()->erase(it);
  }
  w->active = 0;
  box->w = nullptr;
  if (adjust_count) {
    loop->activecnt.fetch_sub(1);
    SyncKeepalive(loop);
  }
  Bury(box);
}

Box* BeginStop(struct ev_loop* loop, ev_watcher* w, const char* api) {
  Box* box = Find(w);
  struct ev_loop* owner = box != nullptr ? box->loop : loop;
  if (owner == nullptr) return nullptr;
  if (!CheckLoopThread(owner, api)) return nullptr;
  if (box != nullptr && loop != nullptr && box->loop != loop)
    Warn(
        "%s: the watcher is active in another loop than the one passed; "
        "stopped in its own loop",
        api);
  // libev (ev.pod, "WATCHER STATES"): stopping always clears the pending
  // state, active or not.
  ClearPending(owner, w);
  return box;
}

void StopWatcher(struct ev_loop* loop, ev_watcher* w, const char* api) {
  Box* box = BeginStop(loop, w, api);
  if (box == nullptr) return;
  struct ev_loop* owner = box->loop;
  Deactivate(box, true);
  Changed(owner);
}

Box* Find(ev_watcher* w) {
  std::lock_guard<std::mutex> hold(*RegistryLock());
  auto it = Registry()->find(w);
  return it == Registry()->end() ? nullptr : it->second;
}

void SyncKeepalive(struct ev_loop* loop) {
  if (!loop->open.load() || loop->wakeup == nullptr) return;
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

void ListAppend(std::vector<Box*>* list, Box* box) {
  box->index = static_cast<int>(list->size());
  list->push_back(box);
  box->w->active = box->index + 1;
}

void ListRemove(std::vector<Box*>* list, Box* box) {
  Box* last = list->back();
  (*list)[box->index] = last;
  last->index = box->index;
  if (last->w != nullptr) last->w->active = last->index + 1;
  list->pop_back();
}

void CloseLoop(struct ev_loop* loop) {
  if (loop->check_hook == nullptr) return;
  Shutdown(loop);
  // libev (ev.c, ev_loop_destroy) does not touch the watchers of a loop it
  // destroys: they may be gone already, and stay marked active.  The layer
  // only forgets them.
  std::vector<Box*> active;
  {
    std::lock_guard<std::mutex> hold(*RegistryLock());
    auto* registry = Registry();
    for (auto it = registry->begin(); it != registry->end();) {
      if (it->second->loop == loop) {
        active.push_back(it->second);
        it = registry->erase(it);
      } else {
        ++it;
      }
    }
  }
  ++loop->dispatch_depth;
  for (Box* box : active) {
    box->w = nullptr;
    Bury(box);
  }
  loop->asyncs.clear();
  loop->prepares.clear();
  loop->checks.clear();
  loop->forks.clear();
  loop->cleanups.clear();
  for (auto& list : loop->idles) list.clear();
  loop->idleall = 0;
  loop->children.clear();
  loop->timers.Clear();
  loop->periodics.Clear();
  ForgetFds(loop);
  ForgetSignals(loop);
  DropPending(loop);
  --loop->dispatch_depth;
  CollectGraveyard(loop);
  CloseHooks(loop);
}

struct ev_loop* AttachDefaultLoop(uv_loop_t* uv_loop, Host* host,
                                  unsigned flags) {
  std::lock_guard<std::mutex> hold(*DefaultLoopLock());
  struct ev_loop* loop = default_loop.load();
  if (loop == nullptr) {
    loop = NewLoop(uv_loop, false, host, flags);
    loop->is_default = true;
    static bool at_exit_registered = false;
    if (!at_exit_registered) {
      at_exit_registered = true;
      // process.exit() and a normal exit both end in exit(): from then on
      // threads still calling ev_async_send must not touch libuv.
      std::atexit(ShutdownDefaultLoopAtExit);
    }
    default_loop.store(loop);
  } else {
    COMPAT_CHECK(loop->uv == uv_loop);
    loop->host = host;
  }
  // Inside Node the loop belongs to the thread that runs Node's loop.
  if (host != nullptr) loop->owner.store(std::this_thread::get_id());
  return loop;
}

}  // namespace ev
}  // namespace compat

using compat::ev::Box;

extern "C" {

struct ev_loop* compat__ev_default_loop(unsigned int flags) {
  struct ev_loop* loop = compat::ev::default_loop.load();
  if (loop != nullptr) return loop;
  return compat::ev::AttachDefaultLoop(uv_default_loop(), nullptr, flags);
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

struct ev_loop* compat__ev_loop_new(unsigned int flags) {
  uv_loop_t* uv = new uv_loop_t;
  int err = uv_loop_init(uv);
  if (err != 0) {
    // libev returns 0 when it cannot create a loop.
    compat::Warn("ev_loop_new: uv_loop_init: %s", uv_strerror(err));
    delete uv;
    return nullptr;
  }
  return compat::ev::NewLoop(uv, true, nullptr, flags);
}

void compat__ev_loop_destroy(struct ev_loop* loop) {
  using namespace compat::ev;
  if (loop == nullptr) return;  // libev: mimics free(0)
  if (loop->host != nullptr) {
    // Divergence: Node owns its loop; node 0.x never destroyed it either.
    compat::Warn(
        "ev_loop_destroy: the default loop is Node's event loop and lives as "
        "long as Node; call ignored");
    return;
  }
  if (!CheckLoopThread(loop, "ev_loop_destroy")) return;
  if (loop->loop_depth > 0 || loop->dispatch_depth > 0) {
    compat::Warn(
        "ev_loop_destroy: called while the loop is running; call "
        "ignored");
    return;
  }
  if (loop->check_hook != nullptr && !loop->cleanups.empty()) {
    // libev (ev.pod, ev_cleanup): cleanup watchers run before the loop is
    // destroyed.
    QueueEvents(loop->cleanups, EV_CLEANUP);
    InvokePending(loop);
  }
  CloseLoop(loop);
  // Let libuv call the close callbacks of the layer's handles.
  for (int i = 0; loop->closing > 0 && i < 1000; ++i)
    uv_run(loop->uv, UV_RUN_NOWAIT);
  COMPAT_CHECK(loop->closing == 0);
  {
    std::lock_guard<std::mutex> hold(*DefaultLoopLock());
    if (default_loop.load() == loop) default_loop.store(nullptr);
  }
  ForgetLoop(loop);
  if (loop->owns_uv) {
    int err = uv_loop_close(loop->uv);
    if (err != 0)
      compat::Warn(
          "ev_loop_destroy: uv_loop_close: %s (libuv handles not "
          "created by the ev layer are still open)",
          uv_strerror(err));
    else
      delete loop->uv;
  }
  delete loop;
}

void compat__ev_loop_fork(struct ev_loop* loop) {
  using namespace compat::ev;
  if (!CheckLoop(loop, "ev_loop_fork")) return;
  // libev (ev.pod, ev_loop_fork): fork watchers run at the start of the next
  // iteration; the kernel state is recreated in the child, of Node's own
  // loop too (a daemonising addon's child goes on running Node: the
  // parent's epoll set must not be shared with it).
  loop->postfork = true;
  if (getpid() != loop->pid) {
    int err = uv_loop_fork(loop->uv);
    if (err != 0)
      compat::Fatal("ev_loop_fork: uv_loop_fork: %s", uv_strerror(err));
    loop->pid = getpid();
  }
  Changed(loop);
}

unsigned int compat__ev_backend(struct ev_loop* loop) {
  (void)loop;
  // The mechanism libuv uses for polling on this platform.
#if defined(__linux__)
  return EVBACKEND_EPOLL;
#elif defined(__APPLE__) || defined(__FreeBSD__) || defined(__OpenBSD__) || \
    defined(__NetBSD__) || defined(__DragonFly__)
  return EVBACKEND_KQUEUE;
#elif defined(__sun)
  return EVBACKEND_PORT;
#else
  return EVBACKEND_POLL;
#endif
}

void compat__ev_init(void* watcher, const char* api) {
  using namespace compat::ev;
  ev_watcher* w = static_cast<ev_watcher*>(watcher);
  Box* box = Find(w);
  if (box != nullptr) {
    if (!OnLoopThread(box->loop)) {
      compat::Warn(
          "%s: the watcher is active in a loop another thread runs; "
          "not initialised",
          api);
      return;
    }
    // libev (ev.pod, "WATCHER STATES"): initialising an active watcher is
    // undefined; libev clears `active` and leaves the loop's structures and
    // count as they were.  We stop it without touching the count, which
    // leaves the count as libev leaves it and the loop consistent.
    compat::Warn(
        "%s: the watcher is active; initialising an active watcher is a "
        "libev error (stop it first). node-waf-compat stopped it.",
        api);
    ClearPending(box->loop, w);
    struct ev_loop* loop = box->loop;
    Deactivate(box, false);
    Changed(loop);
  } else if (w->pending != 0) {
    struct ev_loop* loop = LoopWithPending(w);
    if (loop != nullptr) {
      compat::Warn(
          "%s: the watcher is pending; initialising a pending watcher is a "
          "libev error (ev_clear_pending or stop it first). node-waf-compat "
          "dropped its event.",
          api);
      ClearPending(loop, w);
    }
  }
  w->active = 0;
  w->pending = 0;
  w->priority = 0;
  __atomic_store_n(&w->compat__init, kInitialised, __ATOMIC_RELAXED);
}

// ev_ref/ev_unref may be called from any thread (node 0.4 addons called them
// from thread-pool threads).  Only the thread running the loop touches the
// keep-alive handle; any other thread wakes it to do so, and ev_run
// synchronises the handle when it starts.
static void SyncOrWake(struct ev_loop* loop) {
  if (loop->owner.load() == std::this_thread::get_id())
    compat::ev::SyncKeepalive(loop);
  else
    compat::ev::Wake(loop);
}

void compat__ev_ref(struct ev_loop* loop) {
  if (loop == nullptr) return;
  loop->activecnt.fetch_add(1);
  SyncOrWake(loop);
}

void compat__ev_unref(struct ev_loop* loop) {
  if (loop == nullptr) return;
  long count = loop->activecnt.fetch_sub(1) - 1;
  if (count < 0) {
    // Divergence: libev's loop keeps running while the count is non-zero,
    // so a negative count would keep the process alive forever.
    compat::Warn(
        "ev_unref: called more often than ev_ref and watcher starts (the "
        "count is below zero); libev would never let the loop exit, "
        "node-waf-compat treats a negative count as zero");
  }
  SyncOrWake(loop);
}

ev_tstamp compat__ev_time(void) { return compat::ev::WallClock(); }

void compat__ev_sleep(ev_tstamp delay) {
  if (!(delay > 0)) return;
  struct timespec ts;
  ts.tv_sec = static_cast<time_t>(delay);
  ts.tv_nsec = static_cast<long>((delay - ts.tv_sec) * 1e9);
  if (ts.tv_nsec >= 1000000000L) ts.tv_nsec = 999999999L;
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
  }
}

ev_tstamp compat__ev_now(struct ev_loop* loop) {
  if (loop == nullptr) return compat::ev::WallClock();
  return compat::ev::RealNow(loop);
}

void compat__ev_now_update(struct ev_loop* loop) {
  if (!compat::ev::CheckLoop(loop, "ev_now_update")) return;
  uv_update_time(loop->uv);
  compat::ev::TimeUpdate(loop, true);
}

void compat__ev_suspend(struct ev_loop* loop) { compat__ev_now_update(loop); }

void compat__ev_resume(struct ev_loop* loop) {
  using namespace compat::ev;
  if (!CheckLoop(loop, "ev_resume")) return;
  // libev (ev.pod, ev_suspend): relative timers do not count the time the
  // loop was suspended; periodics are recomputed from the wall clock.
  double before = loop->mn_now;
  compat__ev_now_update(loop);
  ShiftTimers(loop, loop->mn_now - before);
  PeriodicsReschedule(loop);
  Changed(loop);
}

void compat__ev_verify(struct ev_loop* loop) {
  using namespace compat::ev;
  if (!CheckLoop(loop, "ev_verify")) return;
  // Every registered watcher of the loop is in exactly one structure.
  std::size_t registered = 0;
  {
    std::lock_guard<std::mutex> hold(*RegistryLock());
    for (auto& entry : *Registry()) {
      Box* box = entry.second;
      if (box->loop != loop) continue;
      ++registered;
      COMPAT_CHECK(box->w == entry.first);
      COMPAT_CHECK(box->w->active != 0);
    }
  }
  std::size_t listed = loop->asyncs.size() + loop->prepares.size() +
                       loop->checks.size() + loop->forks.size() +
                       loop->cleanups.size() + loop->children.size() +
                       loop->timers.size() + loop->periodics.size();
  int idles = 0;
  for (auto& list : loop->idles) idles += static_cast<int>(list.size());
  COMPAT_CHECK(idles == loop->idleall);
  listed += idles;
  for (auto& entry : loop->fds) listed += entry.second->watchers.size();
  for (auto& entry : loop->signals) listed += entry.second->watchers.size();
  COMPAT_CHECK(listed == registered);
  VerifyPending(loop);
  VerifyLists(loop);
  VerifyTimers(loop);
  VerifyIo(loop);
  VerifySignals(loop);
}

void compat__ev_set_userdata(struct ev_loop* loop, void* data) {
  if (loop != nullptr) loop->userdata = data;
}

void* compat__ev_userdata(struct ev_loop* loop) {
  return loop != nullptr ? loop->userdata : nullptr;
}

}  // extern "C"
