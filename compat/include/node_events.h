// node_events.h: node 0.4's C++ node::EventEmitter (declared in
// legacy/node_events.h), on require('events').
#ifndef COMPAT_NODE_EVENTS_H_
#define COMPAT_NODE_EVENTS_H_

#include "legacy/node_events.h"
#include "node.h"

#endif  // COMPAT_NODE_EVENTS_H_
