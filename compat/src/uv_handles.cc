// uv_handles.cc: the handles whose 2012 callbacks took `int status` (async,
// timer, idle, prepare, check) on libuv 1.x's, whose callbacks take none,
// and libuv 0.6/0.8's uv_run(loop) and uv_run_once(loop).  The handle is old
// code's own libuv 1.x handle; the layer starts it with a callback of its
// own that calls the old one with status 0 (libuv 0.x never passed anything
// else to these) in Node's callback scope.
#include <algorithm>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include "misuse.h"
#include "uv_internal.h"

namespace compat {
namespace uv {
namespace {

using OldCallback = void (*)(uv_handle_t* handle, int status);

struct Entry {
  uv_loop_t* loop;
  uv_handle_type type;
  OldCallback cb;
  void* slot;             // the async resource of the handle's callbacks
  std::uint64_t started;  // start order, for node 0.6's loop-wide count
};

// Handles old code started through a 2012 signature, by address.  The
// handle is old code's memory, freed after its close callback without the
// layer hearing of it, so an entry may outlive its handle: entries are only
// trusted for handles found in their loop (uv_walk), and the others are
// swept now and then.  Loop threads.
std::mutex* EntriesLock() {
  static std::mutex* lock = new std::mutex;
  return lock;
}

std::unordered_map<uv_handle_t*, Entry>* Entries() {
  static auto* entries = new std::unordered_map<uv_handle_t*, Entry>;
  return entries;
}

std::uint64_t starts = 0;
std::size_t sweep_at = 64;

const char* TypeName(uv_handle_type type) {
  switch (type) {
    case UV_ASYNC:
      return "uv_async";
    case UV_TIMER:
      return "uv_timer";
    case UV_IDLE:
      return "uv_idle";
    case UV_PREPARE:
      return "uv_prepare";
    case UV_CHECK:
      return "uv_check";
    default:
      return "uv_handle";
  }
}

void CollectHandle(uv_handle_t* handle, void* arg) {
  static_cast<std::unordered_set<uv_handle_t*>*>(arg)->insert(handle);
}

std::unordered_set<uv_handle_t*> HandlesOf(uv_loop_t* loop) {
  std::unordered_set<uv_handle_t*> handles;
  uv_walk(loop, CollectHandle, &handles);
  return handles;
}

// Drops the entries of `loop` whose handle is no longer in it (closed, and
// perhaps freed).  Called with the lock held.
void SweepLocked(uv_loop_t* loop, std::vector<void*>* slots) {
  std::unordered_set<uv_handle_t*> live = HandlesOf(loop);
  for (auto it = Entries()->begin(); it != Entries()->end();) {
    if (it->second.loop == loop && live.count(it->first) == 0) {
      if (it->second.slot != nullptr) slots->push_back(it->second.slot);
      it = Entries()->erase(it);
    } else {
      ++it;
    }
  }
}

void ForgetSlots(uv_loop_t* loop, std::vector<void*>* slots) {
  for (void*& slot : *slots) Forget(loop, &slot);
}

// Records cb as the 2012 callback of handle, keeping the resource of an
// earlier start of the same handle.
void Remember(uv_handle_t* handle, OldCallback cb) {
  uv_loop_t* loop = handle->loop;
  std::vector<void*> stale;
  void** slot = nullptr;
  {
    std::lock_guard<std::mutex> hold(*EntriesLock());
    if (Entries()->size() >= sweep_at) {
      SweepLocked(loop, &stale);
      sweep_at = std::max<std::size_t>(64, 2 * Entries()->size());
    }
    auto found = Entries()->find(handle);
    if (found != Entries()->end() &&
        (found->second.loop != loop || found->second.type != handle->type)) {
      // The address was freed and is another handle now.
      if (found->second.slot != nullptr) stale.push_back(found->second.slot);
      Entries()->erase(found);
      found = Entries()->end();
    }
    if (found == Entries()->end())
      found = Entries()
                  ->emplace(handle, Entry{loop, handle->type, cb, nullptr, 0})
                  .first;
    found->second.cb = cb;
    found->second.started = ++starts;
    slot = &found->second.slot;
  }
  ForgetSlots(loop, &stale);
  // Node's loop thread only reaches here, so the entry (whose address
  // unordered_map keeps stable) cannot go away meanwhile.
  Capture(loop, slot, TypeName(handle->type));
}

struct Call {
  uv_handle_t* handle;
  OldCallback cb;
};

void CallOld(void* arg) {
  Call* call = static_cast<Call*>(arg);
  call->cb(call->handle, 0);
}

void Dispatch(uv_handle_t* handle) {
  Call call{handle, nullptr};
  void** slot = nullptr;
  {
    std::lock_guard<std::mutex> hold(*EntriesLock());
    auto found = Entries()->find(handle);
    // Forgotten at teardown.
    if (found == Entries()->end()) return;
    call.cb = found->second.cb;
    slot = &found->second.slot;
  }
  uv_loop_t* loop = handle->loop;
  // A handle is never closed (so never swept) during its own callback, so
  // the entry stays while the callback runs.
  Run(loop, slot, TypeName(handle->type), CallOld, &call);
  // A one-shot timer has stopped: node 0.6's count moves with it.
  Rebalance(loop);
}

void OnAsync(uv_async_t* handle) {
  Dispatch(reinterpret_cast<uv_handle_t*>(handle));
}
void OnTimer(uv_timer_t* handle) {
  Dispatch(reinterpret_cast<uv_handle_t*>(handle));
}
void OnIdle(uv_idle_t* handle) {
  Dispatch(reinterpret_cast<uv_handle_t*>(handle));
}
void OnPrepare(uv_prepare_t* handle) {
  Dispatch(reinterpret_cast<uv_handle_t*>(handle));
}
void OnCheck(uv_check_t* handle) {
  Dispatch(reinterpret_cast<uv_handle_t*>(handle));
}

template <class Handle, class Callback>
int Started(Handle* handle, Callback cb, int status) {
  uv_handle_t* base = reinterpret_cast<uv_handle_t*>(handle);
  if (status != 0) return Fail(base->loop, status);
  Remember(base, reinterpret_cast<OldCallback>(cb));
  Rebalance(base->loop);
  return 0;
}

bool CheckHandle(const void* handle, const void* cb, const char* api) {
  if (handle == nullptr) {
    Warn("%s: the handle is null; call refused", api);
    return false;
  }
  if (cb == nullptr) {
    Warn("%s: the callback is null; call refused", api);
    return false;
  }
  return true;
}

}  // namespace

std::vector<uv_handle_t*> LegacyActiveHandles(uv_loop_t* loop) {
  std::vector<std::pair<std::uint64_t, uv_handle_t*> > found;
  std::unordered_set<uv_handle_t*> live = HandlesOf(loop);
  {
    std::lock_guard<std::mutex> hold(*EntriesLock());
    for (const auto& entry : *Entries()) {
      uv_handle_t* handle = entry.first;
      if (entry.second.loop != loop || live.count(handle) == 0) continue;
      if (uv_is_active(handle) && !uv_is_closing(handle))
        found.emplace_back(entry.second.started, handle);
    }
  }
  std::sort(found.begin(), found.end());
  std::vector<uv_handle_t*> handles;
  for (const auto& item : found) handles.push_back(item.second);
  return handles;
}

void ForgetHandles() {
  std::unordered_map<uv_handle_t*, Entry> left;
  {
    std::lock_guard<std::mutex> hold(*EntriesLock());
    left.swap(*Entries());
  }
  for (auto& entry : left) Forget(entry.second.loop, &entry.second.slot);
}

}  // namespace uv
}  // namespace compat

