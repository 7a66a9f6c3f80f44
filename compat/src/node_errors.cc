// node_errors.cc: node 0.x's error helpers (FatalException on Node's
// uncaught-exception path, ErrnoException, DisplayExceptionLine,
// signo_string).
#include <errno.h>
#include <signal.h>
#include <string.h>

#include <node.h>

#include <cstdio>
#include <string>

#include "misuse.h"
#include "v8_internal.h"

using compat::detail::CurrentContext;
using compat::detail::CurrentIsolate;
using compat::detail::Legacy;

void legacy_node::FatalException(legacy_v8::TryCatch& try_catch) {
  const v8::TryCatch& real =
      *compat::detail::FacadeAccess::Storage<v8::TryCatch>(&try_catch);
  if (real.HasTerminated()) return;  // the isolate is being torn down
  if (!real.HasCaught()) {
    compat::Warn("node::FatalException: the TryCatch has caught nothing");
    return;
  }
  node::FatalException(compat::detail::CurrentIsolate(), real);
}

void legacy_node::DisplayExceptionLine(legacy_v8::TryCatch& try_catch) {
  v8::Isolate* isolate = CurrentIsolate();
  v8::HandleScope scope(isolate);
  const v8::TryCatch& real =
      *compat::detail::FacadeAccess::Storage<v8::TryCatch>(&try_catch);
  v8::Local<v8::Message> message = real.Message();
  if (message.IsEmpty()) return;
  v8::Local<v8::Context> context = CurrentContext();
  v8::String::Utf8Value file(isolate, message->GetScriptResourceName());
  int line = message->GetLineNumber(context).FromMaybe(0);
  v8::Local<v8::String> source;
  if (!message->GetSourceLine(context).ToLocal(&source)) return;
  v8::String::Utf8Value text(isolate, source);
  // node 0.x: "file:line", the source line, and carets under the
  // expression that threw.
  std::fprintf(stderr, "%s:%d\n%s\n", *file != nullptr ? *file : "<unknown>",
               line, *text != nullptr ? *text : "");
  int start = message->GetStartColumn(context).FromMaybe(0);
  int end = message->GetEndColumn(context).FromMaybe(start + 1);
  std::string marker(start > 0 ? start : 0, ' ');
  marker.append(end > start ? end - start : 1, '^');
  std::fprintf(stderr, "%s\n", marker.c_str());
  std::fflush(stderr);
}

namespace {

const char* ErrnoName(int errorno) {
  switch (errorno) {
#define COMPAT_ERRNO(name) \
  case name:               \
    return #name;
    COMPAT_ERRNO(E2BIG) COMPAT_ERRNO(EACCES) COMPAT_ERRNO(EADDRINUSE)
    COMPAT_ERRNO(EADDRNOTAVAIL) COMPAT_ERRNO(EAFNOSUPPORT)
    COMPAT_ERRNO(EAGAIN) COMPAT_ERRNO(EALREADY) COMPAT_ERRNO(EBADF)
    COMPAT_ERRNO(EBADMSG) COMPAT_ERRNO(EBUSY) COMPAT_ERRNO(ECANCELED)
    COMPAT_ERRNO(ECHILD) COMPAT_ERRNO(ECONNABORTED)
    COMPAT_ERRNO(ECONNREFUSED) COMPAT_ERRNO(ECONNRESET)
    COMPAT_ERRNO(EDEADLK) COMPAT_ERRNO(EDESTADDRREQ) COMPAT_ERRNO(EDOM)
    COMPAT_ERRNO(EDQUOT) COMPAT_ERRNO(EEXIST) COMPAT_ERRNO(EFAULT)
    COMPAT_ERRNO(EFBIG) COMPAT_ERRNO(EHOSTUNREACH) COMPAT_ERRNO(EIDRM)
    COMPAT_ERRNO(EILSEQ) COMPAT_ERRNO(EINPROGRESS) COMPAT_ERRNO(EINTR)
    COMPAT_ERRNO(EINVAL) COMPAT_ERRNO(EIO) COMPAT_ERRNO(EISCONN)
    COMPAT_ERRNO(EISDIR) COMPAT_ERRNO(ELOOP) COMPAT_ERRNO(EMFILE)
    COMPAT_ERRNO(EMLINK) COMPAT_ERRNO(EMSGSIZE) COMPAT_ERRNO(EMULTIHOP)
    COMPAT_ERRNO(ENAMETOOLONG) COMPAT_ERRNO(ENETDOWN)
    COMPAT_ERRNO(ENETRESET) COMPAT_ERRNO(ENETUNREACH) COMPAT_ERRNO(ENFILE)
    COMPAT_ERRNO(ENOBUFS) COMPAT_ERRNO(ENODATA) COMPAT_ERRNO(ENODEV)
    COMPAT_ERRNO(ENOENT) COMPAT_ERRNO(ENOEXEC) COMPAT_ERRNO(ENOLCK)
    COMPAT_ERRNO(ENOLINK) COMPAT_ERRNO(ENOMEM) COMPAT_ERRNO(ENOMSG)
    COMPAT_ERRNO(ENOPROTOOPT) COMPAT_ERRNO(ENOSPC) COMPAT_ERRNO(ENOSR)
    COMPAT_ERRNO(ENOSTR) COMPAT_ERRNO(ENOSYS) COMPAT_ERRNO(ENOTCONN)
    COMPAT_ERRNO(ENOTDIR) COMPAT_ERRNO(ENOTEMPTY) COMPAT_ERRNO(ENOTSOCK)
    COMPAT_ERRNO(ENOTSUP) COMPAT_ERRNO(ENOTTY) COMPAT_ERRNO(ENXIO)
    COMPAT_ERRNO(EOVERFLOW) COMPAT_ERRNO(EPERM) COMPAT_ERRNO(EPIPE)
    COMPAT_ERRNO(EPROTO) COMPAT_ERRNO(EPROTONOSUPPORT)
    COMPAT_ERRNO(EPROTOTYPE) COMPAT_ERRNO(ERANGE) COMPAT_ERRNO(EROFS)
    COMPAT_ERRNO(ESPIPE) COMPAT_ERRNO(ESRCH) COMPAT_ERRNO(ESTALE)
    COMPAT_ERRNO(ETIME) COMPAT_ERRNO(ETIMEDOUT) COMPAT_ERRNO(ETXTBSY)
    COMPAT_ERRNO(EXDEV)
#undef COMPAT_ERRNO
  }
  return "";
}

v8::Local<v8::String> Text(v8::Isolate* isolate, const std::string& text) {
  return v8::String::NewFromUtf8(isolate, text.data(),
                                 v8::NewStringType::kNormal,
                                 static_cast<int>(text.size()))
      .ToLocalChecked();
}

}  // namespace

