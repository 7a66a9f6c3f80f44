/* uv.h: libuv as node 0.6 and 0.8 addons used it.  Today's libuv (Node's own
 * uv.h, next on the include path) unchanged, plus the 2012 API it no longer
 * has (legacy/uv.h): uv_err_t and uv_last_error, uv_ref(loop), callbacks
 * with `int status`, the after-work callback without it. */
#ifndef COMPAT_UV_H_
#define COMPAT_UV_H_

/* node 0.4-0.8's node.h never brought in <errno.h>, and old code declared
 * variables named errno (unsigned int errno = mysql_errno(...)); today's
 * uv.h includes it for the UV_E* values.  So, unless the file included
 * <errno.h> itself first, libuv gets the E* values from the kernel's
 * <linux/errno.h> (the same numbers) and glibc's <errno.h>, with its errno
 * macro, stays out until the file includes it. */
#if defined(__linux__) && !defined(_ERRNO_H)
#include <linux/errno.h>
#define _ERRNO_H 1
#define COMPAT_UV_ERRNO_HIDDEN
#endif

#include_next <uv.h>

#ifdef COMPAT_UV_ERRNO_HIDDEN
#undef _ERRNO_H
#undef COMPAT_UV_ERRNO_HIDDEN
#endif

#include "legacy/uv.h"

#endif /* COMPAT_UV_H_ */
