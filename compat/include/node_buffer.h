// node_buffer.h: node::Buffer of node 0.4–0.8 (declared in
// legacy/node_buffer.h), whose handle_ is a real Node Buffer.
#ifndef COMPAT_NODE_BUFFER_H_
#define COMPAT_NODE_BUFFER_H_

#include "legacy/node_buffer.h"
#include "node.h"

#endif  // COMPAT_NODE_BUFFER_H_
