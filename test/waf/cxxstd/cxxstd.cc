// cxxstd.cc: reports the C++ standard it was compiled as and whether ICU's
// C++ API was hidden; with CXXSTD_WITH_LIBXML, it includes libxml2's
// headers, which include ICU's.
#include <node.h>
#include <v8.h>

#if CXXSTD_WITH_LIBXML
#include <libxml/parser.h>
#endif

using namespace v8;

static Handle<Value> Info(const Arguments& args) {
  HandleScope scope;
  Local<Object> info = Object::New();
  info->Set(String::New("cplusplus"), Number::New(__cplusplus));
#ifdef U_SHOW_CPLUSPLUS_API
  info->Set(String::New("icuCxxApi"), Integer::New(U_SHOW_CPLUSPLUS_API));
#endif
  return scope.Close(info);
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "info", Info);
}
