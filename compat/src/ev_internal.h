// ev_internal.h: the runtime's model of a libev loop on a libuv loop.  Shared
// by the ev_*.cc files and by the host that embeds the loop (Node's callback
// scopes live in callback_scope.cc).  Depends on libuv only.
//
// How one libev iteration maps onto libuv's phases (ev_run.cc):
//   libev: prepare watchers -> poll (io, signals, asyncs become pending) ->
//          timers, periodics, idle, check become pending -> invoke pending
//          by priority, last fed first (ev_invoke_pending).
//   here:  a uv_prepare_t runs the prepare watchers; libuv polls and the
//          layer's poll, signal and async handles only feed events; a
//          uv_check_t does the rest of the iteration and invokes everything
//          pending through the same priority queue, in libev's order.
// A uv_timer_t (the alarm) and a uv_idle_t (the spin) only decide how long
// libuv may block; the uv_async_t (the wakeup) is also the keep-alive handle.
#ifndef COMPAT_SRC_EV_INTERNAL_H_
#define COMPAT_SRC_EV_INTERNAL_H_

#include <signal.h>
#include <sys/types.h>
#include <uv.h>

#include <atomic>
#include <cstdint>
#include <thread>
#include <unordered_map>
#include <vector>

#include "../include/ev.h"

namespace compat {
namespace ev {

enum class Kind : std::uint8_t {
  kAsync,
  kTimer,
  kPeriodic,
  kIo,
  kIdle,
  kPrepare,
  kCheck,
  kSignal,
  kChild,
  kFork,
  kCleanup,
};

const char* KindName(Kind kind);

// libev's priorities EV_MINPRI..EV_MAXPRI as queue indices 0..kNumPri-1.
const int kNumPri = EV_MAXPRI - EV_MINPRI + 1;

inline int ClampPriority(int priority) {
  return priority < EV_MINPRI   ? EV_MINPRI
         : priority > EV_MAXPRI ? EV_MAXPRI
                                : priority;
}

// How a callback is called: the EV_MULTIPLICITY=0 spelling cb(w, revents),
// the =1 spelling cb(loop, w, revents), or a watcher of the layer's own that
// bypasses the host.
const int kModeLoopless = 0;
const int kModeLoop = 1;
const int kModeInternal = 2;

// The layer-owned state of one active watcher.  libev lets a stopped watcher
// be freed at once, so nothing the loop needs is ever kept in the user's
// watcher memory; the libuv handles belong to the loop, never to a watcher.
struct Box {
  ev_watcher* w;  // the user's watcher; null once deactivated
  struct ev_loop* loop;
  Kind kind;
  int mode;         // callback spelling (kModeLoopless / kModeLoop)
  int pri;          // the priority it was started with, clamped (libev)
  int index;        // position in its loop's list or heap
  double at;        // timers and periodics: when it is due
  int fd;           // ev_io: the fd it was started on
  int events;       // ev_io: the events it was started with
  int signum;       // ev_signal: the signal it was started on
  int pid;          // ev_child: the pid it was started for
  void* host_data;  // the host's per-watcher state
};

// One callback invocation, as the host receives it.
struct Call {
  struct ev_loop* loop;
  Box* box;  // the activation the event belongs to; null for ev_feed_event
             // or ev_invoke on a watcher that is not active
  ev_watcher* w;
  int mode;
  int revents;
};

// Old code the loop runs that is not a watcher callback (an eio done
// callback).  `slot` is where the caller keeps the host's state for the
// source of the task (null until the host creates it).
struct Task {
  void (*fn)(void* arg);
  void* arg;
  void** slot;
  const char* name;  // what the source is called (e.g. "eio_custom")
};

// What embeds the loop.  Standalone the callbacks run directly; inside Node
// each one runs in a HandleScope and a callback scope (callback_scope.cc).
// Watcher callbacks and tasks go through the same scope mechanism.
class Host {
 public:
  virtual ~Host() {}
  // Must call Invoke(call) exactly once.
  virtual void Dispatch(const Call& call) = 0;
  // The box is about to be freed: drop whatever the host hung on host_data.
  virtual void Release(Box* box) = 0;
  // Must call task.fn(task.arg) exactly once, in the scope of *task.slot
  // (created now if the slot is empty).  Loop thread.
  virtual void Run(const Task& task) = 0;
  // Creates the state of an empty *slot now, so that what later runs in it
  // continues the current context (async_hooks: the submitter's).  Loop
  // thread.
  virtual void Capture(void** slot, const char* name) = 0;
  // Drops the state of *slot, if any, and empties it.  Loop thread.
  virtual void Forget(void** slot) = 0;
};


// An entry of libev's pending queue.
struct Pending {
  ev_watcher* w;  // the loop's dummy watcher once cleared
  int events;
  int mode;
  Box* box;
};

// libev's timer heap: a 4-ary min-heap on Box::at.  Ties are broken exactly
// as libev 4.33 breaks them (an element moves past another only if strictly
// earlier), so timers due at the same time fire in libev's order.
class Heap {
 public:
  bool empty() const { return items_.empty(); }
  int size() const { return static_cast<int>(items_.size()); }
  Box* top() const { return items_.front(); }
  Box* item(int i) const { return items_[i]; }
  void Push(Box* box);
  void Remove(Box* box);
  // After box->at changed.
  void Adjust(Box* box);
  // After every element's `at` changed (libev's reheap).
  void Rebuild();
  void Clear() { items_.clear(); }
  // The heap property and the boxes' indices hold.
  bool Valid() const;

