/* negative_count: more ev_unref than ev_ref and starts.  libev keeps
 * running while its count is not zero, negative or not; the layer reports
 * the underflow and treats a negative count as zero (a documented
 * divergence: otherwise the process could never exit). */
#include "scenario.h"

static ev_timer first, last;

static void on_timer(struct ev_loop *loop, ev_timer *w, int revents) {
  trace("  %s %s", w == &first ? "first" : "last", events(revents));
  if (w == &last) ev_break(loop, EVBREAK_ALL);
}

int main(void) {
  struct ev_loop *loop = ev_loop_new(0);
  ev_timer_init(&first, on_timer, 0.01, 0.);
  ev_timer_start(loop, &first);
  ev_unref(loop);
  ev_timer_init(&last, on_timer, 0.05, 0.);
  ev_timer_start(loop, &last);
  ev_unref(loop);
  ev_unref(loop); /* one too many: the count is -1 */
  trace("ev_run with a count of -1:");
  trace("ev_run returned %d", ev_run(loop, 0));
  ev_loop_destroy(loop);
  return 0;
}
