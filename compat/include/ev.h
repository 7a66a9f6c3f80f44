/* ev.h: the libev 4.x API of node-waf era addons, implemented by
 * node-waf-compat on libuv (compat/src/ev_*.cc).
 *
 * The contract is libev's manual (ev.pod), not libuv's: watchers live in user
 * memory and may be freed as soon as they are stopped, starting an active
 * watcher does nothing, events are queued and invoked by priority the way
 * libev's ev_invoke_pending does, ev_ref/ev_unref move one loop-wide count,
 * and ev_async_send may be called from any thread.
 *
 * Both spellings of the loop argument compile: EV_MULTIPLICITY=1 (the
 * default, Node 0.6) and -DEV_MULTIPLICITY=0 (Node 0.4's node-waf, Node 0.8's
 * ev-emul.h).  The libev 3 names (ev_loop, ev_unloop, EVLOOP_*, EVUNLOOP_*,
 * EV_TIMEOUT, ev_default_destroy, ...) are kept.  This header is valid C89
 * and C++98. */
#ifndef COMPAT_EV_H_
#define COMPAT_EV_H_

#include <signal.h>
#include <sys/stat.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef EV_MULTIPLICITY
#define EV_MULTIPLICITY 1
#endif

#define EV_VERSION_MAJOR 4
#define EV_VERSION_MINOR 33

/* What this libev supports, for code that tests libev's feature macros. */
#define EV_COMPAT3 1
#define EV_PERIODIC_ENABLE 1
#define EV_PREPARE_ENABLE 1
#define EV_CHECK_ENABLE 1
#define EV_IDLE_ENABLE 1
#define EV_FORK_ENABLE 1
#define EV_CLEANUP_ENABLE 1
#define EV_SIGNAL_ENABLE 1
#define EV_CHILD_ENABLE 1
#define EV_ASYNC_ENABLE 1
#define EV_STAT_ENABLE 0
#define EV_EMBED_ENABLE 0
#define EV_WALK_ENABLE 0

#ifndef EV_ATOMIC_T
#define EV_ATOMIC_T sig_atomic_t volatile
#endif

typedef double ev_tstamp;

struct ev_loop;

#if EV_MULTIPLICITY
#define EV_P struct ev_loop *loop
#define EV_P_ EV_P,
#define EV_A loop
#define EV_A_ EV_A,
#define EV_DEFAULT_UC ev_default_loop_uc_()
#define EV_DEFAULT_UC_ EV_DEFAULT_UC,
#define EV_DEFAULT ev_default_loop(0)
#define EV_DEFAULT_ EV_DEFAULT,
/* The loop a wrapper hands to the runtime. */
#define COMPAT__EV_LOOP loop
#else
#define EV_P void
#define EV_P_
#define EV_A
#define EV_A_
#define EV_DEFAULT
#define EV_DEFAULT_
#define EV_DEFAULT_UC
#define EV_DEFAULT_UC_
#define COMPAT__EV_LOOP compat__ev_default_loop_uc()
#endif

/* The callback spelling a watcher was compiled with travels with every start
 * call, so one runtime serves translation units of both settings. */
#define COMPAT__EV_MODE (EV_MULTIPLICITY ? 1 : 0)

#define EV_MINPRI (-2)
#define EV_MAXPRI (+2)

/* revents bits: libev 4.04 and 4.33 use the same values. */
enum {
  EV_UNDEF = (int)0xFFFFFFFF,
  EV_NONE = 0x00,
  EV_READ = 0x01,
  EV_WRITE = 0x02,
  EV__IOFDSET = 0x80,
  EV_IO = EV_READ,
  EV_TIMER = 0x00000100,
  EV_TIMEOUT = EV_TIMER,
  EV_PERIODIC = 0x00000200,
  EV_SIGNAL = 0x00000400,
  EV_CHILD = 0x00000800,
  EV_STAT = 0x00001000,
  EV_IDLE = 0x00002000,
  EV_PREPARE = 0x00004000,
  EV_CHECK = 0x00008000,
  EV_EMBED = 0x00010000,
  EV_FORK = 0x00020000,
  EV_CLEANUP = 0x00040000,
  EV_ASYNC = 0x00080000,
  EV_CUSTOM = 0x01000000,
  EV_ERROR = (int)0x80000000
};

/* ev_default_loop / ev_loop_new flags: accepted and ignored, because libuv
 * chooses the backend and handles signals its own way. */
