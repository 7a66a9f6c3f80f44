/* legacy/uv.h: the libuv 0.6/0.8 API of node 0.6 and 0.8 addons, declared
 * beside today's libuv, which must already be included (<uv.h> of the SDK
 * does both; the runtime includes Node's uv.h and then this file).
 *
 * Only what today's libuv lacks is added, so that code written for libuv 1.x
 * that includes <uv.h> in the same addon sees libuv unchanged:
 *   - new names: uv_err_t, uv_err_code, uv_last_error, uv_run_once, UV_OK
 *     and the getaddrinfo codes of libuv 0.8;
 *   - C++ overloads that only an old call can select: a callback of the
 *     2012 type (the after-work callback without status, the timer, async,
 *     idle, prepare and check callbacks with `int status`), a loop where
 *     libuv 1.x takes a handle (node 0.6's uv_ref/uv_unref), a uv_err_t where
 *     it takes an int, uv_run without a mode.  Overloads on a callback type
 *     are templates, so that NULL, 0 and nullptr still reach libuv's own
 *     function unambiguously;
 *   - in C, a generic macro of the same name that picks the 2012 function
 *     for the 2012 argument type and libuv's function for anything else.
 * Calls whose 2012 and 1.x signatures are the same (uv_timer_init,
 * uv_close, uv_poll_start, uv_async_send, ...) are libuv's own: they
 * return 0 or a negative error code (libuv 0.x returned -1 and kept the
 * error for uv_last_error).
 */
#ifndef COMPAT_LEGACY_UV_H_
#define COMPAT_LEGACY_UV_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* libuv 0.x's error.  `code` holds libuv 1.x's value (UV_ENOENT is -2 now,
 * it was 34), so comparisons with the UV_E* names old code spells work. */
typedef int uv_err_code;
enum compat_uv_legacy_codes {
  UV_OK = 0,
  UV_EADDRINFO = UV_EAI_FAIL,
  UV_EAIFAMNOSUPPORT = UV_EAI_FAMILY,
  UV_EAISERVICE = UV_EAI_SERVICE,
  UV_EAISOCKTYPE = UV_EAI_SOCKTYPE
};

typedef struct uv_err_s uv_err_t;
struct uv_err_s {
  uv_err_code code;
  int sys_errno_;
#ifdef __cplusplus
  uv_err_s() : code(UV_OK), sys_errno_(0) {}
  /* libuv 0.8's uv_chdir, uv_kill, uv_uptime, ... returned a uv_err_t;
   * libuv 1.x's return 0 or a negative code: `uv_err_t err = uv_chdir(d);`
   * still compiles and means the same. */
  uv_err_s(int status)
      : code(status), sys_errno_(status < 0 && status > -3000 ? -status : 0) {}
#endif
};

/* The runtime (compat/src/uv_*.cc). */
int compat_uv_last_error_code(uv_loop_t* loop);
const char* compat_uv_legacy_strerror(int code);
const char* compat_uv_legacy_err_name(int code);
void compat_uv_ref_loop(uv_loop_t* loop);
void compat_uv_unref_loop(uv_loop_t* loop);
int compat_uv_run_legacy(uv_loop_t* loop, int once);
int compat_uv_queue_work_legacy(uv_loop_t* loop, uv_work_t* req,
                                uv_work_cb work_cb,
                                void (*after_work_cb)(uv_work_t* req));
int compat_uv_async_init_legacy(uv_loop_t* loop, uv_async_t* handle,
                                void (*cb)(uv_async_t* handle, int status));
int compat_uv_timer_start_legacy(uv_timer_t* handle,
                                 void (*cb)(uv_timer_t* handle, int status),
                                 int64_t timeout, int64_t repeat);
int compat_uv_idle_start_legacy(uv_idle_t* handle,
                                void (*cb)(uv_idle_t* handle, int status));
int compat_uv_prepare_start_legacy(uv_prepare_t* handle,
                                   void (*cb)(uv_prepare_t* handle,
                                              int status));
int compat_uv_check_start_legacy(uv_check_t* handle,
                                 void (*cb)(uv_check_t* handle, int status));

