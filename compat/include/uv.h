/* uv.h: libuv as node 0.6 and 0.8 addons used it.  Today's libuv (Node's own
 * uv.h, next on the include path) unchanged, plus the 2012 API it no longer
 * has (legacy/uv.h): uv_err_t and uv_last_error, uv_ref(loop), callbacks
 * with `int status`, the after-work callback without it. */
#ifndef COMPAT_UV_H_
#define COMPAT_UV_H_

#include_next <uv.h>

#include "legacy/uv.h"

#endif /* COMPAT_UV_H_ */
