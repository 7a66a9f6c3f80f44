// node_module.cc: loads a node 0.x addon into modern Node.  Node 0.4 found
// `<name>_module` (NODE_MODULE) or a bare `init` by dlsym; modern Node calls
// node_register_module_v<ABI>, which this file defines for the addon and
// which runs whichever of the two old entry points the addon has.
#include <node.h>
#include <uv.h>

#include <string>

#include "callback_scope.h"
#include "misuse.h"
#include "node_internal.h"
#include "v8_internal.h"
#include "v8_version.h"

// The facade headers reference this from every legacy translation unit, so
// that the linker keeps this object file (see legacy/v8_base.h).
extern "C" {
char compat_runtime_anchor = 0;
}

// A bare 0.4-era entry point, if the addon defines one.
extern "C" void init(legacy_v8::Handle<legacy_v8::Object> target)
    __attribute__((weak));

namespace compat {
namespace detail {
namespace {

legacy_node::node_module_struct* registered_module = nullptr;

std::string AddonName(v8::Local<v8::Context> context,
                      v8::Local<v8::Value> module) {
  if (registered_module != nullptr && registered_module->modname != nullptr)
    return registered_module->modname;
  v8::Local<v8::Value> filename;
  if (module->IsObject() &&
      module.As<v8::Object>()
          ->Get(context, Nan::New("filename").ToLocalChecked())
          .ToLocal(&filename) &&
      filename->IsString()) {
    Nan::Utf8String text(filename);
    return std::string(*text, text.length());
  }
  return "this addon";
}

void Throw(v8::Isolate* isolate, const std::string& message) {
  isolate->ThrowException(
      v8::Exception::Error(Nan::New(message).ToLocalChecked()));
}

}  // namespace
}  // namespace detail
}  // namespace compat

extern "C" int compat_register_legacy_module(
    legacy_node::node_module_struct* module) {
  if (compat::detail::registered_module != nullptr &&
      compat::detail::registered_module != module)
    compat::Warn(
        "NODE_MODULE(%s): a second module in the same addon is "
        "ignored (node 0.x loaded one per file)",
        module->modname);
  else
    compat::detail::registered_module = module;
  return 1;
}

extern "C" NODE_MODULE_EXPORT void NODE_MODULE_INITIALIZER(
    v8::Local<v8::Object> exports, v8::Local<v8::Value> module,
    v8::Local<v8::Context> context) {
  using compat::detail::registered_module;
  v8::Isolate* isolate = compat::version::IsolateOf(context);
  std::string name = compat::detail::AddonName(context, module);
  // Legacy addons keep V8 handles in statics, bound to the one isolate of
  // node 0.x; only the main thread's environment (on the default loop) can
  // host them.
  if (node::GetCurrentEventLoop(isolate) != uv_default_loop()) {
    compat::detail::Throw(
        isolate,
        name +
            ": a node-waf era addon cannot be loaded in a worker thread: it "
            "keeps V8 handles in static variables, which bind it to one "
            "isolate. Load it on the main thread.");
    return;
  }
  if (compat::detail::main_isolate == nullptr) {
    compat::detail::BindMainEnvironment(isolate, context, module);
    compat::AttachEventLoop(isolate);
    compat::detail::InitAtExit(isolate);
    compat::detail::InitEventEmitter(isolate, context, module);
    compat::detail::InstallGcHook(isolate, context);
  } else {
    // node 0.x's dlopen ran the entry point again too; what old code keeps
    // in statics (the module object, persistent handles) now refers to the
    // second exports, so the first module object stops being used.
    compat::Warn(
        "%s: loaded a second time in this process (process.dlopen of an "
        "addon already loaded); its init runs again, as in node 0.x, and "
        "what it keeps in static variables now belongs to the new exports",
        name.c_str());
  }
  legacy_v8::Handle<legacy_v8::Object> target =
      compat::detail::Legacy<legacy_v8::Object>(exports);
  if (registered_module != nullptr &&
      registered_module->register_func != nullptr) {
    if (registered_module->version != 1)
      compat::Warn("NODE_MODULE(%s): module version %d, node 0.x expected 1",
                   registered_module->modname, registered_module->version);
    registered_module->register_func(target);
  } else if (init != nullptr) {
    init(target);
  } else {
    compat::detail::Throw(isolate,
                          name +
                              ": no entry point: the addon defines neither "
                              "NODE_MODULE(name, func) nor extern \"C\" void "
                              "init(Handle<Object> target)");
  }
}
