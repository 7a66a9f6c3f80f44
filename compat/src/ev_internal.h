// ev_internal.h: the runtime's model of a libev loop on a libuv loop.  Shared
// by the ev_*.cc files and by the host that embeds the loop (Node's callback
// scopes live in callback_scope.cc).  Depends on libuv only.
#ifndef COMPAT_SRC_EV_INTERNAL_H_
#define COMPAT_SRC_EV_INTERNAL_H_

#include <uv.h>

#include <atomic>
#include <cstdint>
#include <vector>

#include "../include/ev.h"

namespace compat {
namespace ev {

enum class Kind : std::uint8_t {
  kAsync,
  kTimer,
  kIo,
  kIdle,
  kPrepare,
  kCheck,
  kSignal,
  kPeriodic,
  kChild,
};

const char* KindName(Kind kind);

struct Box;

// What embeds the loop.  Standalone the callbacks run directly; inside Node
// each one runs in a HandleScope and a callback scope (callback_scope.cc).
class Host {
 public:
  virtual ~Host() {}
  // Must call Invoke(box, w, revents) exactly once.
  virtual void Dispatch(Box* box, ev_watcher* w, int revents) = 0;
  // The box is about to be freed: drop whatever the host hung on host_data.
  virtual void Release(Box* box) = 0;
};

// The layer-owned state of one active watcher.  libev lets a stopped watcher
// be freed at once, while a uv handle lives until its close callback has run,
// so nothing of libuv's is ever kept in the user's watcher memory.
struct Box {
  ev_watcher* w;          // the user's watcher; null once deactivated
  struct ev_loop* loop;
  Kind kind;
  int mode;               // 1: cb(loop, w, revents); 0: cb(w, revents)
  bool has_handle;        // true when uv below is initialised
  void* host_data;        // the host's per-watcher state
  union {
    uv_handle_t handle;
    uv_timer_t timer;
    uv_poll_t poll;
    uv_idle_t idle;
    uv_prepare_t prepare;
    uv_check_t check;
    uv_signal_t signal;
  } uv;
};

// Values of ev_watcher::compat__init.
const unsigned kInitialised = 0x65764930u;  // "evI0": ev_init ran
const unsigned kStarted = 0x65765330u;      // "evS0": started at least once

// Calls the watcher's callback with the spelling it was compiled with.
void Invoke(Box* box, ev_watcher* w, int revents);

// Runs w's callback through the loop's host; box may be deactivated (and w
// freed by the user) during the call, but box itself stays valid until the
// outermost Dispatch returns.
void Dispatch(Box* box, ev_watcher* w, int revents);

// Registers w as active on loop: w->active = 1, the loop's count + 1 (libev's
// ev_start).  Returns null, after reporting why, when w may not be started.
Box* Activate(struct ev_loop* loop, ev_watcher* w, Kind kind, int mode,
              const char* api);

// Unregisters an active watcher: w->active = w->pending = 0 and, with
// adjust_count, the loop's count - 1 (libev's ev_stop).  The box is freed
// once libuv and any running dispatch are done with it.
void Deactivate(Box* box, bool adjust_count);

// The box of an active watcher, or null.  Loop thread only.
Box* Find(ev_watcher* w);

// True on the loop's thread; otherwise reports "<api>: called from a thread
// other than the loop's" once and returns false.
bool CheckLoopThread(struct ev_loop* loop, const char* api);

// Makes the loop's count visible to libuv: the wakeup handle is ref'd exactly
// while the count is positive.  Loop thread only.
void SyncKeepalive(struct ev_loop* loop);

// Wakes the loop thread from any thread, unless the loop was shut down.
void Wake(struct ev_loop* loop);

// Creates the default loop over uv_loop with host (null: run callbacks
// directly), or rebinds it if it exists.  On the loop's thread.
struct ev_loop* AttachDefaultLoop(uv_loop_t* uv_loop, Host* host);

// After this no thread touches libuv through the loop any more: sends become
// no-ops.  Waits for senders already inside.  Any thread, idempotent.
void Shutdown(struct ev_loop* loop);

// Shutdown, then stop every watcher of the loop and close the layer's
// handles so that the uv loop can be closed.  Loop thread.
void CloseLoop(struct ev_loop* loop);

// Called by ev_async.cc when the wakeup handle fires.
void RunAsyncWatchers(struct ev_loop* loop);

// Frees the boxes deactivated while callbacks ran, once none is running.
void CollectGraveyard(struct ev_loop* loop);

}  // namespace ev
}  // namespace compat

// The libev loop object: one per uv loop that legacy code drives.
struct ev_loop {
  uv_loop_t* uv;
  compat::ev::Host* host;
  uv_thread_t thread;
  // Woken by ev_async_send and by ev_ref/ev_unref from other threads; also
  // the keep-alive handle: ref'd while activecnt > 0.
  uv_async_t* wakeup;
  bool keepalive_refd;
  // libev's activecnt: watcher starts + ev_ref - watcher stops - ev_unref.
  std::atomic<long> activecnt;
  // The sender protocol of Wake/Shutdown (see ev_loop.cc).
  std::atomic<int> senders;
  std::atomic<bool> open;
  std::vector<compat::ev::Box*> asyncs;     // active ev_async, start order
  std::vector<compat::ev::Box*> batch;      // spare vector for dispatching
  std::vector<compat::ev::Box*> graveyard;  // freed when dispatch_depth is 0
  int dispatch_depth;
  // ev_now: the wall clock read once per loop iteration.
  std::uint64_t now_stamp;  // uv_now() when now_cache was taken
  double now_cache;
};

#endif  // COMPAT_SRC_EV_INTERNAL_H_
