// v8_persistent.cc: V8 3.x Persistent handles (New, Dispose, MakeWeak with
// the old `void cb(Persistent<Value>, void*)` callback, ClearWeak,
// IsNearDeath, IsWeak) on real V8 global handles.
//
// How weak handles are mapped.  Modern V8 lets a weak callback run in two
// passes: the first may only reset the handle (V8 then frees its cell and
// may hand it to the next global anyone creates), the second runs after the
// object is gone.  Old callbacks expect the object still there and usually
// `delete` a wrapper whose destructor disposes the handle.  So:
//  - the first pass resets the cell and records its address as dead;
//  - the second pass queues the old callback as a microtask (it may run
//    inside the collection, where JavaScript is forbidden), which runs it in
//    a HandleScope, the main context and a TryCatch that keeps its misuse
//    exceptions from leaking into unrelated JavaScript; IsNearDeath() is
//    true for a dead cell, Dispose() and ClearWeak() of it touch nothing;
//  - while the old callback runs, its cell reads as a fresh empty object
//    (StandInScope, Real): V8 3.x still had the object then, and the era's
//    callbacks call back into JavaScript with it as receiver or argument
//    (node-weak), which must not throw; outside its callback a dead cell
//    is reported and throws on any member call (see ReportBadHandle);
//  - while a cell address is dead, NewGlobal never returns it to old code
//    (a cell V8 hands out again is held back until the callback ends), so
//    a dead address always means "the collected object", never another
//    live legacy handle;
//  - once the old callback returns the address is forgotten, unless the
//    callback left the handle undisposed: V8 3.x then kept the cell
//    (near death) until old code disposed it later, so the address stays
//    a tombstone: Dispose, ClearWeak, MakeWeak and IsWeak of it never
//    reach V8 (the cell may be someone else's by then), and NewGlobal still
//    holds it back.  Member calls are not checked against tombstones (that
//    would cost a lookup on every call for as long as one exists); old
//    code reading a disposed handle was already broken on V8 3.x.
#include <deque>
#include <unordered_set>
#include <vector>

#include "misuse.h"
#include "v8_internal.h"