/* libuv 0.x: the error of the last call on `loop` that failed (of the calls
 * the SDK adapts: those that take a 2012 callback, uv_run, uv_ref). */
static __inline__ uv_err_t uv_last_error(uv_loop_t* loop) {
  uv_err_t err;
  err.code = compat_uv_last_error_code(loop);
  err.sys_errno_ = err.code < 0 && err.code > -3000 ? -err.code : 0;
  return err;
}

/* libuv 0.8: one iteration (blocks for events); non-zero while handles or
 * requests are left. */
static __inline__ int uv_run_once(uv_loop_t* loop) {
  return compat_uv_run_legacy(loop, 1);
}

#ifdef __GNUC__
#define COMPAT_UV_REFUSED(message) __attribute__((error(message)))
#else
#define COMPAT_UV_REFUSED(message)
#endif

/* libuv 0.8 calls whose names are gone. */
int uv_read2_start(uv_stream_t* stream, ...) COMPAT_UV_REFUSED(
    "uv_read2_start is not supported: libuv 1.x has no read2; receive "
    "handles with uv_read_start on an IPC pipe, then uv_pipe_pending_count "
    "and uv_accept");
int uv_tcp_bind6(uv_tcp_t* handle, ...) COMPAT_UV_REFUSED(
    "uv_tcp_bind6 is not supported: libuv 1.x binds every family with one "
    "call; use uv_tcp_bind(handle, (const struct sockaddr*)&addr6, 0)");
int uv_tcp_connect6(uv_connect_t* req, ...) COMPAT_UV_REFUSED(
    "uv_tcp_connect6 is not supported: libuv 1.x connects every family "
    "with one call; use uv_tcp_connect(req, handle, (const struct "
    "sockaddr*)&addr6, cb)");
int uv_ares_init_options(uv_loop_t* loop, ...) COMPAT_UV_REFUSED(
    "uv_ares_init_options is not supported: c-ares is no longer part of "
    "libuv; use uv_getaddrinfo, or dns from JavaScript");

#ifdef __cplusplus
} /* extern "C" */

inline const char* uv_strerror(uv_err_t err) {
  return compat_uv_legacy_strerror(err.code);
}
inline const char* uv_err_name(uv_err_t err) {
  return compat_uv_legacy_err_name(err.code);
}

/* node 0.6 (libuv 0.6): a loop-wide count; libuv 0.8 and 1.x take a
 * handle. */
inline void uv_ref(uv_loop_t* loop) { compat_uv_ref_loop(loop); }
inline void uv_unref(uv_loop_t* loop) { compat_uv_unref_loop(loop); }

/* libuv 0.6/0.8: runs until nothing is left (libuv 1.x: UV_RUN_DEFAULT). */
inline int uv_run(uv_loop_t* loop) { return compat_uv_run_legacy(loop, 0); }

