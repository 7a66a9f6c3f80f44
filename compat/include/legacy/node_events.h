// legacy/node_events.h: node 0.4's C++ node::EventEmitter (removed in 0.5.2)
// on Node's JavaScript EventEmitter.
#ifndef COMPAT_LEGACY_NODE_EVENTS_H_
#define COMPAT_LEGACY_NODE_EVENTS_H_

#include "node_object_wrap.h"

namespace node {
namespace legacy {

// node 0.4: an ObjectWrap whose JS object is an EventEmitter.  Old code
// makes its class one with `t->Inherit(EventEmitter::constructor_template)`;
// instances then have on/once/emit/... from require('events').
class EventEmitter : public ObjectWrap {
 public:
  // A FunctionTemplate named EventEmitter whose instances inherit from
  // require('events').EventEmitter.prototype.  Set before the addon's init
  // runs.
  static legacy_v8::Persistent<legacy_v8::FunctionTemplate>
      constructor_template;
  // Makes ctemplate's instances EventEmitters (node 0.4 called this once,
  // itself, for the process object's template).
  static void Initialize(
      legacy_v8::Local<legacy_v8::FunctionTemplate> ctemplate);

  // node 0.4: calls the listeners of `event` found in handle_._events with
  // handle_ as this, without going through JS emit (so an 'error' without
  // listeners is not thrown).  False when there are none.  An exception
  // from a listener goes to node::FatalException and Emit returns false.
  bool Emit(legacy_v8::Handle<legacy_v8::String> event, int argc,
            legacy_v8::Handle<legacy_v8::Value> argv[]);

 protected:
  EventEmitter() : ObjectWrap() {}
};

}  // namespace legacy
}  // namespace node

#endif  // COMPAT_LEGACY_NODE_EVENTS_H_
