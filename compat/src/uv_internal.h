// uv_internal.h: the runtime's side of the 2012 libuv API (uv_errors.cc,
// uv_work.cc, uv_handles.cc, uv_refs.cc).  Old code's handles and requests
// are libuv 1.x's own, in old code's memory; the layer keeps, beside them,
// the 2012 callback each one was given and the async resource it runs in.
// Depends on libuv and the ev layer's Host interface only.
#ifndef COMPAT_SRC_UV_INTERNAL_H_
#define COMPAT_SRC_UV_INTERNAL_H_

#include <uv.h>

#include <cstdint>
#include <vector>

#include "../include/legacy/uv.h"
#include "ev_internal.h"

namespace compat {
namespace uv {

// Inside Node: the loop of the main environment, the host that runs
// callbacks in Node's callback scope and the ev loop over it (whose count
// keeps Node alive for node 0.6's uv_ref(loop)).  Main thread, once.
void Attach(uv_loop_t* loop, ev::Host* host, struct ev_loop* ev_loop);
// Environment teardown: releases what the layer hung on handles and
// requests; no 2012 callback runs after it.
void Detach();

// Runs fn(arg) the way Node runs its own handle callbacks when `loop` is
// Node's (HandleScope, node::CallbackScope of *slot's resource); directly
// on any other loop (one an addon runs itself).
void Run(uv_loop_t* loop, void** slot, const char* name, void (*fn)(void*),
         void* arg);
// Creates *slot's resource now (continuing the current async context).
void Capture(uv_loop_t* loop, void** slot, const char* name);
// Drops *slot's resource, if any.
void Forget(uv_loop_t* loop, void** slot);
// True while the layer is attached to `loop` (Node's loop before teardown).
bool IsNodeLoop(uv_loop_t* loop);
// The ev loop of Node's loop, or null.
struct ev_loop* NodeEvLoop();

// libuv 0.x's error channel: records status (a libuv 1.x error code) as the
// last error of loop and returns -1, as libuv 0.x's calls did.
int Fail(uv_loop_t* loop, int status);

// ---- uv_handles.cc ----

// The active handles of `loop` that old code started through a 2012
// signature, oldest start first.  Only handles still in the loop (not
// closed) are returned, so they may be touched.  Loop thread.
std::vector<uv_handle_t*> LegacyActiveHandles(uv_loop_t* loop);
// Forgets every handle's 2012 callback and resource (teardown).
void ForgetHandles();

// ---- uv_work.cc ----

// Forgets the requests in flight: their 2012 callbacks will not run
// (teardown).
void ForgetWork();

// ---- uv_refs.cc ----

// Re-applies node 0.6's loop-wide count after a handle of `loop` was started
// or stopped through the 2012 API.  Loop thread.
void Rebalance(uv_loop_t* loop);
// Node's loop and its thread, where a count moved on another thread is
// applied (main thread, at Attach).
void AttachCounts(uv_loop_t* loop);
// Forgets the count of every loop (teardown).
void ForgetCounts();

}  // namespace uv
}  // namespace compat

#endif  // COMPAT_SRC_UV_INTERNAL_H_
