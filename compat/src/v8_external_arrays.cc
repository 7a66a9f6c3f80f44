// v8_external_arrays.cc: V8 3.x external array data (indexed properties of
// an object backed by memory old code owns: SetIndexedPropertiesToExternal
// ArrayData, ...PixelData and their getters) on typed arrays.
//
// Modern V8 cannot back an ordinary object's elements with outside memory.
// Instead the object gets a typed array over that memory (kept in a private
// property) and a Proxy spliced into its prototype chain: reading or
// writing obj[i] for an array index reaches the typed array (past its
// length: undefined, and writes dropped, as in V8 3.x), every other key
// goes on to the original prototype.  Divergence: the indices are not own
// properties of the object (Object.keys and hasOwnProperty do not show
// them), and Object.getPrototypeOf returns the Proxy.  On a Buffer or any typed
// array the getters report its own bytes, which is how old code read Buffers.
#include "misuse.h"
#include "v8_internal.h"
#include "v8_version.h"

using compat::detail::CurrentContext;
using compat::detail::CurrentIsolate;
using compat::detail::Legacy;
using compat::detail::SelfAs;

namespace {

// The Proxy factory, compiled once.  It closes over the Proxy and Reflect
// of the context it was compiled in, so later changes to those globals do
// not reach it.
const char kFactorySource[] =
    "(function (Proxy, Reflect, String) {\n"
    "  'use strict';\n"
    "  return function (holder, proto) {\n"
    "    // An array index (or -1): V8 3.x served every index from the\n"
    "    // external elements, reading undefined and dropping writes past\n"
    "    // their length.\n"
    "    function index(key) {\n"
    "      if (typeof key !== 'string') return -1;\n"
    "      var n = +key;\n"
    "      if (n >>> 0 !== n || n === 4294967295 || String(n) !== key)\n"
    "        return -1;\n"
    "      return n;\n"
    "    }\n"
    "    return new Proxy(proto, {\n"
    "      get: function (target, key, receiver) {\n"
    "        var i = index(key);\n"
    "        if (i < 0) return Reflect.get(target, key, receiver);\n"
    "        return i < holder.elements.length ? holder.elements[i]\n"
    "                                          : undefined;\n"
    "      },\n"
    "      set: function (target, key, value, receiver) {\n"
    "        var i = index(key);\n"
    "        if (i < 0 || receiver !== holder.owner)\n"
    "          return Reflect.set(target, key, value, receiver);\n"
    "        if (i < holder.elements.length) holder.elements[i] = value;\n"
    "        return true;\n"
    "      },\n"
    "      has: function (target, key) {\n"
    "        var i = index(key);\n"
    "        if (i < 0) return Reflect.has(target, key);\n"
    "        return i < holder.elements.length;\n"
    "      }\n"
    "    });\n"
    "  };\n"
    "})(Proxy, Reflect, String)";

v8::Global<v8::Function>* factory = nullptr;

bool Factory(v8::Isolate* isolate, v8::Local<v8::Context> context,
             v8::Local<v8::Function>* out) {
  if (factory != nullptr) {
    *out = factory->Get(isolate);
    return true;
  }
  v8::Local<v8::String> source;
  v8::Local<v8::Script> script;
  v8::Local<v8::Value> result;
  if (!v8::String::NewFromUtf8(isolate, kFactorySource).ToLocal(&source) ||
      !v8::Script::Compile(context, source).ToLocal(&script) ||
      !script->Run(context).ToLocal(&result) || !result->IsFunction())
    return false;
  *out = result.As<v8::Function>();
  factory = new v8::Global<v8::Function>(isolate, *out);
  return true;
}

v8::Local<v8::Private> HolderKey(v8::Isolate* isolate) {
  return v8::Private::ForApi(
      isolate, v8::String::NewFromUtf8Literal(
                   isolate, "node-waf-compat:external-array-data"));
}

v8::Local<v8::String> Name(v8::Isolate* isolate, const char* name) {
  return v8::String::NewFromUtf8(isolate, name,
                                 v8::NewStringType::kInternalized)
      .ToLocalChecked();
}

// Bytes per element of an old external array type, 0 for an unknown one.
size_t ElementSize(int type) {
  switch (type) {
    case legacy_v8::kExternalByteArray:
    case legacy_v8::kExternalUnsignedByteArray:
    case legacy_v8::kExternalPixelArray:
      return 1;
    case legacy_v8::kExternalShortArray:
    case legacy_v8::kExternalUnsignedShortArray:
      return 2;
    case legacy_v8::kExternalIntArray:
    case legacy_v8::kExternalUnsignedIntArray:
    case legacy_v8::kExternalFloatArray:
      return 4;
    case legacy_v8::kExternalDoubleArray:
      return 8;
  }
  return 0;
}

v8::Local<v8::TypedArray> NewElements(v8::Local<v8::ArrayBuffer> buffer,
                                      int type, size_t length) {
  switch (type) {
    case legacy_v8::kExternalByteArray:
      return v8::Int8Array::New(buffer, 0, length);
    case legacy_v8::kExternalUnsignedByteArray:
      return v8::Uint8Array::New(buffer, 0, length);
    case legacy_v8::kExternalShortArray:
      return v8::Int16Array::New(buffer, 0, length);
    case legacy_v8::kExternalUnsignedShortArray:
      return v8::Uint16Array::New(buffer, 0, length);
    case legacy_v8::kExternalIntArray:
      return v8::Int32Array::New(buffer, 0, length);
    case legacy_v8::kExternalUnsignedIntArray:
      return v8::Uint32Array::New(buffer, 0, length);
    case legacy_v8::kExternalFloatArray:
      return v8::Float32Array::New(buffer, 0, length);
    case legacy_v8::kExternalDoubleArray:
      return v8::Float64Array::New(buffer, 0, length);
    default:
      return v8::Uint8ClampedArray::New(buffer, 0, length);
  }
}

// The old type of a typed array's elements, 0 when V8 3.x had none.
int TypeOf(v8::Local<v8::Value> view) {
  if (view->IsUint8Array()) return legacy_v8::kExternalUnsignedByteArray;
  if (view->IsInt8Array()) return legacy_v8::kExternalByteArray;
  if (view->IsUint8ClampedArray()) return legacy_v8::kExternalPixelArray;
  if (view->IsInt16Array()) return legacy_v8::kExternalShortArray;
  if (view->IsUint16Array()) return legacy_v8::kExternalUnsignedShortArray;
  if (view->IsInt32Array()) return legacy_v8::kExternalIntArray;
  if (view->IsUint32Array()) return legacy_v8::kExternalUnsignedIntArray;
  if (view->IsFloat32Array()) return legacy_v8::kExternalFloatArray;
  if (view->IsFloat64Array()) return legacy_v8::kExternalDoubleArray;
  if (view->IsDataView()) return legacy_v8::kExternalUnsignedByteArray;
  return 0;
}

// What the object's indexed properties are backed by: its own bytes (a
// typed array or DataView) or the elements SetIndexedPropertiesTo... gave
// it.  False when neither.
struct Backing {
  void* data;
  int type;
  int length;  // elements
};

bool BackingOf(v8::Local<v8::Object> object, Backing* out) {
  v8::Local<v8::Value> view = object;
  if (!object->IsArrayBufferView()) {
    v8::Isolate* isolate = CurrentIsolate();
    v8::Local<v8::Context> context = CurrentContext();
    v8::Local<v8::Private> key = HolderKey(isolate);
    v8::Local<v8::Value> holder;
    if (!object->HasPrivate(context, key).FromMaybe(false) ||
        !object->GetPrivate(context, key).ToLocal(&holder) ||
        !holder->IsObject() ||
        !holder.As<v8::Object>()
             ->Get(context, Name(isolate, "elements"))
             .ToLocal(&view) ||
        !view->IsArrayBufferView())
      return false;
  }
  v8::Local<v8::ArrayBufferView> elements = view.As<v8::ArrayBufferView>();
  out->type = TypeOf(elements);
  if (out->type == 0) return false;
  out->data =
      static_cast<char*>(elements->Buffer()->Data()) + elements->ByteOffset();
  out->length = static_cast<int>(view->IsTypedArray()
                                     ? view.As<v8::TypedArray>()->Length()
                                     : elements->ByteLength());
  return true;
}

void SetBacking(legacy_v8::Object* self_slot, void* data, int type, int length,
                const char* api) {
  v8::Local<v8::Object> self;
  if (!SelfAs(self_slot, api, &self)) return;
  if (self->IsArrayBufferView()) {
    compat::detail::ThrowMisuse(
        "%s: the object is a typed array or Buffer; its elements are its "
        "own bytes and cannot be moved",
        api);
    return;
  }
  size_t size = ElementSize(type);
  if (size == 0 || length < 0 || (data == NULL && length > 0)) {
    compat::detail::ThrowMisuse("%s: bad type, length or data", api);
    return;
  }
  v8::Isolate* isolate = CurrentIsolate();
  v8::Local<v8::Context> context = CurrentContext();
  size_t bytes = size * static_cast<size_t>(length);
  v8::Local<v8::ArrayBuffer> buffer;
  if (bytes == 0) {
    buffer = v8::ArrayBuffer::New(isolate, 0);
  } else {
    // The memory stays old code's (V8 3.x never freed it).
    std::shared_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
        data, bytes, [](void*, size_t, void*) {}, nullptr);
    buffer = v8::ArrayBuffer::New(isolate, std::move(store));
  }
  v8::Local<v8::TypedArray> elements =
      NewElements(buffer, type, static_cast<size_t>(length));
  v8::Local<v8::Private> key = HolderKey(isolate);
  v8::Local<v8::Value> existing;
  if (self->HasPrivate(context, key).FromMaybe(false) &&
      self->GetPrivate(context, key).ToLocal(&existing) &&
      existing->IsObject()) {
    // Already spliced in: only the elements change.
    if (!existing.As<v8::Object>()
             ->Set(context, Name(isolate, "elements"), elements)
             .FromMaybe(false))
      compat::Warn("%s: could not replace the object's elements", api);
    return;
  }
  v8::Local<v8::Object> holder = v8::Object::New(isolate);
  v8::Local<v8::Function> make_proxy;
  v8::Local<v8::Value> proto = compat::version::GetPrototype(self);
  if (!proto->IsObject()) proto = v8::Object::New(isolate);
  v8::Local<v8::Value> argv[] = {holder, proto};
  v8::Local<v8::Value> proxy;
  if (!holder->Set(context, Name(isolate, "elements"), elements)
           .FromMaybe(false) ||
      !holder->Set(context, Name(isolate, "owner"), self).FromMaybe(false) ||
      !Factory(isolate, context, &make_proxy) ||
      !make_proxy->Call(context, v8::Undefined(isolate), 2, argv)
           .ToLocal(&proxy) ||
      !compat::version::SetPrototype(context, self, proxy).FromMaybe(false) ||
      !self->SetPrivate(context, key, holder).FromMaybe(false)) {
    compat::Warn("%s: could not give the object external elements", api);
  }
}

}  // namespace

