/* header_check.c: compat/include/ev.h compiles as the C89 and C++98 of the
 * node-waf era (with -pedantic), with either EV_MULTIPLICITY, and every
 * macro and inline function expands.  Compiled only, never run. */
#include <ev.h>

static void on_timer(EV_P_ ev_timer *w, int revents) {
#if EV_MULTIPLICITY
  (void)loop;
#endif
  (void)w;
  (void)revents;
}

static void on_io(EV_P_ ev_io *w, int revents) {
#if EV_MULTIPLICITY
  (void)loop;
#endif
  (void)w;
  (void)revents;
}

static void on_once(int revents, void *arg) {
  (void)revents;
  (void)arg;
}

int compat_header_check(void);
int compat_header_check(void) {
  ev_timer t;
  ev_io io;
  ev_async a;
  ev_periodic p;
  ev_idle i;
  ev_signal s;
  ev_child c;
  ev_prepare pr;
  ev_check ch;
  ev_fork f;
  ev_cleanup cl;
  int result = 0;
#if EV_MULTIPLICITY
  struct ev_loop *loop = ev_default_loop(EVFLAG_AUTO);
  struct ev_loop *other = ev_loop_new(0);
  ev_loop_destroy(other);
  result += ev_is_default_loop(loop);
#else
  result += ev_default_loop(EVFLAG_AUTO);
  result += ev_is_default_loop();
#endif
  ev_timer_init(&t, on_timer, 1., 0.);
  ev_io_init(&io, on_io, 0, EV_READ);
  ev_io_set(&io, 0, EV_READ | EV_WRITE);
  ev_io_modify(&io, EV_READ);
  ev_async_init(&a, 0);
  ev_periodic_init(&p, 0, 0., 1., 0);
  ev_idle_init(&i, 0);
  ev_signal_init(&s, 0, SIGINT);
  ev_child_init(&c, 0, 1, 0);
  ev_prepare_init(&pr, 0);
  ev_check_init(&ch, 0);
  ev_fork_init(&f, 0);
  ev_cleanup_init(&cl, 0);
  ev_init(&t, on_timer);
  ev_set_cb(&t, on_timer);
  ev_set_priority(&t, EV_MAXPRI);
  t.repeat = 2.;
  ev_timer_again(EV_A_ &t);
  result += ev_is_active(&t) + ev_is_pending(&t) + ev_priority(&t);
  result += (int)ev_timer_remaining(EV_A_ &t) + (int)ev_periodic_at(&p);
  result += ev_cb(&t) == on_timer;
  result += ev_async_pending(&a);
  ev_timer_start(EV_A_ &t);
  ev_timer_stop(EV_A_ &t);
  ev_io_start(EV_A_ &io);
  ev_io_stop(EV_A_ &io);
  ev_async_start(EV_A_ &a);
  ev_async_send(EV_A_ &a);
  ev_async_stop(EV_A_ &a);
  ev_periodic_start(EV_A_ &p);
  ev_periodic_again(EV_A_ &p);
  ev_periodic_stop(EV_A_ &p);
  ev_idle_start(EV_A_ &i);
  ev_idle_stop(EV_A_ &i);
  ev_signal_start(EV_A_ &s);
  ev_signal_stop(EV_A_ &s);
  ev_child_start(EV_A_ &c);
  ev_child_stop(EV_A_ &c);
  ev_prepare_start(EV_A_ &pr);
  ev_prepare_stop(EV_A_ &pr);
  ev_check_start(EV_A_ &ch);
  ev_check_stop(EV_A_ &ch);
  ev_fork_start(EV_A_ &f);
  ev_fork_stop(EV_A_ &f);
  ev_cleanup_start(EV_A_ &cl);
  ev_cleanup_stop(EV_A_ &cl);
  ev_feed_event(EV_A_ &t, EV_CUSTOM);
  ev_invoke(EV_A_ &t, EV_TIMER);
  result += ev_clear_pending(EV_A_ &t);
  ev_feed_fd_event(EV_A_ 0, EV_READ);
  ev_feed_signal(SIGINT);
  ev_feed_signal_event(EV_A_ SIGINT);
  ev_once(EV_A_ -1, 0, 1., on_once, 0);
  ev_ref(EV_A);
  ev_unref(EV_A);
  ev_now_update(EV_A);
  result += (int)ev_now(EV_A) + (int)ev_time();
  ev_sleep(0.);
  ev_suspend(EV_A);
  ev_resume(EV_A);
  result += (int)ev_iteration(EV_A) + (int)ev_depth(EV_A);
  result += (int)ev_loop_count(EV_A) + (int)ev_loop_depth(EV_A);
  ev_verify(EV_A);
  ev_loop_verify(EV_A);
  ev_set_userdata(EV_A_ 0);
  result += ev_userdata(EV_A) == 0;
  result += (int)ev_pending_count(EV_A);
  ev_invoke_pending(EV_A);
  result += (int)ev_backend(EV_A) + (int)ev_supported_backends() +
            (int)ev_recommended_backends() + (int)ev_embeddable_backends();
  result += ev_version_major() + ev_version_minor();
  result += ev_run(EV_A_ EVRUN_NOWAIT);
  ev_loop(EV_A_ EVLOOP_ONESHOT);
  ev_break(EV_A_ EVBREAK_ONE);
  ev_unloop(EV_A_ EVUNLOOP_ALL);
  ev_loop_fork(EV_A);
  ev_default_fork();
  ev_default_destroy();
  return result;
}
