/* answer.h: found through obj.cxxflags = ["-I../deps"]. */
#ifndef ANSWER_H_
#define ANSWER_H_
#ifdef __cplusplus
extern "C" {
#endif
int answer(void);
int offset(void);
#ifdef __cplusplus
}
#endif
#endif
