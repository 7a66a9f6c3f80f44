// node_callbacks.cc: node 0.x's ways into JavaScript from native code
// (node::MakeCallback, FromConstructorTemplate) and out of the process
// (node::AtExit), on Node's callback scope and environment cleanup hooks.
#include <utility>
#include <vector>

#include "misuse.h"
#include "node_internal.h"

using compat::detail::CurrentContext;
using compat::detail::CurrentIsolate;
using compat::detail::Legacy;
using compat::detail::Real;

namespace {

legacy_v8::Handle<legacy_v8::Value> CallBack(
    legacy_v8::Handle<legacy_v8::Object> object, v8::Local<v8::Value> callback,
    int argc, legacy_v8::Handle<legacy_v8::Value> argv[], const char* what) {
  v8::Isolate* isolate = CurrentIsolate();
  v8::EscapableHandleScope scope(isolate);
  v8::Local<v8::Value> undefined = v8::Undefined(isolate);
  if (callback.IsEmpty() || !callback->IsFunction()) {
    // node 0.x asserted here.
    compat::detail::ThrowMisuse("node::MakeCallback: %s is not a function",
                                what);
    return Legacy<legacy_v8::Value>(scope.Escape(undefined));
  }
  for (int i = 0; i < argc; i++)
    if (argv[i].IsEmpty() ||
        !compat::detail::UsableHandle(*argv[i], "node::MakeCallback"))
      return Legacy<legacy_v8::Value>(scope.Escape(undefined));
  v8::TryCatch try_catch(isolate);
  // Node's own path into JS from the loop: nextTicks and promise jobs run
  // when the outermost such call returns (node 0.x ran its tick queue).
  v8::Local<v8::Value> result;
  if (node::MakeCallback(isolate, Real<v8::Object>(*object),
                         callback.As<v8::Function>(), argc,
                         compat::detail::RealArgs(argc, argv).get(),
                         node::async_context{0, 0})
          .ToLocal(&result))
    return Legacy<legacy_v8::Value>(scope.Escape(result));
  // node 0.8: an exception is reported as uncaught, and undefined returned.
  if (try_catch.HasCaught() && !try_catch.HasTerminated())
    node::FatalException(isolate, try_catch);
  return Legacy<legacy_v8::Value>(scope.Escape(undefined));
}

bool CheckObject(legacy_v8::Handle<legacy_v8::Object> object) {
  v8::Local<v8::Object> real;
  return !object.IsEmpty() &&
         compat::detail::SelfAs(*object, "node::MakeCallback", &real);
}

}  // namespace

legacy_v8::Handle<legacy_v8::Value> legacy_node::MakeCallback(
    const legacy_v8::Handle<legacy_v8::Object> object, const char* method,
    int argc, legacy_v8::Handle<legacy_v8::Value> argv[]) {
  if (!CheckObject(object) || method == NULL) return legacy_v8::Undefined();
  v8::Isolate* isolate = CurrentIsolate();
  v8::EscapableHandleScope scope(isolate);
  v8::Local<v8::String> name;
  v8::Local<v8::Value> callback;
  if (!v8::String::NewFromUtf8(isolate, method).ToLocal(&name) ||
      !Real<v8::Object>(*object)
           ->Get(CurrentContext(), name)
           .ToLocal(&callback))
    return legacy_v8::Undefined();
  return Legacy<legacy_v8::Value>(
      scope.Escape(Real(*CallBack(object, callback, argc, argv, method))));
}

legacy_v8::Handle<legacy_v8::Value> legacy_node::MakeCallback(
    const legacy_v8::Handle<legacy_v8::Object> object,
    const legacy_v8::Handle<legacy_v8::String> symbol, int argc,
    legacy_v8::Handle<legacy_v8::Value> argv[]) {
  if (!CheckObject(object) || symbol.IsEmpty()) return legacy_v8::Undefined();
  v8::EscapableHandleScope scope(CurrentIsolate());
  v8::Local<v8::Value> callback;
  if (!Real<v8::Object>(*object)
           ->Get(CurrentContext(), Real(*symbol))
           .ToLocal(&callback))
    return legacy_v8::Undefined();
  return Legacy<legacy_v8::Value>(scope.Escape(
      Real(*CallBack(object, callback, argc, argv, "the method"))));
}

legacy_v8::Handle<legacy_v8::Value> legacy_node::MakeCallback(
    const legacy_v8::Handle<legacy_v8::Object> object,
    const legacy_v8::Handle<legacy_v8::Function> callback, int argc,
    legacy_v8::Handle<legacy_v8::Value> argv[]) {
  if (!CheckObject(object)) return legacy_v8::Undefined();
  v8::Local<v8::Value> function;
  if (!callback.IsEmpty() &&
      compat::detail::UsableHandle(*callback, "node::MakeCallback"))
    function = Real(*callback);
  return CallBack(object, function, argc, argv, "the callback");
}

legacy_v8::Handle<legacy_v8::Value> legacy_node::FromConstructorTemplate(
    legacy_v8::Persistent<legacy_v8::FunctionTemplate>& constructorTemplate,
    const legacy_v8::Arguments& args) {
  v8::Isolate* isolate = CurrentIsolate();
  v8::EscapableHandleScope scope(isolate);
  if (constructorTemplate.IsEmpty()) {
    compat::detail::ThrowMisuse(
        "node::FromConstructorTemplate: the template is an empty handle");
    return legacy_v8::Handle<legacy_v8::Value>();
  }
  v8::Local<v8::Context> context = CurrentContext();
  const v8::FunctionCallbackInfo<v8::Value>& info =
      compat::detail::FacadeAccess::Info(args);
  std::vector<v8::Local<v8::Value> > argv;
  for (int i = 0; i < info.Length(); i++) argv.push_back(info[i]);
  v8::Local<v8::Function> function;
  v8::Local<v8::Object> instance;
  if (!Real<v8::FunctionTemplate>(*constructorTemplate)
           ->GetFunction(context)
           .ToLocal(&function) ||
      !function
           ->NewInstance(context, static_cast<int>(argv.size()), argv.data())
           .ToLocal(&instance))
    return legacy_v8::Handle<legacy_v8::Value>();
  return Legacy<legacy_v8::Value>(scope.Escape(instance));
}

namespace {

// Newest first, as node 0.8 ran them.
std::vector<std::pair<void (*)(void*), void*> >* at_exit = nullptr;

void RunAtExit(void*) {
  if (at_exit == nullptr) return;
  v8::Isolate* isolate = CurrentIsolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> context = compat::detail::MainContext();
  if (context.IsEmpty()) return;
  v8::Context::Scope context_scope(context);
  while (!at_exit->empty()) {
    std::pair<void (*)(void*), void*> entry = at_exit->back();
    at_exit->pop_back();
    entry.first(entry.second);
  }
}

}  // namespace

void compat::detail::InitAtExit(v8::Isolate* isolate) {
  static bool hooked = false;
  if (hooked) return;
  hooked = true;
  if (at_exit == nullptr)
    at_exit = new std::vector<std::pair<void (*)(void*), void*> >;
  node::AddEnvironmentCleanupHook(isolate, RunAtExit, nullptr);
}

void legacy_node::AtExit(void (*cb)(void* arg), void* arg) {
  if (cb == NULL) return;
  if (at_exit == nullptr) {
    // Called from a static initialiser, before the module is initialised.
    at_exit = new std::vector<std::pair<void (*)(void*), void*> >;
  }
  at_exit->push_back(std::make_pair(cb, arg));
}