enum {
  EVFLAG_AUTO = 0x00000000U,
  EVFLAG_NOENV = 0x01000000U,
  EVFLAG_FORKCHECK = 0x02000000U,
  EVFLAG_NOINOTIFY = 0x00100000U,
  EVFLAG_NOSIGFD = 0,
  EVFLAG_SIGNALFD = 0x00200000U,
  EVFLAG_NOSIGMASK = 0x00400000U,
  EVFLAG_NOTIMERFD = 0x00800000U
};

enum {
  EVBACKEND_SELECT = 0x00000001U,
  EVBACKEND_POLL = 0x00000002U,
  EVBACKEND_EPOLL = 0x00000004U,
  EVBACKEND_KQUEUE = 0x00000008U,
  EVBACKEND_DEVPOLL = 0x00000010U,
  EVBACKEND_PORT = 0x00000020U,
  EVBACKEND_LINUXAIO = 0x00000040U,
  EVBACKEND_IOURING = 0x00000080U,
  EVBACKEND_ALL = 0x000000FFU,
  EVBACKEND_MASK = 0x0000FFFFU
};

/* ev_run flags and ev_break values, with their libev 3 names. */
enum { EVRUN_NOWAIT = 1, EVRUN_ONCE = 2 };
enum { EVBREAK_CANCEL = 0, EVBREAK_ONE = 1, EVBREAK_ALL = 2 };
#define EVLOOP_NONBLOCK EVRUN_NOWAIT
#define EVLOOP_ONESHOT EVRUN_ONCE
#define EVUNLOOP_CANCEL EVBREAK_CANCEL
#define EVUNLOOP_ONE EVBREAK_ONE
#define EVUNLOOP_ALL EVBREAK_ALL

/* The public members every watcher starts with, in libev's order.  The
 * compat__ member is ours: ev_init stamps it so that starting a watcher that
 * was never initialised can be reported. */
#define EV_WATCHER(type)                          \
  int active;                                     \
  int pending;                                    \
  int priority;                                   \
  void *data;                                     \
  void (*cb)(EV_P_ struct type * w, int revents); \
  unsigned compat__init;

#define EV_WATCHER_LIST(type) EV_WATCHER(type) struct ev_watcher_list *next;
#define EV_WATCHER_TIME(type) EV_WATCHER(type) ev_tstamp at;

/* libev's "not official" callback declarator. */
#define EV_CB(type, name) void name(EV_P_ struct ev_##type *w, int revents)

typedef struct ev_watcher {
  EV_WATCHER(ev_watcher)
} ev_watcher;

typedef struct ev_watcher_list {
  EV_WATCHER_LIST(ev_watcher_list)
} ev_watcher_list;

typedef struct ev_watcher_time {
  EV_WATCHER_TIME(ev_watcher_time)
} ev_watcher_time;

/* EV_READ / EV_WRITE readiness of a file descriptor. */
typedef struct ev_io {
  EV_WATCHER_LIST(ev_io)
  int fd;
  int events;
} ev_io;

/* Relative timeouts on the monotonic clock; `repeat` may be changed at any
 * time and is read at the next expiry or ev_timer_again. */
typedef struct ev_timer {
  EV_WATCHER_TIME(ev_timer)
  ev_tstamp repeat;
} ev_timer;

/* Wall-clock (UTC) based timers. */
typedef struct ev_periodic {
  EV_WATCHER_TIME(ev_periodic)
  ev_tstamp offset;
  ev_tstamp interval;
  ev_tstamp (*reschedule_cb)(struct ev_periodic *w, ev_tstamp now);
} ev_periodic;

typedef struct ev_signal {
  EV_WATCHER_LIST(ev_signal)
  int signum;
} ev_signal;

/* Status changes of a child process (default loop only). */
typedef struct ev_child {
  EV_WATCHER_LIST(ev_child)
  int flags;
  int pid;
  int rpid;
  int rstatus;
} ev_child;

/* ev_stat is declared so that structures embedding it still compile; its
 * functions are not available (see below). */
typedef struct stat ev_statdata;
typedef struct ev_stat {
  EV_WATCHER_LIST(ev_stat)
  ev_timer timer;
  ev_tstamp interval;
  const char *path;
  ev_statdata prev;
  ev_statdata attr;
  int wd;
} ev_stat;

