// eio_internal.h: the runtime's model of libeio on libuv's thread pool.
// Shared by eio_work.cc (requests, the pool, completion, cancellation,
// teardown) and eio_fs.cc (the file requests).  Depends on libuv only.
//
// How a request travels:
//   submitted (any thread) -> uv_queue_work on the layer's own uv loop, the
//   "pool loop" -> its work on a thread of libuv's pool -> libuv posts the
//   completion to the pool loop -> an unref'd uv_poll_t on the default ev
//   loop's uv loop sees the pool loop's backend fd readable and feeds an
//   internal ev watcher -> from ev's pending queue that watcher runs the
//   pool loop once (UV_RUN_NOWAIT) -> each completion's done callback runs
//   through the host (inside Node: a HandleScope and a callback scope).
// Why a loop of the layer's own: a uv_work_t queued on Node's loop keeps
// Node alive by itself, while node 0.4's eio requests did not (its eio
// notifiers were ev_unref'd and addons ev_ref'd for the requests they
// wanted waited for).  On the pool loop nothing of the layer's counts for
// Node's liveness; only the ev count old code moves does.
#ifndef COMPAT_SRC_EIO_INTERNAL_H_
#define COMPAT_SRC_EIO_INTERNAL_H_

#include <uv.h>

#include <atomic>

#include "../include/eio.h"

namespace compat {
namespace eio {

// Where a request is.
enum Phase : int {
  kInbox,     // submitted from another thread, not yet handed to libuv
  kQueued,    // in libuv's pool queue
  kRunning,   // its work runs on a pool thread
  kFinished,  // its work is done; the done callback is due
};

// One request: what old code sees and what the layer keeps with it.
struct Request {
  eio_req req;  // first: old code's eio_req* is the Request*
  uv_work_t work;
  // eio_custom's work function, called through its own type.
  void (*execute)(void);
  bool returns_int;  // int (*)(eio_req *) (node 0.4) or void (node 0.6)
  // Buffers the layer allocated (paths, stat/readdir/readlink results);
  // freed with the request, as libeio's EIO_FLAG_PTR*_FREE.
  bool owns_ptr1;
  bool owns_ptr2;
  bool queued;  // uv_queue_work was called (loop thread only)
  std::atomic<int> phase;
  const char* api;  // "eio_custom", "eio_open", ...
  void* host_slot;  // the host's state (an async resource inside Node)
};

// A zero-filled request of `type`, as libeio's calloc made it; its priority
// is stored as libeio stored it once submitted (pri - EIO_PRI_MIN, clamped).
Request* NewRequest(int type, int pri, eio_cb cb, void* data, const char* api);
// Frees a request and the buffers it owns.  The request is not in flight.
void Free(Request* request);
// Hands a request to the pool (from any thread).  Returns the eio_req old
// code gets, or null (the request freed) when it cannot be submitted.
eio_req* Submit(Request* request);
// The work of a request other than EIO_CUSTOM, on a pool thread: the
// syscall's return value in req.result, errno left as the syscall left it
// (eio_fs.cc).
void ExecuteFile(Request* request);
// The name of the wrapper that makes requests of `type`.
const char* ApiName(int type);

// Opens the layer now (inside Node, when the default loop is attached), so
// that requests from any thread are accepted from the start.  Standalone it
// opens with the first request.  On the loop thread.
void Attach();
// Environment teardown or process exit: from now on no work of old code
// starts, no done callback runs and every eio call is refused.  Inside
// Node on the loop thread (teardown) it also drops the requests that are
// not running and closes the layer's handles; from anywhere else
// (exit) it only stops.  Idempotent.
void Shutdown();
// Standalone (tests): when no request is in flight, closes the pool loop
// and the layer's handle on the default loop, as at teardown, but lets a
// later request open them again.  Returns false (and closes nothing) while
// requests are in flight.  Loop thread.
bool CloseIdle();

}  // namespace eio
}  // namespace compat

#endif  // COMPAT_SRC_EIO_INTERNAL_H_
