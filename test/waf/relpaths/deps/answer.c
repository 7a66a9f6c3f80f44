/* answer.c: libanswer.a, found through LIBPATH_ANSWER = '../deps'. */
#include "answer.h"
int answer(void) { return 42; }
