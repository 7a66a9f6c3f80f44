/* loops: several loops, ev_break (one, all, cancel), ev_depth and
 * ev_iteration, ev_now and ev_now_update, userdata, the backend, cleanup
 * watchers on ev_loop_destroy, and fork watchers after ev_loop_fork in a
 * child process. */
#include <sys/wait.h>
#include <unistd.h>

#include "scenario.h"

static ev_idle idle;
static ev_cleanup cleanup;
static ev_fork fork_w;
static ev_timer timer;
static int idle_calls;

static void on_idle(struct ev_loop *loop, ev_idle *w, int revents) {
  (void)w;
  ++idle_calls;
  trace("  idle %s call %d depth %u", events(revents), idle_calls,
        ev_depth(loop));
  if (idle_calls == 2) ev_break(loop, EVBREAK_CANCEL);
  if (idle_calls == 3) ev_break(loop, EVBREAK_ONE);
  if (idle_calls == 5) ev_break(loop, EVBREAK_ALL);
}

static void on_cleanup(struct ev_loop *loop, ev_cleanup *w, int revents) {
  (void)w;
  trace("  cleanup %s userdata %s", events(revents),
        (const char *)ev_userdata(loop));
}

static void on_fork(struct ev_loop *loop, ev_fork *w, int revents) {
  (void)loop;
  (void)w;
  trace("  child: fork watcher %s", events(revents));
}

static void on_timer(struct ev_loop *loop, ev_timer *w, int revents) {
  ev_tstamp before = ev_now(loop);
  (void)w;
  ev_sleep(0.02);
  trace("  timer %s: ev_now unchanged after sleeping %d", events(revents),
        ev_now(loop) == before);
  ev_now_update(loop);
  trace("  ev_now_update moved it on %d", ev_now(loop) >= before + 0.019);
}

int main(void) {
  struct ev_loop *loop = ev_loop_new(EVFLAG_AUTO);
  struct ev_loop *other = ev_loop_new(EVFLAG_AUTO);
  pid_t pid;
  int status, result;

  trace("two loops are different: %d, default is another: %d",
        loop != other, ev_default_loop(0) != loop);
  trace("backend is epoll: %d", ev_backend(loop) == EVBACKEND_EPOLL);
  trace("ev_now close to ev_time: %d",
        ev_now(loop) - ev_time() < 1 && ev_time() - ev_now(loop) < 1);

  ev_idle_init(&idle, on_idle);
  ev_idle_start(loop, &idle);
  trace("ev_run (break cancelled, then ONE):");
  result = ev_run(loop, 0);
  trace("ev_run returned %d, depth %u, iterations %u", result,
        ev_depth(loop), ev_iteration(loop));
  trace("ev_run again (break ALL):");
  result = ev_run(loop, 0);
  trace("ev_run returned %d, iterations %u", result, ev_iteration(loop));
  ev_idle_stop(loop, &idle);

  ev_timer_init(&timer, on_timer, 0., 0.);
  ev_timer_start(other, &timer);
  trace("the other loop:");
  trace("ev_run returned %d", ev_run(other, 0));

  ev_set_userdata(loop, "kept");
  ev_cleanup_init(&cleanup, on_cleanup);
  ev_cleanup_start(loop, &cleanup);
  trace("a cleanup watcher does not keep the loop running: %d",
        ev_run(loop, 0));

  ev_fork_init(&fork_w, on_fork);
  ev_fork_start(loop, &fork_w);
  fflush(stdout);
  pid = fork();
  if (pid == 0) {
    ev_loop_fork(loop);
    ev_run(loop, EVRUN_NOWAIT);
    trace("  child: done");
    _exit(0);
  }
  waitpid(pid, &status, 0);
  trace("parent after the child: fork watcher not run here");
  ev_run(loop, EVRUN_NOWAIT);
  ev_fork_stop(loop, &fork_w);

  trace("destroying the loop:");
  ev_loop_destroy(loop);
  ev_loop_destroy(other);
  trace("done");
  return 0;
}
