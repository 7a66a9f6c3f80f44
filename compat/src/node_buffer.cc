// node_buffer.cc: node 0.x's C++ node::Buffer on Node Buffers: handle_ is a
// real Buffer over the bytes Data() returns, and the C++ object goes when
// the JS buffer is collected (ObjectWrap's weak rule).
#include <node_buffer.h>

#include "misuse.h"
#include "node_internal.h"

using compat::detail::CurrentContext;
using compat::detail::CurrentIsolate;
using compat::detail::Legacy;
using compat::detail::Real;

namespace {

bool BytesOf(legacy_v8::Handle<legacy_v8::Value> value, char** data,
             size_t* length, int* type) {
  if (value.IsEmpty() || !compat::detail::UsableHandle(*value, "node::Buffer"))
    return false;
  v8::Local<v8::Value> real = Real(*value);
  if (!real->IsObject()) return false;
  return compat::detail::ExternalBytes(real.As<v8::Object>(), data, length,
                                       type);
}

}  // namespace

namespace {

// Where a JS buffer keeps its C++ node::Buffer (node 0.2's Unwrap<Buffer>):
// a private property holding an External.
v8::Local<v8::Private> WrapperKey(v8::Isolate* isolate) {
  return v8::Private::ForApi(
      isolate, v8::String::NewFromUtf8Literal(isolate,
                                              "node-waf-compat:node::Buffer"));
}

// node 0.x handed out a valid pointer for an empty buffer too, so loops
// like `Data(b) + Length(b) - 1` never met NULL; modern V8 has no backing
// store for an empty one.
char empty_bytes[1];

}  // namespace

legacy_node::Buffer::Buffer() : ObjectWrap() {}

legacy_node::Buffer::~Buffer() {
  // Deleted while its JS buffer lives (old code deleting it): the buffer
  // must no longer lead to it.
  if (handle_.IsEmpty() || compat::detail::IsNearDeathGlobal(*handle_))
    return;
  v8::Isolate* isolate = CurrentIsolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Object> buffer = Real<v8::Object>(*handle_);
  v8::Local<v8::Value> held;
  if (buffer->GetPrivate(compat::detail::CurrentContext(), WrapperKey(isolate))
          .ToLocal(&held) &&
      held->IsExternal() &&
      compat::version::ExternalValue(held.As<v8::External>()) == this)
    (void)buffer->DeletePrivate(compat::detail::CurrentContext(),
                                WrapperKey(isolate));
}

bool legacy_node::Buffer::HasInstance(legacy_v8::Handle<legacy_v8::Value> val) {
  char* data;
  size_t length;
  int type;
  // node 0.x: anything whose elements are external unsigned bytes.
  return BytesOf(val, &data, &length, &type) &&
         type == legacy_v8::kExternalUnsignedByteArray;
}

char* legacy_node::Buffer::Data(legacy_v8::Handle<legacy_v8::Object> obj) {
  char* data;
  size_t length;
  int type;
  if (!BytesOf(obj, &data, &length, &type)) return NULL;
  return data != NULL ? data : empty_bytes;
}

size_t legacy_node::Buffer::Length(legacy_v8::Handle<legacy_v8::Object> obj) {
  char* data;
  size_t length;
  int type;
  if (!BytesOf(obj, &data, &length, &type)) return 0;
  return length;
}

namespace {

// Wraps a new JS buffer in a new C++ Buffer, or reports why there is none.
legacy_node::Buffer* Adopt(
    v8::MaybeLocal<v8::Object> made,
    legacy_node::Buffer* (*attach)(v8::Local<v8::Object>)) {
  v8::Local<v8::Object> buffer;
  if (!made.ToLocal(&buffer)) return NULL;  // the exception is pending
  return attach(buffer);
}

bool TooLong(size_t length) {
  if (length <= legacy_node::Buffer::kMaxLength) return false;
  // node 0.x: the SlowBuffer constructor threw this.
  v8::Isolate* isolate = CurrentIsolate();
  isolate->ThrowException(v8::Exception::RangeError(
      v8::String::NewFromUtf8Literal(isolate, "length > kMaxLength")));
  return true;
}

}  // namespace

legacy_node::Buffer* compat::detail::AttachBuffer(
    v8::Local<v8::Object> buffer) {
  legacy_node::Buffer* wrapper = FacadeAccess::NewBuffer();
  FacadeAccess::WrapBuffer(wrapper, Legacy<legacy_v8::Object>(buffer));
  v8::Isolate* isolate = CurrentIsolate();
  (void)buffer->SetPrivate(CurrentContext(), WrapperKey(isolate),
                           compat::version::NewExternal(isolate, wrapper));
  return wrapper;
}

