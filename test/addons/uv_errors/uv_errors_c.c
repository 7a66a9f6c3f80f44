/* uv_errors_c.c: the libuv half of a node 0.8 addon, in C, as addons that
 * bundled a C library wrote it: libuv 0.8's error model (uv_err_t,
 * uv_strerror, uv_err_name), a timer whose callback takes `int status`,
 * thread-pool work whose after-work callback takes none, and uv_ref and
 * uv_unref on a handle.  It reports events through uv_errors_emit, which
 * the C++ half defines. */
#include <stdlib.h>
#include <string.h>
#include <uv.h>

void uv_errors_emit(const char* what, const char* text, int value);

static const char* name_and_text(uv_err_code code, const char** text) {
  uv_err_t err;
  err.code = code;
  err.sys_errno_ = 0;
  *text = uv_strerror(err);
  return uv_err_name(err);
}

void uv_errors_names(void) {
  static const uv_err_code codes[] = {
      UV_OK,     UV_EOF,   UV_ENOENT,       UV_EACCES, UV_EADDRINUSE,
      UV_EINVAL, UV_EPIPE, UV_ECONNREFUSED, UV_EEXIST, UV_EAGAIN};
  size_t i;
  for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
    const char* text;
    const char* name = name_and_text(codes[i], &text);
    uv_errors_emit(name, text, codes[i] == UV_OK);
  }
}

static uv_timer_t timer;
static int ticks;

static void on_closed(uv_handle_t* handle) {
  uv_errors_emit("c timer closed", "", handle == (uv_handle_t*)&timer);
}

static void on_tick(uv_timer_t* handle, int status) {
  ticks++;
  uv_errors_emit("c timer", "", ticks * 10 + status);
  if (ticks == 2) {
    uv_timer_stop(handle);
    uv_close((uv_handle_t*)handle, on_closed);
  }
}

int uv_errors_start_timer(void) {
  uv_timer_init(uv_default_loop(), &timer);
  /* ref'd, then unref'd and ref'd again: it keeps the loop alive. */
  uv_unref((uv_handle_t*)&timer);
  uv_ref((uv_handle_t*)&timer);
  return uv_timer_start(&timer, on_tick, 2, 2);
}

struct job {
  uv_work_t request;
  int input;
  int output;
};

static void work(uv_work_t* req) {
  struct job* job = (struct job*)req->data;
  job->output = job->input * 3;
}

static void after(uv_work_t* req) {
  struct job* job = (struct job*)req->data;
  uv_errors_emit("c work", "", job->output);
  free(job);
}

int uv_errors_queue(int input) {
  struct job* job = (struct job*)calloc(1, sizeof(*job));
  job->request.data = job;
  job->input = input;
  return uv_queue_work(uv_default_loop(), &job->request, work, after);
}
