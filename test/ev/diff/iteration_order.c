/* iteration_order: where prepare, check, idle, timer and io callbacks run
 * within an iteration and in which order; check and prepare watchers in
 * libev's array order (and after a stop); idle watchers locked out by
 * pending events of their priority or higher. */
#include <unistd.h>

#include "scenario.h"

static ev_prepare prepare[2];
static ev_check check[3];
static ev_idle idle_low, idle_high;
static ev_timer timer, busy;
static ev_io io;
static int pipe_fds[2];
static int budget;

static void stop_when_done(struct ev_loop *loop) {
  if (--budget == 0) ev_break(loop, EVBREAK_ONE);
}

static void on_prepare(struct ev_loop *loop, ev_prepare *w, int revents) {
  trace("  prepare%d %s iteration %u", (int)(w - prepare), events(revents),
        ev_iteration(loop));
}

static void on_check(struct ev_loop *loop, ev_check *w, int revents) {
  trace("  check%d %s", (int)(w - check), events(revents));
  if (w == &check[0]) stop_when_done(loop);
}

static void on_idle(struct ev_loop *loop, ev_idle *w, int revents) {
  (void)loop;
  trace("  idle_%s %s", w == &idle_low ? "low" : "high", events(revents));
}

static void on_timer(struct ev_loop *loop, ev_timer *w, int revents) {
  (void)loop;
  trace("  %s %s", w == &timer ? "timer" : "busy", events(revents));
}

static void on_io(struct ev_loop *loop, ev_io *w, int revents) {
  char c;
  trace("  io %s", events(revents));
  if (read(w->fd, &c, 1) != 1) trace("  read failed");
  ev_io_stop(loop, w);
}

int main(void) {
  struct ev_loop *loop = ev_default_loop(0);
  int i;
  if (pipe(pipe_fds) != 0) return 1;

  for (i = 0; i < 2; ++i) {
    ev_prepare_init(&prepare[i], on_prepare);
    ev_prepare_start(loop, &prepare[i]);
  }
  for (i = 0; i < 3; ++i) {
    ev_check_init(&check[i], on_check);
    ev_check_start(loop, &check[i]);
  }
  ev_timer_init(&timer, on_timer, -1., 0.);
  ev_timer_start(loop, &timer);
  ev_io_init(&io, on_io, pipe_fds[0], EV_READ);
  ev_io_start(loop, &io);
  if (write(pipe_fds[1], "x", 1) != 1) return 1;
  ev_idle_init(&idle_low, on_idle);
  ev_set_priority(&idle_low, -1);
  ev_idle_start(loop, &idle_low);
  ev_idle_init(&idle_high, on_idle);
  ev_set_priority(&idle_high, 1);
  ev_idle_start(loop, &idle_high);

  trace("run 1");
  budget = 3;
  ev_run(loop, 0);

  trace("run 2: check0 stopped, high idle stopped, a low-priority timer");
  ev_check_stop(loop, &check[0]);
  ev_set_cb(&check[1], on_check);
  ev_idle_stop(loop, &idle_high);
  ev_timer_init(&busy, on_timer, -1., 0.);
  ev_set_priority(&busy, -2);
  ev_timer_start(loop, &busy);
  ev_run(loop, EVRUN_ONCE);
  trace("run 3: the same timer at the idle's priority");
  ev_set_priority(&busy, -1);
  ev_timer_start(loop, &busy);
  ev_run(loop, EVRUN_ONCE);
  trace("run 4");
  ev_run(loop, EVRUN_ONCE);

  ev_idle_stop(loop, &idle_low);
  for (i = 0; i < 2; ++i) ev_prepare_stop(loop, &prepare[i]);
  for (i = 0; i < 3; ++i) ev_check_stop(loop, &check[i]);
  trace("ev_run returned %d", ev_run(loop, 0));
  return 0;
}