namespace compat {
namespace uv_legacy {

/* The 2012 callback types are adapted; any other type the old call passes
 * is a compile error that names the callback (selected through `...`). */
inline int QueueWork(uv_loop_t* loop, uv_work_t* req, uv_work_cb work_cb,
                     void (*after_work_cb)(uv_work_t*)) {
  return compat_uv_queue_work_legacy(loop, req, work_cb, after_work_cb);
}
int QueueWork(uv_loop_t*, uv_work_t*, uv_work_cb, ...) COMPAT_UV_REFUSED(
    "uv_queue_work: the after-work callback must be void (*)(uv_work_t*) "
    "(libuv 0.6/0.8) or void (*)(uv_work_t*, int status) (libuv 0.10 and "
    "later)");

inline int AsyncInit(uv_loop_t* loop, uv_async_t* handle,
                     void (*cb)(uv_async_t*, int)) {
  return compat_uv_async_init_legacy(loop, handle, cb);
}
int AsyncInit(uv_loop_t*, uv_async_t*, ...) COMPAT_UV_REFUSED(
    "uv_async_init: the callback must be void (*)(uv_async_t*, int status) "
    "(libuv 0.6/0.8) or void (*)(uv_async_t*) (libuv 1.x)");

inline int TimerStart(uv_timer_t* handle, void (*cb)(uv_timer_t*, int),
                      int64_t timeout, int64_t repeat) {
  return compat_uv_timer_start_legacy(handle, cb, timeout, repeat);
}
int TimerStart(uv_timer_t*, ...) COMPAT_UV_REFUSED(
    "uv_timer_start: the callback must be void (*)(uv_timer_t*, int status) "
    "(libuv 0.6/0.8) or void (*)(uv_timer_t*) (libuv 1.x)");

inline int IdleStart(uv_idle_t* handle, void (*cb)(uv_idle_t*, int)) {
  return compat_uv_idle_start_legacy(handle, cb);
}
int IdleStart(uv_idle_t*, ...) COMPAT_UV_REFUSED(
    "uv_idle_start: the callback must be void (*)(uv_idle_t*, int status) "
    "(libuv 0.6/0.8) or void (*)(uv_idle_t*) (libuv 1.x)");

inline int PrepareStart(uv_prepare_t* handle, void (*cb)(uv_prepare_t*, int)) {
  return compat_uv_prepare_start_legacy(handle, cb);
}
int PrepareStart(uv_prepare_t*, ...) COMPAT_UV_REFUSED(
    "uv_prepare_start: the callback must be void (*)(uv_prepare_t*, int "
    "status) (libuv 0.6/0.8) or void (*)(uv_prepare_t*) (libuv 1.x)");

inline int CheckStart(uv_check_t* handle, void (*cb)(uv_check_t*, int)) {
  return compat_uv_check_start_legacy(handle, cb);
}
int CheckStart(uv_check_t*, ...) COMPAT_UV_REFUSED(
    "uv_check_start: the callback must be void (*)(uv_check_t*, int status) "
    "(libuv 0.6/0.8) or void (*)(uv_check_t*) (libuv 1.x)");

/* libuv 0.8's stream callbacks: the alloc callback returned the buffer and
 * the read callback took it by value. */
int ReadStart(uv_stream_t*, ...) COMPAT_UV_REFUSED(
    "uv_read_start with libuv 0.8 callbacks is not supported: the alloc "
    "callback fills a buffer now; use void alloc_cb(uv_handle_t*, size_t "
    "suggested, uv_buf_t* buf) and void read_cb(uv_stream_t*, ssize_t nread, "
    "const uv_buf_t* buf)");

}  // namespace uv_legacy
}  // namespace compat

/* Chosen only when the callback is not of libuv 1.x's type: for that type
 * libuv's own function, not a template, wins overload resolution.  Always
 * inlined, so that a refused callback's error names the caller's line. */
#define COMPAT_UV_INLINE inline __attribute__((always_inline))
template <class F>
COMPAT_UV_INLINE int uv_queue_work(uv_loop_t* loop, uv_work_t* req,
                                   uv_work_cb work_cb, F* after_work_cb) {
  return compat::uv_legacy::QueueWork(loop, req, work_cb, after_work_cb);
}
template <class F>
COMPAT_UV_INLINE int uv_async_init(uv_loop_t* loop, uv_async_t* handle, F* cb) {
  return compat::uv_legacy::AsyncInit(loop, handle, cb);
}
template <class F>
COMPAT_UV_INLINE int uv_timer_start(uv_timer_t* handle, F* cb, int64_t timeout,
                                    int64_t repeat) {
  return compat::uv_legacy::TimerStart(handle, cb, timeout, repeat);
}
template <class F>
COMPAT_UV_INLINE int uv_idle_start(uv_idle_t* handle, F* cb) {
  return compat::uv_legacy::IdleStart(handle, cb);
}
template <class F>
COMPAT_UV_INLINE int uv_prepare_start(uv_prepare_t* handle, F* cb) {
  return compat::uv_legacy::PrepareStart(handle, cb);
}
template <class F>
COMPAT_UV_INLINE int uv_check_start(uv_check_t* handle, F* cb) {
  return compat::uv_legacy::CheckStart(handle, cb);
}
template <class A, class R>
COMPAT_UV_INLINE int uv_read_start(uv_stream_t* stream, A* alloc_cb,
                                   R* read_cb) {
  return compat::uv_legacy::ReadStart(stream, alloc_cb, read_cb);
}