legacy_v8::Local<legacy_v8::Value> legacy_node::ErrnoException(
    int errorno, const char* syscall, const char* msg, const char* path) {
  v8::Isolate* isolate = CurrentIsolate();
  v8::EscapableHandleScope scope(isolate);
  v8::Local<v8::Context> context = CurrentContext();
  std::string code = ErrnoName(errorno);
  // node 0.x: "<CODE>, <msg, or strerror(errno)>[ '<path>']".
  std::string message = code + ", " +
                        (msg != NULL && msg[0] != '\0' ? msg
                                                       : strerror(errorno));
  if (path != NULL) message += std::string(" '") + path + "'";
  v8::Local<v8::Object> error =
      v8::Exception::Error(Text(isolate, message)).As<v8::Object>();
  bool ok = error->Set(context, Text(isolate, "errno"),
                       v8::Integer::New(isolate, errorno))
                .FromMaybe(false) &&
            error->Set(context, Text(isolate, "code"), Text(isolate, code))
                .FromMaybe(false);
  if (ok && path != NULL)
    ok = error->Set(context, Text(isolate, "path"), Text(isolate, path))
             .FromMaybe(false);
  if (ok && syscall != NULL)
    ok = error->Set(context, Text(isolate, "syscall"), Text(isolate, syscall))
             .FromMaybe(false);
  if (!ok) return legacy_v8::Local<legacy_v8::Value>();
  return Legacy<legacy_v8::Value>(scope.Escape(error));
}

const char* legacy_node::signo_string(int signo) {
  switch (signo) {
#define COMPAT_SIGNAL(name) \
  case name:                \
    return #name;
    COMPAT_SIGNAL(SIGHUP) COMPAT_SIGNAL(SIGINT) COMPAT_SIGNAL(SIGQUIT)
    COMPAT_SIGNAL(SIGILL) COMPAT_SIGNAL(SIGTRAP) COMPAT_SIGNAL(SIGABRT)
    COMPAT_SIGNAL(SIGBUS) COMPAT_SIGNAL(SIGFPE) COMPAT_SIGNAL(SIGKILL)
    COMPAT_SIGNAL(SIGUSR1) COMPAT_SIGNAL(SIGSEGV) COMPAT_SIGNAL(SIGUSR2)
    COMPAT_SIGNAL(SIGPIPE) COMPAT_SIGNAL(SIGALRM) COMPAT_SIGNAL(SIGTERM)
    COMPAT_SIGNAL(SIGCHLD) COMPAT_SIGNAL(SIGCONT) COMPAT_SIGNAL(SIGSTOP)
    COMPAT_SIGNAL(SIGTSTP) COMPAT_SIGNAL(SIGTTIN) COMPAT_SIGNAL(SIGTTOU)
    COMPAT_SIGNAL(SIGURG) COMPAT_SIGNAL(SIGXCPU) COMPAT_SIGNAL(SIGXFSZ)
    COMPAT_SIGNAL(SIGVTALRM) COMPAT_SIGNAL(SIGPROF) COMPAT_SIGNAL(SIGWINCH)
    COMPAT_SIGNAL(SIGIO) COMPAT_SIGNAL(SIGSYS)
#undef COMPAT_SIGNAL
  }
  return "";
}
