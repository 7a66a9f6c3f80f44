// uv_errors.cc: libuv 0.x's error model (uv_err_t, uv_last_error,
// uv_strerror, uv_err_name) over libuv 1.x's negative error codes, and the
// host that runs the 2012 callbacks inside Node.
#include <mutex>
#include <unordered_map>

#include "misuse.h"
#include "uv_internal.h"

namespace compat {
namespace uv {
namespace {

struct Embedding {
  uv_loop_t* loop = nullptr;
  ev::Host* host = nullptr;
  struct ev_loop* ev_loop = nullptr;
};

// Set and cleared on the main thread; read on loop threads.
Embedding embedding;

std::mutex* ErrorsLock() {
  static std::mutex* lock = new std::mutex;
  return lock;
}

// libuv 0.x kept the last error in the loop; loops are libuv 1.x's now, so
// the layer keeps it beside them.  Loops are few and live long.
std::unordered_map<uv_loop_t*, int>* LastErrors() {
  static auto* errors = new std::unordered_map<uv_loop_t*, int>;
  return errors;
}

// libuv 0.8's texts (uv.h, UV_ERRNO_MAP), for the codes it had: uv_strerror
// of a uv_err_t says what node 0.8 said.  An empty text is libuv 0.8's too.
struct Text {
  int code;
  const char* name;
  const char* message;
};

const Text kTexts[] = {
    {UV_OK, "OK", "success"},
    {UV_EOF, "EOF", "end of file"},
    {UV_EADDRINFO, "EADDRINFO", "getaddrinfo error"},
    {UV_EACCES, "EACCES", "permission denied"},
    {UV_EAGAIN, "EAGAIN", "no more processes"},
    {UV_EADDRINUSE, "EADDRINUSE", "address already in use"},
    {UV_EADDRNOTAVAIL, "EADDRNOTAVAIL", ""},
    {UV_EAFNOSUPPORT, "EAFNOSUPPORT", ""},
    {UV_EALREADY, "EALREADY", ""},
    {UV_EBADF, "EBADF", "bad file descriptor"},
    {UV_EBUSY, "EBUSY", "resource busy or locked"},
    {UV_ECONNABORTED, "ECONNABORTED", "software caused connection abort"},
    {UV_ECONNREFUSED, "ECONNREFUSED", "connection refused"},
    {UV_ECONNRESET, "ECONNRESET", "connection reset by peer"},
    {UV_EDESTADDRREQ, "EDESTADDRREQ", "destination address required"},
    {UV_EFAULT, "EFAULT", "bad address in system call argument"},
    {UV_EHOSTUNREACH, "EHOSTUNREACH", "host is unreachable"},
    {UV_EINTR, "EINTR", "interrupted system call"},
    {UV_EINVAL, "EINVAL", "invalid argument"},
    {UV_EISCONN, "EISCONN", "socket is already connected"},
    {UV_EMFILE, "EMFILE", "too many open files"},
    {UV_EMSGSIZE, "EMSGSIZE", "message too long"},
    {UV_ENETDOWN, "ENETDOWN", "network is down"},
    {UV_ENETUNREACH, "ENETUNREACH", "network is unreachable"},
    {UV_ENFILE, "ENFILE", "file table overflow"},
    {UV_ENOBUFS, "ENOBUFS", "no buffer space available"},
    {UV_ENOMEM, "ENOMEM", "not enough memory"},
    {UV_ENOTDIR, "ENOTDIR", "not a directory"},
    {UV_EISDIR, "EISDIR", "illegal operation on a directory"},
    {UV_ENONET, "ENONET", "machine is not on the network"},
    {UV_ENOTCONN, "ENOTCONN", "socket is not connected"},
    {UV_ENOTSOCK, "ENOTSOCK", "socket operation on non-socket"},
    {UV_ENOTSUP, "ENOTSUP", "operation not supported on socket"},
    {UV_ENOENT, "ENOENT", "no such file or directory"},
    {UV_ENOSYS, "ENOSYS", "function not implemented"},
    {UV_EPIPE, "EPIPE", "broken pipe"},
    {UV_EPROTO, "EPROTO", "protocol error"},
    {UV_EPROTONOSUPPORT, "EPROTONOSUPPORT", "protocol not supported"},
    {UV_EPROTOTYPE, "EPROTOTYPE", "protocol wrong type for socket"},
    {UV_ETIMEDOUT, "ETIMEDOUT", "connection timed out"},
    {UV_ECHARSET, "ECHARSET", ""},
    {UV_EAIFAMNOSUPPORT, "EAIFAMNOSUPPORT", ""},
    {UV_EAISERVICE, "EAISERVICE", ""},
    {UV_EAISOCKTYPE, "EAISOCKTYPE", ""},
    {UV_ESHUTDOWN, "ESHUTDOWN", ""},
    {UV_EEXIST, "EEXIST", "file already exists"},
    {UV_ESRCH, "ESRCH", "no such process"},
    {UV_ENAMETOOLONG, "ENAMETOOLONG", "name too long"},
    {UV_EPERM, "EPERM", "operation not permitted"},
    {UV_ELOOP, "ELOOP", "too many symbolic links encountered"},
    {UV_EXDEV, "EXDEV", "cross-device link not permitted"},
    {UV_ENOTEMPTY, "ENOTEMPTY", "directory not empty"},
    {UV_ENOSPC, "ENOSPC", "no space left on device"},
    {UV_EIO, "EIO", "i/o error"},
    {UV_EROFS, "EROFS", "read-only file system"},
    {UV_ENODEV, "ENODEV", "no such device"},
    {UV_ESPIPE, "ESPIPE", "invalid seek"},
};

const Text* TextOf(int code) {
  for (const Text& text : kTexts)
    if (text.code == code) return &text;
  return nullptr;
}

// Whether libuv 1.x has a name of its own for code (its texts for those are
// static; for other codes it allocates one).
bool KnownToLibuv(int code) {
  if (code >= 0 || code == UV_UNKNOWN) return false;
  char name[64];
  uv_err_name_r(code, name, sizeof(name));
  return name[0] == 'E';
}

}  // namespace

void Attach(uv_loop_t* loop, ev::Host* host, struct ev_loop* ev_loop) {
  embedding.loop = loop;
  embedding.host = host;
  embedding.ev_loop = ev_loop;
  AttachCounts(loop);
}

void Detach() {
  ForgetWork();
  ForgetHandles();
  ForgetCounts();
  embedding = Embedding();
}

bool IsNodeLoop(uv_loop_t* loop) {
  return loop != nullptr && loop == embedding.loop && embedding.host;
}

struct ev_loop* NodeEvLoop() {
  return embedding.ev_loop;
}

void Run(uv_loop_t* loop, void** slot, const char* name, void (*fn)(void*),
         void* arg) {
  if (IsNodeLoop(loop)) {
    embedding.host->Run(ev::Task{fn, arg, slot, name});
  } else {
    fn(arg);
  }
}

void Capture(uv_loop_t* loop, void** slot, const char* name) {
  if (IsNodeLoop(loop)) embedding.host->Capture(slot, name);
}

void Forget(uv_loop_t* loop, void** slot) {
  if (*slot == nullptr) return;
  if (IsNodeLoop(loop)) embedding.host->Forget(slot);
  *slot = nullptr;
}

int Fail(uv_loop_t* loop, int status) {
  std::lock_guard<std::mutex> hold(*ErrorsLock());
  (*LastErrors())[loop] = status;
  return -1;
}

}  // namespace uv
}  // namespace compat

extern "C" {

int compat_uv_last_error_code(uv_loop_t* loop) {
  std::lock_guard<std::mutex> hold(*compat::uv::ErrorsLock());
  auto found = compat::uv::LastErrors()->find(loop);
  return found == compat::uv::LastErrors()->end() ? UV_OK : found->second;
}

const char* compat_uv_legacy_strerror(int code) {
  const compat::uv::Text* text = compat::uv::TextOf(code);
  if (text != nullptr) return text->message;
  // A code libuv 0.8 did not have: libuv 1.x's text; an unknown one is
  // libuv 0.8's "unknown error" (libuv 1.x would allocate a text for it).
  if (compat::uv::KnownToLibuv(code)) return uv_strerror(code);
  return "unknown error";
}

const char* compat_uv_legacy_err_name(int code) {
  const compat::uv::Text* text = compat::uv::TextOf(code);
  if (text != nullptr) return text->name;
  if (compat::uv::KnownToLibuv(code)) return uv_err_name(code);
  return "UNKNOWN";
}

}  // extern "C"
