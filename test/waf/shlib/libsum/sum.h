/* sum.h: the helper libraries of test/waf/shlib. */
#ifndef SUM_H_
#define SUM_H_
#ifdef __cplusplus
extern "C" {
#endif
int sum_of(int a, int b);
int twice(int a);
int sum_pic(void);
#ifdef __cplusplus
}
#endif
#endif
