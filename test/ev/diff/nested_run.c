/* nested_run: ev_run called from a callback of the same loop.  libev runs
 * the loop recursively; libuv cannot, so the layer reports the call and
 * returns at once (a documented divergence). */
#include "scenario.h"

static ev_timer outer, inner;

static void on_inner(struct ev_loop *loop, ev_timer *w, int revents) {
  (void)w;
  trace("  inner %s depth %u", events(revents), ev_depth(loop));
}

static void on_outer(struct ev_loop *loop, ev_timer *w, int revents) {
  int result;
  (void)w;
  trace("  outer %s depth %u", events(revents), ev_depth(loop));
  ev_timer_init(&inner, on_inner, 0.01, 0.);
  ev_timer_start(loop, &inner);
  result = ev_run(loop, 0);
  trace("  nested ev_run returned %d", result);
}

int main(void) {
  struct ev_loop *loop = ev_loop_new(0);
  ev_timer_init(&outer, on_outer, 0., 0.);
  ev_timer_start(loop, &outer);
  trace("ev_run returned %d", ev_run(loop, 0));
  ev_loop_destroy(loop);
  return 0;
}
