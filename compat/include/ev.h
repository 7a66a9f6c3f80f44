/* ev.h: the libev 4.x watcher API of node-waf era addons, implemented by
 * node-waf-compat on libuv (compat/src/ev_*.cc).
 *
 * The contract is libev's manual (ev.pod), not libuv's: watchers live in user
 * memory and may be freed as soon as they are stopped, starting an active
 * watcher does nothing, ev_ref/ev_unref move one loop-wide count, and
 * ev_async_send may be called from any thread.
 *
 * Both spellings of the loop argument compile: EV_MULTIPLICITY=1 (the
 * default, Node 0.6) and -DEV_MULTIPLICITY=0 (Node 0.4's node-waf, Node 0.8's
 * ev-emul.h).  This header is valid C89 and C++98. */
#ifndef COMPAT_EV_H_
#define COMPAT_EV_H_

#include <signal.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef EV_MULTIPLICITY
#define EV_MULTIPLICITY 1
#endif

#define EV_VERSION_MAJOR 4
#define EV_VERSION_MINOR 33

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

/* ev_default_loop flags (accepted, ignored: libuv picks the backend). */
enum {
  EVFLAG_AUTO = 0x00000000U,
  EVFLAG_NOENV = 0x01000000U,
  EVFLAG_FORKCHECK = 0x02000000U,
  EVFLAG_NOINOTIFY = 0x00100000U,
  EVFLAG_SIGNALFD = 0x00200000U,
  EVFLAG_NOSIGMASK = 0x00400000U
};

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

typedef struct ev_watcher {
  EV_WATCHER(ev_watcher)
} ev_watcher;

typedef struct ev_watcher_list {
  EV_WATCHER_LIST(ev_watcher_list)
} ev_watcher_list;

typedef struct ev_watcher_time {
  EV_WATCHER_TIME(ev_watcher_time)
} ev_watcher_time;

/* libev (ev.pod, ev_async): "sent" is set by ev_async_send from any thread and
 * cleared by the loop before the callback runs. */
typedef struct ev_async {
  EV_WATCHER(ev_async)
  EV_ATOMIC_T sent;
} ev_async;

/* ---- runtime entry points (compat/src/ev_*.cc); not for direct use ---- */
struct ev_loop *compat__ev_default_loop(unsigned int flags);
struct ev_loop *compat__ev_default_loop_uc(void);
void compat__ev_init(ev_watcher *w, const char *api);
void compat__ev_ref(struct ev_loop *loop);
void compat__ev_unref(struct ev_loop *loop);
ev_tstamp compat__ev_now(struct ev_loop *loop);
void compat__ev_now_update(struct ev_loop *loop);
ev_tstamp compat__ev_time(void);
void compat__ev_async_start(struct ev_loop *loop, ev_async *w, int mode);
void compat__ev_async_stop(struct ev_loop *loop, ev_async *w);
void compat__ev_async_send(struct ev_loop *loop, ev_async *w);

/* ---- generic watcher macros (ev.pod "GENERIC WATCHER FUNCTIONS") ---- */
#define ev_set_cb(ev, cb_) ((ev)->cb = (cb_))
#define ev_cb(ev) ((ev)->cb)
#define ev_init(ev, cb_)                                              \
  do {                                                                \
    compat__ev_init((ev_watcher *)(void *)(ev), "ev_init");           \
    ev_set_cb((ev), cb_);                                             \
  } while (0)
/* Every watcher type has these members by name, so the macros read them
 * directly instead of through an ev_watcher cast (which GCC rightly flags as
 * type punning in code built with -O2 -Wall). */
#define ev_is_active(ev) (0 + (ev)->active)
#define ev_is_pending(ev) (0 + (ev)->pending)
#define ev_priority(ev) (+(ev)->priority)
#define ev_set_priority(ev, pri) ((ev)->priority = (pri))

/* ---- loops ---- */
static __inline__ ev_tstamp ev_time(void) { return compat__ev_time(); }

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
#else
static __inline__ int ev_default_loop(unsigned int flags) {
  return compat__ev_default_loop(flags) != 0;
}
static __inline__ int ev_is_default_loop(void) { return 1; }
#endif

static __inline__ ev_tstamp ev_now(EV_P) {
  return compat__ev_now(COMPAT__EV_LOOP);
}
static __inline__ void ev_now_update(EV_P) {
  compat__ev_now_update(COMPAT__EV_LOOP);
}
static __inline__ void ev_ref(EV_P) { compat__ev_ref(COMPAT__EV_LOOP); }
static __inline__ void ev_unref(EV_P) { compat__ev_unref(COMPAT__EV_LOOP); }

/* ---- ev_async ---- */
#define ev_async_set(ev) ((void)(ev))
#define ev_async_init(ev, cb_)                                        \
  do {                                                                \
    compat__ev_init((ev_watcher *)(void *)(ev), "ev_async_init");     \
    ev_set_cb((ev), cb_);                                             \
    (ev)->sent = 0;                                                   \
  } while (0)
#define ev_async_pending(w) (+(w)->sent)

static __inline__ void ev_async_start(EV_P_ ev_async *w) {
  compat__ev_async_start(COMPAT__EV_LOOP, w, COMPAT__EV_MODE);
}
static __inline__ void ev_async_stop(EV_P_ ev_async *w) {
  compat__ev_async_stop(COMPAT__EV_LOOP, w);
}
static __inline__ void ev_async_send(EV_P_ ev_async *w) {
  compat__ev_async_send(COMPAT__EV_LOOP, w);
}

#ifdef __cplusplus
}
#endif

#endif /* COMPAT_EV_H_ */
