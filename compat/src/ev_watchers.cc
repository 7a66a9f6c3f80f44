// ev_watchers.cc: the watchers libev keeps in plain lists and feeds at fixed
// points of an iteration: ev_idle, ev_prepare, ev_check, ev_fork and
// ev_cleanup (ev_run.cc decides when).
#include "ev_internal.h"
#include "misuse.h"

namespace compat {
namespace ev {
namespace {

struct SimpleKind {
  Kind kind;
  const char* start;
  const char* stop;
};

bool KindOf(int code, SimpleKind* out) {
  switch (code) {
    case EV_IDLE:
      *out = SimpleKind{Kind::kIdle, "ev_idle_start", "ev_idle_stop"};
      return true;
    case EV_PREPARE:
      *out = SimpleKind{Kind::kPrepare, "ev_prepare_start", "ev_prepare_stop"};
      return true;
    case EV_CHECK:
      *out = SimpleKind{Kind::kCheck, "ev_check_start", "ev_check_stop"};
      return true;
    case EV_FORK:
      *out = SimpleKind{Kind::kFork, "ev_fork_start", "ev_fork_stop"};
      return true;
    case EV_CLEANUP:
      *out = SimpleKind{Kind::kCleanup, "ev_cleanup_start", "ev_cleanup_stop"};
      return true;
  }
  return false;
}

std::vector<Box*>& ListOf(Box* box) {
  struct ev_loop* loop = box->loop;
  switch (box->kind) {
    case Kind::kIdle:
      return loop->idles[box->pri - EV_MINPRI];
    case Kind::kPrepare:
      return loop->prepares;
    case Kind::kCheck:
      return loop->checks;
    case Kind::kFork:
      return loop->forks;
    case Kind::kCleanup:
      return loop->cleanups;
    default:
      break;
  }
  Fatal("ev: %s is not a listed watcher", KindName(box->kind));
}

void VerifyList(struct ev_loop* loop, const std::vector<Box*>& list,
                Kind kind) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    COMPAT_CHECK(list[i]->kind == kind && list[i]->loop == loop);
    COMPAT_CHECK(list[i]->index == static_cast<int>(i));
    COMPAT_CHECK(list[i]->w->active == static_cast<int>(i) + 1);
  }
}

}  // namespace

void IdleReify(struct ev_loop* loop) {
  if (loop->idleall == 0) return;
  // libev (ev.pod, ev_idle): idle watchers of a priority run only when
  // nothing of that or a higher priority is pending, and only those of the
  // highest such priority.
  for (int pri = kNumPri; pri-- > 0;) {
    if (!loop->pendings[pri].empty()) break;
    if (!loop->idles[pri].empty()) {
      QueueEvents(loop->idles[pri], EV_IDLE);
      break;
    }
  }
}

void DetachSimple(Box* box) {
  // libev keeps these in arrays and fills a hole with the last element.
  ListRemove(&ListOf(box), box);
  if (box->kind == Kind::kIdle) --box->loop->idleall;
}

void VerifyLists(struct ev_loop* loop) {
  for (auto& list : loop->idles) VerifyList(loop, list, Kind::kIdle);
  VerifyList(loop, loop->prepares, Kind::kPrepare);
  VerifyList(loop, loop->checks, Kind::kCheck);
  VerifyList(loop, loop->forks, Kind::kFork);
  VerifyList(loop, loop->cleanups, Kind::kCleanup);
  VerifyList(loop, loop->asyncs, Kind::kAsync);
}

}  // namespace ev
}  // namespace compat

using compat::ev::Box;

extern "C" {

void compat__ev_simple_start(struct ev_loop* loop, void* watcher, int code,
                             int mode) {
  using namespace compat::ev;
  SimpleKind kind;
  COMPAT_CHECK(KindOf(code, &kind));
  ev_watcher* w = static_cast<ev_watcher*>(watcher);
  if (Find(w) != nullptr) return;  // libev: a no-op when active
  Box* box = Activate(loop, w, kind.kind, mode, kind.start);
  if (box == nullptr) return;
  ListAppend(&ListOf(box), box);
  if (kind.kind == Kind::kIdle) ++loop->idleall;
  // libev (ev.c, ev_cleanup_start): cleanup watchers never keep the loop
  // alive.
  if (kind.kind == Kind::kCleanup) compat__ev_unref(loop);
  Changed(loop);
}

void compat__ev_simple_stop(struct ev_loop* loop, void* watcher, int code) {
  using namespace compat::ev;
  SimpleKind kind;
  COMPAT_CHECK(KindOf(code, &kind));
  ev_watcher* w = static_cast<ev_watcher*>(watcher);
  Box* box = BeginStop(loop, w, kind.stop);
  if (box == nullptr) return;
  struct ev_loop* owner = box->loop;
  if (kind.kind == Kind::kCleanup) compat__ev_ref(owner);
  Deactivate(box, true);
  Changed(owner);
}

}  // extern "C"
