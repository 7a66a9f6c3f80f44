/* io_pipe: ev_io readiness on pipes and a socket pair, many watchers on one
 * fd, the fd's flags, EV__IOFDSET, end of file, a writer whose reader is
 * gone, and a regular file (always ready with epoll).  (An fd that is not
 * open is not compared: Debian's libev is built with assertions and aborts;
 * the layer stops the watcher with EV_ERROR, as libev does without them.) */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include "scenario.h"

typedef struct {
  ev_io w;
  const char *name;
  int calls;
  int limit;
  int drain;
} Io;

static void on_io(struct ev_loop *loop, ev_io *w, int revents) {
  Io *io = (Io *)w;
  ++io->calls;
  trace("  %s %s active %d", io->name, events(revents), ev_is_active(w));
  if (io->drain) {
    char buf[16];
    ssize_t n = read(w->fd, buf, sizeof buf);
    trace("  %s read %d", io->name, (int)n);
  }
  if (io->limit && io->calls >= io->limit) ev_io_stop(loop, w);
}

static void start(struct ev_loop *loop, Io *io, const char *name, int fd,
                  int events, int limit) {
  ev_io_init(&io->w, on_io, fd, events);
  io->name = name;
  io->calls = 0;
  io->limit = limit;
  io->drain = 0;
  ev_io_start(loop, &io->w);
}

int main(void) {
  struct ev_loop *loop = ev_default_loop(0);
  int p[2], sv[2], fd;
  Io a, b, c, both, r, w, file;
  char path[] = "/tmp/io_pipe_XXXXXX";

  if (pipe(p) != 0 || socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) return 1;

  /* readiness on a socket pair, four watchers on one fd */
  start(loop, &a, "a(READ)", sv[0], EV_READ, 0);
  start(loop, &b, "b(READ)", sv[0], EV_READ, 0);
  start(loop, &c, "c(WRITE)", sv[0], EV_WRITE, 0);
  start(loop, &both, "both", sv[0], EV_READ | EV_WRITE, 0);
  trace("nothing written:");
  ev_run(loop, EVRUN_NOWAIT);
  if (write(sv[1], "x", 1) != 1) return 1;
  trace("one byte written:");
  ev_run(loop, EVRUN_NOWAIT);
  ev_io_stop(loop, &b.w);
  ev_io_stop(loop, &c.w);
  trace("b and c stopped:");
  ev_run(loop, EVRUN_NOWAIT);
  ev_io_stop(loop, &a.w);
  ev_io_stop(loop, &both.w);

  /* the fd's flags are the program's business */
  start(loop, &r, "r", p[0], EV_READ, 1);
  trace("pipe read end non-blocking after start: %d",
        (fcntl(p[0], F_GETFL) & O_NONBLOCK) != 0);
  trace("events after start: %d", r.w.events);
  ev_io_stop(loop, &r.w);
  ev_io_set(&r.w, p[0], EV_READ);
  trace("events after ev_io_set: %d", r.w.events);
  ev_io_start(loop, &r.w);
  r.drain = 1;
  if (write(p[1], "yz", 2) != 2) return 1;
  trace("ev_run returned %d", ev_run(loop, 0));

  /* end of file */
  start(loop, &r, "r", p[0], EV_READ, 1);
  r.drain = 1;
  close(p[1]);
  trace("writer closed:");
  trace("ev_run returned %d", ev_run(loop, 0));
  close(p[0]);

  /* a writer whose reader is gone: writable (the write fails with EPIPE) */
  if (pipe(p) != 0) return 1;
  close(p[0]);
  start(loop, &w, "w", p[1], EV_WRITE, 2);
  trace("reader closed:");
  trace("ev_run returned %d", ev_run(loop, 0));
  close(p[1]);

  /* a regular file: epoll refuses it, libev treats it as always ready */
  fd = mkstemp(path);
  if (fd < 0) return 1;
  unlink(path);
  start(loop, &file, "file", fd, EV_READ | EV_WRITE, 3);
  trace("regular file:");
  trace("ev_run returned %d", ev_run(loop, 0));
  close(fd);

  close(sv[0]);
  close(sv[1]);
  return 0;
}