 private:
  void Up(int k);
  void Down(int k);
  void Place(int k, Box* box) {
    items_[k] = box;
    box->index = k;
    // libev keeps a heap watcher's position in `active` (its heap starts
    // at index 3); code may print it, and only tests it for zero.
    box->w->active = k + 3;
  }
  std::vector<Box*> items_;
};

// The watchers of one fd and the single uv_poll_t libuv allows for it.
struct Fd {
  struct ev_loop* loop;
  int fd;
  uv_poll_t* poll;             // null when the fd cannot be polled
  bool always_ready;           // EPERM from epoll: a regular file (libev)
  bool bad;                    // rejected by the backend: to be killed
  std::vector<Box*> watchers;  // start order
  int mask;                    // events polled for
};

// The watchers of one signal and its uv_signal_t.
struct Sig {
  struct ev_loop* loop;
  int signum;
  uv_signal_t* handle;
  std::vector<Box*> watchers;  // start order
};

// Values of ev_watcher::compat__init.
const unsigned kInitialised = 0x65764930u;  // "evI0": ev_init ran
const unsigned kStarted = 0x65765330u;      // "evS0": started at least once

// ---- the pending queue (ev_pending.cc) ----

// Calls the watcher's callback with the spelling it was compiled with.
void Invoke(const Call& call);
// libev's ev_feed_event: makes w pending with revents (or adds them).
void Feed(struct ev_loop* loop, ev_watcher* w, int revents, int mode, Box* box);
inline void FeedBox(Box* box, int revents) {
  Feed(box->loop, box->w, revents, box->mode, box);
}
// libev's clear_pending: returns the events w was pending with, or 0.
int ClearPending(struct ev_loop* loop, ev_watcher* w);
// The queue entry of w, if w is pending in loop.
Pending* FindPending(struct ev_loop* loop, ev_watcher* w);
bool IsPendingIn(struct ev_loop* loop, ev_watcher* w);
// libev's ev_invoke_pending: highest priority first, last fed first.
void InvokePending(struct ev_loop* loop);
unsigned PendingCount(struct ev_loop* loop);
// Runs one callback through the loop's host.
void Dispatch(const Call& call);
// Feeds every box of `list` in list order (libev's queue_events).
void QueueEvents(const std::vector<Box*>& list, int revents);
// Drops every pending event of the loop (teardown).
void DropPending(struct ev_loop* loop);
void VerifyPending(struct ev_loop* loop);

// ---- watchers and loops (ev_loop.cc) ----

// Registers w as active on loop: w->active = 1, the loop's count + 1, the
// priority clamped (libev's ev_start).  Returns null, after reporting why,
// when w may not be started.
Box* Activate(struct ev_loop* loop, ev_watcher* w, Kind kind, int mode,
              const char* api);
// Unregisters an active watcher: detaches it from its kind's structures,
// w->active = 0 and, with adjust_count, the loop's count - 1 (libev's
// ev_stop).  The box is freed once no dispatch can still use it.
void Deactivate(Box* box, bool adjust_count);
// Puts box at the end of a list watcher array (libev: `active` is the
// position + 1) / removes it, filling the hole with the last one.
void ListAppend(std::vector<Box*>* list, Box* box);
void ListRemove(std::vector<Box*>* list, Box* box);
// The first half of libev's ev_TYPE_stop: clears the pending state and
// returns the box if w is active (null if not, or if the call is refused).
Box* BeginStop(struct ev_loop* loop, ev_watcher* w, const char* api);
// All of ev_TYPE_stop for kinds that need nothing more.
void StopWatcher(struct ev_loop* loop, ev_watcher* w, const char* api);
// The box of an active watcher, or null.
Box* Find(ev_watcher* w);
// True when the calling thread may use the loop (the thread running it, or
// any thread while nobody runs it); otherwise reports "<api>: called from a
// thread other than the loop's" once and returns false.
bool CheckLoopThread(struct ev_loop* loop, const char* api);
bool OnLoopThread(struct ev_loop* loop);
// Common checks of every API call that takes a loop.
bool CheckLoop(struct ev_loop* loop, const char* api);
// Makes the loop's count visible to libuv: the wakeup handle is ref'd exactly
// while the count is positive.  Loop thread only.
void SyncKeepalive(struct ev_loop* loop);
// Wakes the loop thread from any thread, unless the loop was shut down.
void Wake(struct ev_loop* loop);
// Creates the default loop over uv_loop with host (null: run callbacks
// directly), or rebinds it if it exists.  On the loop's thread.
struct ev_loop* AttachDefaultLoop(uv_loop_t* uv_loop, Host* host,
                                  unsigned flags = 0);
// After this no thread touches libuv through the loop any more: sends become
// no-ops.  Waits for senders already inside.  Any thread, idempotent.
void Shutdown(struct ev_loop* loop);
// Shutdown, then stop every watcher of the loop and close the layer's
// handles so that the uv loop can be closed.  Loop thread.
void CloseLoop(struct ev_loop* loop);
// Frees the boxes deactivated while callbacks ran, once none is running.
void CollectGraveyard(struct ev_loop* loop);
// uv_close for a handle the layer allocated with new; counted in
// loop->closing until its close callback has freed it.
void CloseHandle(struct ev_loop* loop, uv_handle_t* handle);

// libev's mn_now (monotonic seconds) and ev_rt_now (wall-clock seconds) as
// the loop last read them (see TimeUpdate).
double MonoNow(struct ev_loop* loop);
double RealNow(struct ev_loop* loop);
// libev's time_update: reads both clocks (unless !force and libuv's loop
// time has not moved since the last read); reschedules periodics after a
// wall-clock jump.
void TimeUpdate(struct ev_loop* loop, bool force);
double WallClock();

// ---- one iteration (ev_run.cc) ----

// Re-decides how libuv may block: the spin (no blocking) while anything is
// due now, else the alarm for the earliest timer or periodic.  Call after
// any change to what the loop waits for.
void UpdateWakeups(struct ev_loop* loop);
// UpdateWakeups unless the loop is dispatching (it updates once done).
inline void Changed(struct ev_loop* loop);
// Creates the layer's per-loop libuv handles (loop thread).
void OpenHooks(struct ev_loop* loop);
void CloseHooks(struct ev_loop* loop);

// ---- per-kind parts (one file each) ----

// ev_async.cc / ev_signal.cc: libev's signal-and-async pipe.  Events that
// arrive while libuv polls make the pipe watcher pending (FeedPipe); its
// callback, at EV_MAXPRI, feeds the signal and async watchers.
void FeedPipe(struct ev_loop* loop);
void PipeCallback(struct ev_loop* loop, ev_watcher* w, int revents);
void OnWakeup(uv_async_t* handle);
void FeedAsyncs(struct ev_loop* loop);
void FeedSignals(struct ev_loop* loop);
// libev's childev callback: reaps one child, notifies its watchers.
void ChildCallback(struct ev_loop* loop, ev_watcher* w, int revents);
// ev_timer.cc
void TimersReify(struct ev_loop* loop);
void PeriodicsReify(struct ev_loop* loop);
void PeriodicsReschedule(struct ev_loop* loop);
void ShiftTimers(struct ev_loop* loop, double delta);
// When the earliest timer or periodic is due, on the monotonic clock of
// mn_now; false if there is none.
bool NextDue(struct ev_loop* loop, double* when);
// ev_io.cc
void KillBadFds(struct ev_loop* loop);
void FeedAlwaysReady(struct ev_loop* loop);
// ev_watchers.cc
void IdleReify(struct ev_loop* loop);

// Removes box from its kind's structures (called by Deactivate).
void DetachAsync(Box* box);
void DetachTimer(Box* box);
void DetachPeriodic(Box* box);
void DetachIo(Box* box);
void DetachSimple(Box* box);
void DetachSignal(Box* box);
void DetachChild(Box* box);
// Teardown: forget every fd and signal of the loop and close their
// handles, without touching the watchers.
void ForgetFds(struct ev_loop* loop);
void ForgetSignals(struct ev_loop* loop);

// Consistency checks of ev_verify, one per file.
void VerifyLists(struct ev_loop* loop);
void VerifyTimers(struct ev_loop* loop);
void VerifyIo(struct ev_loop* loop);
void VerifySignals(struct ev_loop* loop);

}  // namespace ev
}  // namespace compat

