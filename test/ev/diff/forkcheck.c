/* forkcheck: with EVFLAG_FORKCHECK a loop notices a fork by itself, so fork
 * watchers run in the child without ev_loop_fork. */
#include <sys/wait.h>
#include <unistd.h>

#include "scenario.h"

static ev_fork fork_w;
static ev_timer timer;

static void on_fork(struct ev_loop *loop, ev_fork *w, int revents) {
  (void)loop;
  (void)w;
  trace("  fork watcher %s in %s", events(revents), "the child");
}

static void on_timer(struct ev_loop *loop, ev_timer *w, int revents) {
  (void)loop;
  (void)w;
  trace("  timer %s", events(revents));
}

int main(void) {
  struct ev_loop *loop = ev_loop_new(EVFLAG_FORKCHECK);
  pid_t pid;
  int status;
  ev_fork_init(&fork_w, on_fork);
  ev_fork_start(loop, &fork_w);
  ev_unref(loop);
  ev_run(loop, EVRUN_NOWAIT);
  trace("before the fork: nothing");
  fflush(stdout);
  pid = fork();
  if (pid == 0) {
    ev_timer_init(&timer, on_timer, 0.01, 0.);
    ev_timer_start(loop, &timer);
    trace("child: ev_run returned %d", ev_run(loop, 0));
    _exit(0);
  }
  waitpid(pid, &status, 0);
  ev_run(loop, EVRUN_NOWAIT);
  trace("parent: ev_run again, still nothing");
  ev_ref(loop);
  ev_fork_stop(loop, &fork_w);
  ev_loop_destroy(loop);
  return 0;
}
