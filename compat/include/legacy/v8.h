// legacy/v8.h: the whole V8 3.x facade, in namespace legacy_v8.
#ifndef COMPAT_LEGACY_V8_H_
#define COMPAT_LEGACY_V8_H_

#include "v8_base.h"
#include "v8_context.h"
#include "v8_exceptions.h"
#include "v8_handles.h"
#include "v8_objects.h"
#include "v8_script.h"
#include "v8_strings.h"
#include "v8_templates.h"
#include "v8_values.h"

#endif  // COMPAT_LEGACY_V8_H_
