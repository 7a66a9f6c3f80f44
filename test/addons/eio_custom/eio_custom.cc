// eio_custom.cc: a test addon in the node 0.4 API for work on the thread
// pool, written the way addons of the era were: a baton, then
// eio_custom(Work, EIO_PRI_DEFAULT, After, baton); ev_ref(EV_DEFAULT_UC);
// and an After that calls ev_unref, the JS callback in a TryCatch, and
// FatalException.  A bcrypt-like CPU job, what the int a 0.4 work function
// returns becomes, errno from the pool reported as node 0.4 reported it,
// liveness, cancellation (before and while the work runs) and 10,000
// requests in flight.  Built unchanged against node 0.8.28's headers and
// against node-waf-compat; test/differential/eio_custom.js compares them.
#include <errno.h>
#include <fcntl.h>
#include <node.h>
#include <node_version.h>
#include <pthread.h>
#include <string.h>
#include <unistd.h>
#include <v8.h>

#include <string>
#include <vector>

using namespace v8;
using namespace node;

// ---- a bcrypt-like job: 2^cost rounds of mixing password and salt ----

static unsigned long long Mix(unsigned long long h, const std::string& s) {
  for (size_t i = 0; i < s.size(); i++) {
    h ^= static_cast<unsigned char>(s[i]);
    h *= 1099511628211ULL;  // FNV-1a's prime
  }
  return h;
}

static std::string Digest(const std::string& password, const std::string& salt,
                          int cost) {
  unsigned long long h = 14695981039346656037ULL;
  unsigned long rounds = 1UL << cost;
  for (unsigned long r = 0; r < rounds; r++) {
    h = Mix(h, salt);
    h = Mix(h, password);
    h ^= h >> 29;
  }
  char out[17];
  static const char hex[] = "0123456789abcdef";
  for (int i = 0; i < 16; i++) out[i] = hex[(h >> (60 - 4 * i)) & 0xf];
  out[16] = '\0';
  return std::string(out);
}

struct HashBaton {
  Persistent<Function> callback;
  std::string password;
  std::string salt;
  int cost;
  std::string digest;
};

