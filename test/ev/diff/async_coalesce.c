/* async_coalesce: ev_async sends are coalesced, cleared by start, dropped by
 * stop, delivered in start order, and a send from the callback arrives on
 * the next iteration; sends from another thread before and while the loop
 * runs. */
#include <pthread.h>
#include <unistd.h>

#include "scenario.h"

static ev_async a[4];
static ev_async from_thread;
static ev_async waker;
static int resend = 1;

static void on_async(struct ev_loop *loop, ev_async *w, int revents) {
  trace("a%d %s iteration %u pending %d", (int)(w - a), events(revents),
        ev_iteration(loop), ev_async_pending(w));
  if (w == &a[0] && resend) {
    resend = 0;
    ev_async_send(loop, w);
    trace("a0 sent again from its callback");
  }
}

static void on_thread_async(struct ev_loop *loop, ev_async *w, int revents) {
  trace("from_thread %s", events(revents));
  ev_async_stop(loop, w);
}

static void *send_many(void *arg) {
  struct ev_loop *loop = arg;
  int i;
  for (i = 0; i < 5000; ++i) ev_async_send(loop, &from_thread);
  return 0;
}

static void *wake_later(void *arg) {
  struct ev_loop *loop = arg;
  usleep(50000);
  ev_async_send(loop, &waker);
  return 0;
}

static void on_waker(struct ev_loop *loop, ev_async *w, int revents) {
  trace("waker %s", events(revents));
  ev_async_stop(loop, w);
}

int main(void) {
  struct ev_loop *loop = ev_default_loop(0);
  pthread_t thread;
  int i;

  for (i = 0; i < 4; ++i) {
    ev_async_init(&a[i], on_async);
    ev_async_start(loop, &a[i]);
  }
  ev_async_send(loop, &a[2]);
  ev_async_send(loop, &a[2]);
  ev_async_send(loop, &a[2]);
  ev_async_send(loop, &a[0]);
  ev_async_send(loop, &a[3]);
  trace("a2 pending before the loop: %d", ev_async_pending(&a[2]));
  ev_async_stop(loop, &a[3]);
  trace("a3 stopped after its send");
  ev_run(loop, EVRUN_NOWAIT);
  trace("first run done");
  ev_run(loop, EVRUN_NOWAIT);
  trace("second run done");

  /* start forgets an earlier send */
  ev_async_send(loop, &a[3]);
  ev_async_start(loop, &a[3]);
  trace("a3 restarted, pending %d", ev_async_pending(&a[3]));
  ev_run(loop, EVRUN_NOWAIT);
  trace("third run done");
  for (i = 0; i < 4; ++i) ev_async_stop(loop, &a[i]);

  /* 5000 sends from a thread before the loop looks: one callback */
  ev_async_init(&from_thread, on_thread_async);
  ev_async_start(loop, &from_thread);
  pthread_create(&thread, 0, send_many, loop);
  pthread_join(thread, 0);
  trace("ev_run returned %d", ev_run(loop, 0));

  /* a thread wakes a blocked loop */
  ev_async_init(&waker, on_waker);
  ev_async_start(loop, &waker);
  pthread_create(&thread, 0, wake_later, loop);
  trace("ev_run returned %d", ev_run(loop, 0));
  pthread_join(thread, 0);
  return 0;
}
