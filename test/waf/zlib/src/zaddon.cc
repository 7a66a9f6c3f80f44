// zaddon.cc: a node 0.4 addon linked with zlib, found by pkg-config.
#include <zlib.h>

#include <node.h>
#include <v8.h>

using namespace v8;

static Handle<Value> Crc32(const Arguments& args) {
  HandleScope scope;
  String::Utf8Value text(args[0]);
  uLong crc = crc32(0L, Z_NULL, 0);
  crc = crc32(crc, reinterpret_cast<const Bytef*>(*text), text.length());
  return scope.Close(Number::New(crc));
}

static Handle<Value> Versions(const Arguments& args) {
  HandleScope scope;
  Local<Object> versions = Object::New();
  versions->Set(String::New("library"), String::New(zlibVersion()));
  versions->Set(String::New("pkgConfig"), String::New(PKG_ZLIB_VERSION));
  return scope.Close(versions);
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "crc32", Crc32);
  NODE_SET_METHOD(target, "versions", Versions);
}