typedef struct ev_idle {
  EV_WATCHER(ev_idle)
} ev_idle;

typedef struct ev_prepare {
  EV_WATCHER(ev_prepare)
} ev_prepare;

typedef struct ev_check {
  EV_WATCHER(ev_check)
} ev_check;

typedef struct ev_fork {
  EV_WATCHER(ev_fork)
} ev_fork;

typedef struct ev_cleanup {
  EV_WATCHER(ev_cleanup)
} ev_cleanup;

/* libev (ev.pod, ev_async): "sent" is set by ev_async_send from any thread and
 * cleared by the loop before the callback runs. */
typedef struct ev_async {
  EV_WATCHER(ev_async)
  EV_ATOMIC_T sent;
} ev_async;

union ev_any_watcher {
  struct ev_watcher w;
  struct ev_watcher_list wl;
  struct ev_io io;
  struct ev_timer timer;
  struct ev_periodic periodic;
  struct ev_signal signal;
  struct ev_child child;
  struct ev_stat stat;
  struct ev_idle idle;
  struct ev_prepare prepare;
  struct ev_check check;
  struct ev_fork fork;
  struct ev_cleanup cleanup;
  struct ev_async async;
};

/* ---- runtime entry points (compat/src/ev_*.cc); not for direct use ----
 * Watcher arguments are void * so that one entry point takes every watcher
 * type without a cast in user code. */
struct ev_loop *compat__ev_default_loop(unsigned int flags);
struct ev_loop *compat__ev_default_loop_uc(void);
struct ev_loop *compat__ev_loop_new(unsigned int flags);
void compat__ev_loop_destroy(struct ev_loop *loop);
void compat__ev_loop_fork(struct ev_loop *loop);
unsigned int compat__ev_backend(struct ev_loop *loop);
int compat__ev_run(struct ev_loop *loop, int flags);
void compat__ev_break(struct ev_loop *loop, int how);
void compat__ev_ref(struct ev_loop *loop);
void compat__ev_unref(struct ev_loop *loop);
ev_tstamp compat__ev_now(struct ev_loop *loop);
void compat__ev_now_update(struct ev_loop *loop);
void compat__ev_suspend(struct ev_loop *loop);
void compat__ev_resume(struct ev_loop *loop);
ev_tstamp compat__ev_time(void);
void compat__ev_sleep(ev_tstamp delay);
unsigned int compat__ev_iteration(struct ev_loop *loop);
unsigned int compat__ev_depth(struct ev_loop *loop);
void compat__ev_verify(struct ev_loop *loop);
void compat__ev_set_userdata(struct ev_loop *loop, void *data);
void *compat__ev_userdata(struct ev_loop *loop);
unsigned int compat__ev_pending_count(struct ev_loop *loop);
void compat__ev_invoke_pending(struct ev_loop *loop);

void compat__ev_init(void *w, const char *api);
void compat__ev_feed_event(struct ev_loop *loop, void *w, int revents,
                           int mode);
void compat__ev_invoke(struct ev_loop *loop, void *w, int revents, int mode);
int compat__ev_clear_pending(struct ev_loop *loop, void *w);
void compat__ev_once(struct ev_loop *loop, int fd, int events,
                     ev_tstamp timeout, void (*cb)(int revents, void *arg),
                     void *arg);

void compat__ev_io_start(struct ev_loop *loop, ev_io *w, int mode);
void compat__ev_io_stop(struct ev_loop *loop, ev_io *w);
void compat__ev_feed_fd_event(struct ev_loop *loop, int fd, int revents);
void compat__ev_timer_start(struct ev_loop *loop, ev_timer *w, int mode);
void compat__ev_timer_stop(struct ev_loop *loop, ev_timer *w);
void compat__ev_timer_again(struct ev_loop *loop, ev_timer *w, int mode);
ev_tstamp compat__ev_timer_remaining(struct ev_loop *loop, ev_timer *w);
void compat__ev_periodic_start(struct ev_loop *loop, ev_periodic *w,
                               int mode);
void compat__ev_periodic_stop(struct ev_loop *loop, ev_periodic *w);
void compat__ev_periodic_again(struct ev_loop *loop, ev_periodic *w,
                               int mode);
