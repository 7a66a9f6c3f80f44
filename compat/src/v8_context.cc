// v8_context.cc: V8 3.x Context, Isolate, Locker/Unlocker and V8:: statics
// on the isolate and context legacy code runs in.
#include <algorithm>
#include <vector>

#include "misuse.h"
#include "v8_internal.h"

using compat::detail::CurrentContext;
using compat::detail::CurrentIsolate;
using compat::detail::FacadeAccess;
using compat::detail::Legacy;
using compat::detail::Real;

legacy_v8::Isolate* legacy_v8::Isolate::GetCurrent() {
  // Opaque to old code; only compared and passed back to the facade.
  return reinterpret_cast<Isolate*>(CurrentIsolate());
}

namespace {

// Contexts old code detached whose global V8 still has attached (see
// DetachGlobal), held weakly.
std::vector<v8::Global<v8::Context>>* detached = nullptr;

// Forgets the detached contexts the collector took (a cell each, for every
// sandbox made).
void ForgetCollected() {
  detached->erase(std::remove_if(detached->begin(), detached->end(),
                                 [](const v8::Global<v8::Context>& context) {
                                   return context.IsEmpty();
                                 }),
                  detached->end());
}

// V8 3.x reused a detached global in Context::New; modern V8 reuses only a
// global proxy it has detached itself.
void DetachForReuse(v8::Local<v8::Value> global) {
  if (detached == nullptr) return;
  ForgetCollected();
  v8::Isolate* isolate = CurrentIsolate();
  for (auto it = detached->begin(); it != detached->end(); ++it) {
    v8::Local<v8::Context> context = it->Get(isolate);
    if (context->Global()->StrictEquals(global)) {
      context->DetachGlobal();
      detached->erase(it);
      return;
    }
  }
}

}  // namespace

legacy_v8::Persistent<legacy_v8::Context> legacy_v8::Context::New(
    ExtensionConfiguration* extensions, Handle<ObjectTemplate> global_template,
    Handle<Value> global_object) {
  v8::Isolate* isolate = CurrentIsolate();
  if (extensions != NULL && FacadeAccess::NameCount(extensions) > 0)
    compat::Warn(
        "v8::Context::New: extensions are gone from V8; the "
        "context is made without them");
  v8::EscapableHandleScope scope(isolate);
  v8::Local<v8::ObjectTemplate> tmpl;
  if (!global_template.IsEmpty())
    tmpl = Real<v8::ObjectTemplate>(*global_template);
  v8::Local<v8::Value> global;
  if (!global_object.IsEmpty()) {
    global = Real(*global_object);
    DetachForReuse(global);
  }
  v8::Local<v8::Context> context =
      v8::Context::New(isolate, nullptr, tmpl, global);
  if (context.IsEmpty()) return Persistent<Context>();
  // V8 3.x returned the context as a new Persistent old code disposes.
  Local<Context> local = Legacy<Context>(scope.Escape(context));
  return Persistent<Context>::New(local);
}

legacy_v8::Local<legacy_v8::Context> legacy_v8::Context::GetCurrent() {
  return Legacy<Context>(CurrentContext());
}

legacy_v8::Local<legacy_v8::Context> legacy_v8::Context::GetEntered() {
  return Legacy<Context>(CurrentIsolate()->GetEnteredOrMicrotaskContext());
}

legacy_v8::Local<legacy_v8::Context> legacy_v8::Context::GetCalling() {
  // Divergence: modern V8 no longer exposes the calling context; in node
  // there is one context, so the current one is what old code got.
  return Legacy<Context>(CurrentContext());
}

bool legacy_v8::Context::InContext() { return CurrentIsolate()->InContext(); }

legacy_v8::Local<legacy_v8::Object> legacy_v8::Context::Global() {
  COMPAT_SELF_OR(Local<Object>(), "v8::Context::Global");
  return Legacy<Object>(Real<v8::Context>(this)->Global());
}

void legacy_v8::Context::DetachGlobal() {
  COMPAT_SELF_OR(, "v8::Context::DetachGlobal");
  // V8 3.x: the context's global object became its own receiver, so that
  // Global() afterwards was the `this` of the context's scripts, and an
  // object that needed no access check: code outside the context read and
  // wrote it freely (contextify's sandboxes).  Modern V8 would cut its
  // global proxy off instead, and every access from outside would throw
  // "no access".  So the proxy stays attached (it is what the scripts see
  // as `this`), and the context takes the security token of the context
  // that detached it.  A Context::New that reuses this global detaches it
  // for real first.
  v8::Isolate* isolate = CurrentIsolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> self = Real<v8::Context>(this);
  v8::Local<v8::Context> current = isolate->GetCurrentContext();
  if (!current.IsEmpty() && current != self)
    self->SetSecurityToken(current->GetSecurityToken());
  if (detached == nullptr) detached = new std::vector<v8::Global<v8::Context>>;
  ForgetCollected();
  detached->emplace_back(isolate, self);
  detached->back().SetWeak();
}

