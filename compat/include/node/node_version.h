// node/node_version.h: the spelling <node/node_version.h>, which old code used where node's
// headers were installed under <prefix>/include/node; it must reach the
// SDK's header, never a real Node's installed on the system.
#include "../node_version.h"
