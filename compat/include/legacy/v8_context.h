// legacy/v8_context.h: Context, Isolate, Locker/Unlocker and the V8 statics
// of V8 3.x.
#ifndef COMPAT_LEGACY_V8_CONTEXT_H_
#define COMPAT_LEGACY_V8_CONTEXT_H_

#include "v8_exceptions.h"
#include "v8_templates.h"

namespace v8 {
namespace legacy {

// Node 0.4–0.8 had one isolate; so does every legacy addon here.
class Isolate {
 public:
  static Isolate* GetCurrent();

  static Isolate* New() COMPAT_UNSUPPORTED(
      "v8::Isolate::New is not supported: an addon lives in Node's isolate; "
      "use worker_threads for a second one");
  void Enter() COMPAT_UNSUPPORTED(
      "v8::Isolate::Enter is not supported: Node has entered its isolate; "
      "nothing to do");
  void Exit() COMPAT_UNSUPPORTED(
      "v8::Isolate::Exit is not supported: Node has entered its isolate; "
      "nothing to do");
  void Dispose() COMPAT_UNSUPPORTED(
      "v8::Isolate::Dispose is not supported: the isolate belongs to Node; "
      "nothing to do");
  void SetData(void* data) COMPAT_UNSUPPORTED(
      "v8::Isolate::SetData is not supported: Node owns the isolate's data "
      "slots; keep the pointer in a static variable");
  void* GetData() COMPAT_UNSUPPORTED(
      "v8::Isolate::GetData is not supported: Node owns the isolate's data "
      "slots; keep the pointer in a static variable");

 private:
  Isolate();
};

class ExtensionConfiguration {
 public:
  ExtensionConfiguration(int name_count, const char* names[])
      : name_count_(name_count), names_(names) {}

 private:
  friend struct compat::detail::FacadeAccess;
  int name_count_;
  const char** names_;
};

class Context {
 public:
  // A new context of this isolate, not entered.  Divergence: it is a plain
  // V8 context, not a Node one (no require or process inside), which is
  // what node 0.x addons made contexts for (sandboxes for scripts).
  // Extensions are gone from V8; passing any is reported and ignored.
  static Persistent<Context> New(
      ExtensionConfiguration* extensions = NULL,
      Handle<ObjectTemplate> global_template = Handle<ObjectTemplate>(),
      Handle<Value> global_object = Handle<Value>());
  // Node 0.x entered one context for the life of the loop; inside Node
  // callbacks this is the context the call runs in.
  static Local<Context> GetCurrent();
  static Local<Context> GetEntered();
  static Local<Context> GetCalling();
  static bool InContext();
  Local<Object> Global();
  void DetachGlobal();
  void Enter();
  void Exit();
  void SetSecurityToken(Handle<Value> token);
  void UseDefaultSecurityToken();
  Handle<Value> GetSecurityToken();
  bool HasOutOfMemoryException();
  void AllowCodeGenerationFromStrings(bool allow);
  bool IsCodeGenerationFromStringsAllowed();

  void ReattachGlobal(Handle<Object> global_object) COMPAT_UNSUPPORTED(
      "v8::Context::ReattachGlobal is not supported: it is gone from V8; "
      "create the context with v8::Context::New(NULL, tmpl, global)");
  void SetData(Handle<String> data) COMPAT_UNSUPPORTED(
      "v8::Context::SetData is not supported: Node owns the context's "
      "embedder data; keep the value in a Persistent");
  Local<Value> GetData() COMPAT_UNSUPPORTED(
      "v8::Context::GetData is not supported: Node owns the context's "
      "embedder data; keep the value in a Persistent");

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

// V8 3.11: statistics filled by V8::GetHeapStatistics.
class HeapStatistics {
 public:
  HeapStatistics()
      : total_heap_size_(0),
        total_heap_size_executable_(0),
        used_heap_size_(0),
        heap_size_limit_(0) {}
  size_t total_heap_size() { return total_heap_size_; }
  size_t total_heap_size_executable() { return total_heap_size_executable_; }
  size_t used_heap_size() { return used_heap_size_; }
  size_t heap_size_limit() { return heap_size_limit_; }

