// ev_io.cc: ev_io on uv_poll_t, one poll handle per fd (libuv allows no
// more) shared by every ev_io watcher of that fd (libev allows any number),
// and ev_once.
#include <fcntl.h>

#include <algorithm>
#include <cstddef>

#include "ev_internal.h"
#include "misuse.h"

namespace compat {
namespace ev {
namespace {

const int kIoEvents = EV_READ | EV_WRITE;  // == UV_READABLE | UV_WRITABLE

void OnPoll(uv_poll_t* handle, int status, int events);

// libev (ev.c, fd_event): every watcher of the fd that asked for one of the
// events gets them; the watcher started last is fed first, so the one
// started first runs first.
void FeedFd(Fd* fd, int revents) {
  for (std::size_t i = fd->watchers.size(); i-- > 0;) {
    Box* box = fd->watchers[i];
    int events = box->events & revents;
    if (events != 0) FeedBox(box, events);
  }
}

void SetMask(Fd* fd) {
  int mask = 0;
  for (Box* box : fd->watchers) mask |= box->events;
  if (fd->poll == nullptr) {
    fd->mask = mask;
    return;
  }
  bool active = uv_is_active(reinterpret_cast<uv_handle_t*>(fd->poll)) != 0;
  if (mask == fd->mask && active == (mask != 0)) return;
  fd->mask = mask;
  if (mask == 0)
    uv_poll_stop(fd->poll);
  else
    uv_poll_start(fd->poll, mask, OnPoll);
}

void MarkBad(struct ev_loop* loop, Fd* fd) {
  fd->bad = true;
  if (std::find(loop->bad_fds.begin(), loop->bad_fds.end(), fd->fd) ==
      loop->bad_fds.end())
    loop->bad_fds.push_back(fd->fd);
}

void OpenPoll(Fd* fd) {
  struct ev_loop* loop = fd->loop;
  uv_poll_t* poll = new uv_poll_t;
  int flags = fcntl(fd->fd, F_GETFL);
  int err = uv_poll_init(loop->uv, poll, fd->fd);
  // Divergence avoided: uv_poll_init switches the fd to non-blocking mode,
  // which libev never does and old code may not expect (a blocking read in
  // the callback would suddenly fail with EAGAIN).  libuv never reads or
  // writes a polled fd itself, so the flags are put back.
  if (flags != -1 && fcntl(fd->fd, F_GETFL) != flags)
    fcntl(fd->fd, F_SETFL, flags);
  if (err == 0) {
    poll->data = fd;
    uv_unref(reinterpret_cast<uv_handle_t*>(poll));
    fd->poll = poll;
    fd->mask = 0;
    return;
  }
  delete poll;
  if (err == UV_EPERM) {
    // libev (ev_epoll.c): epoll refuses regular files with EPERM, and libev
    // then treats the fd as always ready, as select and poll do.
    fd->always_ready = true;
    loop->always_ready.push_back(fd->fd);
  } else if (err == UV_EEXIST) {
    Warn(
        "ev_io_start: fd %d is already watched by a libuv handle of this "
        "loop (a socket or stream of Node's own?); libuv allows one poller per "
        "fd, "
        "so the watcher is stopped with EV_ERROR",
        fd->fd);
    MarkBad(loop, fd);
  } else {
    // libev (ev.c, fd_kill): an fd the backend rejects has its watchers
    // stopped and fed EV_ERROR | EV_READ | EV_WRITE (a libev built with
    // assertions, as Debian's, aborts instead).
    Warn(
        "ev_io_start: fd %d cannot be polled (%s); libev asserts, or stops "
        "the watcher with EV_ERROR, as node-waf-compat does",
        fd->fd, uv_strerror(err));
    MarkBad(loop, fd);
  }
}

void ClosePoll(Fd* fd) {
  if (fd->poll != nullptr) {
    CloseHandle(fd->loop, reinterpret_cast<uv_handle_t*>(fd->poll));
    fd->poll = nullptr;
  }
  fd->always_ready = false;
  fd->bad = false;
}

void OnPoll(uv_poll_t* handle, int status, int events) {
  Fd* fd = static_cast<Fd*>(handle->data);
  struct ev_loop* loop = fd->loop;
  int revents;
  if (status < 0) {
    // libuv reports EPOLLERR as an error and stops the handle; libev's epoll
    // backend reports it as EV_READ | EV_WRITE (the next read or write then
    // fails with the error) and keeps polling, level-triggered.
    revents = kIoEvents;
    if (fd->mask != 0) uv_poll_start(handle, fd->mask, OnPoll);
  } else {
    revents = events & kIoEvents;
  }
  ++loop->dispatch_depth;
  FeedFd(fd, revents);
  --loop->dispatch_depth;
  CollectGraveyard(loop);
}

// ev_io_set on an active watcher changes fd/events in user memory only.
void CheckIoUntouched(Box* box) {
  ev_io* w = reinterpret_cast<ev_io*>(box->w);
  if (w->fd == box->fd && (w->events & kIoEvents) == box->events &&
      !(w->events & EV__IOFDSET))
    return;
  Warn(
      "ev_io_set: the watcher is active; libev requires stopping it first. "
      "The change takes effect when it is restarted.");
}

struct Once {
  ev_io io;
  ev_timer timer;
  void (*cb)(int revents, void* arg);
  void* arg;
};

void OnceDone(struct ev_loop* loop, Once* once, int revents) {
  void (*cb)(int, void*) = once->cb;
  void* arg = once->arg;
  compat__ev_io_stop(loop, &once->io);
  compat__ev_timer_stop(loop, &once->timer);
  delete once;
  cb(revents, arg);
}

// libev (ev.c, ev_once): whichever fires first ends both, and an event of
// the other that is already pending is reported too.
void OnceIo(struct ev_loop* loop, ev_io* w, int revents) {
  Once* once =
      reinterpret_cast<Once*>(reinterpret_cast<char*>(w) - offsetof(Once, io));
  OnceDone(loop, once, revents | compat__ev_clear_pending(loop, &once->timer));
}

void OnceTimer(struct ev_loop* loop, ev_timer* w, int revents) {
  Once* once = reinterpret_cast<Once*>(reinterpret_cast<char*>(w) -
                                       offsetof(Once, timer));
  OnceDone(loop, once, revents | compat__ev_clear_pending(loop, &once->io));
}

}  // namespace

void KillBadFds(struct ev_loop* loop) {
  std::vector<int> bad;
  bad.swap(loop->bad_fds);
  for (int number : bad) {
    // libev (ev.c, fd_kill): the watcher started last goes first.
    for (;;) {
      auto it = loop->fds.find(number);
      if (it == loop->fds.end() || !it->second->bad ||
          it->second->watchers.empty())
        break;
      Box* box = it->second->watchers.back();
      ev_watcher* w = box->w;
      int mode = box->mode;
      ClearPending(loop, w);
      Deactivate(box, true);  // stays valid: the loop is dispatching
      Feed(loop, w, EV_ERROR | EV_READ | EV_WRITE, mode, box);
    }
  }
}

void FeedAlwaysReady(struct ev_loop* loop) {
  auto& list = loop->always_ready;
  for (std::size_t i = list.size(); i-- > 0;) {
    auto it = loop->fds.find(list[i]);
    if (it != loop->fds.end() && it->second->always_ready &&
        it->second->mask != 0) {
      FeedFd(it->second, it->second->mask);
    } else {
      list[i] = list.back();
      list.pop_back();
    }
  }
}

void DetachIo(Box* box) {
  struct ev_loop* loop = box->loop;
  auto it = loop->fds.find(box->fd);
  COMPAT_CHECK(it != loop->fds.end());
  Fd* fd = it->second;
  auto& list = fd->watchers;
  list.erase(std::find(list.begin(), list.end(), box));
  if (!list.empty()) {
    SetMask(fd);
    return;
  }
  ClosePoll(fd);
  loop->fds.erase(it);
  delete fd;
}

void ForgetFds(struct ev_loop* loop) {
  for (auto& entry : loop->fds) {
    ClosePoll(entry.second);
    delete entry.second;
  }
  loop->fds.clear();
  loop->always_ready.clear();
  loop->bad_fds.clear();
}

void VerifyIo(struct ev_loop* loop) {
  for (auto& entry : loop->fds) {
    Fd* fd = entry.second;
    COMPAT_CHECK(fd->fd == entry.first && fd->loop == loop);
    COMPAT_CHECK(!fd->watchers.empty());
    int mask = 0;
    for (Box* box : fd->watchers) {
      COMPAT_CHECK(box->kind == Kind::kIo && box->fd == fd->fd);
      mask |= box->events;
    }
    COMPAT_CHECK(mask == fd->mask);
  }
}

}  // namespace ev
}  // namespace compat

