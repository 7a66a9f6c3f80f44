// uv_refs.cc: node 0.6's uv_ref(loop) and uv_unref(loop), a loop-wide count
// (libuv 0.6 moved libev's active count, as ev_ref/ev_unref do), on libuv
// 1.x's per-handle references.
//
// libuv 0.6 kept the loop alive while (active watchers + refs - unrefs) was
// positive; no handle was "the" unref'd one.  The layer keeps the count
// (refs - unrefs) per loop and, whenever it is not zero, makes libuv see the
// same total: of the handles old code started through the 2012 API, as many
// are ref'd as the total allows, the others unref'd (the latest started
// first, since "start, then uv_unref(loop)" is the idiom); a total above
// their number holds the ev layer's loop-wide count, which keeps Node alive.
#include <mutex>
#include <unordered_map>

#include "misuse.h"
#include "uv_internal.h"

namespace compat {
namespace uv {
namespace {

struct Count {
  long refs = 0;       // uv_ref(loop) - uv_unref(loop)
  bool holds = false;  // whether it holds one ev_ref of Node's ev loop
  long unrefd = 0;     // handles the last rebalance left unref'd
};

// Node's loop is run by the main thread, but libuv 0.6's uv_ref(loop) was
// libev's plain ev_ref, and addons called it from pool threads (before
// handing a row to an async watcher).  Off that thread a call only moves
// the count; `wake` brings the rebalance, which touches handles, to the
// loop's thread.  Guarded by CountsLock().
struct NodeLoop {
  uv_loop_t* loop = nullptr;
  uv_thread_t thread;
  uv_async_t* wake = nullptr;
};

NodeLoop* Node() {
  static NodeLoop* node = new NodeLoop;
  return node;
}

// Each loop other than Node's is used by one thread.
std::mutex* CountsLock() {
  static std::mutex* lock = new std::mutex;
  return lock;
}

std::unordered_map<uv_loop_t*, Count>* Counts() {
  static auto* counts = new std::unordered_map<uv_loop_t*, Count>;
  return counts;
}

void Move(uv_loop_t* loop, long by, const char* api) {
  if (loop == nullptr) {
    Warn("%s: the loop is null; call ignored", api);
    return;
  }
  {
    std::lock_guard<std::mutex> hold(*CountsLock());
    (*Counts())[loop].refs += by;
    NodeLoop* node = Node();
    if (loop == node->loop && node->wake != nullptr) {
      uv_thread_t self = uv_thread_self();
      if (!uv_thread_equal(&self, &node->thread)) {
        uv_async_send(node->wake);
        return;
      }
    }
  }
  Rebalance(loop);
}

void OnWake(uv_async_t* wake) { Rebalance(wake->loop); }

void FreeWake(uv_handle_t* wake) {
  delete reinterpret_cast<uv_async_t*>(wake);
}

}  // namespace

void Rebalance(uv_loop_t* loop) {
  Count count;
  {
    std::lock_guard<std::mutex> hold(*CountsLock());
    auto found = Counts()->find(loop);
    if (found == Counts()->end()) return;
    count = found->second;
  }
  // A count back at zero still has handles to ref again.
  if (count.refs == 0 && !count.holds && count.unrefd == 0) return;
  std::vector<uv_handle_t*> handles = LegacyActiveHandles(loop);
  long active = static_cast<long>(handles.size());
  long total = active + count.refs;
  if (total < 0) {
    Warn(
        "uv_unref(loop): more unrefs than handles started through the "
        "2012 API keep the loop alive; the count is taken as zero (libuv 0.6 "
        "would never have let the loop end)");
  }
  long keep = total < 0 ? 0 : total > active ? active : total;
  // The oldest stay ref'd, the latest started are unref'd.
  for (long i = 0; i < active; i++) {
    if (i < keep) {
      uv_ref(handles[i]);
    } else {
      uv_unref(handles[i]);
    }
  }
  bool hold = total > active;
  {
    std::lock_guard<std::mutex> guard(*CountsLock());
    (*Counts())[loop].unrefd = active - keep;
  }
  if (hold != count.holds) {
    struct ev_loop* ev_loop = NodeEvLoop();
    if (IsNodeLoop(loop) && ev_loop != nullptr) {
      if (hold) {
        compat__ev_ref(ev_loop);
      } else {
        compat__ev_unref(ev_loop);
      }
    } else if (hold) {
      Warn(
          "uv_ref(loop): only Node's loop can be kept alive by a count; on a "
          "loop of the addon's own, ref a handle (uv_ref(handle)) instead");
    }
    std::lock_guard<std::mutex> guard(*CountsLock());
    (*Counts())[loop].holds = hold;
  }
}

void AttachCounts(uv_loop_t* loop) {
  auto* wake = new uv_async_t;
  if (uv_async_init(loop, wake, OnWake) != 0) {
    delete wake;
    return;
  }
  // It never keeps the loop alive itself.
  uv_unref(reinterpret_cast<uv_handle_t*>(wake));
  std::lock_guard<std::mutex> hold(*CountsLock());
  NodeLoop* node = Node();
  node->loop = loop;
  node->thread = uv_thread_self();
  node->wake = wake;
}

void ForgetCounts() {
  uv_async_t* wake;
  {
    std::lock_guard<std::mutex> hold(*CountsLock());
    Counts()->clear();
    NodeLoop* node = Node();
    wake = node->wake;
    *node = NodeLoop();
  }
  if (wake != nullptr)
    uv_close(reinterpret_cast<uv_handle_t*>(wake), FreeWake);
}

}  // namespace uv
}  // namespace compat

extern "C" {

void compat_uv_ref_loop(uv_loop_t* loop) {
  compat::uv::Move(loop, 1, "uv_ref(loop)");
}

void compat_uv_unref_loop(uv_loop_t* loop) {
  compat::uv::Move(loop, -1, "uv_unref(loop)");
}

}  // extern "C"
