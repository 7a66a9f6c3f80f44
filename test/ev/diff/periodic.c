/* periodic: ev_periodic in its absolute form (in the past, in the future),
 * its interval form (times on multiples of the interval) and with a
 * reschedule callback; ev_periodic_again. */
#include <math.h>

#include "scenario.h"

static ev_periodic p;
static int calls;
static int limit;

static void on_periodic(struct ev_loop *loop, ev_periodic *w, int revents) {
  ev_tstamp now = ev_now(loop);
  ++calls;
  trace("  call %d %s active %d at>now %d now>=offset %d", calls,
        events(revents), ev_is_active(w), ev_periodic_at(w) > now,
        now >= w->offset);
  if (w->interval > 0)
    trace("  at on a multiple of the interval: %d",
          fabs(remainder(ev_periodic_at(w), w->interval)) < 1e-6);
  if (limit && calls >= limit) ev_periodic_stop(loop, w);
}

static ev_tstamp in_20ms(ev_periodic *w, ev_tstamp now) {
  (void)w;
  return now + 0.02;
}

int main(void) {
  struct ev_loop *loop = ev_default_loop(0);

  trace("absolute, in the past:");
  ev_periodic_init(&p, on_periodic, 1000., 0., 0);
  ev_periodic_start(loop, &p);
  trace("  at is the offset: %d", ev_periodic_at(&p) == 1000.);
  trace("ev_run returned %d", ev_run(loop, 0));

  trace("absolute, 50 ms from now:");
  calls = 0;
  ev_now_update(loop);
  ev_periodic_init(&p, on_periodic, ev_now(loop) + 0.05, 0., 0);
  ev_periodic_start(loop, &p);
  trace("ev_run returned %d", ev_run(loop, 0));

  trace("every 20 ms, three times:");
  calls = 0;
  limit = 3;
  ev_periodic_init(&p, on_periodic, 0., 0.02, 0);
  ev_periodic_start(loop, &p);
  trace("  at on a multiple of 0.02: %d",
        fabs(remainder(ev_periodic_at(&p), 0.02)) < 1e-6);
  trace("ev_run returned %d", ev_run(loop, 0));

  trace("reschedule callback, twice:");
  calls = 0;
  limit = 2;
  ev_periodic_init(&p, on_periodic, 0., 0., in_20ms);
  ev_periodic_start(loop, &p);
  trace("ev_run returned %d", ev_run(loop, 0));

  trace("ev_periodic_again after changing the interval:");
  calls = 0;
  limit = 1;
  ev_periodic_init(&p, on_periodic, 0., 1000., 0);
  ev_periodic_start(loop, &p);
  p.interval = 0.01;
  ev_periodic_again(loop, &p);
  trace("  due within 10 ms: %d", ev_periodic_at(&p) - ev_now(loop) <= 0.0101);
  trace("ev_run returned %d", ev_run(loop, 0));
  return 0;
}