void legacy_v8::Object::SetIndexedPropertiesToExternalArrayData(
    void* data, ExternalArrayType array_type, int number_of_elements) {
  SetBacking(this, data, array_type, number_of_elements,
             "v8::Object::SetIndexedPropertiesToExternalArrayData");
}

bool legacy_v8::Object::HasIndexedPropertiesInExternalArrayData() {
  v8::Local<v8::Object> self;
  Backing backing;
  return SelfAs(this, "v8::Object::HasIndexedPropertiesInExternalArrayData",
                &self) &&
         BackingOf(self, &backing);
}

void* legacy_v8::Object::GetIndexedPropertiesExternalArrayData() {
  v8::Local<v8::Object> self;
  Backing backing;
  if (!SelfAs(this, "v8::Object::GetIndexedPropertiesExternalArrayData",
              &self) ||
      !BackingOf(self, &backing))
    return NULL;
  return backing.data;
}

legacy_v8::ExternalArrayType
legacy_v8::Object::GetIndexedPropertiesExternalArrayDataType() {
  v8::Local<v8::Object> self;
  Backing backing;
  // V8 3.x returned -1 (no valid enumerator) for an object without.
  if (!SelfAs(this, "v8::Object::GetIndexedPropertiesExternalArrayDataType",
              &self) ||
      !BackingOf(self, &backing))
    return static_cast<ExternalArrayType>(-1);
  return static_cast<ExternalArrayType>(backing.type);
}

