/* eio_c_test.c: eio_custom called from C, with node 0.4's int-returning
 * work function and node 0.6's void one, both through the same name; run
 * by eio_work_test.cc. */
#include <eio.h>
#include <ev.h>

static int work_04(eio_req *req) {
  *(int *)req->data += 1;
  return 99; /* dropped, as libeio dropped it */
}

static void work_06(eio_req *req) { *(int *)req->data += 10; }

static int results[2];
static int dones;

static int done(eio_req *req) {
  ev_unref(EV_DEFAULT_UC);
  results[dones++ % 2] = (int)req->result;
  return 0;
}

int compat_eio_c_test(void);
int compat_eio_c_test(void) {
  int counter_04 = 0;
  int counter_06 = 0;
  dones = 0;
  if (eio_custom(work_04, EIO_PRI_DEFAULT, done, &counter_04) == 0) return 1;
  ev_ref(EV_DEFAULT_UC);
  if (eio_custom(work_06, EIO_PRI_DEFAULT, done, &counter_06) == 0) return 2;
  ev_ref(EV_DEFAULT_UC);
  ev_run(EV_DEFAULT_UC_ 0);
  if (dones != 2) return 3;
  if (counter_04 != 1 || counter_06 != 10) return 4;
  if (results[0] != 0 || results[1] != 0) return 5;
  return 0;
}
