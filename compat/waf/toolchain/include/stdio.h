/* stdio.h of node-waf's toolchain for the C a wscript builds itself: the
   system's <stdio.h>, and gets() declared as glibc declared it until 2.16
   (bundled gnulib of 2011 refers to it; the function is still in glibc). */
#include_next <stdio.h>
#if defined(__GLIBC__) && !defined(__cplusplus)
extern char *gets(char *__s);
#endif
