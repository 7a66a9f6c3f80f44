// node/v8-profiler.h: the spelling <node/v8-profiler.h>, which old code used where node's
// headers were installed under <prefix>/include/node; it must reach the
// SDK's header, never a real Node's installed on the system.
#include "../v8-profiler.h"
