/* helper.h: a bundled C library of the kind 2011 addons carried. */
#ifndef HELPER_H
#define HELPER_H
#ifdef __cplusplus
extern "C" {
#endif
int helper_count(void);
int helper_twice(int x);
int helper_gets_declared(void);
#ifdef __cplusplus
}
#endif
#endif
