// node_errors.cc: node 0.x's error helpers (FatalException on Node's
// uncaught-exception path, ErrnoException, DisplayExceptionLine,
// signo_string).
#include <errno.h>
#include <node.h>
#include <signal.h>
#include <string.h>

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

struct Named {
  int value;
  const char* name;
};

const Named kErrnos[] = {
    {E2BIG, "E2BIG"},
    {EACCES, "EACCES"},
    {EADDRINUSE, "EADDRINUSE"},
    {EADDRNOTAVAIL, "EADDRNOTAVAIL"},
    {EAFNOSUPPORT, "EAFNOSUPPORT"},
    {EAGAIN, "EAGAIN"},
    {EALREADY, "EALREADY"},
    {EBADF, "EBADF"},
    {EBADMSG, "EBADMSG"},
    {EBUSY, "EBUSY"},
    {ECANCELED, "ECANCELED"},
    {ECHILD, "ECHILD"},
    {ECONNABORTED, "ECONNABORTED"},
    {ECONNREFUSED, "ECONNREFUSED"},
    {ECONNRESET, "ECONNRESET"},
    {EDEADLK, "EDEADLK"},
    {EDESTADDRREQ, "EDESTADDRREQ"},
    {EDOM, "EDOM"},
    {EDQUOT, "EDQUOT"},
    {EEXIST, "EEXIST"},
    {EFAULT, "EFAULT"},
    {EFBIG, "EFBIG"},
    {EHOSTUNREACH, "EHOSTUNREACH"},
    {EIDRM, "EIDRM"},
    {EILSEQ, "EILSEQ"},
    {EINPROGRESS, "EINPROGRESS"},
    {EINTR, "EINTR"},
    {EINVAL, "EINVAL"},
    {EIO, "EIO"},
    {EISCONN, "EISCONN"},
    {EISDIR, "EISDIR"},
    {ELOOP, "ELOOP"},
    {EMFILE, "EMFILE"},
    {EMLINK, "EMLINK"},
    {EMSGSIZE, "EMSGSIZE"},
    {EMULTIHOP, "EMULTIHOP"},
    {ENAMETOOLONG, "ENAMETOOLONG"},
    {ENETDOWN, "ENETDOWN"},
    {ENETRESET, "ENETRESET"},
    {ENETUNREACH, "ENETUNREACH"},
    {ENFILE, "ENFILE"},
    {ENOBUFS, "ENOBUFS"},
    {ENODATA, "ENODATA"},
    {ENODEV, "ENODEV"},
    {ENOENT, "ENOENT"},
    {ENOEXEC, "ENOEXEC"},
    {ENOLCK, "ENOLCK"},
    {ENOLINK, "ENOLINK"},
    {ENOMEM, "ENOMEM"},
    {ENOMSG, "ENOMSG"},
    {ENOPROTOOPT, "ENOPROTOOPT"},
    {ENOSPC, "ENOSPC"},
    {ENOSR, "ENOSR"},
    {ENOSTR, "ENOSTR"},
    {ENOSYS, "ENOSYS"},
    {ENOTCONN, "ENOTCONN"},
    {ENOTDIR, "ENOTDIR"},
    {ENOTEMPTY, "ENOTEMPTY"},
    {ENOTSOCK, "ENOTSOCK"},
    {ENOTSUP, "ENOTSUP"},
    {ENOTTY, "ENOTTY"},
    {ENXIO, "ENXIO"},
    {EOVERFLOW, "EOVERFLOW"},
    {EPERM, "EPERM"},
    {EPIPE, "EPIPE"},
    {EPROTO, "EPROTO"},
    {EPROTONOSUPPORT, "EPROTONOSUPPORT"},
    {EPROTOTYPE, "EPROTOTYPE"},
    {ERANGE, "ERANGE"},
    {EROFS, "EROFS"},
    {ESPIPE, "ESPIPE"},
    {ESRCH, "ESRCH"},
    {ESTALE, "ESTALE"},
    {ETIME, "ETIME"},
    {ETIMEDOUT, "ETIMEDOUT"},
    {ETXTBSY, "ETXTBSY"},
    {EXDEV, "EXDEV"},
};

const Named kSignals[] = {
    {SIGHUP, "SIGHUP"},       {SIGINT, "SIGINT"},   {SIGQUIT, "SIGQUIT"},
    {SIGILL, "SIGILL"},       {SIGTRAP, "SIGTRAP"}, {SIGABRT, "SIGABRT"},
    {SIGBUS, "SIGBUS"},       {SIGFPE, "SIGFPE"},   {SIGKILL, "SIGKILL"},
    {SIGUSR1, "SIGUSR1"},     {SIGSEGV, "SIGSEGV"}, {SIGUSR2, "SIGUSR2"},
    {SIGPIPE, "SIGPIPE"},     {SIGALRM, "SIGALRM"}, {SIGTERM, "SIGTERM"},
    {SIGCHLD, "SIGCHLD"},     {SIGCONT, "SIGCONT"}, {SIGSTOP, "SIGSTOP"},
    {SIGTSTP, "SIGTSTP"},     {SIGTTIN, "SIGTTIN"}, {SIGTTOU, "SIGTTOU"},
    {SIGURG, "SIGURG"},       {SIGXCPU, "SIGXCPU"}, {SIGXFSZ, "SIGXFSZ"},
    {SIGVTALRM, "SIGVTALRM"}, {SIGPROF, "SIGPROF"}, {SIGWINCH, "SIGWINCH"},
    {SIGIO, "SIGIO"},         {SIGSYS, "SIGSYS"},
};

template <std::size_t N>
const char* NameOf(const Named (&table)[N], int value) {
  for (std::size_t i = 0; i < N; i++)
    if (table[i].value == value) return table[i].name;
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
  std::string code = NameOf(kErrnos, errorno);
  // node 0.x: "<CODE>, <msg, or strerror(errno)>[ '<path>']".
  std::string message =
      code + ", " + (msg != NULL && msg[0] != '\0' ? msg : strerror(errorno));
  if (path != NULL) message += std::string(" '") + path + "'";
  v8::Local<v8::Object> error =
      v8::Exception::Error(Text(isolate, message)).As<v8::Object>();
  bool ok = error
                ->Set(context, Text(isolate, "errno"),
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
  return NameOf(kSignals, signo);
}
