// legacy/v8_handles.h: Handle, Local, Persistent (with the weak-handle API
// of V8 3.x) and HandleScope.
#ifndef COMPAT_LEGACY_V8_HANDLES_H_
#define COMPAT_LEGACY_V8_HANDLES_H_

#include "v8_base.h"

namespace v8 {
namespace legacy {

// A pointer to a handle slot; empty when null.  Base of Local and Persistent,
// so functions taking Handle<T> accept both, as in V8 3.x.
template <class T>
class Handle {
 public:
  Handle() : val_(0) {}
  explicit Handle(T* val) : val_(val) {}
  template <class S>
  Handle(Handle<S> that) : val_(reinterpret_cast<T*>(*that)) {
    COMPAT_V8_TYPE_CHECK(T, S);
  }

  bool IsEmpty() const { return val_ == 0; }
  void Clear() { val_ = 0; }
  T* operator->() const { return val_; }
  T* operator*() const { return val_; }

  // Object identity, as V8 3.x compared: both empty, or the same heap object.
  // Two copies of one handle are equal without reading the slot, which may
  // belong to an object the collector has already freed (a weak callback's
  // `value == obj->handle_`).
  template <class S>
  bool operator==(Handle<S> that) const {
    void* const* a = reinterpret_cast<void* const*>(val_);
    void* const* b = reinterpret_cast<void* const*>(*that);
    if (a == b) return true;
    if (a == 0 || b == 0) return false;
    return *a == *b;
  }
  template <class S>
  bool operator!=(Handle<S> that) const {
    return !operator==(that);
  }

  template <class S>
  static Handle<T> Cast(Handle<S> that) {
    if (that.IsEmpty()) return Handle<T>();
    return Handle<T>(T::Cast(*that));
  }
  template <class S>
  Handle<S> As() {
    return Handle<S>::Cast(*this);
  }

 private:
  T* val_;
};

// A handle that lives until the innermost HandleScope closes.
template <class T>
class Local : public Handle<T> {
 public:
  Local() {}
  template <class S>
  Local(Local<S> that) : Handle<T>(reinterpret_cast<T*>(*that)) {
    COMPAT_V8_TYPE_CHECK(T, S);
  }
  template <class S>
  Local(S* that) : Handle<T>(that) {}

  template <class S>
  static Local<T> Cast(Local<S> that) {
    if (that.IsEmpty()) return Local<T>();
    return Local<T>(T::Cast(*that));
  }
  template <class S>
  Local<S> As() {
    return Local<S>::Cast(*this);
  }

  // A new local handle to the same value, e.g. from a Persistent.
  static Local<T> New(Handle<T> that) {
    return Local<T>(reinterpret_cast<T*>(compat::detail::NewLocal(*that)));
  }
};

// Old persistents are values: copies alias one global cell, Dispose frees
// the cell without emptying any copy (old code writes Dispose(); Clear();).
//
// Weak handles (MakeWeak) call the old callback
// `void cb(Persistent<Value> object, void* parameter)` once the object is
// only weakly reachable.  Divergence: modern V8 frees the object before any
// code may run, so the callback comes after the object is gone: IsNearDeath()
// is true during it, Dispose() and ClearWeak() are accepted, and anything
// that reads the object reports "the object was garbage collected" and throws
// instead of returning it.  Reviving the object (MakeWeak or ClearWeak without
// Dispose) is impossible and reported.
template <class T>
class Persistent : public Handle<T> {
 public:
  Persistent() {}
  template <class S>
  Persistent(Persistent<S> that) : Handle<T>(reinterpret_cast<T*>(*that)) {
    COMPAT_V8_TYPE_CHECK(T, S);
  }
  template <class S>
  Persistent(S* that) : Handle<T>(that) {}
  // V8 3.x: aliases the slot of `that`; it does not create a global cell.
  template <class S>
  explicit Persistent(Handle<S> that) : Handle<T>(*that) {}

  template <class S>
  static Persistent<T> Cast(Persistent<S> that) {
    if (that.IsEmpty()) return Persistent<T>();
    return Persistent<T>(T::Cast(*that));
  }
  template <class S>
  Persistent<S> As() {
    return Persistent<S>::Cast(*this);
  }

  // A new global cell holding the value of `that`.
  static Persistent<T> New(Handle<T> that) {
    return Persistent<T>(
        reinterpret_cast<T*>(compat::detail::NewGlobal(*that)));
  }
  void Dispose() { compat::detail::DisposeGlobal(**this); }
  void Dispose(Isolate*) { Dispose(); }

  void MakeWeak(void* parameters, WeakReferenceCallback callback) {
    compat::detail::MakeWeakGlobal(**this, parameters, callback);
  }
  void ClearWeak() { compat::detail::ClearWeakGlobal(**this); }
  // Divergence: modern V8 treats every weak handle as independent.
  void MarkIndependent() { compat::detail::MarkIndependentGlobal(**this); }
  bool IsNearDeath() const { return compat::detail::IsNearDeathGlobal(**this); }
  bool IsWeak() const { return compat::detail::IsWeakGlobal(**this); }
  void SetWrapperClassId(uint16_t class_id) {
    compat::detail::SetWrapperClassIdGlobal(**this, class_id);
  }
};

// `HandleScope scope;` with `return scope.Close(value);`.  Close copies the
// value into the enclosing scope and leaves this scope at once, so handles
// made after Close land in the enclosing scope (V8 3.x).  A scope that is
// never closed costs the enclosing scope nothing.
class HandleScope {
 public:
  HandleScope();
  ~HandleScope();

  template <class T>
  Local<T> Close(Handle<T> value) {
    return Local<T>(reinterpret_cast<T*>(CloseWith(*value)));
  }

  static int NumberOfHandles();

 private:
  void* CloseWith(void* slot);

  // Stack only, not copyable (as in V8 3.x).
  HandleScope(const HandleScope&);
  void operator=(const HandleScope&);
  void* operator new(size_t size);
  void operator delete(void*, size_t);

  friend struct compat::detail::FacadeAccess;
  void* storage_[6];  // the real v8::HandleScope
  bool closed_;
};

}  // namespace legacy
}  // namespace v8

#endif  // COMPAT_LEGACY_V8_HANDLES_H_
