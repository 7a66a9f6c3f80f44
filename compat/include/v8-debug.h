// v8-debug.h: the V8 3.x debugger API (v8::Debug), which node-waf-compat does
// not provide.  Old code that includes it fails to compile with a message that
// says what to use.
#ifndef COMPAT_V8_DEBUG_H_
#define COMPAT_V8_DEBUG_H_

#error "v8-debug.h: the V8 3.x debugger API (v8::Debug) is not supported by \
node-waf-compat; use the inspector protocol (node --inspect, \
require('inspector'))"

#endif  // COMPAT_V8_DEBUG_H_
