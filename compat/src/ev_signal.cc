// ev_signal.cc: ev_signal on uv_signal_t (one per signal and loop, shared by
// that signal's watchers) and ev_child on a SIGCHLD uv_signal_t plus
// waitpid for the watched pids.
#include <errno.h>
#include <sys/wait.h>

#include <algorithm>

#include "ev_internal.h"
#include "misuse.h"

namespace compat {
namespace ev {
namespace {

// libev (ev.pod, ev_signal): a signal can be watched in one loop only.
// Read by ev_feed_signal, which may run in a signal handler, hence atomics.
std::atomic<struct ev_loop*> signal_owner[NSIG];

// libev's EV_PID_HASHSIZE: child watchers are kept in chains by pid & 15,
// which decides the order in which they are notified.
const int kPidChains = 16;

void MarkSignal(struct ev_loop* loop, int signum) {
  loop->sig_fed[signum].store(true);
  loop->sig_pending.store(true);
}

void OnSignal(uv_signal_t* handle, int signum) {
  struct ev_loop* loop = static_cast<Sig*>(handle->data)->loop;
  MarkSignal(loop, signum);
  FeedPipe(loop);
}

void OnChildSignal(uv_signal_t* handle, int signum) {
  struct ev_loop* loop = static_cast<struct ev_loop*>(handle->data);
  MarkSignal(loop, signum);
  FeedPipe(loop);
}

// libev (ev.c, ev_feed_signal_event): the signal's watchers, the one started
// last fed first; then libev's own SIGCHLD watcher, the oldest of all.
void FeedSignalEvent(struct ev_loop* loop, int signum) {
  auto it = loop->signals.find(signum);
  if (it != loop->signals.end()) {
    auto& list = it->second->watchers;
    for (std::size_t i = list.size(); i-- > 0;) FeedBox(list[i], EV_SIGNAL);
  }
  if (signum == SIGCHLD && loop->child_signal != nullptr)
    Feed(loop, &loop->child_w, EV_SIGNAL, kModeInternal, nullptr);
}

bool Claim(struct ev_loop* loop, int signum, const char* api) {
  struct ev_loop* expected = nullptr;
  if (signal_owner[signum].compare_exchange_strong(expected, loop) ||
      expected == loop)
    return true;
  Warn(
      "%s: signal %d is already watched in another loop; libev allows a "
      "signal in one loop only (SIGCHLD belongs to the default loop once "
      "ev_child is used). Watcher not started.",
      api, signum);
  return false;
}

void Release(struct ev_loop* loop, int signum) {
  struct ev_loop* expected = loop;
  signal_owner[signum].compare_exchange_strong(expected, nullptr);
}

uv_signal_t* StartSignalHandle(struct ev_loop* loop, int signum,
                               uv_signal_cb cb, void* data) {
  uv_signal_t* handle = new uv_signal_t;
  int err = uv_signal_init(loop->uv, handle);
  if (err == 0) err = uv_signal_start(handle, cb, signum);
  if (err != 0)
    Fatal("ev_signal_start: uv_signal_start(%d): %s", signum, uv_strerror(err));
  handle->data = data;
  uv_unref(reinterpret_cast<uv_handle_t*>(handle));
  return handle;
}

// Reaps one child whose status changed, among those being watched.
int ReapOne(struct ev_loop* loop, int* status) {
  const int options = WNOHANG | WUNTRACED | WCONTINUED;
  for (Box* box : loop->children)
    if (box->pid == 0) return waitpid(-1, status, options);
  // Divergence: libev waits for any child.  Inside Node that would steal
  // the exit status of Node's own child processes, so only the pids that
  // have watchers are waited for.
  for (std::size_t i = 0; i < loop->children.size(); ++i) {
    int pid = loop->children[i]->pid;
    if (pid <= 0) continue;
    bool seen = false;
    for (std::size_t j = 0; j < i && !seen; ++j)
      seen = loop->children[j]->pid == pid;
    if (seen) continue;
    int reaped = waitpid(pid, status, options);
    if (reaped > 0) return reaped;
  }
  return 0;
}

// libev (ev.c, child_reap): the watchers of the pid's chain, then those of
// chain 0 (where pid 0 watchers live), newest first in each; a stop or
// continue only reaches watchers started with trace.
void ChildReap(struct ev_loop* loop, int pid, int status) {
  bool traced = WIFSTOPPED(status) || WIFCONTINUED(status);
  int chains[2] = {pid & (kPidChains - 1), 0};
  for (int chain : chains) {
    for (std::size_t i = loop->children.size(); i-- > 0;) {
      Box* box = loop->children[i];
      ev_child* w = reinterpret_cast<ev_child*>(box->w);
      if ((box->pid & (kPidChains - 1)) != chain) continue;
      if (box->pid != pid && box->pid != 0) continue;
      if (traced && !(w->flags & 1)) continue;
      // libev: child watchers run at the SIGCHLD watcher's priority.
      box->pri = EV_MAXPRI;
      w->priority = EV_MAXPRI;
      w->rpid = pid;
      w->rstatus = status;
      FeedBox(box, EV_CHILD);
    }
  }
}

}  // namespace

void FeedSignals(struct ev_loop* loop) {
  // libev (ev.c, pipecb): from the highest signal number down.
  for (int signum = NSIG - 1; signum > 0; --signum)
    if (loop->sig_fed[signum].exchange(false)) FeedSignalEvent(loop, signum);
  if (loop->child_poke.exchange(false) && loop->child_signal != nullptr)
    Feed(loop, &loop->child_w, EV_SIGNAL, kModeInternal, nullptr);
}

void ChildCallback(struct ev_loop* loop, ev_watcher* w, int revents) {
  (void)revents;
  int status = 0;
  int pid = ReapOne(loop, &status);
  if (pid <= 0) return;
  // libev (ev.c, childcb): one child per call; it feeds itself again until
  // no child is left to reap.
  Feed(loop, w, EV_SIGNAL, kModeInternal, nullptr);
  ChildReap(loop, pid, status);
}

void DetachSignal(Box* box) {
  struct ev_loop* loop = box->loop;
  auto it = loop->signals.find(box->signum);
  COMPAT_CHECK(it != loop->signals.end());
  Sig* sig = it->second;
  auto& list = sig->watchers;
  list.erase(std::find(list.begin(), list.end(), box));
  if (!list.empty()) return;
  CloseHandle(loop, reinterpret_cast<uv_handle_t*>(sig->handle));
  loop->signals.erase(it);
  delete sig;
  if (!(box->signum == SIGCHLD && loop->child_signal != nullptr))
    Release(loop, box->signum);
}

void DetachChild(Box* box) {
  auto& list = box->loop->children;
  list.erase(std::find(list.begin(), list.end(), box));
}

void VerifySignals(struct ev_loop* loop) {
  for (auto& entry : loop->signals) {
    Sig* sig = entry.second;
    COMPAT_CHECK(sig->signum == entry.first && sig->loop == loop);
    COMPAT_CHECK(!sig->watchers.empty());
    COMPAT_CHECK(signal_owner[sig->signum].load() == loop);
    for (Box* box : sig->watchers)
      COMPAT_CHECK(box->kind == Kind::kSignal && box->signum == sig->signum);
  }
  for (Box* box : loop->children)
    COMPAT_CHECK(box->kind == Kind::kChild && box->loop == loop);
}

void ForgetSignals(struct ev_loop* loop) {
  for (auto& entry : loop->signals) {
    CloseHandle(loop, reinterpret_cast<uv_handle_t*>(entry.second->handle));
    delete entry.second;
  }
  loop->signals.clear();
  for (int signum = 1; signum < NSIG; ++signum) Release(loop, signum);
}

}  // namespace ev
}  // namespace compat

