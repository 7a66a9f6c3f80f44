/* gnu89 inline: a plain `inline` function has an external definition here
   (C99 would emit none, and the link would fail). */
#include "helper.h"
int helper_calls;
inline int helper_double(int x) { return 2 * x; }
int helper_twice(int x) { helper_calls++; return helper_double(x); }
