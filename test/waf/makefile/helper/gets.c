/* What gnulib's stdio.h of 2011 did with gets(): name its type, which
   needs the declaration glibc dropped in 2.16. */
#include <stdio.h>
#include "helper.h"
extern __typeof__ (gets) gets;
int helper_gets_declared(void) { return gets != 0; }
