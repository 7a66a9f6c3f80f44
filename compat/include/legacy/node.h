// legacy/node.h: the node 0.4–0.8 addon API (namespace legacy_node) that
// the runtime implements.  The macros old code uses (NODE_MODULE,
// NODE_SET_METHOD, NODE_PSYMBOL, ...) are in <node.h>, which aliases this
// namespace as node.
#ifndef COMPAT_LEGACY_NODE_H_
#define COMPAT_LEGACY_NODE_H_

#include "v8.h"

namespace legacy_node {

// What NODE_MODULE defines (node 0.4–0.8 layout).
struct node_module_struct {
  int version;
  void* dso_handle;
  const char* filename;
  void (*register_func)(legacy_v8::Handle<legacy_v8::Object> target);
  const char* modname;
};

// node 0.8's spelling of NODE_SET_METHOD.
template <typename target_t>
void SetMethod(target_t obj, const char* name,
               legacy_v8::InvocationCallback callback) {
  obj->Set(legacy_v8::String::NewSymbol(name),
           legacy_v8::FunctionTemplate::New(callback)->GetFunction());
}

// node 0.8's spelling of NODE_SET_PROTOTYPE_METHOD.
template <typename target_t>
void SetPrototypeMethod(target_t target, const char* name,
                        legacy_v8::InvocationCallback callback) {
  legacy_v8::Local<legacy_v8::FunctionTemplate> templ =
      legacy_v8::FunctionTemplate::New(callback);
  target->PrototypeTemplate()->Set(legacy_v8::String::NewSymbol(name),
                                   templ);
}

enum encoding { ASCII, UTF8, BASE64, UCS2, BINARY, HEX };

// Reports the exception caught by try_catch as uncaught: 'uncaughtException'
// listeners run, or the process prints it and exits, as in node 0.x.
void FatalException(legacy_v8::TryCatch& try_catch);

}  // namespace legacy_node

// Called by NODE_MODULE while the addon is being loaded.
extern "C" int compat_register_legacy_module(
    legacy_node::node_module_struct* module);

#endif  // COMPAT_LEGACY_NODE_H_