void compat__ev_signal_start(struct ev_loop *loop, ev_signal *w, int mode);
void compat__ev_signal_stop(struct ev_loop *loop, ev_signal *w);
void compat__ev_feed_signal(int signum);
void compat__ev_feed_signal_event(struct ev_loop *loop, int signum);
void compat__ev_child_start(struct ev_loop *loop, ev_child *w, int mode);
void compat__ev_child_stop(struct ev_loop *loop, ev_child *w);
/* idle, prepare, check, fork and cleanup share these (kind: EV_IDLE, ...) */
void compat__ev_simple_start(struct ev_loop *loop, void *w, int kind,
                             int mode);
void compat__ev_simple_stop(struct ev_loop *loop, void *w, int kind);
void compat__ev_async_start(struct ev_loop *loop, ev_async *w, int mode);
void compat__ev_async_stop(struct ev_loop *loop, ev_async *w);
void compat__ev_async_send(struct ev_loop *loop, ev_async *w);

/* ---- generic watcher macros (ev.pod "GENERIC WATCHER FUNCTIONS") ---- */
#define ev_set_cb(ev, cb_) ((ev)->cb = (cb_))
#define ev_cb(ev) ((ev)->cb)
#define ev_init(ev, cb_)                       \
  do {                                         \
    compat__ev_init((void *)(ev), "ev_init");  \
    ev_set_cb((ev), cb_);                      \
  } while (0)

#ifndef __cplusplus
/* C: the members are read by name, which needs a watcher pointer.  libev
 * cast any pointer to ev_watcher *, which GCC flags as type punning (and
 * may miscompile under -fstrict-aliasing). */
#define ev_is_active(ev) (0 + (ev)->active)
#define ev_is_pending(ev) (0 + (ev)->pending)
#define ev_priority(ev) (+(ev)->priority)
#define ev_set_priority(ev, pri) ((ev)->priority = (pri))
#define ev_periodic_at(ev) (+(ev)->at)
#endif
/* Each TYPE_init is ev_init (reported under its own name) + TYPE_set. */
#define COMPAT__EV_INIT(ev, cb_, api)  \
  compat__ev_init((void *)(ev), api); \
  ev_set_cb((ev), cb_)

#define ev_io_set(ev, fd_, events_) \
  do {                              \
    (ev)->fd = (fd_);               \
    (ev)->events = (events_) | EV__IOFDSET; \
  } while (0)
#define ev_io_modify(ev, events_) \
  do {                            \
    (ev)->events = ((ev)->events & EV__IOFDSET) | (events_); \
  } while (0)
#define ev_timer_set(ev, after_, repeat_) \
  do {                                    \
    (ev)->at = (after_);                  \
    (ev)->repeat = (repeat_);             \
  } while (0)
#define ev_periodic_set(ev, ofs_, ival_, rcb_) \
  do {                                         \
    (ev)->offset = (ofs_);                     \
    (ev)->interval = (ival_);                  \
    (ev)->reschedule_cb = (rcb_);              \
  } while (0)
#define ev_signal_set(ev, signum_) \
  do {                             \
    (ev)->signum = (signum_);      \
  } while (0)
#define ev_child_set(ev, pid_, trace_) \
  do {                                 \
    (ev)->pid = (pid_);                \
    (ev)->flags = !!(trace_);          \
  } while (0)
#define ev_idle_set(ev) ((void)(ev))
#define ev_prepare_set(ev) ((void)(ev))
#define ev_check_set(ev) ((void)(ev))
#define ev_fork_set(ev) ((void)(ev))
#define ev_cleanup_set(ev) ((void)(ev))
#define ev_async_set(ev) ((void)(ev))

#define ev_io_init(ev, cb_, fd_, events_)             \
  do {                                                \
    COMPAT__EV_INIT((ev), cb_, "ev_io_init");         \
    ev_io_set((ev), (fd_), (events_));                \
  } while (0)
#define ev_timer_init(ev, cb_, after_, repeat_)       \
  do {                                                \
    COMPAT__EV_INIT((ev), cb_, "ev_timer_init");      \
    ev_timer_set((ev), (after_), (repeat_));          \
  } while (0)
#define ev_periodic_init(ev, cb_, ofs_, ival_, rcb_)  \
  do {                                                \
    COMPAT__EV_INIT((ev), cb_, "ev_periodic_init");   \
    ev_periodic_set((ev), (ofs_), (ival_), (rcb_));   \
  } while (0)
