// node_object_wrap.h: node::ObjectWrap of node 0.4–0.8 (declared in
// legacy/node_object_wrap.h).  Like node's own header it includes node.h.
#ifndef COMPAT_NODE_OBJECT_WRAP_H_
#define COMPAT_NODE_OBJECT_WRAP_H_

#include "node.h"

#endif  // COMPAT_NODE_OBJECT_WRAP_H_
