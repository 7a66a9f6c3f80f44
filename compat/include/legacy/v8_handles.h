// legacy/v8_handles.h: Handle, Local, Persistent and HandleScope of V8 3.x.
#ifndef COMPAT_LEGACY_V8_HANDLES_H_
#define COMPAT_LEGACY_V8_HANDLES_H_

#include "v8_base.h"

namespace legacy_v8 {

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
  template <class S>
  bool operator==(Handle<S> that) const {
    void* const* a = reinterpret_cast<void* const*>(val_);
    void* const* b = reinterpret_cast<void* const*>(*that);
    if (a == 0) return b == 0;
    if (b == 0) return false;
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
    return Local<T>(
        reinterpret_cast<T*>(compat::detail::NewLocal(*that)));
  }
};

// Old persistents are values: copies alias one global cell, Dispose frees
// the cell without emptying any copy (old code writes Dispose(); Clear();).
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
};

// `HandleScope scope;` with `return scope.Close(value);`.  Always escapable:
// Close copies the value into the enclosing scope and leaves this scope at
// once, so handles made after Close land in the enclosing scope (V8 3.x).
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
  void* storage_[8];  // the real v8::EscapableHandleScope
  bool closed_;
};

}  // namespace legacy_v8

#endif  // COMPAT_LEGACY_V8_HANDLES_H_
