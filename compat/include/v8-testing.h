// v8-testing.h: the V8 3.x testing API (v8::Testing), which node-waf-compat
// does not provide.  Old code that includes it fails to compile with a message
// that says what to use.
#ifndef COMPAT_V8_TESTING_H_
#define COMPAT_V8_TESTING_H_

#error "v8-testing.h: the V8 3.x testing API (v8::Testing) is not supported by \
 node-waf-compat; nothing: it was for V8's own stress tests"

#endif  // COMPAT_V8_TESTING_H_
