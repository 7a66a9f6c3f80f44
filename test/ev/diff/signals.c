/* signals: ev_signal delivery to every watcher of a signal, coalescing,
 * the order of several signals and of signals and asyncs arriving in the
 * same iteration, ev_feed_signal, and ev_child for a forked child's exit. */
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "scenario.h"

static ev_signal usr1a, usr1b, usr2;
static ev_async async;
static ev_child child;

static void on_signal(struct ev_loop *loop, ev_signal *w, int revents) {
  (void)loop;
  trace("  %s %s signum %d",
        w == &usr1a ? "usr1a" : w == &usr1b ? "usr1b" : "usr2",
        events(revents), w->signum);
}

static void on_async(struct ev_loop *loop, ev_async *w, int revents) {
  (void)loop;
  (void)w;
  trace("  async %s", events(revents));
}

static void on_child(struct ev_loop *loop, ev_child *w, int revents) {
  trace("  child %s rpid is pid %d exited %d status %d pri %d active %d",
        events(revents), w->rpid == w->pid, WIFEXITED(w->rstatus),
        WEXITSTATUS(w->rstatus), ev_priority(w), ev_is_active(w));
  ev_child_stop(loop, w);
}

int main(void) {
  struct ev_loop *loop = ev_default_loop(0);
  pid_t pid;

  ev_signal_init(&usr1a, on_signal, SIGUSR1);
  ev_signal_start(loop, &usr1a);
  ev_signal_init(&usr1b, on_signal, SIGUSR1);
  ev_signal_start(loop, &usr1b);
  ev_signal_init(&usr2, on_signal, SIGUSR2);
  ev_signal_start(loop, &usr2);
  ev_async_init(&async, on_async);
  ev_async_start(loop, &async);

  trace("SIGUSR1 raised twice:");
  raise(SIGUSR1);
  raise(SIGUSR1);
  ev_run(loop, EVRUN_NOWAIT);
  ev_run(loop, EVRUN_NOWAIT);
  trace("SIGUSR1, SIGUSR2 and an async in one iteration:");
  raise(SIGUSR2);
  ev_async_send(loop, &async);
  raise(SIGUSR1);
  ev_run(loop, EVRUN_NOWAIT);
  trace("ev_feed_signal(SIGUSR2):");
  ev_feed_signal(SIGUSR2);
  ev_run(loop, EVRUN_NOWAIT);
  trace("ev_feed_signal_event(SIGUSR1):");
  ev_feed_signal_event(loop, SIGUSR1);
  trace("  usr1a pending %d", ev_is_pending(&usr1a));
  ev_invoke_pending(loop);
  ev_signal_stop(loop, &usr1a);
  ev_signal_stop(loop, &usr1b);
  ev_signal_stop(loop, &usr2);
  ev_async_stop(loop, &async);

  trace("a child that exits with 7:");
  fflush(stdout);
  pid = fork();
  if (pid == 0) {
    usleep(20000);
    _exit(7);
  }
  ev_child_init(&child, on_child, pid, 0);
  ev_child_start(loop, &child);
  trace("ev_run returned %d", ev_run(loop, 0));
  return 0;
}