#define ev_signal_init(ev, cb_, signum_)              \
  do {                                                \
    COMPAT__EV_INIT((ev), cb_, "ev_signal_init");     \
    ev_signal_set((ev), (signum_));                   \
  } while (0)
#define ev_child_init(ev, cb_, pid_, trace_)          \
  do {                                                \
    COMPAT__EV_INIT((ev), cb_, "ev_child_init");      \
    ev_child_set((ev), (pid_), (trace_));             \
  } while (0)
#define ev_idle_init(ev, cb_)                         \
  do {                                                \
    COMPAT__EV_INIT((ev), cb_, "ev_idle_init");       \
  } while (0)
#define ev_prepare_init(ev, cb_)                      \
  do {                                                \
    COMPAT__EV_INIT((ev), cb_, "ev_prepare_init");    \
  } while (0)
#define ev_check_init(ev, cb_)                        \
  do {                                                \
    COMPAT__EV_INIT((ev), cb_, "ev_check_init");      \
  } while (0)
#define ev_fork_init(ev, cb_)                         \
  do {                                                \
    COMPAT__EV_INIT((ev), cb_, "ev_fork_init");       \
  } while (0)
#define ev_cleanup_init(ev, cb_)                      \
  do {                                                \
    COMPAT__EV_INIT((ev), cb_, "ev_cleanup_init");    \
  } while (0)
#define ev_async_init(ev, cb_)                        \
  do {                                                \
    COMPAT__EV_INIT((ev), cb_, "ev_async_init");      \
  } while (0)
#define ev_async_pending(w) (+(w)->sent)

/* ---- loops ---- */
static __inline__ ev_tstamp ev_time(void) { return compat__ev_time(); }
static __inline__ void ev_sleep(ev_tstamp delay) { compat__ev_sleep(delay); }
static __inline__ int ev_version_major(void) { return EV_VERSION_MAJOR; }
static __inline__ int ev_version_minor(void) { return EV_VERSION_MINOR; }
static __inline__ unsigned int ev_supported_backends(void) {
  return compat__ev_backend(0);
}
static __inline__ unsigned int ev_recommended_backends(void) {
  return compat__ev_backend(0);
}
static __inline__ unsigned int ev_embeddable_backends(void) { return 0; }

#if EV_MULTIPLICITY
static __inline__ struct ev_loop *ev_default_loop(unsigned int flags) {
  return compat__ev_default_loop(flags);
}
static __inline__ struct ev_loop *ev_default_loop_uc_(void) {
  return compat__ev_default_loop_uc();
}
static __inline__ int ev_is_default_loop(EV_P) {
  return loop == compat__ev_default_loop_uc();
}
static __inline__ struct ev_loop *ev_loop_new(unsigned int flags) {
  return compat__ev_loop_new(flags);
}
#else
static __inline__ int ev_default_loop(unsigned int flags) {
  return compat__ev_default_loop(flags) != 0;
}
static __inline__ int ev_is_default_loop(void) { return 1; }
#endif

static __inline__ void ev_loop_destroy(EV_P) {
  compat__ev_loop_destroy(COMPAT__EV_LOOP);
}
static __inline__ void ev_loop_fork(EV_P) {
  compat__ev_loop_fork(COMPAT__EV_LOOP);
}
static __inline__ unsigned int ev_backend(EV_P) {
  return compat__ev_backend(COMPAT__EV_LOOP);
}
static __inline__ ev_tstamp ev_now(EV_P) {
  return compat__ev_now(COMPAT__EV_LOOP);
}
static __inline__ void ev_now_update(EV_P) {
  compat__ev_now_update(COMPAT__EV_LOOP);
}
static __inline__ void ev_suspend(EV_P) {
  compat__ev_suspend(COMPAT__EV_LOOP);
}
static __inline__ void ev_resume(EV_P) { compat__ev_resume(COMPAT__EV_LOOP); }
static __inline__ int ev_run(EV_P_ int flags) {
  return compat__ev_run(COMPAT__EV_LOOP, flags);
}
static __inline__ void ev_break(EV_P_ int how) {
  compat__ev_break(COMPAT__EV_LOOP, how);
}
static __inline__ void ev_ref(EV_P) { compat__ev_ref(COMPAT__EV_LOOP); }
static __inline__ void ev_unref(EV_P) { compat__ev_unref(COMPAT__EV_LOOP); }
static __inline__ unsigned int ev_iteration(EV_P) {
  return compat__ev_iteration(COMPAT__EV_LOOP);
}
static __inline__ unsigned int ev_depth(EV_P) {
  return compat__ev_depth(COMPAT__EV_LOOP);
}
static __inline__ void ev_verify(EV_P) { compat__ev_verify(COMPAT__EV_LOOP); }
static __inline__ void ev_set_userdata(EV_P_ void *data) {
  compat__ev_set_userdata(COMPAT__EV_LOOP, data);
}
static __inline__ void *ev_userdata(EV_P) {
  return compat__ev_userdata(COMPAT__EV_LOOP);
}
static __inline__ unsigned int ev_pending_count(EV_P) {
  return compat__ev_pending_count(COMPAT__EV_LOOP);
}
static __inline__ void ev_invoke_pending(EV_P) {
  compat__ev_invoke_pending(COMPAT__EV_LOOP);
}
static __inline__ void ev_once(EV_P_ int fd, int events, ev_tstamp timeout,
                               void (*cb)(int revents, void *arg),
                               void *arg) {
  compat__ev_once(COMPAT__EV_LOOP, fd, events, timeout, cb, arg);
}

