// node_fork.cc: fork() from an addon in the node 0.4 style of daemonising
// addons: the child tells libev it was forked and goes on running
// JavaScript (test/node_fork.test.js).
#include <node.h>
#include <v8.h>

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace v8;

// fork() -> the child's pid in the parent, 0 in the child
static Handle<Value> Fork(const Arguments& args) {
  HandleScope scope;
  pid_t pid = fork();
  if (pid < 0) return ThrowException(Exception::Error(String::New("fork")));
  if (pid == 0) ev_default_fork();
  return scope.Close(Integer::New(pid));
}

// reap(pid) -> the exit status of a child (blocks until it ends)
static Handle<Value> Reap(const Arguments& args) {
  HandleScope scope;
  int status = 0;
  if (waitpid(args[0]->Int32Value(), &status, 0) < 0) return Null();
  return scope.Close(Integer::New(WIFEXITED(status) ? WEXITSTATUS(status)
                                                    : 128 + WTERMSIG(status)));
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "fork", Fork);
  NODE_SET_METHOD(target, "reap", Reap);
}
