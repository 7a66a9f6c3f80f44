// ev_run.cc: one libev loop iteration (ev_run's body) mapped onto libuv's
// phases, and ev_run/ev_break themselves for loops the addon runs.
//
// libev:  [fork] [prepare + invoke] poll [timers periodics idle check] invoke
// libuv:  ... idle  prepare-hook      poll  check-hook  ...
// The prepare hook and the check hook are uv handles of the layer, so the
// order of callbacks within an iteration is libev's.  Where the iteration
// boundary falls relative to libuv's own timers phase does not matter: the
// layer's timers are kept in libev's heap and only ever fire from the check
// hook.
#include <unistd.h>

#include <cmath>

#include "ev_internal.h"
#include "misuse.h"

namespace compat {
namespace ev {
namespace {

// libev's MAX_BLOCKTIME.
const double kMaxBlockTime = 59.743;

void OnPrepare(uv_prepare_t* handle) {
  struct ev_loop* loop = static_cast<struct ev_loop*>(handle->data);
  ++loop->dispatch_depth;
  // libev (ev.c, ev_run): after a fork, fork watchers run first.
  if (loop->postfork) {
    loop->postfork = false;
    if (!loop->forks.empty()) {
      QueueEvents(loop->forks, EV_FORK);
      InvokePending(loop);
    }
  }
  if (!loop->prepares.empty()) {
    QueueEvents(loop->prepares, EV_PREPARE);
    InvokePending(loop);
  }
  if (loop->loop_done != EVBREAK_CANCEL && loop->loop_depth > 0) {
    // libev: ev_break in a prepare callback ends ev_run before it polls.
    loop->skip_check = true;
    uv_stop(loop->uv);
  } else {
    // libev's fd_reify: fds that cannot be polled are killed before polling.
    KillBadFds(loop);
  }
  --loop->dispatch_depth;
  CollectGraveyard(loop);
  UpdateWakeups(loop);
}

void OnCheck(uv_check_t* handle) {
  struct ev_loop* loop = static_cast<struct ev_loop*>(handle->data);
  if (loop->skip_check) {
    loop->skip_check = false;
    return;
  }
  ++loop->dispatch_depth;
  // libev (ev.c, ev_run): the time after polling, then timers, periodics,
  // idle and check watchers become pending, and all pending watchers are
  // invoked.  Io, signal and async events were fed while libuv polled.
  TimeUpdate(loop, true);
  ++loop->loop_count;
  FeedAlwaysReady(loop);
  TimersReify(loop);
  PeriodicsReify(loop);
  IdleReify(loop);
  if (!loop->checks.empty()) QueueEvents(loop->checks, EV_CHECK);
  InvokePending(loop);
  --loop->dispatch_depth;
  CollectGraveyard(loop);
  UpdateWakeups(loop);
}

// The spin exists only so that libuv does not block while it is active.
void OnSpin(uv_idle_t* handle) { (void)handle; }

// Starts or stops the spin; a ref'd spin also keeps the uv loop alive.
void SetSpin(struct ev_loop* loop, bool on, bool refd) {
  if (on != loop->spin_on) {
    loop->spin_on = on;
    if (on)
      uv_idle_start(loop->spin, OnSpin);
    else
      uv_idle_stop(loop->spin);
  }
  if (refd != loop->spin_refd) {
    loop->spin_refd = refd;
    if (refd)
      uv_ref(reinterpret_cast<uv_handle_t*>(loop->spin));
    else
      uv_unref(reinterpret_cast<uv_handle_t*>(loop->spin));
  }
}

void OnAlarm(uv_timer_t* handle) {
  struct ev_loop* loop = static_cast<struct ev_loop*>(handle->data);
  loop->alarm_due = 0;
  UpdateWakeups(loop);
}

template <typename T>
T* NewHandle(struct ev_loop* loop, int (*init)(uv_loop_t*, T*),
             const char* what) {
  T* handle = new T;
  int err = init(loop->uv, handle);
  if (err != 0) Fatal("ev loop: uv_%s_init: %s", what, uv_strerror(err));
  handle->data = loop;
  uv_unref(reinterpret_cast<uv_handle_t*>(handle));
  return handle;
}

template <typename T>
void Close(struct ev_loop* loop, T** handle) {
  if (*handle == nullptr) return;
  CloseHandle(loop, reinterpret_cast<uv_handle_t*>(*handle));
  *handle = nullptr;
}

// Runs one libuv iteration, blocking in the poll only if may_block.
void RunIteration(struct ev_loop* loop, bool may_block) {
  bool alive = uv_loop_alive(loop->uv) != 0;
  if (may_block && alive) {
    uv_run(loop->uv, UV_RUN_ONCE);
    return;
  }
  if (alive) {
    uv_run(loop->uv, UV_RUN_NOWAIT);
    return;
  }
  // libev runs one iteration even when nothing keeps the loop alive; libuv
  // only iterates a loop with a ref'd active handle.  The spin is that
  // handle for one iteration.
  SetSpin(loop, true, true);
  uv_run(loop->uv, UV_RUN_NOWAIT);
  UpdateWakeups(loop);
}

}  // namespace

void OpenHooks(struct ev_loop* loop) {
  loop->wakeup = new uv_async_t;
  int err = uv_async_init(loop->uv, loop->wakeup, OnWakeup);
  if (err != 0) Fatal("ev loop: uv_async_init: %s", uv_strerror(err));
  loop->wakeup->data = loop;
  uv_unref(reinterpret_cast<uv_handle_t*>(loop->wakeup));
  loop->prepare_hook =
      NewHandle<uv_prepare_t>(loop, uv_prepare_init, "prepare");
  loop->check_hook = NewHandle<uv_check_t>(loop, uv_check_init, "check");
  loop->spin = NewHandle<uv_idle_t>(loop, uv_idle_init, "idle");
  loop->alarm = NewHandle<uv_timer_t>(loop, uv_timer_init, "timer");
  uv_check_start(loop->check_hook, OnCheck);
}

void CloseHooks(struct ev_loop* loop) {
  Close(loop, &loop->wakeup);
  Close(loop, &loop->prepare_hook);
  Close(loop, &loop->check_hook);
  Close(loop, &loop->spin);
  Close(loop, &loop->alarm);
  Close(loop, &loop->child_signal);
  loop->keepalive_refd = false;
  loop->spin_on = false;
  loop->spin_refd = false;
  loop->prepare_on = false;
  loop->alarm_due = 0;
}

void UpdateWakeups(struct ev_loop* loop) {
  if (loop->check_hook == nullptr) return;
  // libev blocks in the kernel unless an idle watcher is active (or the
  // backend reports fds that are always ready).  An event fed outside a
  // callback must not wait for the next wake-up either, and is invoked even
  // if nothing else keeps the loop alive: libev invokes whatever is pending
  // when ev_run starts, which in node 0.x was after the main script ran.
  bool pending = loop->dispatch_depth == 0 && PendingCount(loop) > 0;
  bool spin = loop->idleall > 0 || !loop->always_ready.empty() || pending;
  bool prepare = !loop->prepares.empty() ||
                 (loop->postfork && !loop->forks.empty()) ||
                 !loop->bad_fds.empty();
  double when = 0;
  bool timed = NextDue(loop, &when);
  // libev (ev.pod, ev_timer): a timer fires only once its time has passed
  // (strictly), never early.
  if (timed && when < uv_hrtime() * 1e-9) spin = true;

  SetSpin(loop, spin, pending);
  if (prepare != loop->prepare_on) {
    loop->prepare_on = prepare;
    if (prepare)
      uv_prepare_start(loop->prepare_hook, OnPrepare);
    else
      uv_prepare_stop(loop->prepare_hook);
  }
  if (!timed && !spin) {
    // libev (ev.c, MAX_BLOCKTIME) never blocks longer than this, so check
    // and prepare watchers still run now and then on an idle loop.
    when = uv_hrtime() * 1e-9 + kMaxBlockTime;
    timed = loop->alarm_due == 0;  // keep an alarm that is already set
  }
  if (timed && !spin) {
    // libuv's timers count whole milliseconds of its cached loop time,
    // which is never ahead of the monotonic clock: rounding up from it, the
    // alarm cannot end the poll before the time has passed.
    double ahead = when - uv_now(loop->uv) * 1e-3;
    std::uint64_t ms =
        ahead > 0 ? static_cast<std::uint64_t>(std::floor(ahead * 1e3)) + 1 : 1;
    std::uint64_t due = uv_now(loop->uv) + ms;
    if (due != loop->alarm_due) {
      loop->alarm_due = due;
      uv_timer_start(loop->alarm, OnAlarm, ms, 0);
    }
  } else if (spin && loop->alarm_due != 0) {
    loop->alarm_due = 0;
    uv_timer_stop(loop->alarm);
  }
}

}  // namespace ev
}  // namespace compat

