// ev_timer.cc: ev_timer (relative, monotonic) and ev_periodic (wall clock)
// in libev's timer heaps; libuv only provides the alarm that ends a poll
// when the earliest of them is due (ev_run.cc).
#include <cmath>

#include "ev_internal.h"
#include "misuse.h"

namespace compat {
namespace ev {

// ---- the heap: 4-ary, libev's tie-breaking ----

void Heap::Up(int k) {
  Box* box = items_[k];
  while (k > 0) {
    int parent = (k - 1) / 4;
    if (items_[parent]->at <= box->at) break;
    Place(k, items_[parent]);
    k = parent;
  }
  Place(k, box);
}

void Heap::Down(int k) {
  Box* box = items_[k];
  int n = size();
  for (;;) {
    int first = 4 * k + 1;
    if (first >= n) break;
    int least = first;
    for (int c = first + 1; c < first + 4 && c < n; ++c)
      if (items_[c]->at < items_[least]->at) least = c;
    if (box->at <= items_[least]->at) break;
    Place(k, items_[least]);
    k = least;
  }
  Place(k, box);
}

void Heap::Push(Box* box) {
  items_.push_back(box);
  box->index = size() - 1;
  Up(box->index);
}

void Heap::Remove(Box* box) {
  int k = box->index;
  Box* last = items_.back();
  items_.pop_back();
  box->index = -1;
  if (k < size()) {
    Place(k, last);
    Adjust(last);
  }
}

void Heap::Adjust(Box* box) {
  int k = box->index;
  if (k > 0 && items_[k]->at <= items_[(k - 1) / 4]->at)
    Up(k);
  else
    Down(k);
}

void Heap::Rebuild() {
  for (int i = 0; i < size(); ++i) Up(i);
}

bool Heap::Valid() const {
  for (int i = 0; i < size(); ++i) {
    if (items_[i]->index != i) return false;
    if (i > 0 && items_[(i - 1) / 4]->at > items_[i]->at) return false;
  }
  return true;
}

namespace {

// libev's MIN_INTERVAL: the smallest interval periodic_recalc works with.
const double kMinInterval = 0.0001220703125;

ev_timer* TimerOf(Box* box) { return reinterpret_cast<ev_timer*>(box->w); }
ev_periodic* PeriodicOf(Box* box) {
  return reinterpret_cast<ev_periodic*>(box->w);
}

// ev_timer_set / ev_periodic_set write `at`, which libev also uses while the
// watcher is active; the layer keeps its own copy and reports the write.
void CheckAtUntouched(Box* box, const char* api) {
  ev_watcher_time* w = reinterpret_cast<ev_watcher_time*>(box->w);
  if (w->at == box->at) return;
  Warn(
      "%s: the watcher is active; libev requires stopping it first. The "
      "change is ignored until it is restarted.",
      api);
  w->at = box->at;
}

double Repeat(ev_timer* w, const char* api) {
  double repeat = w->repeat;
  if (repeat < 0) {
    Warn(
        "%s: negative repeat value (libev asserts repeat >= 0); treated as "
        "0, no repeat",
        api);
    return 0;
  }
  return repeat > 0 ? repeat : 0;
}

// libev (ev.c, periodic_recalc): the first offset + n * interval after now.
double NextPeriod(ev_periodic* w, double now) {
  double interval = w->interval > kMinInterval ? w->interval : kMinInterval;
  double at = w->offset + interval * std::floor((now - w->offset) / interval);
  while (at <= now) {
    double next = at + w->interval;
    if (next == at) {  // the resolution of doubles ran out
      at = now;
      break;
    }
    at = next;
  }
  return at;
}

double Reschedule(ev_periodic* w, double now) {
  double at = w->reschedule_cb(w, now);
  if (at < now) {
    Warn(
        "ev_periodic: the reschedule callback returned a time in the past "
        "(libev asserts); using the current time");
    at = now;
  }
  return at;
}

// Stops a timer or periodic that libev stops by itself before its callback
// and queues the event; the box stays valid until the dispatch ends.
void StopBeforeCallback(struct ev_loop* loop, Box* box) {
  ev_watcher* w = box->w;
  loop->rfeeds.push_back(Pending{w, 0, box->mode, box});
  ClearPending(loop, w);
  Deactivate(box, true);
}

// libev's feed_reverse_done: the earliest due is fed last, so it runs first.
void FeedReverse(struct ev_loop* loop, int revents) {
  for (std::size_t i = loop->rfeeds.size(); i-- > 0;) {
    const Pending& entry = loop->rfeeds[i];
    Feed(loop, entry.w, revents, entry.mode, entry.box);
  }
  loop->rfeeds.clear();
}

}  // namespace

void TimersReify(struct ev_loop* loop) {
  double now = loop->mn_now;
  Heap& timers = loop->timers;
  if (timers.empty() || !(timers.top()->at < now)) return;
  do {
    Box* box = timers.top();
    ev_timer* w = TimerOf(box);
    CheckAtUntouched(box, "ev_timer_set");
    // libev (ev.pod, ev_timer): `repeat` is read at every expiry.
    double repeat = Repeat(w, "ev_timer");
    if (repeat > 0) {
      // Rescheduled from when it was due, not from now, so it does not
      // drift; but at most once per iteration.
      box->at += repeat;
      if (box->at < now) box->at = now;
      w->at = box->at;
      timers.Adjust(box);
      loop->rfeeds.push_back(Pending{box->w, 0, box->mode, box});
    } else {
      // libev (ev.pod, ev_timer): a timer that does not repeat is stopped
      // before its callback runs; `at` then holds the time left (<= 0).
      double left = box->at - now;
      StopBeforeCallback(loop, box);
      w->at = left;
    }
  } while (!timers.empty() && timers.top()->at < now);
  FeedReverse(loop, EV_TIMER);
}

void PeriodicsReify(struct ev_loop* loop) {
  double now = loop->rt_now;
  Heap& periodics = loop->periodics;
  if (periodics.empty() || !(periodics.top()->at < now)) return;
  do {
    Box* box = periodics.top();
    ev_periodic* w = PeriodicOf(box);
    CheckAtUntouched(box, "ev_periodic_set");
    if (w->reschedule_cb != nullptr || w->interval > 0) {
      box->at =
          w->reschedule_cb != nullptr ? Reschedule(w, now) : NextPeriod(w, now);
      w->at = box->at;
      periodics.Adjust(box);
      loop->rfeeds.push_back(Pending{box->w, 0, box->mode, box});
    } else {
      StopBeforeCallback(loop, box);
    }
  } while (!periodics.empty() && periodics.top()->at < now);
  FeedReverse(loop, EV_PERIODIC);
}

void PeriodicsReschedule(struct ev_loop* loop) {
  // libev (ev.c, periodics_reschedule): after a wall-clock jump every
  // interval or rescheduled periodic is recomputed from the new time.
  Heap& periodics = loop->periodics;
  for (int i = 0; i < periodics.size(); ++i) {
    Box* box = periodics.item(i);
    ev_periodic* w = PeriodicOf(box);
    if (w->reschedule_cb != nullptr)
      box->at = Reschedule(w, loop->rt_now);
    else if (w->interval > 0)
      box->at = NextPeriod(w, loop->rt_now);
    w->at = box->at;
  }
  periodics.Rebuild();
}

void ShiftTimers(struct ev_loop* loop, double delta) {
  for (int i = 0; i < loop->timers.size(); ++i) {
    Box* box = loop->timers.item(i);
    box->at += delta;
    TimerOf(box)->at = box->at;
  }
}

bool NextDue(struct ev_loop* loop, double* when) {
  bool found = false;
  if (!loop->timers.empty()) {
    *when = loop->timers.top()->at;
    found = true;
  }
  if (!loop->periodics.empty()) {
    // A wall-clock time, as a time of the monotonic clock.
    double at = loop->periodics.top()->at - loop->rtmn_diff;
    if (!found || at < *when) *when = at;
    found = true;
  }
  return found;
}

void DetachTimer(Box* box) { box->loop->timers.Remove(box); }

void DetachPeriodic(Box* box) { box->loop->periodics.Remove(box); }

void VerifyTimers(struct ev_loop* loop) {
  COMPAT_CHECK(loop->timers.Valid());
  COMPAT_CHECK(loop->periodics.Valid());
  for (int i = 0; i < loop->timers.size(); ++i) {
    Box* box = loop->timers.item(i);
    COMPAT_CHECK(box->kind == Kind::kTimer && box->loop == loop);
  }
  for (int i = 0; i < loop->periodics.size(); ++i) {
    Box* box = loop->periodics.item(i);
    COMPAT_CHECK(box->kind == Kind::kPeriodic && box->loop == loop);
  }
}

}  // namespace ev
}  // namespace compat

