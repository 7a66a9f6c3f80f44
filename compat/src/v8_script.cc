// v8_script.cc: V8 3.x Script (Compile, New, Run) on v8::Script in the
// current context.
#include "misuse.h"
#include "v8_internal.h"
#include "v8_version.h"

using compat::detail::CurrentContext;
using compat::detail::CurrentIsolate;
using compat::detail::Legacy;
using compat::detail::Real;

namespace {

legacy_v8::Local<legacy_v8::Script> CompileIn(
    legacy_v8::Handle<legacy_v8::String> source,
    legacy_v8::Handle<legacy_v8::Value> name,
    legacy_v8::Handle<legacy_v8::Integer> line,
    legacy_v8::Handle<legacy_v8::Integer> column, const char* api) {
  v8::Local<v8::String> text;
  if (source.IsEmpty() || !compat::detail::SelfAs(*source, api, &text))
    return legacy_v8::Local<legacy_v8::Script>();
  v8::Isolate* isolate = CurrentIsolate();
  v8::Local<v8::Value> resource =
      name.IsEmpty() ? v8::Local<v8::Value>(v8::Undefined(isolate))
                     : Real(*name);
  int line_offset = line.IsEmpty() ? 0 : line->Int32Value();
  int column_offset = column.IsEmpty() ? 0 : column->Int32Value();
  v8::ScriptOrigin origin =
      compat::version::Origin(isolate, resource, line_offset, column_offset);
  return Legacy<legacy_v8::Script>(
      v8::Script::Compile(CurrentContext(), text, &origin));
}

}  // namespace

legacy_v8::Local<legacy_v8::Script> legacy_v8::Script::New(
    Handle<String> source, ScriptOrigin* origin, ScriptData* pre_data,
    Handle<String> script_data) {
  return Compile(source, origin, pre_data, script_data);
}

legacy_v8::Local<legacy_v8::Script> legacy_v8::Script::New(
    Handle<String> source, Handle<Value> file_name) {
  return Compile(source, file_name);
}

legacy_v8::Local<legacy_v8::Script> legacy_v8::Script::Compile(
    Handle<String> source, ScriptOrigin* origin, ScriptData* pre_data,
    Handle<String> script_data) {
  // Pre-parse data and script data are gone from V8; both were hints.
  (void)pre_data;
  (void)script_data;
  if (origin == NULL)
    return CompileIn(source, Handle<Value>(), Handle<Integer>(),
                     Handle<Integer>(), "v8::Script::Compile");
  return CompileIn(source, origin->ResourceName(), origin->ResourceLineOffset(),
                   origin->ResourceColumnOffset(), "v8::Script::Compile");
}

legacy_v8::Local<legacy_v8::Script> legacy_v8::Script::Compile(
    Handle<String> source, Handle<Value> file_name,
    Handle<String> script_data) {
  (void)script_data;
  return CompileIn(source, file_name, Handle<Integer>(), Handle<Integer>(),
                   "v8::Script::Compile");
}

legacy_v8::Local<legacy_v8::Value> legacy_v8::Script::Run() {
  COMPAT_SELF_OR(Local<Value>(), "v8::Script::Run");
  return Legacy<Value>(Real<v8::Script>(this)->Run(CurrentContext()));
}