/* libev 3 names. */
static __inline__ void ev_loop(EV_P_ int flags) {
  compat__ev_run(COMPAT__EV_LOOP, flags);
}
static __inline__ void ev_unloop(EV_P_ int how) {
  compat__ev_break(COMPAT__EV_LOOP, how);
}
static __inline__ void ev_default_destroy(void) {
  compat__ev_loop_destroy(compat__ev_default_loop_uc());
}
static __inline__ void ev_default_fork(void) {
  compat__ev_loop_fork(compat__ev_default_loop_uc());
}
static __inline__ unsigned int ev_loop_count(EV_P) {
  return compat__ev_iteration(COMPAT__EV_LOOP);
}
static __inline__ unsigned int ev_loop_depth(EV_P) {
  return compat__ev_depth(COMPAT__EV_LOOP);
}
static __inline__ void ev_loop_verify(EV_P) {
  compat__ev_verify(COMPAT__EV_LOOP);
}

/* ---- events, whatever the watcher type ---- */
static __inline__ void ev_feed_event(EV_P_ void *w, int revents) {
  compat__ev_feed_event(COMPAT__EV_LOOP, w, revents, COMPAT__EV_MODE);
}
static __inline__ void ev_invoke(EV_P_ void *w, int revents) {
  compat__ev_invoke(COMPAT__EV_LOOP, w, revents, COMPAT__EV_MODE);
}
static __inline__ int ev_clear_pending(EV_P_ void *w) {
  return compat__ev_clear_pending(COMPAT__EV_LOOP, w);
}
static __inline__ void ev_feed_fd_event(EV_P_ int fd, int revents) {
  compat__ev_feed_fd_event(COMPAT__EV_LOOP, fd, revents);
}
static __inline__ void ev_feed_signal(int signum) {
  compat__ev_feed_signal(signum);
}
static __inline__ void ev_feed_signal_event(EV_P_ int signum) {
  compat__ev_feed_signal_event(COMPAT__EV_LOOP, signum);
}