// The libev loop object: one per uv loop that legacy code drives.
struct ev_loop {
  uv_loop_t* uv;
  bool owns_uv;  // ev_loop_new: the uv loop is ours to close
  bool is_default;
  compat::ev::Host* host;
  pid_t pid;       // the process that last set up the uv loop (fork detection)
  bool forkcheck;  // EVFLAG_FORKCHECK: ev_run notices a fork by itself
  // The thread that runs the loop: Node's main thread for the default loop
  // inside Node; for a standalone loop the thread inside ev_run, if any.
  std::atomic<std::thread::id> owner;

  // The layer's libuv handles (null once closed).
  uv_async_t* wakeup;  // ev_async_send, cross-thread ev_ref; keep-alive
  uv_prepare_t* prepare_hook;
  uv_check_t* check_hook;
  uv_idle_t* spin;
  uv_timer_t* alarm;
  uv_signal_t* child_signal;  // SIGCHLD, once an ev_child was started
  bool keepalive_refd;
  bool spin_on;
  bool spin_refd;
  bool prepare_on;
  std::uint64_t alarm_due;  // uv_now() value the alarm is set for; 0: off
  int closing;              // layer handles whose close callback is due

  // libev's activecnt: watcher starts + ev_ref - watcher stops - ev_unref.
  std::atomic<long> activecnt;
  // The sender protocol of Wake/Shutdown (see ev_loop.cc).
  std::atomic<int> senders;
  std::atomic<bool> open;
  // libev's async_pending / sig_pending / signals[].pending.
  std::atomic<bool> async_pending;
  std::atomic<bool> sig_pending;
  std::atomic<bool> sig_fed[NSIG];
  std::atomic<bool> child_poke;  // look for exited children

