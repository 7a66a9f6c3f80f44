// legacy/node_object_wrap.h: node::ObjectWrap of node 0.4–0.8 (a C++ object
// owned by a JS object through internal field 0), on the facade's weak
// persistents.
#ifndef COMPAT_LEGACY_NODE_OBJECT_WRAP_H_
#define COMPAT_LEGACY_NODE_OBJECT_WRAP_H_

#include "v8.h"

namespace compat {
namespace detail {

// The pointer in internal field 0 of `object`.  Aborts with a message
// naming `api` when the object has no internal field: old code would
// dereference the result (node 0.x asserted the same).
void* UnwrapField(void* object, const char* api);
// Stores wrapper in internal field 0 of object; aborts with a message when
// there is none (node 0.x asserted it).
void WrapField(void* object, void* wrapper);
// What ~ObjectWrap does with its handle: while the object lives, clears
// internal field 0 if it still points at wrapper; in every case stops the
// weak callback and frees the global cell.  Never reads a collected object.
void ReleaseWrapper(void* handle, void* wrapper);
// Reports misuse of an ObjectWrap (once, on stderr).
void ReportWrapMisuse(const char* message);

}  // namespace detail
}  // namespace compat

namespace node {
namespace legacy {

// node 0.x: JS owns the C++ object.  Wrap ties them and makes the handle
// weak; once the JS object is only weakly reachable and refs_ is 0, the
// garbage collector's weak callback deletes the C++ object.  Ref/Unref pin
// it while the event loop still needs it.
//
// Divergence: the weak callback runs after the JS object is gone (modern V8
// frees it first), so a destructor that reads handle_ gets a message and an
// exception instead of the object.  The base destructor itself never reads
// it.
class ObjectWrap {
 public:
  ObjectWrap() : refs_(0) {}

  virtual ~ObjectWrap() {
    if (!handle_.IsEmpty()) {
      compat::detail::ReleaseWrapper(*handle_, this);
      handle_.Clear();
    }
  }

  template <class T>
  static inline T* Unwrap(legacy_v8::Handle<legacy_v8::Object> handle) {
    return static_cast<T*>(
        compat::detail::UnwrapField(*handle, "node::ObjectWrap::Unwrap"));
  }

  legacy_v8::Persistent<legacy_v8::Object> handle_;  // ro

 protected:
  inline void Wrap(legacy_v8::Handle<legacy_v8::Object> handle) {
    if (!handle_.IsEmpty()) {
      compat::detail::ReportWrapMisuse(
          "node::ObjectWrap::Wrap: the object is already wrapped; the "
          "second Wrap is ignored");
      return;
    }
    compat::detail::WrapField(*handle, this);
    handle_ = legacy_v8::Persistent<legacy_v8::Object>::New(handle);
    MakeWeak();
  }

  inline void MakeWeak(void) {
    handle_.MakeWeak(this, WeakCallback);
    handle_.MarkIndependent();
  }

  // Marks the object as attached to the event loop: it is not collected,
  // even when JS holds no reference, until the matching Unref.
  virtual void Ref() {
    if (handle_.IsEmpty()) {
      compat::detail::ReportWrapMisuse(
          "node::ObjectWrap::Ref: called before Wrap; ignored");
      return;
    }
    refs_++;
    handle_.ClearWeak();
  }

  // Detaches it again; at 0 the object may be collected (and this deleted)
  // as soon as JS holds no reference.  Do not call from the destructor.
  virtual void Unref() {
    if (handle_.IsEmpty() || handle_.IsWeak() || refs_ <= 0) {
      compat::detail::ReportWrapMisuse(
          "node::ObjectWrap::Unref: called more often than Ref (node 0.x "
          "asserted here); ignored");
      return;
    }
    if (--refs_ == 0) MakeWeak();
  }

  int refs_;  // ro

 private:
  static void WeakCallback(legacy_v8::Persistent<legacy_v8::Value> value,
                           void* data) {
    ObjectWrap* obj = static_cast<ObjectWrap*>(data);
    (void)value;
    if (obj->refs_ != 0) {
      compat::detail::ReportWrapMisuse(
          "node::ObjectWrap: the object was collected while referenced "
          "(refs_ != 0); deleting it anyway");
    }
    delete obj;
  }
};

}  // namespace legacy
}  // namespace node

#endif  // COMPAT_LEGACY_NODE_OBJECT_WRAP_H_
