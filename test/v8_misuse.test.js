'use strict';
// Old code's misuse of the V8/node API is reported with a clear message on
// stderr and becomes a JS exception or an abort with that message, never
// silent corruption.
const t = require('tap');
const { runNode, lastJson } = require('./helpers/child');
const { GC_STRESS } = require('./helpers/differential');

const fixture = (name) => `test/fixtures/v8_misuse/${name}.js`;
const v8Major = Number(process.versions.v8.split('.')[0]);

function throws(t, name, message) {
  const run = runNode(fixture('throws'), [name]);
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), { name: 'TypeError', message });
  t.match(run.stderr, `node-waf-compat: ${message}`, 'reported on stderr');
}

t.test('Local<Function>::Cast of a non-function: reported, then Call throws',
  async (t) => {
    const run = runNode(fixture('throws'), ['castNonFunction']);
    t.match(run.stderr, 'v8::Function::Cast: the value is not of that type');
    throws(t, 'castNonFunction',
      'v8::Function::Call: the value is not a function');
  });

t.test('Cast of undefined or null (an optional callback) is silent until ' +
  'it is used as a function', async (t) => {
  for (const name of ['castUndefined', 'castNull']) {
    const run = runNode(fixture('throws'), [name]);
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout), { returned: 'no callback' }, name);
    t.equal(run.stderr, '', `${name}: nothing on stderr`);
  }
  const run = runNode(fixture('throws'), ['castUndefinedThenCall']);
  t.notMatch(run.stderr, 'Cast', 'the cast itself is not reported');
  throws(t, 'castUndefinedThenCall',
    'v8::Function::Call: the value is not a function');
});

t.test('a call through an empty handle throws a TypeError', async (t) => {
  throws(t, 'emptyHandle', 'v8::Object::Get: called on an empty handle');
});

t.test('HandleScope::Close twice throws a TypeError', async (t) => {
  throws(t, 'closeTwice',
    'v8::HandleScope::Close: the scope was already closed');
});

t.test('external array data on a Buffer is refused', async (t) => {
  throws(t, 'externalOnBuffer',
    'v8::Object::SetIndexedPropertiesToExternalArrayData: the object is a ' +
    'typed array or Buffer; its elements are its own bytes and cannot be ' +
    'moved');
});

t.test('a local used after its HandleScope closed is caught where V8 ' +
  'publishes the handle block bounds', async (t) => {
  if (v8Major < 12) {
    // V8 11 (Node 20) keeps the bounds private: the stale slot is read as
    // V8 3.x read it (by luck), and nothing is reported.
    const run = runNode(fixture('throws'), ['useAfterClose']);
    t.equal(run.code, 0, run.stderr);
    t.same(lastJson(run.stdout), { returned: 4 });
    return;
  }
  throws(t, 'useAfterClose',
    'v8::String::Length: the handle was used after its HandleScope closed ' +
    '(return it with scope.Close(value), or keep it in a Persistent)');
});

t.test('ObjectWrap::Unwrap of an object without internal field aborts ' +
  'with a message (node 0.x asserted)', async (t) => {
  const run = runNode(fixture('aborts'), ['unwrapPlain']);
  t.equal(run.signal, 'SIGABRT');
  t.notMatch(run.stdout, 'survived');
  t.match(run.stderr, 'node-waf-compat: fatal: node::ObjectWrap::Unwrap: ' +
    'the object has no internal field');
});

for (const name of ['scopeOnThread', 'lockerOnThread']) {
  t.test(`V8 from another thread aborts with a message (${name})`,
    async (t) => {
      const run = runNode(fixture('aborts'), [name]);
      t.equal(run.signal, 'SIGABRT');
      t.match(run.stderr, /node-waf-compat: fatal: v8::(HandleScope|Locker): called on a thread other than the main thread/);
    });
}

t.test('weak callbacks run after the object is gone: touching it reads ' +
  'an empty stand-in, reviving it is reported, and cells V8 reuses ' +
  'never reach old code', async (t) => {
  weakResults(t, runNode(fixture('weak'), [], { args: ['--expose-gc'] }));
});

t.test('the same weak callbacks under GC stress', async (t) => {
  weakResults(t, runNode(fixture('weak'), [],
    { args: ['--expose-gc', ...GC_STRESS] }));
});

t.test('a native wrapper cache asked for a wrapper collected by a ' +
  'collection whose callbacks have not run yet throws, never hands it out',
async (t) => {
  const run = runNode(fixture('stale_wrapper'), [],
    { args: ['--expose-gc'] });
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), {
    threw: 'TypeError: v8::HandleScope::Close: the object was garbage ' +
      'collected (this handle was made weak and its weak callback is ' +
      'running or about to run); modern V8 frees the object before the ' +
      'callback runs',
    statsBefore: [1, 0],  // the destructor had not run yet
    fresh: true,  // once it has, the cache makes a new wrapper
    statsAfter: [2, 1],
  });
  const raw = runNode(fixture('stale_wrapper'), ['raw'],
    { args: ['--expose-gc'] });
  t.equal(raw.code, 0, raw.stderr);
  t.match(lastJson(raw.stdout), {
    threw: 'TypeError: the return value of a native function: the object ' +
      'was garbage collected',
    statsBefore: [1, 0], fresh: true, statsAfter: [2, 1],
  }, 'returned without scope.Close: the same, from the trampoline');
});

function weakResults(t, run) {
  t.equal(run.code, 0, run.stderr);
  t.same(lastJson(run.stdout), {
    // touched once, read an empty stand-in, revival attempted once
    weak: [1, 1, 1],
    churn: [2000, 2000],  // every callback ran; every new persistent intact
    // Handles left undisposed by their callbacks, disposed later: still
    // near death, and disposing them leaves the newer persistents intact.
    later: [500, 500, 500],
  });
  t.match(run.stderr, 'v8::Persistent weak callback: it reads its ' +
    'object, which modern V8 collected before the callback could run; it ' +
    'gets an empty stand-in object instead');
  t.notMatch(run.stderr, 'v8::Value::ToObject');
  t.match(run.stderr, 'it tried to keep the object alive');
}
