// v8.h: the V8 3.x API that node-waf era addons include.  The declarations
// live in legacy/, in the inline namespace v8::legacy (legacy/namespaces.h),
// so `using namespace v8;`, `v8::Handle<v8::Value>` and old code's own
// `namespace v8 { ... }` work, and nothing can collide with the real V8
// that Node links.
#ifndef COMPAT_V8_H_
#define COMPAT_V8_H_

#include "legacy/v8.h"

#endif  // COMPAT_V8_H_
