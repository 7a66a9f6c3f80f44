/* ref_unref: the loop-wide count: ev_run with nothing to do, a watcher that
 * is started and unref'd, ev_ref keeping the loop alive until the matching
 * ev_unref, ev_run's return value and the NOWAIT/ONCE flags. */
#include "scenario.h"

static ev_timer timer, releaser;
static ev_prepare prepare;
static ev_check check;

static void on_prepare(struct ev_loop *loop, ev_prepare *w, int revents) {
  (void)loop;
  (void)w;
  trace("  prepare %s", events(revents));
}

static void on_check(struct ev_loop *loop, ev_check *w, int revents) {
  (void)loop;
  (void)w;
  trace("  check %s", events(revents));
}

static void on_timer(struct ev_loop *loop, ev_timer *w, int revents) {
  (void)loop;
  (void)w;
  trace("  timer %s", events(revents));
}

static void on_releaser(struct ev_loop *loop, ev_timer *w, int revents) {
  (void)w;
  trace("  releaser %s: ev_unref", events(revents));
  ev_unref(loop);
}

int main(void) {
  struct ev_loop *loop = ev_loop_new(0);

  trace("nothing to do: ev_run returned %d after %u iteration(s)",
        ev_run(loop, 0), ev_iteration(loop));

  /* prepare and check watchers unref'd: they do not keep it running */
  ev_prepare_init(&prepare, on_prepare);
  ev_prepare_start(loop, &prepare);
  ev_unref(loop);
  ev_check_init(&check, on_check);
  ev_check_start(loop, &check);
  ev_unref(loop);
  trace("unref'd prepare and check:");
  trace("ev_run returned %d", ev_run(loop, 0));

  /* start + unref: the timer does not keep it running */
  ev_timer_init(&timer, on_timer, 10., 0.);
  ev_timer_start(loop, &timer);
  ev_unref(loop);
  trace("start + unref:");
  trace("ev_run returned %d", ev_run(loop, 0));
  /* ref + stop, the way to remove such a watcher */
  ev_ref(loop);
  ev_timer_stop(loop, &timer);
  ev_ref(loop);
  ev_prepare_stop(loop, &prepare);
  ev_ref(loop);
  ev_check_stop(loop, &check);

  /* ev_ref keeps it running until the releaser unrefs */
  ev_ref(loop);
  ev_timer_init(&releaser, on_releaser, 0.02, 0.);
  ev_timer_start(loop, &releaser);
  trace("ev_ref while work is outstanding:");
  trace("ev_run returned %d", ev_run(loop, 0));

  /* NOWAIT and ONCE return after one iteration */
  ev_timer_init(&timer, on_timer, 10., 0.);
  ev_timer_start(loop, &timer);
  trace("NOWAIT with a 10 s timer:");
  trace("ev_run returned %d", ev_run(loop, EVRUN_NOWAIT));
  ev_timer_stop(loop, &timer);
  ev_timer_set(&timer, 0.01, 0.);
  ev_timer_start(loop, &timer);
  trace("ONCE with a 10 ms timer:");
  {
    int result = -1;
    while (ev_is_active(&timer)) result = ev_run(loop, EVRUN_ONCE);
    trace("last ev_run returned %d", result);
  }
  trace("everything stopped: ev_run returned %d", ev_run(loop, 0));
  ev_loop_destroy(loop);
  return 0;
}
