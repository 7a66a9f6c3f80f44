// uv_work.cc: libuv 0.6/0.8's uv_queue_work, whose after-work callback took
// no status, on libuv 1.x's thread pool.  The request is old code's own
// uv_work_t; its work callback runs unchanged on a pool thread and the
// 2012 after-work callback is called from the layer's, in Node's callback
// scope.
#include <mutex>
#include <unordered_map>

#include "misuse.h"
#include "uv_internal.h"

namespace compat {
namespace uv {
namespace {

using AfterWork = void (*)(uv_work_t* req);

struct Pending {
  uv_loop_t* loop;
  AfterWork after;
  void* slot;  // the async resource of the call that queued the work
};

std::mutex* PendingLock() {
  static std::mutex* lock = new std::mutex;
  return lock;
}

// Requests in flight, by address: the request is old code's memory, which
// has no room for the old callback.
std::unordered_map<uv_work_t*, Pending>* InFlight() {
  static auto* in_flight = new std::unordered_map<uv_work_t*, Pending>;
  return in_flight;
}

struct AfterCall {
  uv_work_t* req;
  AfterWork after;
};

void CallAfter(void* arg) {
  AfterCall* call = static_cast<AfterCall*>(arg);
  call->after(call->req);
}

void AfterWorkCb(uv_work_t* req, int status) {
  Pending pending;
  {
    std::lock_guard<std::mutex> hold(*PendingLock());
    auto found = InFlight()->find(req);
    // Teardown forgot it: no 2012 callback runs after that.
    if (found == InFlight()->end()) return;
    pending = found->second;
    InFlight()->erase(found);
  }
  // libuv 0.x could not cancel work.  Cancelled now (only libuv itself does
  // that), the callback still runs, as libuv 0.10 called it with -1, so
  // that old code frees what it hung on the request; uv_last_error says why.
  if (status != 0) Fail(pending.loop, status);
  AfterCall call{req, pending.after};
  // The callback may free or queue the request again: nothing of it is read
  // afterwards.
  Run(pending.loop, &pending.slot, "uv_queue_work", CallAfter, &call);
  Forget(pending.loop, &pending.slot);
}

}  // namespace

void ForgetWork() {
  std::unordered_map<uv_work_t*, Pending> left;
  {
    std::lock_guard<std::mutex> hold(*PendingLock());
    left.swap(*InFlight());
  }
  for (auto& entry : left) Forget(entry.second.loop, &entry.second.slot);
}

}  // namespace uv
}  // namespace compat

extern "C" int compat_uv_queue_work_legacy(uv_loop_t* loop, uv_work_t* req,
                                           uv_work_cb work_cb,
                                           void (*after_work_cb)(uv_work_t*)) {
  using compat::uv::Pending;
  if (req == nullptr || loop == nullptr) {
    compat::Warn("uv_queue_work: the %s is null; call refused",
                 req == nullptr ? "request" : "loop");
    return compat::uv::Fail(loop, UV_EINVAL);
  }
  if (after_work_cb == nullptr) {
    // Nothing to adapt: libuv 1.x takes a null after-work callback too.
    int status = uv_queue_work(loop, req, work_cb, nullptr);
    return status == 0 ? 0 : compat::uv::Fail(loop, status);
  }
  Pending pending{loop, after_work_cb, nullptr};
  compat::uv::Capture(loop, &pending.slot, "uv_queue_work");
  {
    std::lock_guard<std::mutex> hold(*compat::uv::PendingLock());
    auto inserted = compat::uv::InFlight()->emplace(req, pending);
    if (!inserted.second) {
      compat::Warn(
          "uv_queue_work: the request is already queued (its after-work "
          "callback has not run); call refused");
      compat::uv::Forget(loop, &pending.slot);
      return compat::uv::Fail(loop, UV_EBUSY);
    }
  }
  int status = uv_queue_work(loop, req, work_cb, compat::uv::AfterWorkCb);
  if (status != 0) {
    {
      std::lock_guard<std::mutex> hold(*compat::uv::PendingLock());
      compat::uv::InFlight()->erase(req);
    }
    compat::uv::Forget(loop, &pending.slot);
    return compat::uv::Fail(loop, status);
  }
  return 0;
}
