/* timer_order: timers fire in the order of their timeouts, whatever order
 * they were started in; equal timeouts fire in libev's heap order; a
 * repeating timer is rescheduled from its due time; negative and zero
 * timeouts; timers started from callbacks. */
#include "scenario.h"

static ev_timer t[12];
static const char *name[12];

static void on_timer(struct ev_loop *loop, ev_timer *w, int revents) {
  int i = (int)(w - t);
  trace("%s %s active %d pending %d", name[i], events(revents),
        ev_is_active(w), ev_is_pending(w));
  if (i == 9) {
    /* started from a callback: after 0 and after -1 */
    ev_timer_init(&t[10], on_timer, 0., 0.);
    name[10] = "from_cb_0";
    ev_timer_start(loop, &t[10]);
    ev_timer_init(&t[11], on_timer, -1., 0.);
    name[11] = "from_cb_neg";
    ev_timer_start(loop, &t[11]);
  }
  if (i == 8 && ev_is_active(w)) {
    static int count = 0;
    if (++count == 3) ev_timer_stop(loop, w);
  }
}

static void start(struct ev_loop *loop, int i, const char *n, double after,
                  double repeat) {
  ev_timer_init(&t[i], on_timer, after, repeat);
  name[i] = n;
  ev_timer_start(loop, &t[i]);
}

int main(void) {
  struct ev_loop *loop = ev_loop_new(0);

  start(loop, 0, "30ms", 0.03, 0.);
  start(loop, 1, "10ms", 0.01, 0.);
  start(loop, 2, "20ms", 0.02, 0.);
  start(loop, 3, "neg", -1., 0.);
  trace("ev_run returned %d", ev_run(loop, 0));

  start(loop, 0, "A", 0.01, 0.);
  start(loop, 1, "B", 0.01, 0.);
  start(loop, 2, "C", 0.01, 0.);
  start(loop, 3, "D", 0.01, 0.);
  start(loop, 4, "E", 0.01, 0.);
  start(loop, 5, "F", 0.01, 0.);
  start(loop, 6, "G", 0.01, 0.);
  trace("ev_run returned %d", ev_run(loop, 0));

  /* a repeating timer (every 100 ms, 3 times) and one-shots between, with
   * 50 ms to spare for a busy machine */
  start(loop, 8, "repeat", 0.1, 0.1);
  start(loop, 0, "150ms", 0.15, 0.);
  start(loop, 1, "250ms", 0.25, 0.);
  start(loop, 2, "350ms", 0.35, 0.);
  trace("ev_run returned %d", ev_run(loop, 0));

  start(loop, 9, "starter", 0., 0.);
  trace("ev_run returned %d", ev_run(loop, 0));
  ev_loop_destroy(loop);
  return 0;
}