// The version gate of real addons: node 0.6 made the work function void.
// node-waf-compat reports node 0.4.12, so it compiles the int spelling;
// against node 0.8.28's headers the void one compiles.
#if NODE_VERSION_AT_LEAST(0, 5, 0)
static void HashWork(eio_req* req) {
#else
static int HashWork(eio_req* req) {
#endif
  HashBaton* baton = static_cast<HashBaton*>(req->data);
  baton->digest = Digest(baton->password, baton->salt, baton->cost);
#if !NODE_VERSION_AT_LEAST(0, 5, 0)
  return 0;
#endif
}

static int HashAfter(eio_req* req) {
  HandleScope scope;
  HashBaton* baton = static_cast<HashBaton*>(req->data);
  ev_unref(EV_DEFAULT_UC);
  Handle<Value> argv[2];
  argv[0] = Null();
  argv[1] = String::New(baton->digest.c_str());
  TryCatch try_catch;
  baton->callback->Call(Context::GetCurrent()->Global(), 2, argv);
  if (try_catch.HasCaught()) FatalException(try_catch);
  baton->callback.Dispose();
  delete baton;
  return 0;
}

// hash(password, salt, cost, callback)
static Handle<Value> Hash(const Arguments& args) {
  HandleScope scope;
  if (args.Length() < 4 || !args[3]->IsFunction())
    return ThrowException(
        Exception::TypeError(String::New("hash(password, salt, cost, cb)")));
  HashBaton* baton = new HashBaton();
  baton->password = *String::Utf8Value(args[0]);
  baton->salt = *String::Utf8Value(args[1]);
  baton->cost = args[2]->Int32Value();
  baton->callback = Persistent<Function>::New(Local<Function>::Cast(args[3]));
  eio_custom(HashWork, EIO_PRI_DEFAULT, HashAfter, baton);
  ev_ref(EV_DEFAULT_UC);
  return Undefined();
}

static Handle<Value> HashSync(const Arguments& args) {
  HandleScope scope;
  std::string digest =
      Digest(*String::Utf8Value(args[0]), *String::Utf8Value(args[1]),
             args[2]->Int32Value());
  return scope.Close(String::New(digest.c_str()));
}

// ---- what reaches the done callback: result, errorno ----

struct ProbeBaton {
  Persistent<Function> callback;
  int value;
  std::string path;
};

static void CallBack(ProbeBaton* baton, int argc, Handle<Value>* argv) {
  TryCatch try_catch;
  baton->callback->Call(Context::GetCurrent()->Global(), argc, argv);
  if (try_catch.HasCaught()) FatalException(try_catch);
  baton->callback.Dispose();
  delete baton;
}

static ProbeBaton* NewProbe(const Arguments& args, int callback_index) {
  ProbeBaton* baton = new ProbeBaton();
  baton->value = args[0]->Int32Value();
  baton->callback =
      Persistent<Function>::New(Local<Function>::Cast(args[callback_index]));
  return baton;
}

// node 0.4's spelling, on every version: returns the value it was given.
static int ReturnValue(eio_req* req) {
  return static_cast<ProbeBaton*>(req->data)->value;
}

// node 0.6's spelling, on every version: stores the value as the result.
static void StoreValue(eio_req* req) {
  req->result = static_cast<ProbeBaton*>(req->data)->value;
}

static int ResultAfter(eio_req* req) {
  HandleScope scope;
  ev_unref(EV_DEFAULT_UC);
  Handle<Value> argv[2];
  argv[0] = Integer::New(static_cast<int32_t>(req->result));
  argv[1] = Integer::New(req->type);
  CallBack(static_cast<ProbeBaton*>(req->data), 2, argv);
  return 0;
}

// returned(value, cb): cb(req->result, req->type) after an int work
// function returned value.
static Handle<Value> Returned(const Arguments& args) {
  eio_custom(ReturnValue, EIO_PRI_DEFAULT, ResultAfter, NewProbe(args, 1));
  ev_ref(EV_DEFAULT_UC);
  return Undefined();
}

// stored(value, cb): cb(req->result, req->type) after a void work function
// stored value in req->result.
static Handle<Value> Stored(const Arguments& args) {
  eio_custom(StoreValue, EIO_PRI_DEFAULT, ResultAfter, NewProbe(args, 1));
  ev_ref(EV_DEFAULT_UC);
  return Undefined();
}

static int OpenOnPool(eio_req* req) {
  ProbeBaton* baton = static_cast<ProbeBaton*>(req->data);
  req->result = open(baton->path.c_str(), O_RDONLY);
  if (req->result >= 0) close(static_cast<int>(req->result));
  return 0;
}

static int OpenAfter(eio_req* req) {
  HandleScope scope;
  ev_unref(EV_DEFAULT_UC);
  ProbeBaton* baton = static_cast<ProbeBaton*>(req->data);
  Handle<Value> argv[1];
  // node 0.4's fs binding reported an eio error this way.
  if (req->result == -1)
    argv[0] = ErrnoException(req->errorno, "open", "", baton->path.c_str());
  else
    argv[0] = Null();
  CallBack(baton, 1, argv);
  return 0;
}

// openOnPool(path, cb): cb(error or null) of an open(2) in the work.
static Handle<Value> OpenOnPoolJs(const Arguments& args) {
  HandleScope scope;
  ProbeBaton* baton = NewProbe(args, 1);
  baton->path = *String::Utf8Value(args[0]);
  eio_custom(OpenOnPool, EIO_PRI_DEFAULT, OpenAfter, baton);
  ev_ref(EV_DEFAULT_UC);
  return Undefined();
}

// ---- a gate that holds pool threads, and counts what happened ----

static pthread_mutex_t gate_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gate_changed = PTHREAD_COND_INITIALIZER;
static int gate_open = 0;
static int arrived = 0;
static int finished = 0;       // cooperative works that returned
static int blockers_done = 0;  // done callbacks of blockers
static int victim_work = 0;    // works of cancelled requests that ran
static int victim_done = 0;    // done callbacks of cancelled requests
static int saw_cancel = 0;     // cooperative works that saw EIO_CANCELLED
static int detached_done = 0;  // done callbacks of requests without ev_ref
static eio_req* victim = NULL;

static void Arrive() {
  pthread_mutex_lock(&gate_lock);
  arrived++;
  pthread_cond_broadcast(&gate_changed);
  pthread_mutex_unlock(&gate_lock);
}

static int Blocker(eio_req* req) {
  Arrive();
  pthread_mutex_lock(&gate_lock);
  while (!gate_open) pthread_cond_wait(&gate_changed, &gate_lock);
  pthread_mutex_unlock(&gate_lock);
  return 0;
}

static int BlockerAfter(eio_req* req) {
  ev_unref(EV_DEFAULT_UC);
  blockers_done++;
  return 0;
}

// block(n): n requests that hold a pool thread each until release().
static Handle<Value> Block(const Arguments& args) {
  int n = args[0]->Int32Value();
  for (int i = 0; i < n; i++) {
    eio_custom(Blocker, EIO_PRI_DEFAULT, BlockerAfter, NULL);
    ev_ref(EV_DEFAULT_UC);
  }
  return Undefined();
}

// waitArrived(n): blocks the main thread until n works have started.
static Handle<Value> WaitArrived(const Arguments& args) {
  int n = args[0]->Int32Value();
  pthread_mutex_lock(&gate_lock);
  while (arrived < n) pthread_cond_wait(&gate_changed, &gate_lock);
  pthread_mutex_unlock(&gate_lock);
  return Undefined();
}

static Handle<Value> Release(const Arguments& args) {
  pthread_mutex_lock(&gate_lock);
  gate_open = 1;
  pthread_cond_broadcast(&gate_changed);
  pthread_mutex_unlock(&gate_lock);
  return Undefined();
}

static int VictimWork(eio_req* req) {
  pthread_mutex_lock(&gate_lock);
  victim_work++;
  pthread_mutex_unlock(&gate_lock);
  return 0;
}

static int VictimAfter(eio_req* req) {
  ev_unref(EV_DEFAULT_UC);
  victim_done++;
  return 0;
}

// submitVictim(): a request queued behind the blockers.
static Handle<Value> SubmitVictim(const Arguments& args) {
  victim = eio_custom(VictimWork, EIO_PRI_DEFAULT, VictimAfter, NULL);
  ev_ref(EV_DEFAULT_UC);
  return Undefined();
}

// cancelVictim(): what code that cancels did: libeio never calls the done
// callback of a cancelled request, so the canceller ends its ev_ref.
static Handle<Value> CancelVictim(const Arguments& args) {
  HandleScope scope;
  eio_cancel(victim);
  bool cancelled = EIO_CANCELLED(victim);
  ev_unref(EV_DEFAULT_UC);
  return scope.Close(Boolean::New(cancelled));
}

static int Cooperative(eio_req* req) {
  Arrive();
  while (!EIO_CANCELLED(req)) usleep(1000);
  pthread_mutex_lock(&gate_lock);
  saw_cancel++;
  finished++;
  pthread_cond_broadcast(&gate_changed);
  pthread_mutex_unlock(&gate_lock);
  return 0;
}

// submitCooperative(): a request whose work runs until it is cancelled.
static Handle<Value> SubmitCooperative(const Arguments& args) {
  victim = eio_custom(Cooperative, EIO_PRI_DEFAULT, VictimAfter, NULL);
  ev_ref(EV_DEFAULT_UC);
  return Undefined();
}

// waitFinished(n): blocks until n cooperative works have returned.
static Handle<Value> WaitFinished(const Arguments& args) {
  int n = args[0]->Int32Value();
  pthread_mutex_lock(&gate_lock);
  while (finished < n) pthread_cond_wait(&gate_changed, &gate_lock);
  pthread_mutex_unlock(&gate_lock);
  return Undefined();
}

static int hold_open = 0;

static int Held(eio_req* req) {
  pthread_mutex_lock(&gate_lock);
  while (!hold_open) pthread_cond_wait(&gate_changed, &gate_lock);
  pthread_mutex_unlock(&gate_lock);
  return 0;
}

static int DetachedAfter(eio_req* req) {
  detached_done++;
  return 0;
}

// detached(): a request without ev_ref, held until releaseDetached().
static Handle<Value> Detached(const Arguments& args) {
  eio_custom(Held, EIO_PRI_DEFAULT, DetachedAfter, NULL);
  return Undefined();
}

static Handle<Value> ReleaseDetached(const Arguments& args) {
  pthread_mutex_lock(&gate_lock);
  hold_open = 1;
  pthread_cond_broadcast(&gate_changed);
  pthread_mutex_unlock(&gate_lock);
  return Undefined();
}

static Handle<Value> Stats(const Arguments& args) {
  HandleScope scope;
  pthread_mutex_lock(&gate_lock);
  Local<Object> out = Object::New();
  out->Set(String::New("blockersDone"), Integer::New(blockers_done));
  out->Set(String::New("victimWork"), Integer::New(victim_work));
  out->Set(String::New("victimDone"), Integer::New(victim_done));
  out->Set(String::New("sawCancel"), Integer::New(saw_cancel));
  out->Set(String::New("detachedDone"), Integer::New(detached_done));
  pthread_mutex_unlock(&gate_lock);
  return scope.Close(out);
}

// ---- many requests in flight ----

struct Many {
  Persistent<Function> callback;
  std::vector<int> works;
  std::vector<int> dones;
  int outstanding;
};

static Many* many = NULL;

static int ManyWork(eio_req* req) {
  long index = reinterpret_cast<long>(req->data);
  many->works[index]++;  // each index is touched by one work only
  req->result = Digest("x", "y", 4).size();
  return 0;
}

static int ManyAfter(eio_req* req) {
  HandleScope scope;
  ev_unref(EV_DEFAULT_UC);
  long index = reinterpret_cast<long>(req->data);
  many->dones[index]++;
  if (--many->outstanding > 0) return 0;
  // The callback may start another round: this one is forgotten first.
  Many* round = many;
  many = NULL;
  int exactly_once = 0;
  for (size_t i = 0; i < round->dones.size(); i++)
    if (round->works[i] == 1 && round->dones[i] == 1) exactly_once++;
  Handle<Value> argv[1];
  argv[0] = Integer::New(exactly_once);
  TryCatch try_catch;
  round->callback->Call(Context::GetCurrent()->Global(), 1, argv);
  if (try_catch.HasCaught()) FatalException(try_catch);
  round->callback.Dispose();
  delete round;
  return 0;
}

// many(n, cb): n requests in flight at once; cb(how many ran their work
// and their done callback exactly once).
static Handle<Value> ManyJs(const Arguments& args) {
  int n = args[0]->Int32Value();
  many = new Many();
  many->works.assign(n, 0);
  many->dones.assign(n, 0);
  many->outstanding = n;
  many->callback = Persistent<Function>::New(Local<Function>::Cast(args[1]));
  for (long i = 0; i < n; i++) {
    eio_custom(ManyWork, EIO_PRI_DEFAULT, ManyAfter,
               reinterpret_cast<void*>(i));
    ev_ref(EV_DEFAULT_UC);
  }
  return Undefined();
}

// ---- requests from another thread (libeio took them from any thread) ----

struct Threaded {
  Persistent<Function> callback;
  int count;
  int done;
  int on_main;
  pthread_t main;
};

static Threaded* threaded = NULL;

static int ThreadedWork(eio_req* req) { return 0; }

static int ThreadedAfter(eio_req* req) {
  HandleScope scope;
  ev_unref(EV_DEFAULT_UC);
  threaded->done++;
  if (pthread_equal(pthread_self(), threaded->main)) threaded->on_main++;
  if (threaded->done < threaded->count) return 0;
  Threaded* finished_run = threaded;
  threaded = NULL;
  Handle<Value> argv[2];
  argv[0] = Integer::New(finished_run->done);
  argv[1] = Integer::New(finished_run->on_main);
  TryCatch try_catch;
  finished_run->callback->Call(Context::GetCurrent()->Global(), 2, argv);
  if (try_catch.HasCaught()) FatalException(try_catch);
  finished_run->callback.Dispose();
  delete finished_run;
  return 0;
}

static void* Submitter(void* arg) {
  int count = *static_cast<int*>(arg);
  for (int i = 0; i < count; i++)
    eio_custom(ThreadedWork, EIO_PRI_DEFAULT, ThreadedAfter, NULL);
  return NULL;
}

// fromThread(n, cb): takes n ev_refs, then a thread of the addon submits n
// requests; cb(done callbacks, how many ran on the main thread).
static Handle<Value> FromThread(const Arguments& args) {
  static int count;
  count = args[0]->Int32Value();
  threaded = new Threaded();
  threaded->count = count;
  threaded->main = pthread_self();
  threaded->callback =
      Persistent<Function>::New(Local<Function>::Cast(args[1]));
  for (int i = 0; i < count; i++) ev_ref(EV_DEFAULT_UC);
  pthread_t thread;
  pthread_create(&thread, NULL, Submitter, &count);
  pthread_join(thread, NULL);
  return Undefined();
}

// ---- misuse ----

static eio_req* freed_request = NULL;

static int FinishedAfter(eio_req* req) {
  HandleScope scope;
  ev_unref(EV_DEFAULT_UC);
  freed_request = req;
  ProbeBaton* baton = static_cast<ProbeBaton*>(req->data);
  CallBack(baton, 0, NULL);
  return 0;
}

// cancelAfterDone(cb): cb runs in the done callback; then cancelFinished()
// cancels the request that was freed after it.
static Handle<Value> CancelAfterDone(const Arguments& args) {
  eio_custom(ReturnValue, EIO_PRI_DEFAULT, FinishedAfter, NewProbe(args, 0));
  ev_ref(EV_DEFAULT_UC);
  return Undefined();
}

static Handle<Value> CancelFinished(const Arguments& args) {
  eio_cancel(freed_request);
  return Undefined();
}

// nullDone(): a request without a done callback.
static Handle<Value> NullDone(const Arguments& args) {
  eio_custom(ThreadedWork, EIO_PRI_DEFAULT, NULL, NULL);
  return Undefined();
}

extern "C" void init(Handle<Object> target) {
  HandleScope scope;
  NODE_SET_METHOD(target, "hash", Hash);
  NODE_SET_METHOD(target, "hashSync", HashSync);
  NODE_SET_METHOD(target, "returned", Returned);
  NODE_SET_METHOD(target, "stored", Stored);
  NODE_SET_METHOD(target, "openOnPool", OpenOnPoolJs);
  NODE_SET_METHOD(target, "block", Block);
  NODE_SET_METHOD(target, "waitArrived", WaitArrived);
  NODE_SET_METHOD(target, "release", Release);
  NODE_SET_METHOD(target, "submitVictim", SubmitVictim);
  NODE_SET_METHOD(target, "cancelVictim", CancelVictim);
  NODE_SET_METHOD(target, "submitCooperative", SubmitCooperative);
  NODE_SET_METHOD(target, "waitFinished", WaitFinished);
  NODE_SET_METHOD(target, "detached", Detached);
  NODE_SET_METHOD(target, "releaseDetached", ReleaseDetached);
  NODE_SET_METHOD(target, "stats", Stats);
  NODE_SET_METHOD(target, "many", ManyJs);
  NODE_SET_METHOD(target, "fromThread", FromThread);
  NODE_SET_METHOD(target, "cancelAfterDone", CancelAfterDone);
  NODE_SET_METHOD(target, "cancelFinished", CancelFinished);
  NODE_SET_METHOD(target, "nullDone", NullDone);
}
