// node_fork.cc: fork() from an addon in the node 0.4 style of daemonising
// addons: the child tells libev it was forked and goes on running
// JavaScript (test/node_fork.test.js).
#include <node.h>
#include <v8.h>

#include <signal.h>
#include <stdio.h>
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

// reap(pid, ms) -> the exit status of a child, waiting up to ms
// milliseconds; -1 when it had not ended (it is killed then).
static Handle<Value> Reap(const Arguments& args) {
  HandleScope scope;
  pid_t pid = args[0]->Int32Value();
  int status = 0;
  for (int waited = 0; waited < args[1]->Int32Value(); waited += 10) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done < 0) return Null();
    if (done == pid)
      return scope.Close(Integer::New(WIFEXITED(status)
                                          ? WEXITSTATUS(status)
                                          : 128 + WTERMSIG(status)));
    usleep(10000);
  }
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  return scope.Close(Integer::New(-1));
}

// detach(): stdin, stdout and stderr on /dev/null, as a daemon did.
static Handle<Value> Detach(const Arguments& args) {
  HandleScope scope;
  freopen("/dev/null", "r", stdin);
  freopen("/dev/null", "w", stdout);
  freopen("/dev/null", "w", stderr);
  return Undefined();
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "fork", Fork);
  NODE_SET_METHOD(target, "reap", Reap);
  NODE_SET_METHOD(target, "detach", Detach);
}
