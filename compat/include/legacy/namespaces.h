// legacy/namespaces.h: where the facade lives.  Old code's v8 and node are
// real namespaces, so that it can reopen them (`namespace node { class
// Foo ... }`, a specialisation in `namespace v8`), and the facade's names
// are members of an inline namespace `legacy` in each: old code sees
// v8::Handle and node::ObjectWrap, while the linker sees v8::legacy::Handle
// and node::legacy::ObjectWrap, which can never collide with the real V8
// and Node in the same process.
//
// The runtime (compat/src) sees both the real headers and the facade, so it
// is compiled with COMPAT_LEGACY_RUNTIME, where `legacy` is an ordinary
// namespace (inline or not, the mangled names are the same).  Everyone
// spells the facade legacy_v8:: and legacy_node:: there, through the aliases
// below.  C++98 has no inline namespaces, but GCC and clang accept them as
// an extension; the warning -pedantic would give is silenced here only.
#ifndef COMPAT_LEGACY_NAMESPACES_H_
#define COMPAT_LEGACY_NAMESPACES_H_

#ifdef COMPAT_LEGACY_RUNTIME
namespace v8 {
namespace legacy {}
}  // namespace v8
namespace node {
namespace legacy {}
}  // namespace node
#else
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpragmas"
#pragma GCC diagnostic ignored "-Wc++11-extensions"
namespace v8 {
inline namespace legacy {}
}  // namespace v8
namespace node {
inline namespace legacy {}
}  // namespace node
#pragma GCC diagnostic pop
#endif

namespace legacy_v8 = ::v8::legacy;
namespace legacy_node = ::node::legacy;

#endif  // COMPAT_LEGACY_NAMESPACES_H_
