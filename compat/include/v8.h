// v8.h: the V8 3.x API that node-waf era addons include.  The declarations
// live in legacy/ (namespace legacy_v8); this header only names them v8, so
// `using namespace v8;` and `v8::Handle<v8::Value>` work and nothing can
// collide with the real V8 that Node links.
#ifndef COMPAT_V8_H_
#define COMPAT_V8_H_

#include "legacy/v8.h"

namespace v8 = legacy_v8;

#endif  // COMPAT_V8_H_