/* libuv 0.8 passed addresses by value and returned them. */
struct sockaddr_in uv_ip4_addr(const char* ip, int port) COMPAT_UV_REFUSED(
    "uv_ip4_addr(ip, port) is not supported: libuv 1.x fills an address; "
    "use struct sockaddr_in addr; uv_ip4_addr(ip, port, &addr)");
struct sockaddr_in6 uv_ip6_addr(const char* ip, int port) COMPAT_UV_REFUSED(
    "uv_ip6_addr(ip, port) is not supported: libuv 1.x fills an address; "
    "use struct sockaddr_in6 addr; uv_ip6_addr(ip, port, &addr)");
int uv_tcp_bind(uv_tcp_t* handle, struct sockaddr_in addr) COMPAT_UV_REFUSED(
    "uv_tcp_bind(handle, struct sockaddr_in) is not supported: libuv 1.x "
    "takes a pointer and flags; use uv_tcp_bind(handle, (const struct "
    "sockaddr*)&addr, 0)");

#else /* C: generic macros, same names, chosen by the argument's type. */

#define uv_strerror(err) \
  _Generic((err), uv_err_t : compat__uv_strerror_of, default : uv_strerror)(err)
#define uv_err_name(err) \
  _Generic((err), uv_err_t : compat__uv_err_name_of, default : uv_err_name)(err)
static __inline__ const char* compat__uv_strerror_of(uv_err_t err) {
  return compat_uv_legacy_strerror(err.code);
}
static __inline__ const char* compat__uv_err_name_of(uv_err_t err) {
  return compat_uv_legacy_err_name(err.code);
}

#define uv_ref(x) \
  _Generic((x), uv_loop_t * : compat_uv_ref_loop, default : uv_ref)(x)
#define uv_unref(x) \
  _Generic((x), uv_loop_t * : compat_uv_unref_loop, default : uv_unref)(x)

static __inline__ int compat__uv_run_default(uv_loop_t* loop) {
  return compat_uv_run_legacy(loop, 0);
}
#define COMPAT__UV_RUN_PICK(_1, _2, name, ...) name
#define uv_run(...)                                                   \
  COMPAT__UV_RUN_PICK(__VA_ARGS__, uv_run, compat__uv_run_default, ~) \
  (__VA_ARGS__)

#define uv_queue_work(loop, req, work_cb, after_work_cb) \
  _Generic((after_work_cb), void (*)(uv_work_t*)         \
           : compat_uv_queue_work_legacy, default        \
           : uv_queue_work)((loop), (req), (work_cb), (after_work_cb))
#define uv_async_init(loop, handle, cb)           \
  _Generic((cb), void (*)(uv_async_t*, int)       \
           : compat_uv_async_init_legacy, default \
           : uv_async_init)((loop), (handle), (cb))
#define uv_timer_start(handle, cb, timeout, repeat) \
  _Generic((cb), void (*)(uv_timer_t*, int)         \
           : compat_uv_timer_start_legacy, default  \
           : uv_timer_start)((handle), (cb), (timeout), (repeat))
#define uv_idle_start(handle, cb)                 \
  _Generic((cb), void (*)(uv_idle_t*, int)        \
           : compat_uv_idle_start_legacy, default \
           : uv_idle_start)((handle), (cb))
#define uv_prepare_start(handle, cb)                 \
  _Generic((cb), void (*)(uv_prepare_t*, int)        \
           : compat_uv_prepare_start_legacy, default \
           : uv_prepare_start)((handle), (cb))
#define uv_check_start(handle, cb)                 \
  _Generic((cb), void (*)(uv_check_t*, int)        \
           : compat_uv_check_start_legacy, default \
           : uv_check_start)((handle), (cb))

#endif /* __cplusplus */

#endif /* COMPAT_LEGACY_UV_H_ */
