// legacy/v8_context.h: Context, Isolate and the V8 statics of V8 3.x.
#ifndef COMPAT_LEGACY_V8_CONTEXT_H_
#define COMPAT_LEGACY_V8_CONTEXT_H_

#include "v8_objects.h"

namespace legacy_v8 {

// Node 0.4–0.8 had one isolate; so does every legacy addon here.
class Isolate {
 public:
  static Isolate* GetCurrent();

 private:
  Isolate();
};

class Context {
 public:
  // Node 0.x entered one context for the life of the loop; inside Node
  // callbacks this is the context the call runs in.
  static Local<Context> GetCurrent();
  static Local<Context> GetEntered();
  static Local<Context> GetCalling();
  static bool InContext();
  Local<Object> Global();
  void Enter();
  void Exit();

  class Scope {
   public:
    explicit Scope(Handle<Context> context) : context_(context) {
      context_->Enter();
    }
    ~Scope() { context_->Exit(); }

   private:
    Scope(const Scope&);
    void operator=(const Scope&);
    Handle<Context> context_;
  };
};

class V8 {
 public:
  static const char* GetVersion();
  static int AdjustAmountOfExternalAllocatedMemory(int change_in_bytes);
  static void LowMemoryNotification();
  static bool IdleNotification(int hint = 1000);
};

}  // namespace legacy_v8

#endif  // COMPAT_LEGACY_V8_CONTEXT_H_