using compat::ev::Box;
using compat::ev::Fd;

extern "C" {

void compat__ev_io_start(struct ev_loop* loop, ev_io* w, int mode) {
  using namespace compat::ev;
  ev_watcher* base = reinterpret_cast<ev_watcher*>(w);
  if (Find(base) != nullptr) return;  // libev: a no-op when active
  if (!CheckLoop(loop, "ev_io_start")) return;
  if (w->fd < 0) {
    compat::Warn(
        "ev_io_start: negative fd %d (libev asserts); watcher not "
        "started",
        w->fd);
    return;
  }
  if (w->events & ~(EV__IOFDSET | kIoEvents))
    compat::Warn(
        "ev_io_start: illegal event mask 0x%x (libev asserts); only "
        "EV_READ and EV_WRITE are watched",
        w->events);
  // libev (ev.c, ev_io_start): ev_io_set marks the fd as possibly naming a
  // new file description, so the kernel registration is made afresh.
  bool fdset = (w->events & EV__IOFDSET) != 0;
  Box* box = Activate(loop, base, Kind::kIo, mode, "ev_io_start");
  if (box == nullptr) return;
  box->fd = w->fd;
  box->events = w->events & kIoEvents;
  w->events &= ~EV__IOFDSET;
  auto it = loop->fds.find(w->fd);
  Fd* fd;
  if (it == loop->fds.end()) {
    fd = new Fd();
    fd->loop = loop;
    fd->fd = w->fd;
    fd->poll = nullptr;
    fd->always_ready = false;
    fd->bad = false;
    fd->mask = 0;
    loop->fds[w->fd] = fd;
    OpenPoll(fd);
  } else {
    fd = it->second;
    if (fdset) {
      ClosePoll(fd);
      OpenPoll(fd);
    }
  }
  box->index = static_cast<int>(fd->watchers.size());
  fd->watchers.push_back(box);
  SetMask(fd);
  Changed(loop);
}

void compat__ev_io_stop(struct ev_loop* loop, ev_io* w) {
  using namespace compat::ev;
  Box* box = BeginStop(loop, reinterpret_cast<ev_watcher*>(w), "ev_io_stop");
  if (box == nullptr) return;
  CheckIoUntouched(box);
  struct ev_loop* owner = box->loop;
  Deactivate(box, true);
  Changed(owner);
}

void compat__ev_feed_fd_event(struct ev_loop* loop, int fd, int revents) {
  using namespace compat::ev;
  if (!CheckLoop(loop, "ev_feed_fd_event")) return;
  auto it = loop->fds.find(fd);
  if (it != loop->fds.end()) FeedFd(it->second, revents);
}

void compat__ev_once(struct ev_loop* loop, int fd, int events,
                     ev_tstamp timeout, void (*cb)(int revents, void* arg),
                     void* arg) {
  using namespace compat::ev;
  if (!CheckLoop(loop, "ev_once")) return;
  if (fd < 0 && !(timeout >= 0)) {
    // libev would allocate the watchers and never free them.
    compat::Warn(
        "ev_once: neither an fd nor a timeout; the callback would "
        "never run and is dropped");
    return;
  }
  Once* once = new Once();
  once->cb = cb;
  once->arg = arg;
  compat__ev_init(&once->io, "ev_once");
  once->io.cb = OnceIo;
  compat__ev_init(&once->timer, "ev_once");
  once->timer.cb = OnceTimer;
  if (fd >= 0) {
    once->io.fd = fd;
    once->io.events = events | EV__IOFDSET;
    compat__ev_io_start(loop, &once->io, kModeLoop);
  }
  if (timeout >= 0) {
    once->timer.at = timeout;
    once->timer.repeat = 0;
    compat__ev_timer_start(loop, &once->timer, kModeLoop);
  }
}

}  // extern "C"
