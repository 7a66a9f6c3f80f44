/* late_child: an ev_child watcher started after its child has exited and
 * the loop has iterated.  libev's SIGCHLD handler reaped the child already
 * and the status is lost; the layer waits only for watched pids, so the
 * watcher still sees it (a documented divergence: inside Node the layer must
 * not reap Node's own children). */
#include <sys/wait.h>
#include <unistd.h>

#include "scenario.h"

static ev_child child;
static ev_timer timeout, pause_w;

static void on_child(struct ev_loop *loop, ev_child *w, int revents) {
  trace("  child %s exit status %d", events(revents),
        WEXITSTATUS(w->rstatus));
  ev_child_stop(loop, w);
  ev_timer_stop(loop, &timeout);
}

static void on_timeout(struct ev_loop *loop, ev_timer *w, int revents) {
  (void)w;
  trace("  timeout %s: no child event", events(revents));
  ev_child_stop(loop, &child);
}

static void on_pause(struct ev_loop *loop, ev_timer *w, int revents) {
  (void)loop;
  (void)w;
  (void)revents;
}

int main(void) {
  struct ev_loop *loop = ev_default_loop(0);
  pid_t pid;
  fflush(stdout);
  pid = fork();
  if (pid == 0) _exit(4);
  /* let the loop iterate while the child exits */
  ev_timer_init(&pause_w, on_pause, 0.3, 0.);
  ev_timer_start(loop, &pause_w);
  ev_run(loop, 0);
  trace("the child has exited; starting its watcher:");
  ev_child_init(&child, on_child, pid, 0);
  ev_child_start(loop, &child);
  ev_timer_init(&timeout, on_timeout, 0.2, 0.);
  ev_timer_start(loop, &timeout);
  trace("ev_run returned %d", ev_run(loop, 0));
  return 0;
}
