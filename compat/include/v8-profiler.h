// v8-profiler.h: the V8 3.x profiler API (v8::CpuProfiler, v8::HeapProfiler),
// which node-waf-compat does not provide.  Old code that includes it fails to
// compile with a message that says what to use.
#ifndef COMPAT_V8_PROFILER_H_
#define COMPAT_V8_PROFILER_H_

#error "v8-profiler.h: the V8 3.x profiler API (v8::CpuProfiler, \
v8::HeapProfiler) is not supported by node-waf-compat; use the \
inspector (node --cpu-prof, --heap-prof, require('inspector'))"

#endif  // COMPAT_V8_PROFILER_H_