using compat::uv::CheckHandle;
using compat::uv::Fail;
using compat::uv::Started;

extern "C" {

int compat_uv_async_init_legacy(uv_loop_t* loop, uv_async_t* handle,
                                void (*cb)(uv_async_t*, int)) {
  if (loop == nullptr || !CheckHandle(handle, (const void*)cb, "uv_async_init"))
    return Fail(loop, UV_EINVAL);
  return Started(handle, cb, uv_async_init(loop, handle, compat::uv::OnAsync));
}

int compat_uv_timer_start_legacy(uv_timer_t* handle,
                                 void (*cb)(uv_timer_t*, int), int64_t timeout,
                                 int64_t repeat) {
  if (!CheckHandle(handle, (const void*)cb, "uv_timer_start"))
    return Fail(handle == nullptr ? nullptr : handle->loop, UV_EINVAL);
  // libuv 0.8 asserted on negative times (and warned that they would become
  // unsigned); libuv 0.6 passed them to libev, which fired at once.
  if (timeout < 0) timeout = 0;
  if (repeat < 0) repeat = 0;
  return Started(handle, cb,
                 uv_timer_start(handle, compat::uv::OnTimer,
                                static_cast<uint64_t>(timeout),
                                static_cast<uint64_t>(repeat)));
}

int compat_uv_idle_start_legacy(uv_idle_t* handle,
                                void (*cb)(uv_idle_t*, int)) {
  if (!CheckHandle(handle, (const void*)cb, "uv_idle_start"))
    return Fail(handle == nullptr ? nullptr : handle->loop, UV_EINVAL);
  return Started(handle, cb, uv_idle_start(handle, compat::uv::OnIdle));
}

int compat_uv_prepare_start_legacy(uv_prepare_t* handle,
                                   void (*cb)(uv_prepare_t*, int)) {
  if (!CheckHandle(handle, (const void*)cb, "uv_prepare_start"))
    return Fail(handle == nullptr ? nullptr : handle->loop, UV_EINVAL);
  return Started(handle, cb, uv_prepare_start(handle, compat::uv::OnPrepare));
}

int compat_uv_check_start_legacy(uv_check_t* handle,
                                 void (*cb)(uv_check_t*, int)) {
  if (!CheckHandle(handle, (const void*)cb, "uv_check_start"))
    return Fail(handle == nullptr ? nullptr : handle->loop, UV_EINVAL);
  return Started(handle, cb, uv_check_start(handle, compat::uv::OnCheck));
}

int compat_uv_run_legacy(uv_loop_t* loop, int once) {
  const char* api = once ? "uv_run_once" : "uv_run";
  if (loop == nullptr) {
    compat::Warn("%s: the loop is null; call ignored", api);
    return 0;
  }
  if (compat::uv::IsNodeLoop(loop)) {
    // node 0.6/0.8 ran its loop with uv_run itself; an addon never did.
    compat::Warn(
        "%s: the default loop is Node's event loop, which runs by itself; "
        "call ignored",
        api);
    return 0;
  }
  int alive = uv_run(loop, once ? UV_RUN_ONCE : UV_RUN_DEFAULT);
  // libuv 0.8: uv_run always returned 0, uv_run_once non-zero while the
  // loop had something left.
  return once ? alive : 0;
}

}  // extern "C"
