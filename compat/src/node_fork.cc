// node_fork.cc: fork() as an old addon calls it (daemonising addons: fork,
// the parent exits, the child goes on running JavaScript, as node 0.x let
// it).  Defined here, hidden, so that an addon's own fork() calls bind to
// it when the runtime is linked in; an addon that never calls fork() does
// not pull this file from the runtime archive.
//
// Modern V8 marks its heap and code space MADV_DONTFORK (a child that only
// execs need not copy them), so the child of a running Node has no V8 heap
// and dies at its first JavaScript.  Around the real fork, every mapping
// marked so is made copyable again (copy-on-write: cheap), and marked back
// in the parent.  The child still has only the thread that forked: Node's
// worker threads (V8's background tasks) and libuv's pool are gone, so
// ev_default_fork() there re-creates the loop's kernel state (libuv's pool
// restarts by itself on its next request); see the coverage note.
#include <dlfcn.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <utility>
#include <vector>

#include <node.h>
#include <uv.h>

#include "misuse.h"
#include "v8_internal.h"

namespace {

using Range = std::pair<void*, std::size_t>;

// The mappings of this process the kernel will not copy into a child
// ("dc" in /proc/self/smaps' VmFlags).
std::vector<Range> NotCopiedOnFork() {
  std::vector<Range> ranges;
  FILE* smaps = std::fopen("/proc/self/smaps", "r");
  if (smaps == nullptr) return ranges;
  char line[512];
  unsigned long start = 0, end = 0;
  while (std::fgets(line, sizeof line, smaps) != nullptr) {
    unsigned long a, b;
    if (std::strncmp(line, "VmFlags:", 8) == 0) {
      if (std::strstr(line + 8, " dc") != nullptr && end > start)
        ranges.emplace_back(reinterpret_cast<void*>(start), end - start);
      continue;
    }
    if (std::sscanf(line, "%lx-%lx ", &a, &b) == 2) {
      start = a;
      end = b;
    }
  }
  std::fclose(smaps);
  return ranges;
}

// process.exit() and the natural end of the child: straight to _exit.
// Node's teardown would join the worker threads of the parent, which the
// child does not have (a hang, or a crash).
void QuickExit(const v8::FunctionCallbackInfo<v8::Value>& info) {
  int code = info[0]->Int32Value(info.GetIsolate()->GetCurrentContext())
                 .FromMaybe(0);
  std::fflush(stdout);
  std::fflush(stderr);
  _exit(code);
}

const char kExitShim[] =
    "(function (process, quickExit) {\n"
    "  const emit = process.emit;\n"
    "  process.emit = function (event, ...args) {\n"
    "    const result = Reflect.apply(emit, this, [event, ...args]);\n"
    "    if (event === 'exit')\n"
    "      quickExit(process.exitCode === undefined ? args[0] :\n"
    "        process.exitCode);\n"
    "    return result;\n"
    "  };\n"
    "  process.reallyExit = (code) => quickExit(code);\n"
    "  return function (event) {\n"
    "    const code = process.exitCode === undefined ? 0 : process.exitCode;\n"
    "    process.emit(event, code);\n"
    "  };\n"
    "})";

// What the shim returns: emit(event) emits 'beforeExit' or 'exit' with the
// exit code, as Node does when its loop ends.
v8::Global<v8::Function>* emit_end = nullptr;
uv_prepare_t* end_watch = nullptr;

// Whether the loop has nothing left but end_watch: where Node's own loop
// would end and Node would then wait for its worker threads' tasks, which
// in the child never come (the threads are gone): a hang.
bool OnlyWatchLeft(uv_loop_t* loop) {
  return loop->active_handles <= 1 && loop->active_reqs.count == 0;
}

void EmitEnd(v8::Isolate* isolate, const char* event) {
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> context = compat::detail::MainContext();
  if (context.IsEmpty()) return;
  v8::Context::Scope context_scope(context);
  v8::Local<v8::Object> resource = v8::Object::New(isolate);
  // nextTicks and promise jobs of the listeners run when the scope closes;
  // an exception goes to 'uncaughtException', as with Node's own emit.
  node::CallbackScope callback_scope(isolate, resource, {0, 0});
  v8::Local<v8::Value> argv[] = {
      v8::String::NewFromUtf8(isolate, event).ToLocalChecked()};
  v8::MaybeLocal<v8::Value> result =
      emit_end->Get(isolate)->Call(context, v8::Undefined(isolate), 1, argv);
  (void)result;  // a throwing listener was reported by the scope
}

// The child's loop ends as Node's would, one step short of the wait: a
// prepare handle (ref'd, so that uv_run never returns to Node) sees the
// loop empty, emits 'beforeExit', and if that left nothing to do, 'exit',
// whose shim goes to _exit.
void WatchForEnd(uv_prepare_t* handle) {
  if (!OnlyWatchLeft(handle->loop)) return;
  v8::Isolate* isolate = compat::detail::CurrentIsolate();
  EmitEnd(isolate, "beforeExit");
  if (!OnlyWatchLeft(handle->loop)) return;
  EmitEnd(isolate, "exit");
  std::fflush(stdout);
  std::fflush(stderr);
  _exit(0);
}

// Installs the exit shim on process; its emit(event) function, or false.
bool InstallExitShim(v8::Isolate* isolate, v8::Local<v8::Context> context,
                     v8::Local<v8::Value>* emit) {
  v8::Local<v8::Value> process, shim;
  v8::Local<v8::Function> quick_exit;
  v8::Local<v8::Script> script;
  if (!context->Global()
           ->Get(context, v8::String::NewFromUtf8Literal(isolate, "process"))
           .ToLocal(&process) ||
      !v8::Function::New(context, QuickExit).ToLocal(&quick_exit) ||
      !v8::Script::Compile(context,
                           v8::String::NewFromUtf8Literal(isolate, kExitShim))
           .ToLocal(&script) ||
      !script->Run(context).ToLocal(&shim) || !shim->IsFunction())
    return false;
  v8::Local<v8::Value> argv[] = {process, quick_exit};
  return shim.As<v8::Function>()
             ->Call(context, v8::Undefined(isolate), 2, argv)
             .ToLocal(emit) &&
         (*emit)->IsFunction();
}

// In the child, on the thread that forked (the main one, in JavaScript).
void AfterForkInChild() {
  if (!compat::detail::OnMainThread()) return;
  v8::Isolate* isolate = compat::detail::CurrentIsolate();
  if (isolate == nullptr) return;
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> context = compat::detail::MainContext();
  if (context.IsEmpty()) return;
  v8::Context::Scope context_scope(context);
  v8::TryCatch try_catch(isolate);
  v8::Local<v8::Value> emit;
  if (!InstallExitShim(isolate, context, &emit)) {
    compat::Warn("fork: the child could not route its exit past Node's "
                 "teardown; it may hang or crash when it exits");
    return;
  }
  emit_end = new v8::Global<v8::Function>(isolate, emit.As<v8::Function>());
  end_watch = new uv_prepare_t;
  uv_prepare_init(uv_default_loop(), end_watch);
  uv_prepare_start(end_watch, WatchForEnd);
}

}  // namespace

// Hidden, so that the addon's calls bind here at link time instead of to
// libc's at load time.  The system headers declare fork() with default
// visibility, which a visibility attribute here cannot change; the
// assembler's directive can.
asm(".hidden fork");

extern "C" pid_t fork(void) {
  using RealFork = pid_t (*)(void);
  static RealFork real_fork =
      reinterpret_cast<RealFork>(dlsym(RTLD_NEXT, "fork"));
  if (real_fork == nullptr) compat::Fatal("fork: libc's fork not found");
  std::vector<Range> ranges = NotCopiedOnFork();
  for (const Range& range : ranges)
    madvise(range.first, range.second, MADV_DOFORK);
  pid_t pid = real_fork();
  if (pid != 0) {
    // The parent (or a failed fork): as V8 had it.
    for (const Range& range : ranges)
      madvise(range.first, range.second, MADV_DONTFORK);
  } else {
    AfterForkInChild();
  }
  return pid;
}