 private:
  friend struct compat::detail::FacadeAccess;
  size_t total_heap_size_;
  size_t total_heap_size_executable_;
  size_t used_heap_size_;
  size_t heap_size_limit_;
};

enum GCType {
  kGCTypeScavenge = 1 << 0,
  kGCTypeMarkSweepCompact = 1 << 1,
  kGCTypeAll = kGCTypeScavenge | kGCTypeMarkSweepCompact
};

enum GCCallbackFlags {
  kNoGCCallbackFlags = 0,
  kGCCallbackFlagCompacted = 1 << 0
};

typedef void (*GCPrologueCallback)(GCType type, GCCallbackFlags flags);
typedef void (*GCEpilogueCallback)(GCType type, GCCallbackFlags flags);
typedef void (*GCCallback)();
typedef void (*MessageCallback)(Handle<Message> message, Handle<Value> data);
typedef void (*FatalErrorCallback)(const char* location, const char* message);

class V8 {
 public:
  static const char* GetVersion();
  // V8 3.11's signature (3.1/3.6 took and returned int); returns the new
  // total of external memory reported by this addon's process.
  static intptr_t AdjustAmountOfExternalAllocatedMemory(
      intptr_t change_in_bytes);
  static void LowMemoryNotification();
  static bool IdleNotification(int hint = 1000);
  static int ContextDisposedNotification();
  static void GetHeapStatistics(HeapStatistics* heap_statistics);
  static void SetFlagsFromString(const char* str, int length);
  static void SetFlagsFromCommandLine(int* argc, char** argv,
                                      bool remove_flags);
  static void TerminateExecution(Isolate* isolate = NULL);
  static bool IsExecutionTerminating(Isolate* isolate = NULL);
  static bool IsDead();
  static bool Initialize();
  // GC callbacks of the old signature, run on the main thread around each
  // collection whose type matches gc_type_filter.
  static void AddGCPrologueCallback(GCPrologueCallback callback,
                                    GCType gc_type_filter = kGCTypeAll);
  static void RemoveGCPrologueCallback(GCPrologueCallback callback);
  static void AddGCEpilogueCallback(GCEpilogueCallback callback,
                                    GCType gc_type_filter = kGCTypeAll);
  static void RemoveGCEpilogueCallback(GCEpilogueCallback callback);
  static bool AddMessageListener(MessageCallback that,
                                 Handle<Value> data = Handle<Value>());
  static void RemoveMessageListeners(MessageCallback that);
  static void SetCaptureStackTraceForUncaughtExceptions(
      bool capture, int frame_limit = 10,
      StackTrace::StackTraceOptions options = StackTrace::kOverview);