void legacy_v8::Context::Enter() {
  COMPAT_SELF_OR(, "v8::Context::Enter");
  Real<v8::Context>(this)->Enter();
}

void legacy_v8::Context::Exit() {
  COMPAT_SELF_OR(, "v8::Context::Exit");
  Real<v8::Context>(this)->Exit();
}

void legacy_v8::Context::SetSecurityToken(Handle<Value> token) {
  COMPAT_SELF_OR(, "v8::Context::SetSecurityToken");
  if (token.IsEmpty()) return;
  Real<v8::Context>(this)->SetSecurityToken(Real(*token));
}

void legacy_v8::Context::UseDefaultSecurityToken() {
  COMPAT_SELF_OR(, "v8::Context::UseDefaultSecurityToken");
  Real<v8::Context>(this)->UseDefaultSecurityToken();
}

legacy_v8::Handle<legacy_v8::Value> legacy_v8::Context::GetSecurityToken() {
  COMPAT_SELF_OR(Handle<Value>(), "v8::Context::GetSecurityToken");
  return Legacy<Value>(Real<v8::Context>(this)->GetSecurityToken());
}

bool legacy_v8::Context::HasOutOfMemoryException() {
  // Modern V8 aborts on out-of-memory; a context never carries one.
  return false;
}

void legacy_v8::Context::AllowCodeGenerationFromStrings(bool allow) {
  COMPAT_SELF_OR(, "v8::Context::AllowCodeGenerationFromStrings");
  Real<v8::Context>(this)->AllowCodeGenerationFromStrings(allow);
}

bool legacy_v8::Context::IsCodeGenerationFromStringsAllowed() {
  COMPAT_SELF_OR(false, "v8::Context::IsCodeGenerationFromStringsAllowed");
  return Real<v8::Context>(this)->IsCodeGenerationFromStringsAllowed();
}

// --- V8 statics ------------------------------------------------------------

const char* legacy_v8::V8::GetVersion() { return v8::V8::GetVersion(); }

intptr_t legacy_v8::V8::AdjustAmountOfExternalAllocatedMemory(intptr_t change) {
  // From a static destructor at exit (libxmljs's memory hooks), after Node
  // disposed the isolate: nothing to tell V8 any more.
  if (compat::detail::EnvironmentGone()) return 0;
  return static_cast<intptr_t>(
      Nan::AdjustExternalMemory(static_cast<int>(change)));
}

void legacy_v8::V8::LowMemoryNotification() {
  CurrentIsolate()->LowMemoryNotification();
}

bool legacy_v8::V8::IdleNotification(int hint) {
  // Divergence: modern V8 decides its own idle work; the call only asks it
  // to use some idle time and always reports "more to do" as false.
  (void)hint;
  return true;
}

int legacy_v8::V8::ContextDisposedNotification() {
  // Divergence: only a hint to V8's heuristics; Node manages its contexts.
  return 0;
}

void legacy_v8::V8::GetHeapStatistics(HeapStatistics* heap_statistics) {
  if (heap_statistics == NULL) return;
  v8::HeapStatistics stats;
  CurrentIsolate()->GetHeapStatistics(&stats);
  FacadeAccess::Fill(heap_statistics, stats);
}

void legacy_v8::V8::SetFlagsFromString(const char* str, int length) {
  if (str == NULL || length <= 0) return;
  v8::V8::SetFlagsFromString(str, static_cast<size_t>(length));
}

void legacy_v8::V8::SetFlagsFromCommandLine(int* argc, char** argv,
                                            bool remove_flags) {
  v8::V8::SetFlagsFromCommandLine(argc, argv, remove_flags);
}

void legacy_v8::V8::TerminateExecution(Isolate*) {
  CurrentIsolate()->TerminateExecution();
}

bool legacy_v8::V8::IsExecutionTerminating(Isolate*) {
  return CurrentIsolate()->IsExecutionTerminating();
}

bool legacy_v8::V8::IsDead() { return false; }

bool legacy_v8::V8::Initialize() {
  // Node initialised V8 long before any addon loads.
  return true;
}

