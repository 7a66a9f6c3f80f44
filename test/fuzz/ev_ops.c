/* ev_ops.c: interprets a byte string as a sequence of ev_* calls on a fresh
 * loop and writes what can be observed into a trace.  Compiled twice into
 * the fuzzer (ev_fuzz.cc): against real libev 4.33 (OPS_ENTRY=ops_libev)
 * and against node-waf-compat's ev.h (OPS_ENTRY=ops_compat); the fuzzer
 * compares the two traces.
 *
 * Phase 1, one thread: each op byte picks a call and the next byte a
 * watcher (two timers, two asyncs, an idle, a prepare, a check).  Calls
 * whose behaviour libev leaves undefined (ev.pod: init, set or priority of
 * an active or pending watcher; freeing one; ev_unref below the watchers'
 * count) are skipped, and so is an ev_run that could block.  Everything
 * deterministic is traced: callbacks with their revents, ev_run's return,
 * ev_is_active, ev_is_pending, ev_clear_pending, ev_pending_count and
 * ev_timer_remaining in whole seconds (timers are 0 s, which fire on the
 * next iteration, or 1000 s, which never fire during a run).
 *
 * Phase 2, if the input asks for it: a second thread sends to the asyncs
 * while this one runs the loop; which sends coalesce is not deterministic,
 * so only the invariants are traced: after the thread is joined and one
 * more iteration, every async that was sent to ran at least once and at
 * most once per send, and none is left pending. */
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ev.h>

#define TIMERS 2
#define ASYNCS 2
#define WATCHERS 7 /* timers, asyncs, idle, prepare, check */

enum kind { TIMER, ASYNC, IDLE, PREPARE, CHECK };

struct state {
  struct ev_loop *loop;
  void *w[WATCHERS];   /* heap blocks, so that "free" really frees */
  int initialised[WATCHERS];
  double after[TIMERS], repeat[TIMERS]; /* as the timers were initialised */
  int extra_refs;      /* ev_ref calls minus ev_unref calls */
  unsigned long calls[WATCHERS];
  char *out;
  size_t cap, len;
};

static struct state *current; /* callbacks reach the trace through it */