extern "C" {

int compat__ev_run(struct ev_loop* loop, int flags) {
  using namespace compat::ev;
  if (!CheckLoop(loop, "ev_run")) return 0;
  if (loop->host != nullptr) {
    // Divergence: Node runs its loop; an addon cannot run it as well.
    compat::Warn(
        "ev_run: the default loop is Node's event loop, which Node runs; "
        "ev_run/ev_loop return at once (a `while (!done) ev_loop(...)` wait "
        "cannot make progress inside Node)");
    return static_cast<int>(loop->activecnt.load());
  }
  if (loop->loop_depth > 0) {
    // Divergence: libuv's uv_run may not be called from its own callbacks.
    compat::Warn(
        "ev_run: called from a callback of the same loop; libev allows this, "
        "a libuv loop cannot be run recursively. Call ignored.");
    return static_cast<int>(loop->activecnt.load());
  }
  loop->owner.store(std::this_thread::get_id());
  SyncKeepalive(loop);
  ++loop->loop_depth;
  loop->loop_done = EVBREAK_CANCEL;
  // libev (ev.c, ev_run): whatever is pending already runs first.
  InvokePending(loop);
  do {
    // libev (ev.pod, EVFLAG_FORKCHECK): the loop looks for a fork itself.
    if (loop->forkcheck && getpid() != loop->pid) compat__ev_loop_fork(loop);
    bool may_block = !(flags & EVRUN_NOWAIT) && loop->idleall == 0 &&
                     loop->activecnt.load() > 0;
    RunIteration(loop, may_block);
  } while (loop->activecnt.load() > 0 && loop->loop_done == EVBREAK_CANCEL &&
           !(flags & (EVRUN_ONCE | EVRUN_NOWAIT)));
  if (loop->loop_done == EVBREAK_ONE) loop->loop_done = EVBREAK_CANCEL;
  --loop->loop_depth;
  loop->owner.store(std::thread::id());
  return static_cast<int>(loop->activecnt.load());
}

void compat__ev_break(struct ev_loop* loop, int how) {
  using namespace compat::ev;
  if (!CheckLoop(loop, "ev_break")) return;
  if (loop->host != nullptr) {
    compat::Warn(
        "ev_break: the default loop is Node's event loop; only Node ends it "
        "(process.exit). Call ignored.");
    return;
  }
  loop->loop_done = how;
}

unsigned int compat__ev_iteration(struct ev_loop* loop) {
  return loop != nullptr ? loop->loop_count : 0;
}

unsigned int compat__ev_depth(struct ev_loop* loop) {
  return loop != nullptr ? loop->loop_depth : 0;
}

}  // extern "C"
