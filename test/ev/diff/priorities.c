/* priorities: ev_feed_event, ev_clear_pending, ev_invoke, ev_pending_count
 * and the order of invocation by priority, also when a callback feeds an
 * event of a higher priority. */
#include "scenario.h"

typedef struct {
  ev_prepare w; /* never started: only fed */
  const char *name;
  void *feeds;
} Named;

static void on_named(struct ev_loop *loop, ev_prepare *w, int revents) {
  Named *n = (Named *)w;
  trace("  %s %s pri %d pending %d", n->name, events(revents),
        ev_priority(w), ev_is_pending(w));
  if (n->feeds) {
    ev_feed_event(loop, n->feeds, EV_CUSTOM);
    trace("  %s fed %s", n->name, ((Named *)n->feeds)->name);
  }
}

static void init(Named *n, const char *name, int pri) {
  ev_init(&n->w, on_named);
  ev_set_priority(&n->w, pri);
  n->name = name;
  n->feeds = 0;
}

int main(void) {
  struct ev_loop *loop = ev_loop_new(0);
  Named low1, low2, mid1, mid2, high, top, late, cleared;

  init(&low1, "low1", -2);
  init(&low2, "low2", -2);
  init(&mid1, "mid1", 0);
  init(&mid2, "mid2", 0);
  init(&high, "high", 1);
  init(&top, "top", 2);
  init(&late, "late", 2);
  init(&cleared, "cleared", 0);
  mid2.feeds = &late;

  ev_feed_event(loop, &low1, EV_READ);
  ev_feed_event(loop, &mid1, EV_WRITE);
  ev_feed_event(loop, &high, EV_CUSTOM);
  ev_feed_event(loop, &cleared, EV_CUSTOM);
  ev_feed_event(loop, &low2, EV_CUSTOM);
  ev_feed_event(loop, &mid2, EV_CUSTOM);
  ev_feed_event(loop, &top, EV_CUSTOM);
  ev_feed_event(loop, &mid1, EV_READ); /* merged with the earlier one */
  trace("pending count %u", ev_pending_count(loop));
  trace("clear_pending returned %s", events(ev_clear_pending(loop, &cleared)));
  trace("cleared is pending %d", ev_is_pending(&cleared.w));
  trace("pending count %u", ev_pending_count(loop));
  ev_invoke(loop, &top, EV_CHECK);
  trace("top still pending after ev_invoke %d", ev_is_pending(&top.w));
  trace("ev_invoke_pending:");
  ev_invoke_pending(loop);
  trace("pending count %u", ev_pending_count(loop));

  ev_feed_event(loop, &mid1, EV_CUSTOM);
  trace("ev_run NOWAIT returned %d", ev_run(loop, EVRUN_NOWAIT));
  ev_loop_destroy(loop);
  return 0;
}