legacy_node::Buffer* compat::detail::UnwrapBuffer(void* object) {
  const char* api = "node::ObjectWrap::Unwrap<node::Buffer>";
  CheckMainThread(api);
  if (object == nullptr || !UsableHandle(object, api)) return NULL;
  legacy_v8::Handle<legacy_v8::Object> handle(
      static_cast<legacy_v8::Object*>(object));
  if (!legacy_node::Buffer::HasInstance(handle)) {
    Warn("%s: the object is not a Buffer; NULL returned", api);
    return NULL;
  }
  v8::Isolate* isolate = CurrentIsolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Object> buffer = Real<v8::Object>(object);
  v8::Local<v8::Value> held;
  if (buffer->GetPrivate(CurrentContext(), WrapperKey(isolate))
          .ToLocal(&held) &&
      held->IsExternal())
    return static_cast<legacy_node::Buffer*>(
        compat::version::ExternalValue(held.As<v8::External>()));
  return AttachBuffer(buffer);
}

legacy_node::Buffer* legacy_node::Buffer::New(size_t length) {
  compat::detail::CheckMainThread("node::Buffer::New");
  if (TooLong(length)) return NULL;
  v8::HandleScope scope(CurrentIsolate());
  return Adopt(node::Buffer::New(CurrentIsolate(), length),
               compat::detail::AttachBuffer);
}

legacy_node::Buffer* legacy_node::Buffer::New(char* data, size_t len) {
  compat::detail::CheckMainThread("node::Buffer::New");
  if (TooLong(len)) return NULL;
  v8::HandleScope scope(CurrentIsolate());
  // node 0.x copied here: the caller keeps (and frees) data.
  return Adopt(node::Buffer::Copy(CurrentIsolate(), data, len),
               compat::detail::AttachBuffer);
}

legacy_node::Buffer* legacy_node::Buffer::New(char* data, size_t length,
                                              free_callback callback,
                                              void* hint) {
  compat::detail::CheckMainThread("node::Buffer::New");
  if (TooLong(length)) return NULL;
  v8::HandleScope scope(CurrentIsolate());
  // The buffer owns data from here on: callback(data, hint) runs when it
  // is collected.
  return Adopt(
      node::Buffer::New(CurrentIsolate(), data, length, callback, hint),
      compat::detail::AttachBuffer);
}

legacy_v8::Handle<legacy_v8::Object> legacy_node::Buffer::New(
    legacy_v8::Handle<legacy_v8::String> string) {
  v8::Isolate* isolate = CurrentIsolate();
  v8::EscapableHandleScope scope(isolate);
  v8::Local<v8::String> text;
  if (string.IsEmpty() ||
      !compat::detail::SelfAs(*string, "node::Buffer::New", &text))
    return legacy_v8::Handle<legacy_v8::Object>();
  // node 0.x: `new Buffer(string)`, UTF-8.
  v8::String::Utf8Value bytes(isolate, text);
  v8::Local<v8::Object> buffer;
  if (!node::Buffer::Copy(isolate, *bytes, bytes.length()).ToLocal(&buffer))
    return legacy_v8::Handle<legacy_v8::Object>();
  return Legacy<legacy_v8::Object>(scope.Escape(buffer));
}

void compat::detail::CheckFastBufferIdiom(v8::Local<v8::Function> callee,
                                          int argc,
                                          const v8::Local<v8::Value>* argv) {
  // node 0.3-0.8's fast-buffer idiom made from C++: `new Buffer(slow,
  // length, offset)` through the global Buffer constructor.  Modern Node
  // copies the whole of slow and ignores both numbers; the preload restores
  // the view.  Without it, say so once.
  static bool said = false;
  if (said || argc != 3 || !argv[0]->IsArrayBufferView() ||
      !argv[1]->IsNumber() || !argv[2]->IsNumber())
    return;
  v8::Isolate* isolate = CurrentIsolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> context = CurrentContext();
  v8::Local<v8::Object> global = context->Global();
  v8::Local<v8::Value> buffer;
  if (!global->Get(context, v8::String::NewFromUtf8Literal(isolate, "Buffer"))
           .ToLocal(&buffer) ||
      !callee->StrictEquals(buffer))
    return;
  v8::Local<v8::Value> process;
  v8::Local<v8::Value> preloaded;
  v8::Local<v8::Symbol> mark = v8::Symbol::For(
      isolate,
      v8::String::NewFromUtf8Literal(isolate, "node-waf-compat.legacy"));
  if (global->Get(context, v8::String::NewFromUtf8Literal(isolate, "process"))
          .ToLocal(&process) &&
      process->IsObject() &&
      process.As<v8::Object>()->Get(context, mark).ToLocal(&preloaded) &&
      preloaded->IsTrue())
    return;
  said = true;
  Warn(
      "new Buffer(slow, length, offset) called from C++: modern Node copies "
      "the whole of slow and ignores length and offset (node 0.x made a view "
      "of those bytes); run the program with the legacy preload (node -r "
      "node-waf-compat/legacy) to get the view");
}
