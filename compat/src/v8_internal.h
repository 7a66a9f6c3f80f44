// v8_internal.h: how the runtime moves between facade handles (legacy_v8)
// and real V8 handles, and where it finds the one isolate legacy code lives
// in.  Included by the v8_*.cc and node_*.cc files, never by old code.
#ifndef COMPAT_SRC_V8_INTERNAL_H_
#define COMPAT_SRC_V8_INTERNAL_H_

#include <nan.h>

#include <cstddef>
#include <cstring>
#include <type_traits>
#include <vector>

#ifndef COMPAT_LEGACY_RUNTIME
#error "the runtime is compiled with -DCOMPAT_LEGACY_RUNTIME (compat.gyp)"
#endif
#include "../include/legacy/node.h"
#include "../include/legacy/node_buffer.h"
#include "../include/legacy/v8.h"
#include "v8_version.h"

// The facade's handles hold the address of a real V8 handle slot, copied
// in and out of v8::Local and v8::Persistent bit for bit (Real, Slot,
// v8_persistent.cc's CellOf).  That holds only while a Local is one pointer
// to a slot; a V8 whose Locals hold the object itself would turn every
// legacy call into a wrong read, so the build stops here instead.
#if defined(V8_ENABLE_DIRECT_HANDLE)
#error "node-waf-compat: this Node's V8 is built with direct handles (V8_ENABLE_DIRECT_HANDLE): a v8::Local holds the object itself, not the address of a handle slot, and the legacy facade's handles (one pointer to a slot) cannot be mapped onto it. This Node line is not supported yet."
#endif
static_assert(sizeof(v8::Local<v8::Value>) == sizeof(void*) &&
                  alignof(v8::Local<v8::Value>) == alignof(void*),
              "node-waf-compat: v8::Local is no longer one pointer to a "
              "handle slot; the facade's handles cannot be mapped onto it");
static_assert(std::is_trivially_copyable<v8::Local<v8::Value>>::value,
              "node-waf-compat: v8::Local is no longer trivially copyable; "
              "the facade copies it bit for bit");
static_assert(sizeof(v8::Persistent<v8::Value>) == sizeof(void*) &&
                  sizeof(v8::Global<v8::Value>) == sizeof(void*),
              "node-waf-compat: v8::Persistent/Global is no longer one "
              "pointer to a global handle cell; the facade's Persistent "
              "cannot be mapped onto it");
static_assert(sizeof(legacy_v8::Local<legacy_v8::Value>) ==
                      sizeof(v8::Local<v8::Value>) &&
                  sizeof(legacy_v8::Persistent<legacy_v8::Value>) ==
                      sizeof(v8::Persistent<v8::Value>),
              "node-waf-compat: a facade handle is not the size of the real "
              "handle it stands for");

