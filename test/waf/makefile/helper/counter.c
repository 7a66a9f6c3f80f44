/* Two tentative definitions of one global, in two files: one common
   symbol for GCC 4 (-fcommon), a link error for GCC 10's default. */
#include "helper.h"
int helper_calls;
int helper_count(void) { return ++helper_calls; }
