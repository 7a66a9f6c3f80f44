// v8-preparser.h: the V8 3.x preparser API (v8::PreParse), which node-waf-
// compat does not provide.  Old code that includes it fails to compile with a
// message that says what to use.
#ifndef COMPAT_V8_PREPARSER_H_
#define COMPAT_V8_PREPARSER_H_

#error "v8-preparser.h: the V8 3.x preparser API (v8::PreParse) is not \
supported by node-waf-compat; compile with v8::Script::Compile; V8 \
caches code itself"

#endif  // COMPAT_V8_PREPARSER_H_
