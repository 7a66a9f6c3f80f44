/* helper.h: a C helper library, usable from C++. */
#ifndef HELPER_H
#define HELPER_H
#ifdef __cplusplus
extern "C" {
#endif
int helper_value(void);
int helper_is_cplusplus(void);
#ifdef __cplusplus
}
#endif
#endif
