// node_events.cc: node 0.4's C++ node::EventEmitter on Node's JavaScript
// EventEmitter: the constructor template's prototype inherits from
// require('events').EventEmitter.prototype, and Emit calls the listeners
// kept in _events as node 0.4 did.
#include "../include/legacy/node_events.h"

#include <vector>

#include "misuse.h"
#include "node_internal.h"

using compat::detail::CurrentContext;
using compat::detail::CurrentIsolate;
using compat::detail::Legacy;
using compat::detail::Real;

legacy_v8::Persistent<legacy_v8::FunctionTemplate>
    legacy_node::EventEmitter::constructor_template;

namespace compat {
namespace detail {

namespace {

v8::Local<v8::String> Name(v8::Isolate* isolate, const char* name) {
  return v8::String::NewFromUtf8(isolate, name,
                                 v8::NewStringType::kInternalized)
      .ToLocalChecked();
}

// require('events').EventEmitter.prototype through the addon's module.
bool EventEmitterPrototype(v8::Isolate* isolate, v8::Local<v8::Context> context,
                           v8::Local<v8::Value> module,
                           v8::Local<v8::Value>* out) {
  v8::Local<v8::Value> require, events, constructor;
  v8::Local<v8::Value> argv[] = {Name(isolate, "events")};
  return module->IsObject() &&
         module.As<v8::Object>()
             ->Get(context, Name(isolate, "require"))
             .ToLocal(&require) &&
         require->IsFunction() &&
         require.As<v8::Function>()
             ->Call(context, module, 1, argv)
             .ToLocal(&events) &&
         events->IsObject() &&
         events.As<v8::Object>()
             ->Get(context, Name(isolate, "EventEmitter"))
             .ToLocal(&constructor) &&
         constructor->IsObject() &&
         constructor.As<v8::Object>()
             ->Get(context, Name(isolate, "prototype"))
             .ToLocal(out) &&
         (*out)->IsObject();
}

}  // namespace

v8::Local<v8::String> EventsName(v8::Isolate* isolate) {
  return Name(isolate, "_events");
}

void InitEventEmitter(v8::Isolate* isolate, v8::Local<v8::Context> context,
                      v8::Local<v8::Value> module) {
  if (!legacy_node::EventEmitter::constructor_template.IsEmpty()) return;
  v8::HandleScope scope(isolate);
  v8::TryCatch try_catch(isolate);
  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate);
  tmpl->SetClassName(Name(isolate, "EventEmitter"));
  v8::Local<v8::Function> function;
  v8::Local<v8::Value> prototype, parent;
  // The template's prototype object is made once per context; every
  // template that Inherits from this one chains to it.
  if (!tmpl->GetFunction(context).ToLocal(&function) ||
      !function->Get(context, Name(isolate, "prototype")).ToLocal(&prototype) ||
      !prototype->IsObject() ||
      !EventEmitterPrototype(isolate, context, module, &parent) ||
      !compat::version::SetPrototype(context, prototype.As<v8::Object>(),
                                     parent)
           .FromMaybe(false)) {
    Warn(
        "node::EventEmitter: require('events') is not available; "
        "EventEmitter::constructor_template has no emitter methods");
  }
  legacy_node::EventEmitter::constructor_template =
      legacy_v8::Persistent<legacy_v8::FunctionTemplate>::New(
          Legacy<legacy_v8::FunctionTemplate>(tmpl));
}

}  // namespace detail
}  // namespace compat

void legacy_node::EventEmitter::Initialize(
    legacy_v8::Local<legacy_v8::FunctionTemplate> ctemplate) {
  if (ctemplate.IsEmpty() || constructor_template.IsEmpty()) return;
  ctemplate->Inherit(constructor_template);
}

bool legacy_node::EventEmitter::Emit(
    legacy_v8::Handle<legacy_v8::String> event, int argc,
    legacy_v8::Handle<legacy_v8::Value> argv[]) {
  v8::Isolate* isolate = CurrentIsolate();
  v8::HandleScope scope(isolate);
  if (handle_.IsEmpty() || event.IsEmpty()) {
    compat::detail::ThrowMisuse(
        "node::EventEmitter::Emit: the object is not wrapped yet, or the "
        "event is an empty handle");
    return false;
  }
  if (!compat::detail::UsableHandle(*handle_, "node::EventEmitter::Emit"))
    return false;
  for (int i = 0; i < argc; i++)
    if (!compat::detail::UsableHandle(*argv[i], "node::EventEmitter::Emit"))
      return false;
  v8::Local<v8::Context> context = CurrentContext();
  v8::Local<v8::Object> self = Real<v8::Object>(*handle_);
  compat::detail::RealArgs real_args(argc, argv);
  v8::Local<v8::Value>* args = real_args.get();
  v8::Local<v8::Value> events, listeners;
  // node 0.4: the listeners in this._events[event], called directly (not
  // through JS emit, so no special case for 'error'); false without any.
  if (!self->Get(context, compat::detail::EventsName(isolate))
           .ToLocal(&events) ||
      !events->IsObject() ||
      !events.As<v8::Object>()->Get(context, Real(*event)).ToLocal(&listeners))
    return false;
  v8::TryCatch try_catch(isolate);
  if (listeners->IsFunction()) {
    v8::Local<v8::Value> ignored;
    if (!listeners.As<v8::Function>()
             ->Call(context, self, argc, args)
             .ToLocal(&ignored)) {
      // The exception is handled below.
    }
  } else if (listeners->IsArray()) {
    // A copy: listeners may add or remove listeners while it runs.
    v8::Local<v8::Array> list = listeners.As<v8::Array>();
    uint32_t count = list->Length();
    std::vector<v8::Local<v8::Value> > copy;
    for (uint32_t i = 0; i < count; i++) {
      v8::Local<v8::Value> listener;
      if (!list->Get(context, i).ToLocal(&listener)) break;
      copy.push_back(listener);
    }
    for (v8::Local<v8::Value> listener : copy) {
      if (!listener->IsFunction()) continue;
      v8::Local<v8::Value> ignored;
      if (!listener.As<v8::Function>()
               ->Call(context, self, argc, args)
               .ToLocal(&ignored))
        break;
    }
  } else {
    return false;
  }
  if (try_catch.HasCaught()) {
    if (!try_catch.HasTerminated()) node::FatalException(isolate, try_catch);
    return false;
  }
  return true;
}