namespace {

// Old GC callbacks by kind, each registered once with V8 through a
// trampoline that receives the old function as its data.
struct GCEntry {
  void* callback;
  legacy_v8::GCType filter;
};

void GCTrampoline(v8::Isolate*, v8::GCType type, v8::GCCallbackFlags flags,
                  void* data) {
  // V8 3.x knew scavenges and mark-sweeps; later collector kinds are
  // reported as the nearest of the two.
  legacy_v8::GCType legacy = (type & v8::kGCTypeScavenge) != 0
                                 ? legacy_v8::kGCTypeScavenge
                                 : legacy_v8::kGCTypeMarkSweepCompact;
  GCEntry* entry = static_cast<GCEntry*>(data);
  if ((entry->filter & legacy) == 0) return;
  // Divergence: modern V8 does not say whether it compacted.
  (void)flags;
  reinterpret_cast<legacy_v8::GCPrologueCallback>(entry->callback)(
      legacy, legacy_v8::kNoGCCallbackFlags);
}

std::vector<GCEntry*>* prologues = nullptr;
std::vector<GCEntry*>* epilogues = nullptr;

void AddGCCallback(std::vector<GCEntry*>** list, void* callback,
                   legacy_v8::GCType filter, bool prologue) {
  if (callback == nullptr) return;
  if (*list == nullptr) *list = new std::vector<GCEntry*>;
  GCEntry* entry = new GCEntry{callback, filter};
  (*list)->push_back(entry);
  if (prologue)
    CurrentIsolate()->AddGCPrologueCallback(GCTrampoline, entry);
  else
    CurrentIsolate()->AddGCEpilogueCallback(GCTrampoline, entry);
}

void RemoveGCCallback(std::vector<GCEntry*>* list, void* callback,
                      bool prologue) {
  if (list == nullptr) return;
  for (auto it = list->begin(); it != list->end();) {
    if ((*it)->callback != callback) {
      ++it;
      continue;
    }
    if (prologue)
      CurrentIsolate()->RemoveGCPrologueCallback(GCTrampoline, *it);
    else
      CurrentIsolate()->RemoveGCEpilogueCallback(GCTrampoline, *it);
    delete *it;
    it = list->erase(it);
  }
}

}  // namespace

void legacy_v8::V8::AddGCPrologueCallback(GCPrologueCallback callback,
                                          GCType gc_type_filter) {
  AddGCCallback(&prologues, reinterpret_cast<void*>(callback), gc_type_filter,
                true);
}

void legacy_v8::V8::RemoveGCPrologueCallback(GCPrologueCallback callback) {
  RemoveGCCallback(prologues, reinterpret_cast<void*>(callback), true);
}

void legacy_v8::V8::AddGCEpilogueCallback(GCEpilogueCallback callback,
                                          GCType gc_type_filter) {
  AddGCCallback(&epilogues, reinterpret_cast<void*>(callback), gc_type_filter,
                false);
}

void legacy_v8::V8::RemoveGCEpilogueCallback(GCEpilogueCallback callback) {
  RemoveGCCallback(epilogues, reinterpret_cast<void*>(callback), false);
}

namespace {

struct ListenerEntry {
  legacy_v8::MessageCallback callback;
  v8::Global<v8::Value> data;
};

std::vector<ListenerEntry*>* listeners = nullptr;

void MessageTrampoline(v8::Local<v8::Message> message,
                       v8::Local<v8::Value> error) {
  (void)error;
  if (listeners == nullptr) return;
  v8::Isolate* isolate = CurrentIsolate();
  v8::HandleScope scope(isolate);
  // V8 3.x passed the data given to AddMessageListener, not the error.
  for (ListenerEntry* entry : *listeners) {
    v8::Local<v8::Value> data =
        entry->data.IsEmpty() ? v8::Local<v8::Value>(v8::Undefined(isolate))
                              : entry->data.Get(isolate);
    entry->callback(Legacy<legacy_v8::Message>(message),
                    Legacy<legacy_v8::Value>(data));
  }
}

}  // namespace

bool legacy_v8::V8::AddMessageListener(MessageCallback that,
                                       Handle<Value> data) {
  if (that == nullptr) return false;
  v8::Isolate* isolate = CurrentIsolate();
  if (listeners == nullptr) {
    listeners = new std::vector<ListenerEntry*>;
    isolate->AddMessageListener(MessageTrampoline);
  }
  ListenerEntry* entry = new ListenerEntry;
  entry->callback = that;
  if (!data.IsEmpty()) entry->data.Reset(isolate, Real(*data));
  listeners->push_back(entry);
  return true;
}

void legacy_v8::V8::RemoveMessageListeners(MessageCallback that) {
  if (listeners == nullptr) return;
  for (auto it = listeners->begin(); it != listeners->end();) {
    if ((*it)->callback == that) {
      delete *it;
      it = listeners->erase(it);
    } else {
      ++it;
    }
  }
}

void legacy_v8::V8::SetCaptureStackTraceForUncaughtExceptions(
    bool capture, int frame_limit, StackTrace::StackTraceOptions options) {
  (void)options;
  CurrentIsolate()->SetCaptureStackTraceForUncaughtExceptions(capture,
                                                              frame_limit);
}

// --- Locker / Unlocker -----------------------------------------------------

legacy_v8::Locker::Locker(Isolate*) {
  compat::detail::CheckMainThread("v8::Locker");
}

legacy_v8::Locker::~Locker() {}

bool legacy_v8::Locker::IsLocked(Isolate*) {
  // The main thread holds the isolate for the life of the process.
  return compat::detail::OnMainThread();
}

bool legacy_v8::Locker::IsActive() { return true; }

legacy_v8::Unlocker::Unlocker(Isolate*) {
  compat::detail::CheckMainThread("v8::Unlocker");
}

legacy_v8::Unlocker::~Unlocker() {}
