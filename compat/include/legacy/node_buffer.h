// legacy/node_buffer.h: node::Buffer of node 0.4–0.8 (the C++ object behind
// a buffer) on Node's Buffer: handle_ is a real JS Buffer over the same bytes.
#ifndef COMPAT_LEGACY_NODE_BUFFER_H_
#define COMPAT_LEGACY_NODE_BUFFER_H_

#include "node_object_wrap.h"

namespace node {
namespace legacy {

// Divergence: node 0.x's Buffer* wrapped a SlowBuffer that JS glue turned
// into a Buffer with `new Buffer(slow, length, offset)`.  Here handle_ is a
// Buffer already (Buffer.isBuffer is true, it has .length and the usual
// methods), and the bytes at Data() are the ones JavaScript sees.  The C++
// object is deleted when the JS buffer is collected (ObjectWrap's rule).
class Buffer : public ObjectWrap {
 public:
  static const unsigned int kMaxLength = 0x3fffffff;

  // True for Node Buffers, any typed array or DataView, and objects with
  // external array data (V8 3.x external unsigned bytes).
  static bool HasInstance(legacy_v8::Handle<legacy_v8::Value> val);
  // The bytes of a buffer (or of any object HasInstance accepts), NULL for
  // anything else.
  static char* Data(legacy_v8::Handle<legacy_v8::Object> obj);
  static char* Data(Buffer* b) { return Buffer::Data(b->handle_); }
  // Its length in bytes, 0 for anything else.
  static size_t Length(legacy_v8::Handle<legacy_v8::Object> obj);
  static size_t Length(Buffer* b) { return Buffer::Length(b->handle_); }

  // node 0.2's spelling: the bytes and their count as members.
  char* data() { return Buffer::Data(handle_); }
  size_t length() { return Buffer::Length(handle_); }

  ~Buffer();

  typedef void (*free_callback)(char* data, void* hint);

  // A JS Buffer holding the string's UTF-8 bytes.
  static legacy_v8::Handle<legacy_v8::Object> New(
      legacy_v8::Handle<legacy_v8::String> string);
  // length zeroed bytes.
  static Buffer* New(size_t length);
  // A copy of data (node 0.x copied here; the caller keeps data).
  static Buffer* New(char* data, size_t len);
  // Takes data: callback(data, hint) runs once the JS buffer is collected.
  static Buffer* New(char* data, size_t length, free_callback callback,
                     void* hint);

  // Divergence: node 0.x's constructor_template made SlowBuffers; there is
  // no template whose instances are Node Buffers.
  struct UnsupportedConstructorTemplate {
    legacy_v8::FunctionTemplate* operator->() const COMPAT_UNSUPPORTED(
        "node::Buffer::constructor_template is not supported: Node Buffers "
        "are not made from a FunctionTemplate; test with "
        "node::Buffer::HasInstance and make them with node::Buffer::New");
    legacy_v8::FunctionTemplate* operator*() const COMPAT_UNSUPPORTED(
        "node::Buffer::constructor_template is not supported: Node Buffers "
        "are not made from a FunctionTemplate; test with "
        "node::Buffer::HasInstance and make them with node::Buffer::New");
    operator legacy_v8::Handle<legacy_v8::FunctionTemplate>() const
        COMPAT_UNSUPPORTED(
            "node::Buffer::constructor_template is not supported: Node "
            "Buffers are not made from a FunctionTemplate; test with "
            "node::Buffer::HasInstance and make them with "
            "node::Buffer::New");
  };
  static UnsupportedConstructorTemplate constructor_template;

  static void Initialize(legacy_v8::Handle<legacy_v8::Object> target)
      COMPAT_UNSUPPORTED(
          "node::Buffer::Initialize is not supported: Node "
          "sets up Buffer itself; nothing to do");

 private:
  friend struct compat::detail::FacadeAccess;
  Buffer();
  Buffer(const Buffer&);
  void operator=(const Buffer&);
};

}  // namespace legacy
}  // namespace node

namespace compat {
namespace detail {
// The C++ node::Buffer of a JS buffer (made on first use), NULL for
// anything that is not a buffer (node_buffer.cc).
legacy_node::Buffer* UnwrapBuffer(void* object);
}  // namespace detail
}  // namespace compat

namespace node {
namespace legacy {

// node 0.2: a Buffer was an ObjectWrap, found from its JS object with
// ObjectWrap::Unwrap<Buffer>.  A Node Buffer has no internal field, so the
// runtime keeps the C++ object beside the JS one.
template <>
inline Buffer* ObjectWrap::Unwrap<Buffer>(
    legacy_v8::Handle<legacy_v8::Object> handle) {
  return compat::detail::UnwrapBuffer(*handle);
}

}  // namespace legacy
}  // namespace node

#endif  // COMPAT_LEGACY_NODE_BUFFER_H_
