// callback_scope.cc: the ev layer's host inside Node: watcher callbacks run
// in a HandleScope and a node::CallbackScope, as libuv callbacks of Node's
// own handles do (seeds/003: only then do nextTicks and microtasks run).
#include "callback_scope.h"

#include <node.h>

#include "ev_internal.h"
#include "misuse.h"
#include "v8_internal.h"

namespace compat {
namespace {

// The async resource of one started watcher.
struct Resource {
  v8::Global<v8::Object> object;
  node::async_context context;
};

class NodeHost : public ev::Host {
 public:
  explicit NodeHost(v8::Isolate* isolate) : isolate_(isolate) {}

  void Dispatch(const ev::Call& call) override {
    v8::HandleScope scope(isolate_);
    // One resource per started watcher; events fed to a watcher that is not
    // active (ev_feed_event, ev_invoke) share one of the loop's.
    void** slot = call.box != nullptr ? &call.box->host_data : &loose_;
    Resource* resource = static_cast<Resource*>(*slot);
    if (resource == nullptr) {
      resource = new Resource;
      v8::Local<v8::Object> object = v8::Object::New(isolate_);
      resource->object.Reset(isolate_, object);
      resource->context = node::EmitAsyncInit(
          isolate_, object,
          call.box != nullptr ? ev::KindName(call.box->kind) : "ev_watcher");
      *slot = resource;
    }
    node::CallbackScope callback_scope(
        isolate_, resource->object.Get(isolate_), resource->context);
    ev::Invoke(call);
  }

  void Release(ev::Box* box) override {
    Resource* resource = static_cast<Resource*>(box->host_data);
    box->host_data = nullptr;
    node::EmitAsyncDestroy(isolate_, resource->context);
    resource->object.Reset();
    delete resource;
  }

 private:
  v8::Isolate* isolate_;
  void* loose_ = nullptr;
};

void CloseAtTeardown(void* loop) {
  ev::CloseLoop(static_cast<struct ev_loop*>(loop));
}

}  // namespace

void AttachEventLoop(v8::Isolate* isolate) {
  // Lives as long as the process: threads may still reach the loop object
  // after teardown, and it keeps pointing at its host.
  NodeHost* host = new NodeHost(isolate);
  struct ev_loop* loop =
      ev::AttachDefaultLoop(node::GetCurrentEventLoop(isolate), host);
  node::AddEnvironmentCleanupHook(isolate, CloseAtTeardown, loop);
}

}  // namespace compat
