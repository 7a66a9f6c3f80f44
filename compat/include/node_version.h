/* node_version.h: the node version legacy code is compiled against.
 *
 * node-waf-compat reports node 0.4.12 by default, so that old
 * `#if NODE_VERSION_AT_LEAST(0, 5, 0)` branches take the libev/libeio path
 * that this SDK emulates instead of the libuv 0.6/0.8 API that no longer
 * exists.  Define COMPAT_NODE_MAJOR_VERSION, COMPAT_NODE_MINOR_VERSION and
 * COMPAT_NODE_PATCH_VERSION (all three) to report another 0.x release. */
#ifndef NODE_VERSION_H
#define NODE_VERSION_H

#if defined(COMPAT_NODE_MAJOR_VERSION) && \
    defined(COMPAT_NODE_MINOR_VERSION) && defined(COMPAT_NODE_PATCH_VERSION)
#define NODE_MAJOR_VERSION COMPAT_NODE_MAJOR_VERSION
#define NODE_MINOR_VERSION COMPAT_NODE_MINOR_VERSION
#define NODE_PATCH_VERSION COMPAT_NODE_PATCH_VERSION
#else
#define NODE_MAJOR_VERSION 0
#define NODE_MINOR_VERSION 4
#define NODE_PATCH_VERSION 12
#endif

#define NODE_VERSION_IS_RELEASE 1

#ifndef NODE_STRINGIFY
#define NODE_STRINGIFY(n) NODE_STRINGIFY_HELPER(n)
#define NODE_STRINGIFY_HELPER(n) #n
#endif

#define NODE_VERSION_STRING            \
  NODE_STRINGIFY(NODE_MAJOR_VERSION)   \
  "." NODE_STRINGIFY(NODE_MINOR_VERSION) "." NODE_STRINGIFY(NODE_PATCH_VERSION)
#define NODE_VERSION "v" NODE_VERSION_STRING

#define NODE_VERSION_AT_LEAST(major, minor, patch)                        \
  (((major) < NODE_MAJOR_VERSION) ||                                      \
   ((major) == NODE_MAJOR_VERSION && (minor) < NODE_MINOR_VERSION) ||     \
   ((major) == NODE_MAJOR_VERSION && (minor) == NODE_MINOR_VERSION &&     \
    (patch) <= NODE_PATCH_VERSION))

/* Lets code (and our tests) tell this SDK from a real node 0.x. */
#define NODE_WAF_COMPAT 1

#endif /* NODE_VERSION_H */
