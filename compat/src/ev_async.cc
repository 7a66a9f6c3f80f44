// ev_async.cc: ev_async on the loop's one uv_async_t, the way libev itself
// does it (one wake-up channel per loop, a "sent" flag per watcher), and the
// pipe watcher through which libev delivers asyncs and signals.
//
// A watcher therefore owns no uv handle: a thread may keep calling
// ev_async_send on a watcher that the loop thread stops and frees, exactly as
// libev allows, because the send touches only the user's watcher and the
// loop's handle, which lives as long as the loop.
#include "ev_internal.h"
#include "misuse.h"

namespace compat {
namespace ev {

void OnWakeup(uv_async_t* handle) {
  struct ev_loop* loop = static_cast<struct ev_loop*>(handle->data);
  SyncKeepalive(loop);
  if (loop->async_pending.load() || loop->sig_pending.load() ||
      loop->child_poke.load())
    FeedPipe(loop);
}

void FeedPipe(struct ev_loop* loop) {
  // libev's pipe watcher is an io watcher at EV_MAXPRI: it becomes pending
  // while the loop polls, like any other io event.
  ++loop->dispatch_depth;
  Feed(loop, &loop->pipe_w, EV_READ, kModeInternal, nullptr);
  --loop->dispatch_depth;
}

void PipeCallback(struct ev_loop* loop, ev_watcher* w, int revents) {
  (void)w;
  (void)revents;
  // libev (ev.c, pipecb): signals first, then asyncs.  Both go on top of the
  // queue of their priority, so they run before events fed earlier in the
  // iteration.
  if (loop->sig_pending.exchange(false) || loop->child_poke.load())
    FeedSignals(loop);
  if (loop->async_pending.exchange(false)) FeedAsyncs(loop);
}

void FeedAsyncs(struct ev_loop* loop) {
  // libev feeds from the last started to the first, so that they run in
  // start order; a send that arrives during a callback is delivered on the
  // next wake-up.
  for (std::size_t i = loop->asyncs.size(); i-- > 0;) {
    Box* box = loop->asyncs[i];
    ev_async* w = reinterpret_cast<ev_async*>(box->w);
    if (__atomic_exchange_n(&w->sent, 0, __ATOMIC_ACQ_REL) != 0)
      FeedBox(box, EV_ASYNC);
  }
}

void DetachAsync(Box* box) { ListRemove(&box->loop->asyncs, box); }

}  // namespace ev
}  // namespace compat

using compat::ev::Box;

extern "C" {

void compat__ev_async_start(struct ev_loop* loop, ev_async* w, int mode) {
  using namespace compat::ev;
  if (Find(reinterpret_cast<ev_watcher*>(w)) != nullptr)
    return;  // libev: starting an active watcher does nothing
  // libev (ev.c, ev_async_start): a send before the start is forgotten.
  __atomic_store_n(&w->sent, 0, __ATOMIC_RELAXED);
  Box* box = Activate(loop, reinterpret_cast<ev_watcher*>(w), Kind::kAsync,
                      mode, "ev_async_start");
  if (box == nullptr) return;
  ListAppend(&loop->asyncs, box);
}

void compat__ev_async_stop(struct ev_loop* loop, ev_async* w) {
  compat::ev::StopWatcher(loop, reinterpret_cast<ev_watcher*>(w),
                          "ev_async_stop");
}

void compat__ev_async_send(struct ev_loop* loop, ev_async* w) {
  if (loop == nullptr) {
    compat::Warn(
        "ev_async_send: no loop (EV_DEFAULT_UC before "
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
  // libev (ev.c, ev_async_send/evpipe_write): only the send that raises a
  // flag wakes the loop.  Both steps are exchanges, which read the latest
  // value: a send that finds `sent` raised comes before the loop's exchange
  // that lowers it (and that exchange, acquiring ours, sees what was queued
  // before this send); one that finds `async_pending` raised comes before
  // the loop's exchange of that flag, which precedes its scan of `sent`.
  if (__atomic_exchange_n(&w->sent, 1, __ATOMIC_ACQ_REL) != 0) return;
  if (loop->async_pending.exchange(true)) return;
  compat::ev::Wake(loop);
}

}  // extern "C"
