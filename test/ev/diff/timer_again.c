/* timer_again: the four cases of ev_timer_again, `repeat` read at each
 * expiry and at again-time, the activity-timeout idiom (ev_init + repeat +
 * ev_timer_again), ev_timer_remaining, and starting an active timer. */
#include "scenario.h"

static ev_timer t, activity, timeout;
static int calls, bursts;

static void on_t(struct ev_loop *loop, ev_timer *w, int revents) {
  (void)loop;
  ++calls;
  trace("t %s call %d active %d repeat %.3f", events(revents), calls,
        ev_is_active(w), w->repeat);
  if (calls == 2) w->repeat = 0.;
}

static void on_activity(struct ev_loop *loop, ev_timer *w, int revents) {
  (void)revents;
  ++bursts;
  ev_timer_again(loop, &timeout);
  trace("activity %d, timeout active %d", bursts, ev_is_active(&timeout));
  if (bursts == 4) ev_timer_stop(loop, w);
}

static void on_timeout(struct ev_loop *loop, ev_timer *w, int revents) {
  trace("timeout %s after %d bursts, active %d", events(revents), bursts,
        ev_is_active(w));
  ev_timer_stop(loop, w);
}

int main(void) {
  struct ev_loop *loop = ev_default_loop(0);
  double left;

  /* inactive, repeat 0: nothing */
  ev_timer_init(&t, on_t, 0.01, 0.);
  ev_timer_again(loop, &t);
  trace("inactive, no repeat: active %d", ev_is_active(&t));
  /* inactive, repeat: started with repeat as timeout */
  ev_timer_init(&t, on_t, 100., 0.02);
  ev_timer_again(loop, &t);
  left = ev_timer_remaining(loop, &t);
  trace("inactive, repeat: active %d, remaining <= repeat %d, > 0 %d",
        ev_is_active(&t), left <= 0.02 + 1e-9, left > 0);
  /* active, repeat: restarted from now */
  ev_timer_again(loop, &t);
  trace("active, repeat: active %d", ev_is_active(&t));
  /* repeat read at each expiry: set to 0 in the 2nd callback */
  trace("ev_run returned %d, calls %d", ev_run(loop, 0), calls);
  /* active, no repeat: stopped */
  ev_timer_init(&t, on_t, 10., 0.);
  ev_timer_start(loop, &t);
  ev_timer_again(loop, &t);
  trace("active, no repeat: active %d", ev_is_active(&t));
  /* stop leaves the time that was left in `at`; remaining reports it */
  ev_timer_init(&t, on_t, 2.5, 0.);
  trace("remaining before start %.3f", ev_timer_remaining(loop, &t));
  ev_timer_start(loop, &t);
  ev_timer_start(loop, &t); /* no-op */
  ev_timer_stop(loop, &t);
  left = ev_timer_remaining(loop, &t);
  trace("remaining after stop in (2.4, 2.5]: %d", left > 2.4 && left <= 2.5);
  ev_timer_stop(loop, &t); /* no-op */
  /* again clears the pending state */
  ev_timer_init(&t, on_t, 10., 10.);
  ev_timer_start(loop, &t);
  ev_feed_event(loop, &t, EV_TIMER);
  ev_timer_again(loop, &t);
  trace("again clears pending: %d", ev_is_pending(&t));
  ev_timer_stop(loop, &t);

  /* the activity timeout idiom */
  ev_init(&timeout, on_timeout);
  timeout.repeat = 0.05;
  ev_timer_again(loop, &timeout);
  ev_timer_init(&activity, on_activity, 0.02, 0.02);
  ev_timer_start(loop, &activity);
  trace("ev_run returned %d", ev_run(loop, 0));
  return 0;
}
