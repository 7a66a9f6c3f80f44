// callback_scope.h: how the ev layer is embedded in Node: the default ev loop
// is the environment's loop, and every watcher callback runs the way Node
// runs its own handle callbacks.
#ifndef COMPAT_SRC_CALLBACK_SCOPE_H_
#define COMPAT_SRC_CALLBACK_SCOPE_H_

#include <v8.h>

namespace compat {

// Makes Node's loop the default ev loop and runs every watcher callback in a
// HandleScope and a node::CallbackScope (one async resource per started
// watcher), so that JS called from it drains nextTicks and microtasks
// afterwards, keeps async_hooks context, and its uncaught exceptions reach
// process.on('uncaughtException').  Closes the loop at environment teardown.
// Main thread, once.
void AttachEventLoop(v8::Isolate* isolate);

}  // namespace compat

#endif  // COMPAT_SRC_CALLBACK_SCOPE_H_
