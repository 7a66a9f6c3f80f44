/* node/uv.h: the spelling <node/uv.h>; it must reach the SDK's uv.h, found
 * on the include path so that it can include Node's own. */
#include <uv.h>