  // libev's pending queue.
  std::vector<compat::ev::Pending> pendings[compat::ev::kNumPri];
  int pendingpri;
  ev_watcher pending_dummy;                 // cleared entries point here
  ev_watcher pipe_w;                        // libev's signal/async pipe watcher
  ev_watcher child_w;                       // libev's SIGCHLD watcher (childev)
  int dispatch_depth;                       // > 0 while the loop runs callbacks
  std::vector<compat::ev::Box*> graveyard;  // freed when depth is 0

  // The active watchers, per kind, in libev's order.
  std::vector<compat::ev::Box*> asyncs;
  std::vector<compat::ev::Box*> prepares;
  std::vector<compat::ev::Box*> checks;
  std::vector<compat::ev::Box*> forks;
  std::vector<compat::ev::Box*> cleanups;
  std::vector<compat::ev::Box*> idles[compat::ev::kNumPri];
  int idleall;
  std::vector<compat::ev::Box*> children;
  compat::ev::Heap timers;
  compat::ev::Heap periodics;
  std::unordered_map<int, compat::ev::Fd*> fds;
  std::vector<int> always_ready;  // fds libev's epoll treats as ready
  std::vector<int> bad_fds;       // fds to kill before the next poll
  std::unordered_map<int, compat::ev::Sig*> signals;
  std::vector<compat::ev::Pending> rfeeds;  // libev's feed_reverse buffer

  // ev_run state.
  int loop_done;
  unsigned loop_depth;
  unsigned loop_count;
  bool skip_check;  // ev_break in a prepare callback: no post-poll stage
  bool postfork;
  void* userdata;

  // Time (see MonoNow / RealNow).
  double mn_now;
  double rt_now;
  std::uint64_t now_stamp;  // uv_now() when mn_now/rt_now were read
  double rtmn_diff;         // wall minus monotonic clock
  bool now_valid;
};

inline void compat::ev::Changed(struct ev_loop* loop) {
  if (loop->dispatch_depth == 0) UpdateWakeups(loop);
}

#endif  // COMPAT_SRC_EV_INTERNAL_H_