namespace compat {
namespace detail {

// Set when the addon is initialised on the main thread; legacy addons keep
// handles in statics, so they bind to exactly one isolate.
extern v8::Isolate* main_isolate;

// Static initialisers of old code may create handles while the addon is
// being loaded, before the module is initialised: V8 is entered then.
inline v8::Isolate* CurrentIsolate() {
  v8::Isolate* isolate = main_isolate;
  return isolate != nullptr ? isolate : v8::Isolate::GetCurrent();
}

inline v8::Local<v8::Context> CurrentContext() {
  return CurrentIsolate()->GetCurrentContext();
}

// The context of the environment the addon was loaded in (node 0.x's one
// context), for code that runs where no context is entered (weak callbacks
// from a platform task, exit hooks).  Empty before init and after teardown.
v8::Local<v8::Context> MainContext();

// Whether Node has torn down the environment the addon was loaded in (its
// cleanup hooks ran): static destructors and atexit handlers of old code
// still call into the facade then, and node 0.x never disposed V8.
bool EnvironmentGone();

// Records the isolate, context and thread the addon is bound to (module
// initialisation, main thread).
// Environment cleanup hook: frees the callback records V8 still holds (it
// runs no weak callback when the isolate goes).  Registered by
// BindMainEnvironment.
void FreeCallbackRecords(void*);
void BindMainEnvironment(v8::Isolate* isolate, v8::Local<v8::Context> context,
                         v8::Local<v8::Value> module);

// Aborts with a message naming `api` when called on a thread other than the
// one the addon was loaded on (old code calling V8 from a thread pool).
void CheckMainThread(const char* api);
// Whether this is the thread the addon was loaded on (true before that).
bool OnMainThread();

// Global cells that a weak callback's first pass released (modern V8 frees
// the cell with the object) and whose legacy callback has not returned yet.
// Old code still holds their addresses; while any exist, every member call
// checks its `this` against them, so that it never reaches a cell V8 may
// have handed to someone else.  Zero almost always: the check is one load.
extern std::size_t dead_cell_count;
// Whether slot is such a cell and cannot be read: its callback has not
// started, or has ended (a running callback's cell reads as its stand-in).
bool IsDeadCell(const void* slot);
// While an old weak callback runs, its collected object's cell reads as a
// fresh empty object made for the call (V8 3.x still had the object; modern
// V8 does not, and old code calls into JavaScript with it).  The number of
// such cells (zero outside weak callbacks: Real's check is one load), and
// the slot slot reads as.
extern std::size_t stand_in_count;
const void* StandInFor(const void* slot);
// Makes the global gc() of --expose-gc, if there is one, run the old weak
// callbacks of what it collected before it returns (v8_persistent.cc).
void InstallGcHook(v8::Isolate* isolate, v8::Local<v8::Context> context);

// Whether slot lies in the free part of the current handle block, i.e. it
// belonged to a HandleScope that has closed (old code using a Local after
// its scope ended).  Only slots no later handle reused are caught.
inline bool InClosedScope(const void* slot) {
  return compat::version::InFreeHandleArea(CurrentIsolate(), slot);
}

template <class T = v8::Value>
inline v8::Local<T> Real(const void* slot) {
  if (__builtin_expect(stand_in_count != 0, 0)) slot = StandInFor(slot);
  v8::Local<T> local;
  std::memcpy(static_cast<void*>(&local), &slot, sizeof slot);
  return local;
}

template <class T>
inline void* Slot(v8::Local<T> local) {
  void* slot;
  std::memcpy(&slot, static_cast<const void*>(&local), sizeof slot);
  return slot;
}

// An old argv (an array of slot pointers) as V8 takes it: the array itself,
// or, while a weak callback's stand-in exists, a copy read through Real.
class RealArgs {
 public:
  RealArgs(int argc, const legacy_v8::Handle<legacy_v8::Value>* argv) {
    static_assert(sizeof *argv == sizeof(v8::Local<v8::Value>),
                  "a facade handle is one slot pointer");
    args_ = reinterpret_cast<v8::Local<v8::Value>*>(
        const_cast<legacy_v8::Handle<legacy_v8::Value>*>(argv));
    if (__builtin_expect(stand_in_count == 0, 1)) return;
    for (int i = 0; i < argc; i++) copy_.push_back(Real(*argv[i]));
    args_ = copy_.data();
  }
  v8::Local<v8::Value>* get() const { return args_; }

