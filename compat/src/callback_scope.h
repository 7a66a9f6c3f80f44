// callback_scope.h: how the ev and eio layers are embedded in Node: the
// default ev loop is the environment's loop, and every watcher callback and
// eio done callback runs the way Node runs its own handle callbacks.
#ifndef COMPAT_SRC_CALLBACK_SCOPE_H_
#define COMPAT_SRC_CALLBACK_SCOPE_H_

#include <v8.h>

namespace compat {

// Makes Node's loop the default ev loop and runs every watcher callback and
// eio done callback in a HandleScope and a node::CallbackScope (one async
// resource per started watcher, one per eio request, created when it is
// submitted), so that JS called from it drains nextTicks and microtasks
// afterwards, keeps async_hooks context, and its uncaught exceptions reach
// process.on('uncaughtException').  Closes the loop and drops the eio
// requests still in flight at environment teardown.  Main thread, once.
void AttachEventLoop(v8::Isolate* isolate);

}  // namespace compat

#endif  // COMPAT_SRC_CALLBACK_SCOPE_H_
