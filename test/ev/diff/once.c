/* once: ev_once ends on its timeout or on its fd, whichever comes first,
 * and reports an event of the other that is pending at the same time. */
#include <unistd.h>

#include "scenario.h"

static void on_once(int revents, void *arg) {
  trace("  %s: %s", (const char *)arg, events(revents));
}

int main(void) {
  struct ev_loop *loop = ev_default_loop(0);
  int p[2];
  if (pipe(p) != 0) return 1;

  trace("fd never ready, 10 ms timeout:");
  ev_once(loop, p[0], EV_READ, 0.01, on_once, "timeout");
  trace("ev_run returned %d", ev_run(loop, 0));

  trace("fd ready, 10 s timeout:");
  if (write(p[1], "x", 1) != 1) return 1;
  ev_once(loop, p[0], EV_READ, 10., on_once, "readable");
  trace("ev_run returned %d", ev_run(loop, 0));

  trace("fd ready and timeout already due:");
  ev_once(loop, p[0], EV_READ, -0., on_once, "both");
  trace("ev_run returned %d", ev_run(loop, 0));

  trace("no fd, timeout only:");
  ev_once(loop, -1, 0, 0.01, on_once, "timer only");
  trace("ev_run returned %d", ev_run(loop, 0));
  return 0;
}
