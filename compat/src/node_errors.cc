// node_errors.cc: node 0.x FatalException on Node's uncaught-exception path.
#include <node.h>

#include "misuse.h"
#include "v8_internal.h"

void legacy_node::FatalException(legacy_v8::TryCatch& try_catch) {
  const v8::TryCatch& real =
      *compat::detail::FacadeAccess::Storage<v8::TryCatch>(&try_catch);
  if (real.HasTerminated()) return;  // the isolate is being torn down
  if (!real.HasCaught()) {
    compat::Warn("node::FatalException: the TryCatch has caught nothing");
    return;
  }
  node::FatalException(compat::detail::CurrentIsolate(), real);
}
