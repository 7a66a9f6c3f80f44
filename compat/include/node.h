// node.h: the node 0.4-era addon API old code includes.  Declarations live
// in legacy/node.h (the inline namespace node::legacy, legacy_node); this
// header adds the macros and node.h's inline helpers.  Like node 0.4's
// node.h it brings in <ev.h>, <eio.h>, <v8.h>, <assert.h> and
// node_object_wrap.h, and like node 0.6's and 0.8's <uv.h> (the 2012 libuv
// API beside today's): code written for node 0.6/0.8 used uv_* without
// including uv.h.  node 0.8's node.h also brought in <string.h> (through
// its ev-emul.h), and addons called memcpy, memset and strlen without
// including it; so does this one.
#ifndef COMPAT_NODE_H_
#define COMPAT_NODE_H_

#include <assert.h>
#include <eio.h>
#include <ev.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <uv.h>
#include <v8.h>

#include "legacy/node.h"
#include "legacy/node_object_wrap.h"
#include "node_version.h"

#ifndef NODE_EXTERN
#define NODE_EXTERN /* nothing */
#endif

#ifndef NODE_STRINGIFY
#define NODE_STRINGIFY(n) NODE_STRINGIFY_HELPER(n)
#define NODE_STRINGIFY_HELPER(n) #n
#endif

#ifndef STATIC_ASSERT
#define STATIC_ASSERT(expr) static_cast<void>((sizeof(char[-1 + !!(expr)])))
#endif

#define NODE_PSYMBOL(s) \
  legacy_v8::Persistent<legacy_v8::String>::New(legacy_v8::String::NewSymbol(s))

#define NODE_SET_METHOD legacy_node::SetMethod
#define NODE_SET_PROTOTYPE_METHOD legacy_node::SetPrototypeMethod

#define NODE_DEFINE_CONSTANT(target, constant)             \
  (target)->Set(legacy_v8::String::NewSymbol(#constant),   \
                legacy_v8::Integer::New(constant),         \
                static_cast<legacy_v8::PropertyAttribute>( \
                    legacy_v8::ReadOnly | legacy_v8::DontDelete))

#define NODE_UNIXTIME_V8(t) legacy_v8::Date::New(1000 * static_cast<double>(t))
#define NODE_V8_UNIXTIME(v) (static_cast<double>((v)->NumberValue()) / 1000.0)

#define NODE_MODULE_VERSION (1)
#define NODE_MODULE_EXPORT /* empty */
#define NODE_STANDARD_MODULE_STUFF NODE_MODULE_VERSION, NULL, __FILE__

// Node 0.4 found the module struct by name with dlsym; modern Node looks for
// other symbols, so the definition also hands the struct to the runtime
// while the addon is loaded (the runtime registers it with Node).
#define NODE_MODULE(modname, regfunc)                                     \
  extern "C" {                                                            \
  NODE_MODULE_EXPORT legacy_node::node_module_struct modname##_module = { \
      NODE_STANDARD_MODULE_STUFF, regfunc, NODE_STRINGIFY(modname)};      \
  }                                                                       \
  static const int compat__registered_##modname __attribute__((used)) =   \
      compat_register_legacy_module(&modname##_module);

#define NODE_MODULE_DECL(modname) \
  extern "C" legacy_node::node_module_struct modname##_module;

namespace node {
namespace legacy {

// node 0.x's helpers for keeping a JS callback across an eio/ev round trip:
// a heap-allocated Persistent<Function> passed as a void*.
static inline legacy_v8::Persistent<legacy_v8::Function>* cb_persist(
    const legacy_v8::Local<legacy_v8::Value>& v) {
  legacy_v8::Persistent<legacy_v8::Function>* fn =
      new legacy_v8::Persistent<legacy_v8::Function>();
  *fn = legacy_v8::Persistent<legacy_v8::Function>::New(
      legacy_v8::Local<legacy_v8::Function>::Cast(v));
  return fn;
}

static inline legacy_v8::Persistent<legacy_v8::Function>* cb_unwrap(
    void* data) {
  legacy_v8::Persistent<legacy_v8::Function>* cb =
      reinterpret_cast<legacy_v8::Persistent<legacy_v8::Function>*>(data);
  assert((*cb)->IsFunction());
  return cb;
}

static inline void cb_destroy(legacy_v8::Persistent<legacy_v8::Function>* cb) {
  cb->Dispose();
  delete cb;
}

}  // namespace legacy
}  // namespace node

#endif  // COMPAT_NODE_H_