/* ---- watchers ---- */
static __inline__ void ev_io_start(EV_P_ ev_io *w) {
  compat__ev_io_start(COMPAT__EV_LOOP, w, COMPAT__EV_MODE);
}
static __inline__ void ev_io_stop(EV_P_ ev_io *w) {
  compat__ev_io_stop(COMPAT__EV_LOOP, w);
}
static __inline__ void ev_timer_start(EV_P_ ev_timer *w) {
  compat__ev_timer_start(COMPAT__EV_LOOP, w, COMPAT__EV_MODE);
}
static __inline__ void ev_timer_stop(EV_P_ ev_timer *w) {
  compat__ev_timer_stop(COMPAT__EV_LOOP, w);
}
static __inline__ void ev_timer_again(EV_P_ ev_timer *w) {
  compat__ev_timer_again(COMPAT__EV_LOOP, w, COMPAT__EV_MODE);
}
static __inline__ ev_tstamp ev_timer_remaining(EV_P_ ev_timer *w) {
  return compat__ev_timer_remaining(COMPAT__EV_LOOP, w);
}
static __inline__ void ev_periodic_start(EV_P_ ev_periodic *w) {
  compat__ev_periodic_start(COMPAT__EV_LOOP, w, COMPAT__EV_MODE);
}
static __inline__ void ev_periodic_stop(EV_P_ ev_periodic *w) {
  compat__ev_periodic_stop(COMPAT__EV_LOOP, w);
}
static __inline__ void ev_periodic_again(EV_P_ ev_periodic *w) {
  compat__ev_periodic_again(COMPAT__EV_LOOP, w, COMPAT__EV_MODE);
}
static __inline__ void ev_signal_start(EV_P_ ev_signal *w) {
  compat__ev_signal_start(COMPAT__EV_LOOP, w, COMPAT__EV_MODE);
}
static __inline__ void ev_signal_stop(EV_P_ ev_signal *w) {
  compat__ev_signal_stop(COMPAT__EV_LOOP, w);
}
static __inline__ void ev_child_start(EV_P_ ev_child *w) {
  compat__ev_child_start(COMPAT__EV_LOOP, w, COMPAT__EV_MODE);
}
static __inline__ void ev_child_stop(EV_P_ ev_child *w) {
  compat__ev_child_stop(COMPAT__EV_LOOP, w);
}
static __inline__ void ev_idle_start(EV_P_ ev_idle *w) {
  compat__ev_simple_start(COMPAT__EV_LOOP, w, EV_IDLE, COMPAT__EV_MODE);
}
static __inline__ void ev_idle_stop(EV_P_ ev_idle *w) {
  compat__ev_simple_stop(COMPAT__EV_LOOP, w, EV_IDLE);
}
static __inline__ void ev_prepare_start(EV_P_ ev_prepare *w) {
  compat__ev_simple_start(COMPAT__EV_LOOP, w, EV_PREPARE, COMPAT__EV_MODE);
}
static __inline__ void ev_prepare_stop(EV_P_ ev_prepare *w) {
  compat__ev_simple_stop(COMPAT__EV_LOOP, w, EV_PREPARE);
}
static __inline__ void ev_check_start(EV_P_ ev_check *w) {
  compat__ev_simple_start(COMPAT__EV_LOOP, w, EV_CHECK, COMPAT__EV_MODE);
}
static __inline__ void ev_check_stop(EV_P_ ev_check *w) {
  compat__ev_simple_stop(COMPAT__EV_LOOP, w, EV_CHECK);
}
static __inline__ void ev_fork_start(EV_P_ ev_fork *w) {
  compat__ev_simple_start(COMPAT__EV_LOOP, w, EV_FORK, COMPAT__EV_MODE);
}
static __inline__ void ev_fork_stop(EV_P_ ev_fork *w) {
  compat__ev_simple_stop(COMPAT__EV_LOOP, w, EV_FORK);
}
static __inline__ void ev_cleanup_start(EV_P_ ev_cleanup *w) {
  compat__ev_simple_start(COMPAT__EV_LOOP, w, EV_CLEANUP, COMPAT__EV_MODE);
}
static __inline__ void ev_cleanup_stop(EV_P_ ev_cleanup *w) {
  compat__ev_simple_stop(COMPAT__EV_LOOP, w, EV_CLEANUP);
}
static __inline__ void ev_async_start(EV_P_ ev_async *w) {
  compat__ev_async_start(COMPAT__EV_LOOP, w, COMPAT__EV_MODE);
}
static __inline__ void ev_async_stop(EV_P_ ev_async *w) {
  compat__ev_async_stop(COMPAT__EV_LOOP, w);
}
static __inline__ void ev_async_send(EV_P_ ev_async *w) {
  compat__ev_async_send(COMPAT__EV_LOOP, w);
}

/* ---- not available: a call fails to compile with the modern replacement
 * in the message ---- */
#define COMPAT__EV_UNAVAILABLE(text) __attribute__((error(text)))
void ev_stat_start(EV_P_ ev_stat *w) COMPAT__EV_UNAVAILABLE(
    "ev_stat is not supported by node-waf-compat; use uv_fs_poll_start or "
    "uv_fs_event_start (or fs.watch / fs.watchFile from JavaScript)");
void ev_stat_stop(EV_P_ ev_stat *w) COMPAT__EV_UNAVAILABLE(
    "ev_stat is not supported by node-waf-compat; use uv_fs_poll_stop");
void ev_stat_stat(EV_P_ ev_stat *w) COMPAT__EV_UNAVAILABLE(
    "ev_stat is not supported by node-waf-compat; use uv_fs_stat");
