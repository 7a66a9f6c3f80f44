/* stop_free: watchers stopped and freed inside callbacks while they are
 * pending, a one-shot timer freeing itself, and memory reused at once for a
 * watcher of another type. */
#include <stdlib.h>
#include <unistd.h>

#include "scenario.h"

typedef struct {
  ev_timer w;
  const char *name;
  void *other;
} Timer;

typedef struct {
  ev_check w;
  const char *name;
  void *other;
} Check;

static void on_timer(struct ev_loop *loop, ev_timer *w, int revents) {
  Timer *t = (Timer *)w;
  trace("%s %s", t->name, events(revents));
  if (t->other) {
    Timer *victim = t->other;
    ev_timer_stop(loop, &victim->w);
    trace("  %s stopped (pending %d) and freed", victim->name,
          ev_is_pending(&victim->w));
    free(victim);
    t->other = 0;
  }
}

static void on_self_free(struct ev_loop *loop, ev_timer *w, int revents) {
  Timer *t = (Timer *)w;
  (void)loop;
  trace("%s %s active %d: freeing itself", t->name, events(revents),
        ev_is_active(w));
  free(t);
}

static void on_check(struct ev_loop *loop, ev_check *w, int revents) {
  Check *c = (Check *)w;
  trace("%s %s", c->name, events(revents));
  if (c->other) {
    Check *victim = c->other;
    ev_check_stop(loop, &victim->w);
    free(victim);
    trace("  victim check stopped and freed");
    c->other = 0;
  }
  ev_check_stop(loop, w);
}

static void on_reused(struct ev_loop *loop, ev_idle *w, int revents) {
  trace("reused memory as an idle watcher: %s", events(revents));
  ev_idle_stop(loop, w);
  free(w);
}

int main(void) {
  struct ev_loop *loop = ev_default_loop(0);
  Timer *killer = malloc(sizeof *killer);
  Timer *victim = malloc(sizeof *victim);
  Timer *self = malloc(sizeof *self);
  Check *first = malloc(sizeof *first);
  Check *second = malloc(sizeof *second);
  void *memory;

  /* both due in the same iteration; the one started first runs first */
  ev_timer_init(&killer->w, on_timer, 0.01, 0.);
  killer->name = "killer";
  killer->other = victim;
  ev_timer_start(loop, &killer->w);
  ev_timer_init(&victim->w, on_timer, 0.01, 0.);
  victim->name = "victim";
  victim->other = 0;
  ev_timer_start(loop, &victim->w);
  ev_timer_init(&self->w, on_self_free, 0.02, 0.);
  self->name = "self";
  ev_timer_start(loop, &self->w);
  trace("ev_run returned %d", ev_run(loop, 0));
  free(killer);

  /* checks: the one started last runs first and frees the other */
  ev_check_init(&first->w, on_check);
  first->name = "first";
  first->other = 0;
  ev_check_start(loop, &first->w);
  ev_check_init(&second->w, on_check);
  second->name = "second";
  second->other = first;
  ev_check_start(loop, &second->w);
  /* (a loop with only check watchers blocks: libev for up to 59.7 s) */
  trace("ev_run returned %d", ev_run(loop, EVRUN_NOWAIT));

  /* stopped memory is plain memory: reuse it for another type at once */
  memory = second;
  {
    ev_timer *as_timer = malloc(sizeof *as_timer);
    ev_timer_init(as_timer, on_timer, 5., 0.);
    ev_timer_start(loop, as_timer);
    ev_timer_stop(loop, as_timer);
    free(as_timer);
  }
  {
    ev_idle *idle = realloc(memory, sizeof(ev_idle));
    ev_idle_init(idle, on_reused);
    ev_idle_start(loop, idle);
  }
  trace("ev_run returned %d", ev_run(loop, 0));
  return 0;
}
