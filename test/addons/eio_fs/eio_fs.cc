// eio_fs.cc: a test addon in the node 0.4 API for libeio's file requests,
// shaped like node 0.4's own fs binding: each call submits an eio request
// with the JS callback as its data and takes an ev_ref; one After turns
// req->result, req->errorno and req->ptr2 into the callback's arguments
// (ErrnoException on -1) and ends the ev_ref.  Built unchanged against node
// 0.8.28's headers and against node-waf-compat; test/differential/eio_fs.js
// compares them.
#include <errno.h>
#include <fcntl.h>
#include <node.h>
#include <string.h>
#include <sys/stat.h>
#include <v8.h>

#include <string>

using namespace v8;
using namespace node;

// The callback and what the request must keep alive (a write's bytes).
struct Baton {
  Persistent<Function> callback;
  std::string bytes;
};

static const char* Syscall(int type) {
  switch (type) {
    case EIO_OPEN:
      return "open";
    case EIO_CLOSE:
      return "close";
    case EIO_READ:
      return "read";
    case EIO_WRITE:
      return "write";
    case EIO_FSYNC:
      return "fsync";
    case EIO_STAT:
      return "stat";
    case EIO_LSTAT:
      return "lstat";
    case EIO_FSTAT:
      return "fstat";
    case EIO_UNLINK:
      return "unlink";
    case EIO_RENAME:
      return "rename";
    case EIO_MKDIR:
      return "mkdir";
    case EIO_RMDIR:
      return "rmdir";
    case EIO_READDIR:
      return "readdir";
    case EIO_READLINK:
      return "readlink";
    case EIO_SYMLINK:
      return "symlink";
    case EIO_CHMOD:
      return "chmod";
    case EIO_FTRUNCATE:
      return "ftruncate";
    case EIO_SENDFILE:
      return "sendfile";
  }
  return "eio";
}

static Local<Object> StatObject(const struct stat* st) {
  Local<Object> out = Object::New();
  out->Set(String::New("size"), Number::New(static_cast<double>(st->st_size)));
  out->Set(String::New("mode"), Integer::New(st->st_mode & 07777));
  out->Set(String::New("file"), Boolean::New(S_ISREG(st->st_mode)));
  out->Set(String::New("dir"), Boolean::New(S_ISDIR(st->st_mode)));
  out->Set(String::New("link"), Boolean::New(S_ISLNK(st->st_mode)));
  out->Set(String::New("nlink"), Integer::New(st->st_nlink));
  return out;
}

static int After(eio_req* req) {
  HandleScope scope;
  ev_unref(EV_DEFAULT_UC);
  Baton* baton = static_cast<Baton*>(req->data);
  Handle<Value> argv[2];
  argv[0] = Null();
  argv[1] = Undefined();
  if (req->result == -1) {
    // node 0.4 (node_file.cc): the path, where the request has one.
    const char* path = NULL;
    if (req->type != EIO_READDIR && req->type != EIO_READ &&
        req->type != EIO_WRITE && req->type != EIO_CLOSE &&
        req->type != EIO_FSTAT && req->type != EIO_FSYNC &&
        req->type != EIO_FTRUNCATE && req->type != EIO_SENDFILE)
      path = static_cast<const char*>(req->ptr1);
    argv[0] = ErrnoException(req->errorno, Syscall(req->type), "", path);
  } else {
    switch (req->type) {
      case EIO_STAT:
      case EIO_LSTAT:
      case EIO_FSTAT:
        argv[1] = StatObject(static_cast<struct stat*>(req->ptr2));
        break;
      case EIO_READ:
        argv[1] = String::New(static_cast<const char*>(req->ptr2),
                              static_cast<int>(req->result));
        break;
      case EIO_READLINK:
        // libeio: result bytes, not NUL-terminated.
        argv[1] = String::New(static_cast<const char*>(req->ptr2),
                              static_cast<int>(req->result));
        break;
      case EIO_READDIR: {
        // libeio: result names, each NUL-terminated, one after another.
        const char* name = static_cast<const char*>(req->ptr2);
        int count = static_cast<int>(req->result);
        Local<Array> names = Array::New(count);
        for (int i = 0; i < count; i++) {
          names->Set(Integer::New(i), String::New(name));
          name += strlen(name) + 1;
        }
        argv[1] = names;
        break;
      }
      default:
        argv[1] = Number::New(static_cast<double>(req->result));
    }
  }
  TryCatch try_catch;
  baton->callback->Call(Context::GetCurrent()->Global(), 2, argv);
  if (try_catch.HasCaught()) FatalException(try_catch);
  baton->callback.Dispose();
  delete baton;
  return 0;
}

static Baton* NewBaton(const Arguments& args) {
  Baton* baton = new Baton();
  baton->callback =
      Persistent<Function>::New(Local<Function>::Cast(args[args.Length() - 1]));
  return baton;
}

#define ASYNC(call)        \
  do {                     \
    call;                  \
    ev_ref(EV_DEFAULT_UC); \
    return Undefined();    \
  } while (0)

#define PATH(i) (*String::Utf8Value(args[i]))
#define INT(i) (args[i]->Int32Value())