using compat::ev::Box;
using compat::ev::Sig;

extern "C" {

void compat__ev_signal_start(struct ev_loop* loop, ev_signal* w, int mode) {
  using namespace compat::ev;
  ev_watcher* base = reinterpret_cast<ev_watcher*>(w);
  if (Find(base) != nullptr) return;  // libev: a no-op when active
  if (!CheckLoop(loop, "ev_signal_start")) return;
  int signum = w->signum;
  if (signum <= 0 || signum >= NSIG) {
    compat::Warn(
        "ev_signal_start: illegal signal number %d (libev "
        "asserts); watcher not started",
        signum);
    return;
  }
  if (!Claim(loop, signum, "ev_signal_start")) return;
  Box* box = Activate(loop, base, Kind::kSignal, mode, "ev_signal_start");
  if (box == nullptr) {
    if (loop->signals.find(signum) == loop->signals.end() &&
        !(signum == SIGCHLD && loop->child_signal != nullptr))
      Release(loop, signum);
    return;
  }
  box->signum = signum;
  Sig*& sig = loop->signals[signum];
  if (sig == nullptr) {
    sig = new Sig();
    sig->loop = loop;
    sig->signum = signum;
    sig->handle = StartSignalHandle(loop, signum, OnSignal, sig);
  }
  sig->watchers.push_back(box);
  Changed(loop);
}

void compat__ev_signal_stop(struct ev_loop* loop, ev_signal* w) {
  compat::ev::StopWatcher(loop, reinterpret_cast<ev_watcher*>(w),
                          "ev_signal_stop");
}

void compat__ev_feed_signal(int signum) {
  using namespace compat::ev;
  // Async-signal-safe, as libev's: atomics and uv_async_send only.
  if (signum <= 0 || signum >= NSIG) return;
  struct ev_loop* loop = signal_owner[signum].load();
  if (loop == nullptr) return;
  MarkSignal(loop, signum);
  Wake(loop);
}

void compat__ev_feed_signal_event(struct ev_loop* loop, int signum) {
  using namespace compat::ev;
  if (!CheckLoop(loop, "ev_feed_signal_event")) return;
  // libev: feeding a signal nobody watches, or to the wrong loop, is fine.
  if (signum <= 0 || signum >= NSIG || signal_owner[signum].load() != loop)
    return;
  loop->sig_fed[signum].store(false);
  FeedSignalEvent(loop, signum);
}

void compat__ev_child_start(struct ev_loop* loop, ev_child* w, int mode) {
  using namespace compat::ev;
  ev_watcher* base = reinterpret_cast<ev_watcher*>(w);
  if (Find(base) != nullptr) return;
  if (!CheckLoop(loop, "ev_child_start")) return;
  if (!loop->is_default) {
    compat::Warn(
        "ev_child_start: child watchers are only supported in the "
        "default loop (libev asserts); watcher not started");
    return;
  }
  if (w->pid == 0 && loop->host != nullptr) {
    compat::Warn(
        "ev_child_start: pid 0 (any child) is not supported inside Node: "
        "waiting for any child would reap Node's own child processes. "
        "Watcher not started.");
    return;
  }
  if (loop->child_signal == nullptr) {
    if (!Claim(loop, SIGCHLD, "ev_child_start")) return;
    loop->child_signal = StartSignalHandle(loop, SIGCHLD, OnChildSignal, loop);
  }
  Box* box = Activate(loop, base, Kind::kChild, mode, "ev_child_start");
  if (box == nullptr) return;
  box->pid = w->pid;
  loop->children.push_back(box);
  // libev reaps children from the moment the default loop exists, so a
  // child that exited before its watcher was started is still seen if the
  // loop did not iterate in between.  Here the layer looks once after the
  // start, at the next wake-up, and never loses the status.
  loop->child_poke.store(true);
  Wake(loop);
}

void compat__ev_child_stop(struct ev_loop* loop, ev_child* w) {
  compat::ev::StopWatcher(loop, reinterpret_cast<ev_watcher*>(w),
                          "ev_child_stop");
}

}  // extern "C"
