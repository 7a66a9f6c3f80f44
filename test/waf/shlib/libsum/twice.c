/* twice.c: a helper built as a plain shared library (uselib_local). */
#include "sum.h"

int twice(int a) { return 2 * a; }
