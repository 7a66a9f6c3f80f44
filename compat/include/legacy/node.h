// legacy/node.h: the node 0.4–0.8 addon API (namespace node::legacy, see
// namespaces.h) that the runtime implements.  The macros old code uses
// (NODE_MODULE, NODE_SET_METHOD, NODE_PSYMBOL, ...) are in <node.h>.
#ifndef COMPAT_LEGACY_NODE_H_
#define COMPAT_LEGACY_NODE_H_

#include <sys/types.h>

#include "v8.h"

namespace node {
namespace legacy {

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

// node 0.8's spelling of NODE_SET_PROTOTYPE_METHOD (no receiver Signature,
// as in 0.8; 0.4 and 0.6 added one).
template <typename target_t>
void SetPrototypeMethod(target_t target, const char* name,
                        legacy_v8::InvocationCallback callback) {
  legacy_v8::Local<legacy_v8::FunctionTemplate> templ =
      legacy_v8::FunctionTemplate::New(callback);
  target->PrototypeTemplate()->Set(legacy_v8::String::NewSymbol(name), templ);
}

// node 0.6/0.8 ordinals (0.4 had all but HEX).
enum encoding { ASCII, UTF8, BASE64, UCS2, BINARY, HEX };

// The encoding a JS value names ("utf8", "ucs2", "hex", ...), or _default.
enum encoding ParseEncoding(legacy_v8::Handle<legacy_v8::Value> encoding_v,
                            enum encoding _default = BINARY);

// Reports the exception caught by try_catch as uncaught: 'uncaughtException'
// listeners run, or the process prints it and exits, as in node 0.x.
void FatalException(legacy_v8::TryCatch& try_catch);
// Prints the source line and a caret under the failing expression to
// stderr, as node 0.x did before an uncaught exception's stack.
void DisplayExceptionLine(legacy_v8::TryCatch& try_catch);

// buf as a JS string in the given encoding (node 0.x Encode).
legacy_v8::Local<legacy_v8::Value> Encode(const void* buf, size_t len,
                                          enum encoding encoding = BINARY);
// How many bytes DecodeWrite would write for the value, -1 if it cannot be
// decoded.
ssize_t DecodeBytes(legacy_v8::Handle<legacy_v8::Value>,
                    enum encoding encoding = BINARY);
// Writes the value's bytes in the given encoding into buf (at most buflen);
// returns the bytes written.
ssize_t DecodeWrite(char* buf, size_t buflen,
                    legacy_v8::Handle<legacy_v8::Value>,
                    enum encoding encoding = BINARY);

// Calls a constructor template's function as a constructor with the
// arguments of the current call (node 0.x's "called without new" helper).
legacy_v8::Handle<legacy_v8::Value> FromConstructorTemplate(
    legacy_v8::Persistent<legacy_v8::FunctionTemplate>& constructorTemplate,
    const legacy_v8::Arguments& args);

// Error("<CODE>, <msg or strerror(errorno)> ['<path>']") with the properties
// errno, code, syscall and path, as node 0.x built it.
legacy_v8::Local<legacy_v8::Value> ErrnoException(int errorno,
                                                  const char* syscall = NULL,
                                                  const char* msg = "",
                                                  const char* path = NULL);

// The name of a signal number ("SIGINT"), or "" when unknown.
const char* signo_string(int errorno);

// Runs cb(arg) when the process exits, after the 'exit' event, newest
// registration first (node 0.8).
void AtExit(void (*cb)(void* arg), void* arg = 0);

// node 0.8: calls object[method] (or callback) with `object` as this, the
// way Node calls into JavaScript from the event loop: nextTicks and promise
// jobs run afterwards; an exception goes to node::FatalException
// ('uncaughtException' or exit) and undefined is returned.
legacy_v8::Handle<legacy_v8::Value> MakeCallback(
    const legacy_v8::Handle<legacy_v8::Object> object, const char* method,
    int argc, legacy_v8::Handle<legacy_v8::Value> argv[]);
legacy_v8::Handle<legacy_v8::Value> MakeCallback(
    const legacy_v8::Handle<legacy_v8::Object> object,
    const legacy_v8::Handle<legacy_v8::String> symbol, int argc,
    legacy_v8::Handle<legacy_v8::Value> argv[]);
legacy_v8::Handle<legacy_v8::Value> MakeCallback(
    const legacy_v8::Handle<legacy_v8::Object> object,
    const legacy_v8::Handle<legacy_v8::Function> callback, int argc,
    legacy_v8::Handle<legacy_v8::Value> argv[]);

// node 0.6/0.8 APIs built on libuv 0.6/0.8 types that no longer exist.  The
// SDK reports node 0.4.12 (node_version.h), so old code reaches these only
// on purpose; they are refused at compile time.
template <class Err>
void SetErrno(Err err) COMPAT_UNSUPPORTED(
    "node::SetErrno is not supported: modern Node has no global errno "
    "variable; throw node::ErrnoException(errno, syscall) instead "
    "(uv_err_name(err) names a uv_err_t)");
legacy_v8::Local<legacy_v8::Value> UVException(int errorno,
                                               const char* syscall = NULL,
                                               const char* msg = NULL,
                                               const char* path = NULL)
    COMPAT_UNSUPPORTED(
        "node::UVException is not supported: libuv 0.x error codes are "
        "gone; use node::ErrnoException(errno, syscall, msg, path)");
template <class uv_statbuf_t>
legacy_v8::Local<legacy_v8::Object> BuildStatsObject(const uv_statbuf_t* s)
    COMPAT_UNSUPPORTED(
        "node::BuildStatsObject is not supported: uv_statbuf_t is gone; "
        "build the object from struct stat, or call fs.stat from JS");
node_module_struct* get_builtin_module(const char* name) COMPAT_UNSUPPORTED(
    "node::get_builtin_module is not supported: builtin modules are not "
    "native structs any more; use require() from JavaScript");

}  // namespace legacy
}  // namespace node

// Called by NODE_MODULE while the addon is being loaded.
extern "C" int compat_register_legacy_module(
    legacy_node::node_module_struct* module);

#endif  // COMPAT_LEGACY_NODE_H_