  static bool Dispose() COMPAT_UNSUPPORTED(
      "v8::V8::Dispose is not supported: V8 belongs to Node; nothing to do");
  static void TerminateExecution(int thread_id) COMPAT_UNSUPPORTED(
      "v8::V8::TerminateExecution(thread_id) is not supported: thread ids "
      "are gone from V8; use v8::V8::TerminateExecution()");
  static int GetCurrentThreadId() COMPAT_UNSUPPORTED(
      "v8::V8::GetCurrentThreadId is not supported: thread ids are gone "
      "from V8; use uv_thread_self()");
  static void SetFatalErrorHandler(FatalErrorCallback that) COMPAT_UNSUPPORTED(
      "v8::V8::SetFatalErrorHandler is not supported: Node owns the fatal "
      "error handler (it prints the report); use process.on('exit')");
  static void SetGlobalGCPrologueCallback(GCCallback) COMPAT_UNSUPPORTED(
      "v8::V8::SetGlobalGCPrologueCallback is not supported: it is gone "
      "from V8; use v8::V8::AddGCPrologueCallback");
  static void SetGlobalGCEpilogueCallback(GCCallback) COMPAT_UNSUPPORTED(
      "v8::V8::SetGlobalGCEpilogueCallback is not supported: it is gone "
      "from V8; use v8::V8::AddGCEpilogueCallback");
  static void AddObjectGroup(Persistent<Value>* objects, size_t length,
                             void* info = NULL)
      COMPAT_UNSUPPORTED(
          "v8::V8::AddObjectGroup is not supported: object groups are gone "
          "from V8; keep the objects reachable from one another in JS");
  static void AddImplicitReferences(Persistent<Object> parent,
                                    Persistent<Value>* children, size_t length)
      COMPAT_UNSUPPORTED(
          "v8::V8::AddImplicitReferences is not supported: it is gone from "
          "V8; store the children in properties of the parent");
  static void PauseProfiler() COMPAT_UNSUPPORTED(
      "v8::V8::PauseProfiler is not supported: the old profiler is gone; "
      "use the inspector's (node --cpu-prof)");
  static void ResumeProfiler() COMPAT_UNSUPPORTED(
      "v8::V8::ResumeProfiler is not supported: the old profiler is gone; "
      "use the inspector's (node --cpu-prof)");
  static bool IsProfilerPaused() COMPAT_UNSUPPORTED(
      "v8::V8::IsProfilerPaused is not supported: the old profiler is gone; "
      "use the inspector's (node --cpu-prof)");
  static void IgnoreOutOfMemoryException() COMPAT_UNSUPPORTED(
      "v8::V8::IgnoreOutOfMemoryException is not supported: modern V8 "
      "aborts on out-of-memory; nothing to do");
  static void EnableSlidingStateWindow() COMPAT_UNSUPPORTED(
      "v8::V8::EnableSlidingStateWindow is not supported: it is gone from "
      "V8; nothing to do");
};

// Divergence: V8 may only be used on Node's main thread, which holds the
// isolate for the life of the process.  On the main thread Locker and
// Unlocker do nothing (the lock is already held); used on any other thread
// they abort with a message, where V8 3.x would have let two threads into
// the isolate at once.
class Locker {
 public:
  explicit Locker(Isolate* isolate = NULL);
  ~Locker();
  static bool IsLocked(Isolate* isolate = NULL);
  static bool IsActive();

  static void StartPreemption(int every_n_ms) COMPAT_UNSUPPORTED(
      "v8::Locker::StartPreemption is not supported: preemption is gone "
      "from V8; run JavaScript on the main thread only");
  static void StopPreemption() COMPAT_UNSUPPORTED(
      "v8::Locker::StopPreemption is not supported: preemption is gone "
      "from V8; nothing to do");

 private:
  Locker(const Locker&);
  void operator=(const Locker&);
};

class Unlocker {
 public:
  explicit Unlocker(Isolate* isolate = NULL);
  ~Unlocker();
};

class Extension {
 public:
  Extension(const char* name, const char* source = 0, int dep_count = 0,
            const char** deps = 0)
      COMPAT_UNSUPPORTED(
          "v8::Extension is not supported: extensions are "
          "gone from V8; define functions on the exports "
          "object instead");
  virtual ~Extension() {}
};

void RegisterExtension(Extension* extension) COMPAT_UNSUPPORTED(
    "v8::RegisterExtension is not supported: extensions are gone from V8; "
    "define functions on the exports object instead");

class ResourceConstraints {
 public:
  ResourceConstraints() COMPAT_UNSUPPORTED(
      "v8::ResourceConstraints is not supported: Node sets the heap limits; "
      "use node --max-old-space-size");
};

}  // namespace legacy
}  // namespace v8

#endif  // COMPAT_LEGACY_V8_CONTEXT_H_