using compat::ev::Box;

extern "C" {

void compat__ev_timer_start(struct ev_loop* loop, ev_timer* w, int mode) {
  using namespace compat::ev;
  ev_watcher* base = reinterpret_cast<ev_watcher*>(w);
  if (Find(base) != nullptr) return;  // libev: a no-op when active
  if (!CheckLoop(loop, "ev_timer_start")) return;
  Repeat(w, "ev_timer_start");  // reports a negative repeat
  Box* box = Activate(loop, base, Kind::kTimer, mode, "ev_timer_start");
  if (box == nullptr) return;
  // libev (ev.c, ev_timer_start): `at` becomes absolute on the loop's
  // monotonic clock; a negative `after` is simply already due.
  box->at = w->at + MonoNow(loop);
  w->at = box->at;
  loop->timers.Push(box);
  Changed(loop);
}

void compat__ev_timer_stop(struct ev_loop* loop, ev_timer* w) {
  using namespace compat::ev;
  Box* box = BeginStop(loop, reinterpret_cast<ev_watcher*>(w), "ev_timer_stop");
  if (box == nullptr) return;
  CheckAtUntouched(box, "ev_timer_set");
  struct ev_loop* owner = box->loop;
  // libev: a stopped timer's `at` holds the time that was left.
  double left = box->at - MonoNow(owner);
  Deactivate(box, true);
  w->at = left;
  Changed(owner);
}

void compat__ev_timer_again(struct ev_loop* loop, ev_timer* w, int mode) {
  using namespace compat::ev;
  ev_watcher* base = reinterpret_cast<ev_watcher*>(w);
  Box* box = Find(base);
  if (box != nullptr) loop = box->loop;
  if (!CheckLoop(loop, "ev_timer_again")) return;
  // libev (ev.pod, ev_timer_again): clears the pending state; then, with the
  // `repeat` of this moment:
  ClearPending(loop, base);
  double repeat = Repeat(w, "ev_timer_again");
  if (box != nullptr) {
    CheckAtUntouched(box, "ev_timer_set");
    if (repeat > 0) {
      // active, repeating: due `repeat` seconds from now;
      box->at = MonoNow(loop) + repeat;
      w->at = box->at;
      loop->timers.Adjust(box);
    } else {
      // active, not repeating: stopped;
      double left = box->at - MonoNow(loop);
      Deactivate(box, true);
      w->at = left;
    }
  } else if (repeat > 0) {
    // inactive, repeating: started with `repeat` as its timeout;
    w->at = repeat;
    compat__ev_timer_start(loop, w, mode);
  }
  // inactive, not repeating: nothing.
  Changed(loop);
}

ev_tstamp compat__ev_timer_remaining(struct ev_loop* loop, ev_timer* w) {
  using namespace compat::ev;
  Box* box = Find(reinterpret_cast<ev_watcher*>(w));
  if (box == nullptr) return w->at;
  if (!CheckLoopThread(box->loop, "ev_timer_remaining")) return 0;
  (void)loop;
  CheckAtUntouched(box, "ev_timer_set");
  return box->at - MonoNow(box->loop);
}

void compat__ev_periodic_start(struct ev_loop* loop, ev_periodic* w, int mode) {
  using namespace compat::ev;
  ev_watcher* base = reinterpret_cast<ev_watcher*>(w);
  if (Find(base) != nullptr) return;
  if (!CheckLoop(loop, "ev_periodic_start")) return;
  double now = RealNow(loop);
  double at;
  if (w->reschedule_cb != nullptr) {
    at = w->reschedule_cb(w, now);
  } else if (w->interval > 0) {
    at = NextPeriod(w, now);
  } else {
    if (w->interval < 0)
      compat::Warn(
          "ev_periodic_start: negative interval value (libev asserts); "
          "treated as 0, a single event at `offset`");
    at = w->offset;
  }
  Box* box = Activate(loop, base, Kind::kPeriodic, mode, "ev_periodic_start");
  if (box == nullptr) return;
  box->at = at;
  w->at = at;
  loop->periodics.Push(box);
  Changed(loop);
}

void compat__ev_periodic_stop(struct ev_loop* loop, ev_periodic* w) {
  compat::ev::StopWatcher(loop, reinterpret_cast<ev_watcher*>(w),
                          "ev_periodic_stop");
}

void compat__ev_periodic_again(struct ev_loop* loop, ev_periodic* w, int mode) {
  // libev (ev.c, ev_periodic_again): stop, then start.
  Box* box = compat::ev::Find(reinterpret_cast<ev_watcher*>(w));
  if (box != nullptr) loop = box->loop;
  compat__ev_periodic_stop(loop, w);
  compat__ev_periodic_start(loop, w, mode);
}

}  // extern "C"