 private:
  std::vector<v8::Local<v8::Value>> copy_;
  v8::Local<v8::Value>* args_;
};

template <class F, class T>
inline legacy_v8::Local<F> Legacy(v8::Local<T> local) {
  return legacy_v8::Local<F>(static_cast<F*>(Slot(local)));
}

template <class F, class T>
inline legacy_v8::Local<F> Legacy(v8::MaybeLocal<T> maybe) {
  v8::Local<T> local;
  if (!maybe.ToLocal(&local)) return legacy_v8::Local<F>();
  return Legacy<F>(local);
}

template <class T, class F>
inline v8::Local<T> Real(legacy_v8::Handle<F> handle) {
  return Real<T>(static_cast<const void*>(*handle));
}

// Reports misuse by old code once on stderr and throws it as a JS TypeError
// (when V8 can take an exception now).
void ThrowMisuse(const char* format, ...) __attribute__((format(printf, 1, 2)));

// Old V8 dereferenced an empty handle and crashed.  Here a call through a
// handle that cannot be used (empty, a collected weak object, a closed
// scope) reports "<api>: <why>" once, throws that as a JS TypeError and
// returns true, so the caller returns a neutral value.  False when the
// handle is fine after all.
bool ReportBadHandle(const void* slot, const char* api);
inline bool EmptySelf(const void* self, const char* api) {
  if (__builtin_expect(
          self != nullptr && dead_cell_count == 0 && !InClosedScope(self), 1))
    return false;
  return ReportBadHandle(self, api);
}

// A handle an old callback returns to JavaScript: the cell of a collected
// weak object (its old callback running or still pending, e.g. a wrapper
// a native cache hands out after a collection V8 started itself) is
// reported and thrown instead of read.  False then.
inline bool Returnable(const void* slot, const char* api) {
  if (__builtin_expect(dead_cell_count == 0, 1) || !IsDeadCell(slot))
    return true;
  ReportBadHandle(slot, api);
  return false;
}

// The same check for a handle old code passes as an argument: true (and
// nothing reported) when it can be read.
inline bool UsableHandle(const void* slot, const char* api) {
  return !EmptySelf(slot, api);
}

// What a runtime member function may assume `this` holds.
template <class T>
struct TypeOf;
#define COMPAT_TYPE_OF(Type, Predicate, Name)                                 \
  template <>                                                                 \
  struct TypeOf<v8::Type> {                                                   \
    static bool Is(v8::Local<v8::Value> value) { return value->Predicate(); } \
    static constexpr const char* kName = Name;                                \
  };
COMPAT_TYPE_OF(Array, IsArray, "an array")
COMPAT_TYPE_OF(Date, IsDate, "a date")
COMPAT_TYPE_OF(External, IsExternal, "an external")
COMPAT_TYPE_OF(Function, IsFunction, "a function")
COMPAT_TYPE_OF(Number, IsNumber, "a number")
COMPAT_TYPE_OF(Object, IsObject, "an object")
COMPAT_TYPE_OF(String, IsString, "a string")
COMPAT_TYPE_OF(RegExp, IsRegExp, "a regular expression")
COMPAT_TYPE_OF(NumberObject, IsNumberObject, "a Number object")
COMPAT_TYPE_OF(BooleanObject, IsBooleanObject, "a Boolean object")
COMPAT_TYPE_OF(StringObject, IsStringObject, "a String object")
#undef COMPAT_TYPE_OF

// The value in slot as a T, or (having reported why: an empty handle, or a
// value of another type, which old V8 would have crashed on) false.
template <class T>
inline bool SelfAs(const void* slot, const char* api, v8::Local<T>* out) {
  if (EmptySelf(slot, api)) return false;
  v8::Local<v8::Value> value = Real(slot);
  if (__builtin_expect(!TypeOf<T>::Is(value), 0)) {
    ThrowMisuse("%s: the value is not %s", api, TypeOf<T>::kName);
    return false;
  }
  *out = value.template As<T>();
  return true;
}

struct FacadeAccess {
  static legacy_v8::Arguments MakeArguments(const void* info,
                                            const void* record, int length) {
    return legacy_v8::Arguments(info, record, length);
  }
  static const v8::FunctionCallbackInfo<v8::Value>& Info(
      const legacy_v8::Arguments& args) {
    return *static_cast<const v8::FunctionCallbackInfo<v8::Value>*>(args.info_);
  }
  static const void* Record(const legacy_v8::Arguments& args) {
    return args.record_;
  }
  static legacy_v8::AccessorInfo MakeAccessorInfo(const void* info,
                                                  const void* record,
                                                  int kind) {
    return legacy_v8::AccessorInfo(info, record, kind);
  }
  static const void* Info(const legacy_v8::AccessorInfo& info) {
    return info.info_;
  }
  static const void* Record(const legacy_v8::AccessorInfo& info) {
    return info.record_;
  }
  static int Kind(const legacy_v8::AccessorInfo& info) { return info.kind_; }
  template <class Real, class Facade>
  static Real* Storage(Facade* facade) {
    static_assert(sizeof(Real) <= sizeof(facade->storage_),
                  "facade storage too small for the real V8 object");
    static_assert(alignof(Real) <= alignof(void*),
                  "facade storage under-aligned for the real V8 object");
    return reinterpret_cast<Real*>(facade->storage_);
  }
  static bool& Closed(legacy_v8::HandleScope* scope) { return scope->closed_; }
  static void Fill(legacy_v8::HeapStatistics* out, v8::HeapStatistics& in) {
    out->total_heap_size_ = in.total_heap_size();
    out->total_heap_size_executable_ = in.total_heap_size_executable();
    out->used_heap_size_ = in.used_heap_size();
    out->heap_size_limit_ = in.heap_size_limit();
  }
  static int NameCount(const legacy_v8::ExtensionConfiguration* config) {
    return config->name_count_;
  }
  // The legacy resource's own Dispose (protected in the facade).
  static void Dispose(legacy_v8::String::ExternalStringResourceBase* r) {
    r->Dispose();
  }
  static legacy_node::Buffer* NewBuffer() { return new legacy_node::Buffer(); }
  // What ObjectWrap::Wrap does, without the internal field a Buffer (a
  // Uint8Array) does not have for us.
  static void WrapBuffer(legacy_node::Buffer* wrapper,
                         legacy_v8::Handle<legacy_v8::Object> buffer) {
    wrapper->handle_ = legacy_v8::Persistent<legacy_v8::Object>::New(buffer);
    wrapper->MakeWeak();
  }
};

}  // namespace detail
}  // namespace compat

namespace compat {
namespace detail {

// Says once when prototype is an instance of a template old code flagged
// with SetHiddenPrototype (v8_templates.cc).
void CheckHiddenPrototype(v8::Local<v8::Value> prototype);

// A new C++ node::Buffer whose handle_ is buffer (node_buffer.cc).
legacy_node::Buffer* AttachBuffer(v8::Local<v8::Object> buffer);

// Says once when C++ calls the global Buffer constructor with the
// fast-buffer idiom's arguments and the preload is not there to honour them
// (node_buffer.cc).
void CheckFastBufferIdiom(v8::Local<v8::Function> callee, int argc,
                          const v8::Local<v8::Value>* argv);

}  // namespace detail
}  // namespace compat

// Runtime member functions begin with this: `this` is a slot address and
// may be null when old code calls through an empty handle.
#define COMPAT_SELF_OR(fallback, api) \
  if (::compat::detail::EmptySelf(this, api)) return fallback

#endif  // COMPAT_SRC_V8_INTERNAL_H_