static void emit(struct state *s, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

static void emit(struct state *s, const char *format, ...) {
  va_list args;
  int n;
  if (s->len + 1 >= s->cap) return;
  va_start(args, format);
  n = vsnprintf(s->out + s->len, s->cap - s->len, format, args);
  va_end(args);
  if (n < 0) return;
  s->len += (size_t)n < s->cap - s->len ? (size_t)n : s->cap - s->len - 1;
}

static enum kind kind_of(int i) {
  if (i < TIMERS) return TIMER;
  if (i < TIMERS + ASYNCS) return ASYNC;
  return (enum kind)(IDLE + (i - TIMERS - ASYNCS));
}

static int index_of(struct state *s, void *w) {
  int i;
  for (i = 0; i < WATCHERS; ++i)
    if (s->w[i] == w) return i;
  return -1;
}

static void on_event(struct ev_loop *loop, ev_watcher *w, int revents) {
  struct state *s = current;
  int i = index_of(s, w);
  (void)loop;
  if (i < 0) return;
  s->calls[i]++;
  emit(s, "cb %d %x\n", i, (unsigned)revents);
}

static void on_timer(struct ev_loop *l, ev_timer *w, int e) {
  on_event(l, (ev_watcher *)w, e);
}
static void on_async(struct ev_loop *l, ev_async *w, int e) {
  on_event(l, (ev_watcher *)w, e);
}
static void on_idle(struct ev_loop *l, ev_idle *w, int e) {
  on_event(l, (ev_watcher *)w, e);
}
static void on_prepare(struct ev_loop *l, ev_prepare *w, int e) {
  on_event(l, (ev_watcher *)w, e);
}
static void on_check(struct ev_loop *l, ev_check *w, int e) {
  on_event(l, (ev_watcher *)w, e);
}

static size_t size_of(enum kind k) {
  switch (k) {
    case TIMER: return sizeof(ev_timer);
    case ASYNC: return sizeof(ev_async);
    case IDLE: return sizeof(ev_idle);
    case PREPARE: return sizeof(ev_prepare);
    default: return sizeof(ev_check);
  }
}

static int is_active(struct state *s, int i) {
  return s->initialised[i] && ev_is_active((ev_watcher *)s->w[i]);
}
static int is_pending(struct state *s, int i) {
  return s->initialised[i] && ev_is_pending((ev_watcher *)s->w[i]);
}

/* The loop's count as libev keeps it: active watchers plus extra refs. */
static int active_count(struct state *s) {
  int i, n = s->extra_refs;
  for (i = 0; i < WATCHERS; ++i) n += is_active(s, i);
  return n;
}

static void do_init(struct state *s, int i, uint8_t arg) {
  double after = (arg & 1) ? 1000. : 0.;
  double repeat = (arg & 2) ? 1000. : 0.;
  if (is_active(s, i) || is_pending(s, i)) return;
  switch (kind_of(i)) {
    case TIMER:
      ev_timer_init((ev_timer *)s->w[i], on_timer, after, repeat);
      s->after[i] = after;
      s->repeat[i] = repeat;
      break;
    case ASYNC: ev_async_init((ev_async *)s->w[i], on_async); break;
    case IDLE: ev_idle_init((ev_idle *)s->w[i], on_idle); break;
    case PREPARE: ev_prepare_init((ev_prepare *)s->w[i], on_prepare); break;
    case CHECK: ev_check_init((ev_check *)s->w[i], on_check); break;
  }
  s->initialised[i] = 1;
  emit(s, "init %d\n", i);
}

static void do_start(struct state *s, int i) {
  void *w = s->w[i];
  if (!s->initialised[i]) return;
  switch (kind_of(i)) {
    case TIMER:
      /* A timer that fired keeps the time it was late by (<= 0) in `at`,
       * and a restart without ev_timer_set counts from there (ev.c,
       * ev_timer_stop); that lateness is wall-clock time, different in
       * every run, so the timer is set again first. */
      if (!is_active(s, i))
        ev_timer_set((ev_timer *)w, s->after[i], s->repeat[i]);
      ev_timer_start(s->loop, (ev_timer *)w);
      break;
    case ASYNC: ev_async_start(s->loop, (ev_async *)w); break;
    case IDLE: ev_idle_start(s->loop, (ev_idle *)w); break;
    case PREPARE: ev_prepare_start(s->loop, (ev_prepare *)w); break;
    case CHECK: ev_check_start(s->loop, (ev_check *)w); break;
  }
  emit(s, "start %d\n", i);
}

static void do_stop(struct state *s, int i) {
  void *w = s->w[i];
  if (!s->initialised[i]) return;
  /* libev counts down on stop; keep its count from going negative. */
  if (is_active(s, i) && active_count(s) <= 0) return;
  switch (kind_of(i)) {
    case TIMER: ev_timer_stop(s->loop, (ev_timer *)w); break;
    case ASYNC: ev_async_stop(s->loop, (ev_async *)w); break;
    case IDLE: ev_idle_stop(s->loop, (ev_idle *)w); break;
    case PREPARE: ev_prepare_stop(s->loop, (ev_prepare *)w); break;
    case CHECK: ev_check_stop(s->loop, (ev_check *)w); break;
  }
  emit(s, "stop %d\n", i);
}

static int can_block(struct state *s) {
  /* libev (ev.c, ev_run) polls before it invokes what is pending, and
   * waits for the next event unless an idle watcher is active or the loop
   * has nothing active (then it returns). */
  if (is_active(s, TIMERS + ASYNCS)) return 0;
  return active_count(s) != 0;
}

static void run(struct state *s, int flags) {
  int r;
  emit(s, "run %d\n", flags);
  r = ev_run(s->loop, flags);
  emit(s, "ran %d\n", r);
}

static void query(struct state *s) {
  int i;
  for (i = 0; i < WATCHERS; ++i)
    emit(s, "%d:%d%d ", i, is_active(s, i), is_pending(s, i));
  emit(s, "pending %u\n", ev_pending_count(s->loop));
}

struct sender {
  struct ev_loop *loop;
  ev_async *w[ASYNCS];
  unsigned sends[ASYNCS];
};

static void *send_all(void *arg) {
  struct sender *sender = arg;
  unsigned n, i;
  for (n = 0;; ++n) {
    int more = 0;
    for (i = 0; i < ASYNCS; ++i) {
      if (n >= sender->sends[i]) continue;
      ev_async_send(sender->loop, sender->w[i]);
      more = 1;
    }
    if (!more) break;
  }
  return 0;
}

/* Phase 2: sends from another thread while this one runs iterations. */
static void threaded(struct state *s, const uint8_t *data, size_t size) {
  struct sender sender;
  pthread_t thread;
  unsigned long before[ASYNCS];
  int i, runs = size > 2 ? data[2] % 8 : 0;
  sender.loop = s->loop;
  for (i = 0; i < ASYNCS; ++i) {
    int a = TIMERS + i;
    if (!s->initialised[a] || !is_active(s, a)) {
      if (is_pending(s, a)) ev_clear_pending(s->loop, s->w[a]);
      ev_async_init((ev_async *)s->w[a], on_async);
      s->initialised[a] = 1;
      ev_async_start(s->loop, (ev_async *)s->w[a]);
    }
    sender.w[i] = (ev_async *)s->w[a];
    sender.sends[i] = size > (size_t)i ? 1u + data[i] * 4u : 1u;
  }
  /* Deliver what phase 1 left pending first, so that counts start clean. */
  ev_run(s->loop, EVRUN_NOWAIT);
  for (i = 0; i < ASYNCS; ++i) before[i] = s->calls[TIMERS + i];
  emit(s, "thread\n");
  /* The callbacks below are counted, not traced one by one. */
  {
    size_t mark = s->len;
    if (pthread_create(&thread, 0, send_all, &sender) != 0) abort();
    while (runs-- > 0) ev_run(s->loop, EVRUN_NOWAIT);
    pthread_join(thread, 0);
    ev_run(s->loop, EVRUN_NOWAIT);
    s->len = mark;
    s->out[mark] = 0;
  }
  for (i = 0; i < ASYNCS; ++i) {
    unsigned long got = s->calls[TIMERS + i] - before[i];
    emit(s, "async %d delivered>=1 %d <=sends %d pending %d\n", i, got >= 1,
         got <= sender.sends[i], ev_async_pending(sender.w[i]));
  }
}

size_t OPS_ENTRY(const uint8_t *data, size_t size, char *out, size_t cap) {
  struct state s;
  size_t pos = 0;
  int i;
  memset(&s, 0, sizeof s);
  s.out = out;
  s.cap = cap;
  out[0] = 0;
  current = &s;
  s.loop = ev_loop_new(EVFLAG_AUTO);
  if (s.loop == 0) abort();
  for (i = 0; i < WATCHERS; ++i) s.w[i] = calloc(1, size_of(kind_of(i)));

  while (pos < size) {
    uint8_t op = data[pos++];
    uint8_t arg = pos < size ? data[pos++] : 0;
    int w = arg % WATCHERS;
    if (op == 0xff) { /* the rest drives phase 2 */
      threaded(&s, data + pos, size - pos);
      break;
    }
    switch (op % 16) {
      case 0: do_init(&s, w, arg >> 3); break;
      case 1: do_start(&s, w); break;
      case 2: do_stop(&s, w); break;
      case 3:
        if (kind_of(w) == TIMER && s.initialised[w]) {
          ev_timer_again(s.loop, (ev_timer *)s.w[w]);
          emit(&s, "again %d\n", w);
        }
        break;
      case 4:
        if (kind_of(w) == ASYNC && s.initialised[w] && is_active(&s, w)) {
          ev_async_send(s.loop, (ev_async *)s.w[w]);
          emit(&s, "send %d pending %d\n", w,
               ev_async_pending((ev_async *)s.w[w]) != 0);
        }
        break;
      case 5:
        ev_ref(s.loop);
        s.extra_refs++;
        emit(&s, "ref\n");
        break;
      case 6:
        if (s.extra_refs > 0) {
          ev_unref(s.loop);
          s.extra_refs--;
          emit(&s, "unref\n");
        }
        break;
      case 7: run(&s, EVRUN_NOWAIT); break;
      case 8:
        if (!can_block(&s)) run(&s, EVRUN_ONCE);
        break;
      case 9:
        if (s.initialised[w]) {
          ev_feed_event(s.loop, s.w[w], EV_CUSTOM);
          emit(&s, "feed %d\n", w);
        }
        break;
      case 10:
        if (s.initialised[w])
          emit(&s, "clear %d %x\n", w,
               (unsigned)ev_clear_pending(s.loop, s.w[w]));
        break;
      case 11:
        if (s.initialised[w] && !is_active(&s, w) && !is_pending(&s, w)) {
          ev_set_priority((ev_watcher *)s.w[w], (int)(arg >> 3) % 5 - 2);
          emit(&s, "priority %d %d\n", w,
               ev_priority((ev_watcher *)s.w[w]));
        }
        break;
      case 12: query(&s); break;
      case 13:
        if (s.initialised[w]) {
          ev_invoke(s.loop, s.w[w], EV_CUSTOM);
          emit(&s, "invoked %d\n", w);
        }
        break;
      case 14:
        if (!is_active(&s, w) && !is_pending(&s, w)) {
          /* Freed and allocated anew; old memory is never reused by the
           * loop (ev.pod: a stopped watcher may be freed). */
          free(s.w[w]);
          s.w[w] = malloc(size_of(kind_of(w)));
          memset(s.w[w], 0x5a, size_of(kind_of(w)));
          s.initialised[w] = 0;
          emit(&s, "free %d\n", w);
        }
        break;
      case 15:
        if (kind_of(w) == TIMER && s.initialised[w] && is_active(&s, w))
          emit(&s, "remaining %d %ld\n", w,
               (long)(ev_timer_remaining(s.loop, (ev_timer *)s.w[w]) + 0.5));
        break;
    }
  }
  query(&s);

  /* Stop everything (ev.pod: watchers must be stopped before the loop is
   * destroyed), then free. */
  for (i = 0; i < WATCHERS; ++i) {
    if (!s.initialised[i]) continue;
    if (is_pending(&s, i)) ev_clear_pending(s.loop, s.w[i]);
    s.extra_refs = WATCHERS; /* stopping may not count below zero here */
    do_stop(&s, i);
  }
  current = &s;
  ev_loop_destroy(s.loop);
  for (i = 0; i < WATCHERS; ++i) free(s.w[i]);
  current = 0;
  return s.len;
}
