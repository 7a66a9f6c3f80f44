// uv_work: thread-pool work in the node 0.6/0.8 idiom of the tutorials of
// 2012: a baton holding a uv_work_t, uv_queue_work on uv_default_loop()
// with the one-argument after-work callback, the JavaScript callback called
// from it with Function::Call or node::MakeCallback.  uv.h is not included:
// node.h brought it in.
#include <node.h>
#include <string.h>
#include <unistd.h>

using namespace v8;

namespace {

struct Baton {
  uv_work_t request;
  Persistent<Function> callback;
  Persistent<Object> receiver;  // MakeCallback's object, when used
  int input;
  int result;
  int order;
  bool make_callback;
};

int completed = 0;
int queued = 0;

void Work(uv_work_t* req) {
  Baton* baton = static_cast<Baton*>(req->data);
  // Later jobs sleep less, so completions are not in submission order.
  usleep(1000 * (baton->input % 5));
  baton->result = baton->input * baton->input;
}

void After(uv_work_t* req) {
  HandleScope scope;
  Baton* baton = static_cast<Baton*>(req->data);
  baton->order = ++completed;
  Handle<Value> argv[2] = {Integer::New(baton->input),
                           Integer::New(baton->result)};
  if (baton->make_callback) {
    node::MakeCallback(baton->receiver, "done", 2, argv);
    baton->receiver.Dispose();
  } else {
    TryCatch try_catch;
    baton->callback->Call(Context::GetCurrent()->Global(), 2, argv);
    if (try_catch.HasCaught()) node::FatalException(try_catch);
    baton->callback.Dispose();
  }
  delete baton;
}

// square(n, callback): callback(n, n * n) from the pool.
Handle<Value> Square(const Arguments& args) {
  HandleScope scope;
  if (!args[1]->IsFunction())
    return ThrowException(Exception::TypeError(String::New("callback")));
  Baton* baton = new Baton();
  baton->request.data = baton;
  baton->input = args[0]->Int32Value();
  baton->callback = Persistent<Function>::New(Local<Function>::Cast(args[1]));
  baton->make_callback = false;
  int status = uv_queue_work(uv_default_loop(), &baton->request, Work, After);
  queued++;
  return scope.Close(Integer::New(status));
}

// squareTo(n, object): object.done(n, n * n) through node::MakeCallback.
Handle<Value> SquareTo(const Arguments& args) {
  HandleScope scope;
  Baton* baton = new Baton();
  baton->request.data = baton;
  baton->input = args[0]->Int32Value();
  baton->receiver = Persistent<Object>::New(args[1]->ToObject());
  baton->make_callback = true;
  int status = uv_queue_work(uv_default_loop(), &baton->request, Work, After);
  queued++;
  return scope.Close(Integer::New(status));
}

Handle<Value> Stats(const Arguments& args) {
  HandleScope scope;
  Local<Object> stats = Object::New();
  stats->Set(String::NewSymbol("queued"), Integer::New(queued));
  stats->Set(String::NewSymbol("completed"), Integer::New(completed));
  return scope.Close(stats);
}

#ifdef NODE_WAF_COMPAT
// libuv 0.10's after-work callback, with status, reaches libuv unchanged.
int modern_status = -100;
uv_work_t modern_request;

void NoWork(uv_work_t*) {}

void AfterWithStatus(uv_work_t* req, int status) {
  modern_status = status;
  (void)req;
}

Handle<Value> QueueModern(const Arguments& args) {
  HandleScope scope;
  int status = uv_queue_work(uv_default_loop(), &modern_request, NoWork,
                             AfterWithStatus);
  return scope.Close(Integer::New(status));
}

Handle<Value> ModernStatus(const Arguments& args) {
  HandleScope scope;
  return scope.Close(Integer::New(modern_status));
}

// A null work callback: libuv 1.x refuses it, and the 2012 error channel
// says so (-1, then uv_last_error).
void Ignore(uv_work_t*) {}

Handle<Value> QueueNullWork(const Arguments& args) {
  HandleScope scope;
  static uv_work_t request;
  int status = uv_queue_work(uv_default_loop(), &request, NULL, Ignore);
  uv_err_t err = uv_last_error(uv_default_loop());
  Local<Array> result = Array::New(3);
  result->Set(0, Integer::New(status));
  result->Set(1, String::New(uv_err_name(err)));
  result->Set(2, String::New(uv_strerror(err)));
  return scope.Close(result);
}
#endif

}  // namespace

extern "C" void init(Handle<Object> target) {
  NODE_SET_METHOD(target, "square", Square);
  NODE_SET_METHOD(target, "squareTo", SquareTo);
  NODE_SET_METHOD(target, "stats", Stats);
#ifdef NODE_WAF_COMPAT
  NODE_SET_METHOD(target, "queueModern", QueueModern);
  NODE_SET_METHOD(target, "modernStatus", ModernStatus);
  NODE_SET_METHOD(target, "queueNullWork", QueueNullWork);
#endif
}
