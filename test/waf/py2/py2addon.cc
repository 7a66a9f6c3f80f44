// py2addon.cc: a node 0.4 addon built by the Python 2 style wscript beside
// it; report() says how each of its parts was compiled.
#include <node.h>
#include <v8.h>

#include "helper.h"  // lib/, exported by the helper's export_incdirs

using namespace v8;

// From legacy_c.c, compiled as C++ (hence no extern "C").
int legacy_c_answer();
int legacy_c_is_cplusplus();

static Handle<Value> Report(const Arguments& args) {
  HandleScope scope;
  Local<Object> report = Object::New();
  report->Set(String::New("mode"), Integer::New(PY2_MODE));
  report->Set(String::New("legacyAnswer"), Integer::New(legacy_c_answer()));
  report->Set(String::New("legacyIsCxx"),
              Boolean::New(legacy_c_is_cplusplus() != 0));
  report->Set(String::New("helper"), Integer::New(helper_value()));
  report->Set(String::New("helperIsCxx"),
              Boolean::New(helper_is_cplusplus() != 0));
  return scope.Close(report);
}

static void Init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "report", Report);
}

NODE_MODULE(py2addon, Init)