namespace compat {
namespace detail {

std::size_t dead_cell_count = 0;
std::size_t stand_in_count = 0;

namespace {

// What MakeWeak registers with V8 for one cell.
struct WeakRecord {
  void* cell;
  void* parameter;
  legacy_v8::WeakReferenceCallback callback;
  bool disposed;  // old code disposed the cell during its callback
  bool revived;   // ... or tried to keep the object (ClearWeak, MakeWeak)
};

// The record whose old callback is running.  A callback that forces a
// collection (V8::LowMemoryNotification) may run others inside it.
WeakRecord* current_record = nullptr;

std::unordered_set<const void*>* dead_cells = nullptr;
std::unordered_set<const void*>* tombstones = nullptr;
// Cells V8 handed to NewGlobal while their address was dead or a
// tombstone, kept until it is neither.
std::vector<void*>* held_back = nullptr;

// A v8::Persistent over the cell at slot, for one call.  Its traits do not
// reset the cell when it goes out of scope.
struct CellOf {
  explicit CellOf(const void* slot) {
    static_assert(sizeof handle == sizeof slot, "Persistent is one pointer");
    std::memcpy(static_cast<void*>(&handle), &slot, sizeof slot);
  }
  v8::Persistent<v8::Value>* operator->() { return &handle; }
  v8::Persistent<v8::Value> handle;
};

void* SlotOf(const v8::PersistentBase<v8::Value>& cell) {
  void* slot;
  std::memcpy(&slot, static_cast<const void*>(&cell), sizeof slot);
  return slot;
}

void MarkDead(void* cell) {
  if (dead_cells == nullptr) dead_cells = new std::unordered_set<const void*>;
  dead_cells->insert(cell);
  dead_cell_count = dead_cells->size();
}

bool Tombstone(const void* slot) {
  return tombstones != nullptr && !tombstones->empty() &&
         tombstones->count(slot) != 0;
}

bool Dead(const void* slot) {
  return dead_cell_count != 0 && dead_cells->count(slot) != 0;
}

// A new global cell holding value, whose address is neither dead nor a
// tombstone: V8 hands a freed cell out again first, and old code still
// holds the dead addresses.
void* NewCell(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  for (;;) {
    // A v8::Persistent with the default traits does not reset its cell
    // when destroyed: the cell now belongs to the caller.
    v8::Persistent<v8::Value> cell(isolate, value);
    void* address = SlotOf(cell);
    if (__builtin_expect(!Dead(address) && !Tombstone(address), 1))
      return address;
    if (held_back == nullptr) held_back = new std::vector<void*>;
    held_back->push_back(address);
  }
}

// The stand-ins of the cells whose old callback is running, innermost last.
struct StandIn {
  const void* cell;
  void* object;  // a global cell of NewCell's
};
std::vector<StandIn>* stand_ins = nullptr;

// For the length of one old callback, its cell reads as a fresh empty
// object (see StandInFor).
class StandInScope {
 public:
  StandInScope(v8::Isolate* isolate, const void* cell) {
    if (stand_ins == nullptr) stand_ins = new std::vector<StandIn>;
    stand_ins->push_back({cell, NewCell(isolate, v8::Object::New(isolate))});
    stand_in_count = stand_ins->size();
  }
  ~StandInScope() {
    CellOf(stand_ins->back().object)->Reset();
    stand_ins->pop_back();
    stand_in_count = stand_ins->size();
  }
  StandInScope(const StandInScope&) = delete;
  StandInScope& operator=(const StandInScope&) = delete;
};

// Gives back the held cells whose address old code no longer holds.
void ReleaseHeldBack() {
  if (held_back == nullptr) return;
  for (auto it = held_back->begin(); it != held_back->end();) {
    if (Dead(*it) || Tombstone(*it)) {
      ++it;
      continue;
    }
    CellOf(*it)->Reset();
    it = held_back->erase(it);
  }
}

void ForgetDead(WeakRecord* record) {
  dead_cells->erase(record->cell);
  dead_cell_count = dead_cells->size();
  if (!record->disposed) {
    if (tombstones == nullptr) tombstones = new std::unordered_set<const void*>;
    tombstones->insert(record->cell);
  }
  if (dead_cell_count == 0) ReleaseHeldBack();
}

// The record of a live weak cell, or null when the cell is strong.
WeakRecord* RecordOf(const void* slot) {
  CellOf cell(slot);
  if (!cell->IsWeak()) return nullptr;
  return cell->ClearWeak<WeakRecord>();
}

void RunLegacyCallback(WeakRecord* record) {
  v8::Isolate* isolate = CurrentIsolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> context = MainContext();
  // Node is tearing the environment down: old code cannot run any more
  // (node 0.x did not run weak callbacks at exit either).
  if (context.IsEmpty()) return;
  v8::Context::Scope context_scope(context);
  v8::TryCatch try_catch(isolate);
  StandInScope stand_in(isolate, record->cell);
  record->callback(legacy_v8::Persistent<legacy_v8::Value>(
                       static_cast<legacy_v8::Value*>(record->cell)),
                   record->parameter);
  if (try_catch.HasCaught() && !try_catch.HasTerminated()) {
    // There is no JavaScript to hand it to; say what was dropped.
    v8::String::Utf8Value text(isolate, try_catch.Exception());
    Warn("v8::Persistent weak callback: an exception was thrown inside it "
         "and dropped: %s",
         *text != nullptr ? *text : "(unprintable)");
  }
  if (record->revived && !record->disposed)
    Warn(
        "v8::Persistent weak callback: it tried to keep the object alive "
        "(ClearWeak/MakeWeak), but modern V8 has already collected it");
}

// Runs the old callback of a collected object.
void RunCollected(WeakRecord* record) {
  WeakRecord* outer = current_record;
  current_record = record;
  RunLegacyCallback(record);
  current_record = outer;
  ForgetDead(record);
  delete record;
}

// Collected objects whose old callback has not run yet, oldest first.
std::deque<WeakRecord*>* pending = nullptr;
bool drain_queued = false;

void RunPending() {
  while (pending != nullptr && !pending->empty()) {
    WeakRecord* record = pending->front();
    pending->pop_front();
    RunCollected(record);
  }
}

void RunPendingMicrotask(void*) {
  drain_queued = false;
  RunPending();
}

void SecondPass(const v8::WeakCallbackInfo<WeakRecord>& info) {
  // V8 runs second passes either from a task or, when a collection is
  // forced, inside it, where JavaScript must not run: even the ToString of
  // an exception aborts the process there.  Old callbacks may do anything,
  // so they run at the next microtask checkpoint, which Node reaches at the
  // end of the callback (or task) that triggered the collection, or as
  // soon as gc() returns (InstallGcHook).
  if (pending == nullptr) pending = new std::deque<WeakRecord*>;
  pending->push_back(info.GetParameter());
  if (!drain_queued) {
    drain_queued = true;
    info.GetIsolate()->EnqueueMicrotask(RunPendingMicrotask, nullptr);
  }
}

// gc() of --expose-gc, then the old callbacks of what it collected, before
// it returns: V8 3.x ran weak callbacks inside the collection, and the
// era's tests call gc() and check at once that a wrapper was freed (or
// that a native cache of wrappers no longer hands out the collected one).
void GcThenWeakCallbacks(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Function> gc = info.Data().As<v8::Function>();
  std::vector<v8::Local<v8::Value>> args;
  for (int i = 0; i < info.Length(); i++) args.push_back(info[i]);
  v8::Local<v8::Value> result;
  if (!gc->Call(isolate->GetCurrentContext(), info.This(),
                static_cast<int>(args.size()), args.data())
           .ToLocal(&result))
    return;
  RunPending();
  info.GetReturnValue().Set(result);
}

void FirstPass(const v8::WeakCallbackInfo<WeakRecord>& info) {
  WeakRecord* record = info.GetParameter();
  CellOf(record->cell)->Reset();
  MarkDead(record->cell);
  info.SetSecondPassCallback(SecondPass);
}

}  // namespace

void InstallGcHook(v8::Isolate* isolate, v8::Local<v8::Context> context) {
  v8::HandleScope scope(isolate);
  v8::Local<v8::Object> global = context->Global();
  v8::Local<v8::String> name = v8::String::NewFromUtf8Literal(isolate, "gc");
  v8::Local<v8::Value> gc;
  if (!global->Get(context, name).ToLocal(&gc) || !gc->IsFunction()) return;
  v8::Local<v8::Function> hook;
  if (!v8::Function::New(context, GcThenWeakCallbacks, gc).ToLocal(&hook))
    return;
  hook->SetName(name);
  // A global gc that cannot be replaced stays as it is.
  bool replaced = global->Set(context, name, hook).FromMaybe(false);
  (void)replaced;
}

bool IsDeadCell(const void* slot) {
  return dead_cells != nullptr && dead_cells->count(slot) != 0 &&
         StandInFor(slot) == slot;
}

const void* StandInFor(const void* slot) {
  if (stand_ins == nullptr) return slot;
  for (auto it = stand_ins->rbegin(); it != stand_ins->rend(); ++it) {
    if (it->cell != slot) continue;
    static bool said = false;
    if (!said) {
      said = true;
      Warn(
          "v8::Persistent weak callback: it reads its object, which modern "
          "V8 collected before the callback could run; it gets an empty "
          "stand-in object instead (the object's properties and contents "
          "are gone)");
    }
    return it->object;
  }
  return slot;
}

void* NewGlobal(void* slot) {
  if (slot == nullptr) return nullptr;
  CheckMainThread("v8::Persistent<T>::New");
  if (!UsableHandle(slot, "v8::Persistent<T>::New")) return nullptr;
  return NewCell(CurrentIsolate(), Real(slot));
}

void DisposeGlobal(void* slot) {
  if (slot == nullptr) return;
  // Old code sometimes disposed a callback's Persistent in an eio work
  // function: V8's global handles are not thread-safe.
  CheckMainThread("v8::Persistent<T>::Dispose");
  if (Dead(slot)) {
    // The cell went with the object; old code disposes its copy in the
    // weak callback, as V8 3.x required.
    if (current_record != nullptr && current_record->cell == slot)
      current_record->disposed = true;
    return;
  }
  if (Tombstone(slot)) {
    // Disposed at last, after its weak callback (V8 3.x allowed it).
    tombstones->erase(slot);
    ReleaseHeldBack();
    return;
  }
  delete RecordOf(slot);
  CellOf(slot)->Reset();
}

void MakeWeakGlobal(void* slot, void* parameter,
                    legacy_v8::WeakReferenceCallback callback) {
  CheckMainThread("v8::Persistent<T>::MakeWeak");
  if (slot == nullptr) {
    ThrowMisuse("v8::Persistent::MakeWeak: called on an empty handle");
    return;
  }
  if (Dead(slot) || Tombstone(slot)) {
    if (current_record != nullptr && current_record->cell == slot)
      current_record->revived = true;
    else
      Warn(
          "v8::Persistent::MakeWeak: the object was garbage collected; "
          "ignored");
    return;
  }
  if (callback == nullptr) {
    ThrowMisuse("v8::Persistent::MakeWeak: null callback");
    return;
  }
  WeakRecord* record = RecordOf(slot);
  if (record == nullptr) record = new WeakRecord;
  record->cell = slot;
  record->parameter = parameter;
  record->callback = callback;
  record->disposed = false;
  record->revived = false;
  CellOf(slot)->SetWeak(record, FirstPass, v8::WeakCallbackType::kParameter);
}

void ClearWeakGlobal(void* slot) {
  if (slot == nullptr) return;
  CheckMainThread("v8::Persistent<T>::ClearWeak");
  if (Dead(slot) || Tombstone(slot)) {
    // ObjectWrap's destructor of node 0.x did ClearWeak, then Dispose.
    if (current_record != nullptr && current_record->cell == slot)
      current_record->revived = true;
    return;
  }
  delete RecordOf(slot);
}

void MarkIndependentGlobal(void* slot) {
  // Divergence: every weak handle is independent in modern V8 (the young
  // generation collector may reclaim the object); nothing to do.
  (void)slot;
}

bool IsNearDeathGlobal(void* slot) {
  return slot != nullptr && (Dead(slot) || Tombstone(slot));
}

bool IsWeakGlobal(void* slot) {
  if (slot == nullptr || Dead(slot) || Tombstone(slot)) return false;
  return CellOf(slot)->IsWeak();
}

void SetWrapperClassIdGlobal(void* slot, uint16_t class_id) {
  if (slot == nullptr || Dead(slot) || Tombstone(slot)) return;
  CellOf(slot)->SetWrapperClassId(class_id);
}

}  // namespace detail
}  // namespace compat
