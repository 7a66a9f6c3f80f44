// v8stdint.h: V8 3.x's portable fixed-width integer types; the C99
// <stdint.h> types on every platform Node supports now.
#ifndef COMPAT_V8STDINT_H_
#define COMPAT_V8STDINT_H_

#include <stddef.h>
#include <stdint.h>

#endif  // COMPAT_V8STDINT_H_
