// callback_scope.cc: the ev, eio and uv layers' host inside Node: watcher
// callbacks, eio done callbacks and 2012 libuv callbacks run in a
// HandleScope and a node::CallbackScope, as libuv callbacks of Node's own
// handles do (seeds/003: only then do nextTicks and microtasks run).
#include "callback_scope.h"

#include <node.h>

#include "eio_internal.h"
#include "ev_internal.h"
#include "misuse.h"
#include "uv_internal.h"
#include "v8_internal.h"

namespace compat {
namespace {

// The async resource of one source of callbacks: a started watcher or an
// eio request.  It keeps the async context frame of its creation (Node
// 24's AsyncLocalStorage lives there, not in async_hooks): an eio done
// callback continues the context of the call that submitted the request.
struct Resource {
  Resource(v8::Isolate* isolate, const char* name) : frame(isolate) {
    v8::Local<v8::Object> resource = v8::Object::New(isolate);
    object.Reset(isolate, resource);
    context = node::EmitAsyncInit(isolate, resource, name);
  }
  v8::Global<v8::Object> object;
  node::async_context context;
  version::ContextFrame frame;
};

class NodeHost : public ev::Host {
 public:
  explicit NodeHost(v8::Isolate* isolate) : isolate_(isolate) {}

  void Dispatch(const ev::Call& call) override {
    // One resource per started watcher; events fed to a watcher that is not
    // active (ev_feed_event, ev_invoke) share one of the loop's.
    void** slot = call.box != nullptr ? &call.box->host_data : &loose_;
    const char* name =
        call.box != nullptr ? ev::KindName(call.box->kind) : "ev_watcher";
    InScope(slot, name, InvokeCall, const_cast<ev::Call*>(&call));
  }

  void Release(ev::Box* box) override { Forget(&box->host_data); }

  void Run(const ev::Task& task) override {
    InScope(task.slot, task.name, task.fn, task.arg);
  }

  void Capture(void** slot, const char* name) override {
    if (*slot != nullptr) return;
    v8::HandleScope scope(isolate_);
    ResourceOf(slot, name);
  }

  void Forget(void** slot) override {
    Resource* resource = static_cast<Resource*>(*slot);
    if (resource == nullptr) return;
    *slot = nullptr;
    node::EmitAsyncDestroy(isolate_, resource->context);
    delete resource;
  }

 private:
  static void InvokeCall(void* call) {
    ev::Invoke(*static_cast<const ev::Call*>(call));
  }

  // The resource of *slot, created on first use.  Inside a HandleScope.
  Resource* ResourceOf(void** slot, const char* name) {
    Resource* resource = static_cast<Resource*>(*slot);
    if (resource == nullptr) {
      resource = new Resource(isolate_, name);
      *slot = resource;
    }
    return resource;
  }

  void InScope(void** slot, const char* name, void (*fn)(void*), void* arg) {
    v8::HandleScope scope(isolate_);
    Resource* resource = ResourceOf(slot, name);
    node::CallbackScope callback_scope(isolate_, resource->object.Get(isolate_),
                                       resource->context);
    version::ContextFrame::Scope frame(isolate_, resource->frame);
    fn(arg);
  }

  v8::Isolate* isolate_;
  void* loose_ = nullptr;
};

void CloseAtTeardown(void* loop) {
  ev::CloseLoop(static_cast<struct ev_loop*>(loop));
}

void CloseEioAtTeardown(void*) { eio::Shutdown(); }

void DetachUvAtTeardown(void*) { uv::Detach(); }

void ShutDownEioOnExit(const v8::FunctionCallbackInfo<v8::Value>&) {
  eio::Shutdown();
}

// process.exit() and an uncaught exception emit 'exit', then shut libuv's
// thread pool down (uv_library_shutdown joins its threads, and they first
// run every request still queued) and only then call exit(): neither the
// cleanup hooks nor atexit run before that.  Stopping eio at the 'exit'
// event keeps queued work of old code from running while the process ends
// (a write to an fd that an 'exit' listener closed and reopened).  Prepended,
// so that it runs before the listeners old code's JavaScript added.
void ShutDownEioAtExitEvent(v8::Isolate* isolate) {
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::TryCatch try_catch(isolate);
  v8::Local<v8::Value> process;
  v8::Local<v8::Value> prepend;
  v8::Local<v8::Function> listener;
  v8::Local<v8::Value> argv[2] = {
      v8::String::NewFromUtf8Literal(isolate, "exit"), {}};
  bool ok =
      context->Global()
          ->Get(context, v8::String::NewFromUtf8Literal(isolate, "process"))
          .ToLocal(&process) &&
      process->IsObject() &&
      process.As<v8::Object>()
          ->Get(context,
                v8::String::NewFromUtf8Literal(isolate, "prependListener"))
          .ToLocal(&prepend) &&
      prepend->IsFunction() &&
      v8::Function::New(context, ShutDownEioOnExit).ToLocal(&listener);
  if (ok) {
    argv[1] = listener;
    ok = !prepend.As<v8::Function>()
              ->Call(context, process, 2, argv)
              .IsEmpty();
  }
  if (!ok)
    Warn(
        "eio: cannot listen for process 'exit' (process.prependListener "
        "failed); eio work still queued when process.exit() is called may "
        "run while the process ends");
}

}  // namespace

void AttachEventLoop(v8::Isolate* isolate) {
  // Lives as long as the process: threads may still reach the loop object
  // after teardown, and it keeps pointing at its host.
  NodeHost* host = new NodeHost(isolate);
  struct ev_loop* loop =
      ev::AttachDefaultLoop(node::GetCurrentEventLoop(isolate), host);
  node::AddEnvironmentCleanupHook(isolate, CloseAtTeardown, loop);
  // Open now, on the main thread: an addon's own thread may make the first
  // eio request.
  eio::Attach();
  // Node runs the hooks last registered first: eio requests are dropped
  // before the loop they finish on is closed.
  node::AddEnvironmentCleanupHook(isolate, CloseEioAtTeardown, nullptr);
  ShutDownEioAtExitEvent(isolate);
  // The 2012 libuv API (uv_*.cc) runs its callbacks through the same host;
  // its hook runs first, while the host can still release resources.
  uv::Attach(node::GetCurrentEventLoop(isolate), host, loop);
  node::AddEnvironmentCleanupHook(isolate, DetachUvAtTeardown, nullptr);
}

}  // namespace compat
