// node_internal.h: what the node 0.x layer of the runtime (node_*.cc) sets
// up when the addon is loaded.  Included by node_module.cc and node_*.cc.
#ifndef COMPAT_SRC_NODE_INTERNAL_H_
#define COMPAT_SRC_NODE_INTERNAL_H_

#include "v8_internal.h"

namespace compat {
namespace detail {

// node 0.4's EventEmitter::constructor_template, made from the
// environment's require('events') (node_events.cc).
void InitEventEmitter(v8::Isolate* isolate, v8::Local<v8::Context> context,
                      v8::Local<v8::Value> module);

// "_events", where node 0.4's EventEmitter kept its listeners.
v8::Local<v8::String> EventsName(v8::Isolate* isolate);

// Runs node::AtExit callbacks when the environment is torn down
// (node_callbacks.cc).
void InitAtExit(v8::Isolate* isolate);

// The bytes behind an object with external array data or a typed array
// (v8_external_arrays.cc); false when there are none.
bool ExternalBytes(v8::Local<v8::Object> object, char** data, size_t* length,
                   int* type);

}  // namespace detail
}  // namespace compat

#endif  // COMPAT_SRC_NODE_INTERNAL_H_
