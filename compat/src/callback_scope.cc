// callback_scope.cc: the ev and eio layers' host inside Node: watcher
// callbacks and eio done callbacks run in a HandleScope and a
// node::CallbackScope, as libuv callbacks of Node's own handles do
// (seeds/003: only then do nextTicks and microtasks run).
#include "callback_scope.h"

#include <node.h>

#include "eio_internal.h"
#include "ev_internal.h"
#include "misuse.h"
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
}

}  // namespace compat
