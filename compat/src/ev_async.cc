// ev_async.cc: ev_async on the loop's one uv_async_t, the way libev itself
// does it (one wake-up channel per loop, a "sent" flag per watcher).
//
// A watcher therefore owns no uv handle: a thread may keep calling
// ev_async_send on a watcher that the loop thread stops and frees, exactly as
// libev allows, because the send touches only the user's watcher and the
// loop's handle, which lives as long as the loop.
#include <algorithm>

#include "ev_internal.h"
#include "misuse.h"

namespace compat {
namespace ev {

void RunAsyncWatchers(struct ev_loop* loop) {
  // libev (ev.c, asyncs): every active watcher whose flag is set becomes
  // pending, its flag cleared before its callback runs; a send that arrives
  // during the callback is delivered on the next wake-up.
  std::vector<Box*> batch;
  batch.swap(loop->batch);
  for (Box* box : loop->asyncs) {
    ev_async* w = reinterpret_cast<ev_async*>(box->w);
    if (__atomic_exchange_n(&w->sent, 0, __ATOMIC_ACQ_REL) != 0) {
      w->pending = 1;
      batch.push_back(box);
    }
  }
  if (batch.size() > 1) {
    // libev invokes pending watchers by priority, highest first.
    std::stable_sort(batch.begin(), batch.end(), [](Box* a, Box* b) {
      return a->w->priority > b->w->priority;
    });
  }
  ++loop->dispatch_depth;  // keeps every box in batch alive to the end
  for (Box* box : batch) {
    ev_watcher* w = box->w;
    // Stopped, or ev_clear_pending'd, by an earlier callback in this batch.
    if (w == nullptr || !w->pending) continue;
    w->pending = 0;
    Dispatch(box, w, EV_ASYNC);
  }
  --loop->dispatch_depth;
  batch.clear();
  if (loop->batch.capacity() < batch.capacity()) loop->batch.swap(batch);
  CollectGraveyard(loop);
}

}  // namespace ev
}  // namespace compat

using compat::ev::Box;

extern "C" {

void compat__ev_async_start(struct ev_loop* loop, ev_async* w, int mode) {
  if (compat::ev::Find(reinterpret_cast<ev_watcher*>(w)) != nullptr)
    return;  // libev: starting an active watcher does nothing
  // libev (ev.c, ev_async_start): a send before the start is forgotten.
  __atomic_store_n(&w->sent, 0, __ATOMIC_RELAXED);
  Box* box = compat::ev::Activate(loop, reinterpret_cast<ev_watcher*>(w),
                                  compat::ev::Kind::kAsync, mode,
                                  "ev_async_start");
  if (box == nullptr) return;
  loop->asyncs.push_back(box);
}

void compat__ev_async_stop(struct ev_loop* loop, ev_async* w) {
  (void)loop;
  w->pending = 0;  // libev: stop always clears the pending state
  Box* box = compat::ev::Find(reinterpret_cast<ev_watcher*>(w));
  if (box == nullptr) return;
  if (!compat::ev::CheckLoopThread(box->loop, "ev_async_stop")) return;
  compat::ev::Deactivate(box, true);
}

void compat__ev_async_send(struct ev_loop* loop, ev_async* w) {
  if (loop == nullptr) {
    compat::Warn("ev_async_send: no loop (EV_DEFAULT_UC before "
                 "ev_default_loop?); event dropped");
    return;
  }
  unsigned init = __atomic_load_n(&w->compat__init, __ATOMIC_RELAXED);
  if (init != compat::ev::kStarted) {
    // libev records the send and drops it when the watcher is started.
    compat::Warn(init == compat::ev::kInitialised
                     ? "ev_async_send: the watcher was never started "
                       "(ev_async_start); libev drops this event"
                     : "ev_async_send: the watcher was never initialised "
                       "(ev_async_init) nor started; event dropped");
  }
  __atomic_store_n(&w->sent, 1, __ATOMIC_RELEASE);
  compat::ev::Wake(loop);
}

}  // extern "C"
