/* sum.c: a helper built as a plain shared library (add_objects). */
#include "sum.h"

int sum_of(int a, int b) { return a + b; }

/* waf's shlib tools compiled it with -fPIC -DPIC. */
int sum_pic(void) {
#ifdef PIC
  return 1;
#else
  return 0;
#endif
}