int legacy_v8::Object::GetIndexedPropertiesExternalArrayDataLength() {
  v8::Local<v8::Object> self;
  Backing backing;
  // V8 3.x returned -1 for an object without.
  if (!SelfAs(this, "v8::Object::GetIndexedPropertiesExternalArrayDataLength",
              &self) ||
      !BackingOf(self, &backing))
    return -1;
  return backing.length;
}

void legacy_v8::Object::SetIndexedPropertiesToPixelData(uint8_t* data,
                                                        int length) {
  SetBacking(this, data, kExternalPixelArray, length,
             "v8::Object::SetIndexedPropertiesToPixelData");
}

bool legacy_v8::Object::HasIndexedPropertiesInPixelData() {
  v8::Local<v8::Object> self;
  Backing backing;
  return SelfAs(this, "v8::Object::HasIndexedPropertiesInPixelData", &self) &&
         BackingOf(self, &backing) && backing.type == kExternalPixelArray;
}

uint8_t* legacy_v8::Object::GetIndexedPropertiesPixelData() {
  v8::Local<v8::Object> self;
  Backing backing;
  if (!SelfAs(this, "v8::Object::GetIndexedPropertiesPixelData", &self) ||
      !BackingOf(self, &backing) || backing.type != kExternalPixelArray)
    return NULL;
  return static_cast<uint8_t*>(backing.data);
}

int legacy_v8::Object::GetIndexedPropertiesPixelDataLength() {
  v8::Local<v8::Object> self;
  Backing backing;
  if (!SelfAs(this, "v8::Object::GetIndexedPropertiesPixelDataLength", &self) ||
      !BackingOf(self, &backing) || backing.type != kExternalPixelArray)
    return -1;
  return backing.length;
}

namespace compat {
namespace detail {

// For node::Buffer: the bytes behind an object, if any.
bool ExternalBytes(v8::Local<v8::Object> object, char** data, size_t* length,
                   int* type) {
  Backing backing;
  if (!BackingOf(object, &backing)) return false;
  *data = static_cast<char*>(backing.data);
  *type = backing.type;
  *length = static_cast<size_t>(backing.length) * ElementSize(backing.type);
  return true;
}

}  // namespace detail
}  // namespace compat
