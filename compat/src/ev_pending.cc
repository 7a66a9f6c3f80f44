// ev_pending.cc: libev's pending queue (ev_feed_event, ev_clear_pending,
// ev_invoke_pending, priorities) and how a callback is finally called, with
// either spelling of the loop argument, through the loop's host.
#include "ev_internal.h"
#include "misuse.h"

namespace compat {
namespace ev {

void Invoke(const Call& call) {
  // The runtime sees the EV_MULTIPLICITY=1 spelling of the callback type;
  // a watcher compiled with 0 has the two-argument one.  The intermediate
  // cast through a generic function pointer is how C spells "reinterpret".
  typedef void (*Generic)(void);
  typedef void (*Spelling0)(ev_watcher*, int);
  Generic cb = reinterpret_cast<Generic>(call.w->cb);
  if (cb == nullptr) {
    Warn("%s: callback is null (ev_set_cb was given 0); event dropped",
         call.box != nullptr ? KindName(call.box->kind) : "ev_invoke");
    return;
  }
  if (call.mode == kModeLoopless)
    reinterpret_cast<Spelling0>(cb)(call.w, call.revents);
  else
    call.w->cb(call.loop, call.w, call.revents);
}

void Dispatch(const Call& call) {
  struct ev_loop* loop = call.loop;
  ++loop->dispatch_depth;
  if (call.mode == kModeInternal || loop->host == nullptr)
    Invoke(call);
  else
    loop->host->Dispatch(call);
  --loop->dispatch_depth;
  CollectGraveyard(loop);
}

Pending* FindPending(struct ev_loop* loop, ev_watcher* w) {
  int index = w->pending;
  if (index <= 0) return nullptr;
  // w->pending is libev's index + 1 into the queue of w's priority; look in
  // the others too, in case the priority was changed while it was pending.
  int first = ClampPriority(w->priority) - EV_MINPRI;
  for (int i = 0; i < kNumPri; ++i) {
    auto& queue = loop->pendings[(first + i) % kNumPri];
    if (static_cast<std::size_t>(index) <= queue.size() &&
        queue[index - 1].w == w)
      return &queue[index - 1];
  }
  return nullptr;
}

bool IsPendingIn(struct ev_loop* loop, ev_watcher* w) {
  return FindPending(loop, w) != nullptr;
}

void Feed(struct ev_loop* loop, ev_watcher* w, int revents, int mode,
          Box* box) {
  int pri = ClampPriority(w->priority);
  if (box != nullptr) {
    if (box->pri != w->priority && box->w != nullptr)
      Warn(
          "ev_set_priority: the priority of an active %s was changed; libev "
          "requires stopping it first. The priority it was started with is "
          "kept.",
          KindName(box->kind));
    pri = box->pri;
  }
  Pending* entry = FindPending(loop, w);
  if (entry != nullptr) {
    entry->events |= revents;
  } else {
    auto& queue = loop->pendings[pri - EV_MINPRI];
    queue.push_back(Pending{w, revents, mode, box});
    w->pending = static_cast<int>(queue.size());
  }
  // libev (ev.c, ev_feed_event): a newly fed event may have a higher
  // priority than the one being invoked; the invoker starts over at the top.
  loop->pendingpri = kNumPri - 1;
  // Outside a dispatch nothing would invoke it before libuv blocks.
  Changed(loop);
}

int ClearPending(struct ev_loop* loop, ev_watcher* w) {
  if (w->pending == 0) return 0;
  Pending* entry = FindPending(loop, w);
  w->pending = 0;
  if (entry == nullptr) return 0;
  int events = entry->events;
  entry->w = &loop->pending_dummy;
  entry->box = nullptr;
  return events;
}

void InvokePending(struct ev_loop* loop) {
  ++loop->dispatch_depth;
  // libev (ev.c, ev_invoke_pending): highest priority first; within a
  // priority the event fed last is invoked first.
  loop->pendingpri = kNumPri;
  do {
    --loop->pendingpri;
    while (!loop->pendings[loop->pendingpri].empty()) {
      auto& queue = loop->pendings[loop->pendingpri];
      Pending entry = queue.back();
      queue.pop_back();
      if (entry.w == &loop->pending_dummy) continue;
      entry.w->pending = 0;
      Dispatch(Call{loop, entry.box, entry.w, entry.mode, entry.events});
    }
  } while (loop->pendingpri > 0);
  --loop->dispatch_depth;
  CollectGraveyard(loop);
}

unsigned PendingCount(struct ev_loop* loop) {
  // Like libev, entries cleared by ev_clear_pending still count until the
  // queue passes them.
  std::size_t count = 0;
  for (auto& queue : loop->pendings) count += queue.size();
  return static_cast<unsigned>(count);
}

void QueueEvents(const std::vector<Box*>& list, int revents) {
  for (std::size_t i = 0; i < list.size(); ++i) FeedBox(list[i], revents);
}

void DropPending(struct ev_loop* loop) {
  // The watchers left in the queue are inactive and may already be freed:
  // their memory is not touched.
  for (auto& queue : loop->pendings) queue.clear();
}

void VerifyPending(struct ev_loop* loop) {
  for (auto& queue : loop->pendings) {
    for (std::size_t i = 0; i < queue.size(); ++i) {
      const Pending& entry = queue[i];
      if (entry.w == &loop->pending_dummy) continue;
      COMPAT_CHECK(entry.w->pending == static_cast<int>(i + 1));
      COMPAT_CHECK(entry.box == nullptr || entry.box->loop == loop);
    }
  }
}

}  // namespace ev
}  // namespace compat

using compat::ev::Box;

extern "C" {

void compat__ev_feed_event(struct ev_loop* loop, void* watcher, int revents,
                           int mode) {
  using namespace compat::ev;
  ev_watcher* w = static_cast<ev_watcher*>(watcher);
  if (!CheckLoop(loop, "ev_feed_event")) return;
  // libev (ev.pod, ev_feed_event): works on any initialised watcher, active
  // or not.
  Box* box = Find(w);
  if (box != nullptr && box->loop == loop)
    FeedBox(box, revents);
  else
    Feed(loop, w, revents, mode, nullptr);
}

void compat__ev_invoke(struct ev_loop* loop, void* watcher, int revents,
                       int mode) {
  using namespace compat::ev;
  ev_watcher* w = static_cast<ev_watcher*>(watcher);
  if (!CheckLoop(loop, "ev_invoke")) return;
  Box* box = Find(w);
  if (box != nullptr && box->loop != loop) box = nullptr;
  Dispatch(Call{loop, box, w, box != nullptr ? box->mode : mode, revents});
}

int compat__ev_clear_pending(struct ev_loop* loop, void* watcher) {
  using namespace compat::ev;
  ev_watcher* w = static_cast<ev_watcher*>(watcher);
  Box* box = Find(w);
  if (box != nullptr) loop = box->loop;
  if (!CheckLoop(loop, "ev_clear_pending")) return 0;
  return ClearPending(loop, w);
}

unsigned int compat__ev_pending_count(struct ev_loop* loop) {
  if (!compat::ev::CheckLoop(loop, "ev_pending_count")) return 0;
  return compat::ev::PendingCount(loop);
}

void compat__ev_invoke_pending(struct ev_loop* loop) {
  using namespace compat::ev;
  if (!CheckLoop(loop, "ev_invoke_pending")) return;
  InvokePending(loop);
  Changed(loop);
}

}  // extern "C"