static Handle<Value> Open(const Arguments& args) {
  ASYNC(eio_open(PATH(0), INT(1), INT(2), EIO_PRI_DEFAULT, After,
                 NewBaton(args)));
}
static Handle<Value> Close(const Arguments& args) {
  ASYNC(eio_close(INT(0), EIO_PRI_DEFAULT, After, NewBaton(args)));
}
// write(fd, text, position, cb); position -1 writes at the file position.
static Handle<Value> Write(const Arguments& args) {
  Baton* baton = NewBaton(args);
  baton->bytes = *String::Utf8Value(args[1]);
  ASYNC(eio_write(INT(0), &baton->bytes[0], baton->bytes.size(), INT(2),
                  EIO_PRI_DEFAULT, After, baton));
}
// read(fd, length, position, cb): libeio allocates the buffer.
static Handle<Value> Read(const Arguments& args) {
  ASYNC(eio_read(INT(0), NULL, INT(1), INT(2), EIO_PRI_DEFAULT, After,
                 NewBaton(args)));
}
static Handle<Value> Fsync(const Arguments& args) {
  ASYNC(eio_fsync(INT(0), EIO_PRI_DEFAULT, After, NewBaton(args)));
}
static Handle<Value> Stat(const Arguments& args) {
  ASYNC(eio_stat(PATH(0), EIO_PRI_DEFAULT, After, NewBaton(args)));
}
static Handle<Value> Lstat(const Arguments& args) {
  ASYNC(eio_lstat(PATH(0), EIO_PRI_DEFAULT, After, NewBaton(args)));
}
static Handle<Value> Fstat(const Arguments& args) {
  ASYNC(eio_fstat(INT(0), EIO_PRI_DEFAULT, After, NewBaton(args)));
}
static Handle<Value> Unlink(const Arguments& args) {
  ASYNC(eio_unlink(PATH(0), EIO_PRI_DEFAULT, After, NewBaton(args)));
}
static Handle<Value> Rename(const Arguments& args) {
  ASYNC(eio_rename(PATH(0), PATH(1), EIO_PRI_DEFAULT, After, NewBaton(args)));
}
static Handle<Value> Mkdir(const Arguments& args) {
  ASYNC(eio_mkdir(PATH(0), INT(1), EIO_PRI_DEFAULT, After, NewBaton(args)));
}
static Handle<Value> Rmdir(const Arguments& args) {
  ASYNC(eio_rmdir(PATH(0), EIO_PRI_DEFAULT, After, NewBaton(args)));
}
static Handle<Value> Readdir(const Arguments& args) {
  ASYNC(eio_readdir(PATH(0), 0, EIO_PRI_DEFAULT, After, NewBaton(args)));
}
static Handle<Value> Readlink(const Arguments& args) {
  ASYNC(eio_readlink(PATH(0), EIO_PRI_DEFAULT, After, NewBaton(args)));
}
static Handle<Value> Symlink(const Arguments& args) {
  ASYNC(eio_symlink(PATH(0), PATH(1), EIO_PRI_DEFAULT, After, NewBaton(args)));
}
static Handle<Value> Chmod(const Arguments& args) {
  ASYNC(eio_chmod(PATH(0), INT(1), EIO_PRI_DEFAULT, After, NewBaton(args)));
}
static Handle<Value> Ftruncate(const Arguments& args) {
  ASYNC(eio_ftruncate(INT(0), INT(1), EIO_PRI_DEFAULT, After, NewBaton(args)));
}
// sendfile(outFd, inFd, inOffset, length, cb)
static Handle<Value> Sendfile(const Arguments& args) {
  ASYNC(eio_sendfile(INT(0), INT(1), INT(2), INT(3), EIO_PRI_DEFAULT, After,
                     NewBaton(args)));
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "open", Open);
  NODE_SET_METHOD(target, "close", Close);
  NODE_SET_METHOD(target, "write", Write);
  NODE_SET_METHOD(target, "read", Read);
  NODE_SET_METHOD(target, "fsync", Fsync);
  NODE_SET_METHOD(target, "stat", Stat);
  NODE_SET_METHOD(target, "lstat", Lstat);
  NODE_SET_METHOD(target, "fstat", Fstat);
  NODE_SET_METHOD(target, "unlink", Unlink);
  NODE_SET_METHOD(target, "rename", Rename);
  NODE_SET_METHOD(target, "mkdir", Mkdir);
  NODE_SET_METHOD(target, "rmdir", Rmdir);
  NODE_SET_METHOD(target, "readdir", Readdir);
  NODE_SET_METHOD(target, "readlink", Readlink);
  NODE_SET_METHOD(target, "symlink", Symlink);
  NODE_SET_METHOD(target, "chmod", Chmod);
  NODE_SET_METHOD(target, "ftruncate", Ftruncate);
  NODE_SET_METHOD(target, "sendfile", Sendfile);
  NODE_DEFINE_CONSTANT(target, O_RDONLY);
  NODE_DEFINE_CONSTANT(target, O_WRONLY);
  NODE_DEFINE_CONSTANT(target, O_RDWR);
  NODE_DEFINE_CONSTANT(target, O_CREAT);
  NODE_DEFINE_CONSTANT(target, O_TRUNC);
}
