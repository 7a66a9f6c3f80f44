/* helper.c: compiled as C (its task generator has the 'cc' feature). */
#include "helper.h"

int helper_value(void) { return HELPER_BASE + 1; }

int helper_is_cplusplus(void) {
#ifdef __cplusplus
  return 1;
#else
  return 0;
#endif
}
