// legacy/v8_script.h: Script and ScriptOrigin of V8 3.x.
#ifndef COMPAT_LEGACY_V8_SCRIPT_H_
#define COMPAT_LEGACY_V8_SCRIPT_H_

#include "v8_objects.h"

namespace v8 {
namespace legacy {

class ScriptOrigin {
 public:
  ScriptOrigin(Handle<Value> resource_name,
               Handle<Integer> resource_line_offset = Handle<Integer>(),
               Handle<Integer> resource_column_offset = Handle<Integer>())
      : resource_name_(resource_name),
        resource_line_offset_(resource_line_offset),
        resource_column_offset_(resource_column_offset) {}
  Handle<Value> ResourceName() const { return resource_name_; }
  Handle<Integer> ResourceLineOffset() const { return resource_line_offset_; }
  Handle<Integer> ResourceColumnOffset() const {
    return resource_column_offset_;
  }

 private:
  Handle<Value> resource_name_;
  Handle<Integer> resource_line_offset_;
  Handle<Integer> resource_column_offset_;
};

class ScriptData {
 public:
  virtual ~ScriptData() {}
  static ScriptData* PreCompile(const char* input, int length)
      COMPAT_UNSUPPORTED(
          "v8::ScriptData::PreCompile is not supported: "
          "V8 caches compiled code itself; pass NULL");
  static ScriptData* PreCompile(Handle<String> source) COMPAT_UNSUPPORTED(
      "v8::ScriptData::PreCompile is not supported: V8 caches compiled code "
      "itself; pass NULL");
  static ScriptData* New(const char* data, int length) COMPAT_UNSUPPORTED(
      "v8::ScriptData::New is not supported: V8 caches compiled code "
      "itself; pass NULL");
};

// Compile and New return an empty handle when the source does not compile;
// the SyntaxError is then pending (catch it with a TryCatch).
class Script {
 public:
  // Divergence: V8 3.x bound a New()'d script to whatever context ran it;
  // modern V8 binds it when it is compiled.  Node has one context, so the
  // two agree unless old code runs the script in a context of its own.
  static Local<Script> New(Handle<String> source, ScriptOrigin* origin = NULL,
                           ScriptData* pre_data = NULL,
                           Handle<String> script_data = Handle<String>());
  static Local<Script> New(Handle<String> source, Handle<Value> file_name);
  static Local<Script> Compile(Handle<String> source,
                               ScriptOrigin* origin = NULL,
                               ScriptData* pre_data = NULL,
                               Handle<String> script_data = Handle<String>());
  static Local<Script> Compile(Handle<String> source, Handle<Value> file_name,
                               Handle<String> script_data = Handle<String>());
  // Empty when the script threw; the exception is then pending.
  Local<Value> Run();

  Local<Value> Id() COMPAT_UNSUPPORTED(
      "v8::Script::Id is not supported: script ids are integers now; keep "
      "the Script handle itself");
  void SetData(Handle<String> data) COMPAT_UNSUPPORTED(
      "v8::Script::SetData is not supported: script data is gone from V8; "
      "use the ScriptOrigin's resource name");
};

}  // namespace legacy
}  // namespace v8

#endif  // COMPAT_LEGACY_V8_SCRIPT_H_