#define ev_stat_set(ev, path_, interval_) ev_stat_start(EV_DEFAULT_UC_ (ev))
#define ev_stat_init(ev, cb_, path_, interval_) \
  ev_stat_start(EV_DEFAULT_UC_ (ev))
void ev_embed_start(EV_P_ void *w) COMPAT__EV_UNAVAILABLE(
    "ev_embed is not supported by node-waf-compat: a libuv loop cannot be "
    "embedded in another; run a second uv_loop_t in its own thread");
void ev_embed_stop(EV_P_ void *w) COMPAT__EV_UNAVAILABLE(
    "ev_embed is not supported by node-waf-compat");
void ev_embed_sweep(EV_P_ void *w) COMPAT__EV_UNAVAILABLE(
    "ev_embed is not supported by node-waf-compat");
void ev_set_invoke_pending_cb(EV_P_ void (*cb)(EV_P)) COMPAT__EV_UNAVAILABLE(
    "ev_set_invoke_pending_cb is not supported by node-waf-compat: callbacks "
    "run inside Node's callback scopes");
void ev_set_loop_release_cb(EV_P_ void (*release)(EV_P),
                            void (*acquire)(EV_P))
    COMPAT__EV_UNAVAILABLE(
        "ev_set_loop_release_cb is not supported by node-waf-compat; guard "
        "the loop with your own mutex around uv_run");

#ifdef __cplusplus
}

/* C++: like libev's casts, the generic macros take any pointer (also to a
 * structure that starts with a watcher, or void *), but a watcher is read
 * through its own type, so nothing is type-punned for the optimizer. */
template <class T>
static __inline__ ev_watcher *compat__ev_watcher(T *w) {
  return (ev_watcher *)(void *)w;
}
template <class T>
static __inline__ int compat__ev_active(const T *w) {
  return compat__ev_watcher((T *)w)->active;
}
template <class T>
static __inline__ int compat__ev_pending(const T *w) {
  return compat__ev_watcher((T *)w)->pending;
}
template <class T>
static __inline__ int compat__ev_priority(const T *w) {
  return compat__ev_watcher((T *)w)->priority;
}
template <class T>
static __inline__ int compat__ev_set_priority(T *w, int pri) {
  return compat__ev_watcher(w)->priority = pri;
}
template <class T>
static __inline__ ev_tstamp compat__ev_at(const T *w) {
  return ((ev_watcher_time *)(void *)(T *)w)->at;
}
#define COMPAT__EV_TYPED(type)                                            \
  static __inline__ int compat__ev_active(const type *w) {               \
    return w->active;                                                    \
  }                                                                      \
  static __inline__ int compat__ev_pending(const type *w) {              \
    return w->pending;                                                   \
  }                                                                      \
  static __inline__ int compat__ev_priority(const type *w) {             \
    return w->priority;                                                  \
  }                                                                      \
  static __inline__ int compat__ev_set_priority(type *w, int pri) {      \
    return w->priority = pri;                                            \
  }
COMPAT__EV_TYPED(ev_watcher)
COMPAT__EV_TYPED(ev_watcher_list)
COMPAT__EV_TYPED(ev_watcher_time)
COMPAT__EV_TYPED(ev_io)
COMPAT__EV_TYPED(ev_timer)
COMPAT__EV_TYPED(ev_periodic)
COMPAT__EV_TYPED(ev_signal)
COMPAT__EV_TYPED(ev_child)
COMPAT__EV_TYPED(ev_stat)
COMPAT__EV_TYPED(ev_idle)
COMPAT__EV_TYPED(ev_prepare)
COMPAT__EV_TYPED(ev_check)
COMPAT__EV_TYPED(ev_fork)
COMPAT__EV_TYPED(ev_cleanup)
COMPAT__EV_TYPED(ev_async)
#undef COMPAT__EV_TYPED
static __inline__ ev_tstamp compat__ev_at(const ev_periodic *w) {
  return w->at;
}
#define ev_is_active(ev) compat__ev_active(ev)
#define ev_is_pending(ev) compat__ev_pending(ev)
#define ev_priority(ev) compat__ev_priority(ev)
#define ev_set_priority(ev, pri) compat__ev_set_priority((ev), (pri))
#define ev_periodic_at(ev) compat__ev_at(ev)
#endif

#endif /* COMPAT_EV_H_ */
