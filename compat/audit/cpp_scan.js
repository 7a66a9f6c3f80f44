'use strict';
// cpp_scan.js: the legacy API uses in one C/C++ file, found on tokens (no
// comments, no string contents), with C++ name lookup as the old compiler
// did it: `using namespace v8;`, `using v8::Handle;`, `namespace node {`
// and explicit `v8::`/`node::` qualification decide whether `Handle<Value>`
// or `Buffer::New` is V8's or node's, declared variables give member calls
// their class (`const Arguments& args; args.This()`), and each use carries
// whether the SDK compiles it (the #if branch the facade's node 0.4.12
// takes).
const { tokenize } = require('./c_lexer');
const preprocessor = require('./preprocessor');

const HANDLES = new Set(['Handle', 'Local', 'Persistent']);
const NAMESPACES = new Set(['v8', 'node']);
// Names of node::ObjectWrap's members, as a subclass calls them.
const WRAP_MEMBERS = new Set(['Wrap', 'Unwrap', 'Ref', 'Unref', 'MakeWeak',
  'handle_', 'refs_']);
// Members called with "." that many classes have: on a receiver of unknown
// type they are not taken for V8's.
const GENERIC = new Set(['Clear', 'Close', 'Data', 'This', 'Holder',
  'Length', 'Reset', 'Value', 'Get', 'Set', 'New', 'Cast', 'As', 'Callee',
  'Message', 'Exception']);
// Static members of a V8 class that return that class.
const FACTORIES = new Set(['New', 'Cast', 'GetCurrent', 'GetEntered',
  'GetCalling']);

function scanCpp(text, names, { cplusplus = true } = {}) {
  const tokens = tokenize(text);
  const pp = preprocessor.forFile(cplusplus);
  const uses = [];
  const seen = new Set();
  // Block scopes of the compiled code: { usings: Set, decls: Map }.
  const scopes = [{ usings: new Set(), decls: new Map() }];
  const vars = new Map();
  const wrapClasses = new Set();
  // Member calls on receivers of unknown type count only in files that
  // speak V8 at all.
  const speaksV8 = tokens.some((t) => t.type === 'id' && t.value === 'v8') ||
    tokens.some((t) => t.type === 'directive' && /\b(v8|node)\.h\b/.test(
      t.text));
  let pendingNamespace = null;

  const inScope = (ns) => scopes.some((s) => s.usings.has(ns));
  const declOf = (name) => {
    for (let k = scopes.length - 1; k >= 0; k--) {
      if (scopes[k].decls.has(name)) return scopes[k].decls.get(name);
    }
    return undefined;
  };

  const record = (token, hit) => {
    const key = `${token.line}:${token.column}:${hit.name}`;
    if (seen.has(key)) return;
    seen.add(key);
    const branch = pp.inactiveBranch;
    uses.push({ line: token.line, column: token.column || 1, name: hit.name,
      entry: hit.entry, compiled: pp.active,
      branch: branch ? { line: branch.line, directive: branch.directive } :
        null });
  };

  // The qualified name starting at i: { parts, end, template } where end is
  // the index after it; template args are skipped only before "::".
  const readName = (list, i) => {
    const parts = [];
    let global = false;
    let j = i;
    if (list[j].value === '::') {
      global = true;
      j++;
    }
    for (;;) {
      if (!list[j] || list[j].type !== 'id') break;
      parts.push(list[j].value);
      j++;
      let k = j;
      if (list[k] && list[k].value === '<') {
        const close = matchAngle(list, k);
        if (close > 0 && list[close + 1] && list[close + 1].value === '::') {
          k = close + 1;
        }
      }
      if (list[k] && list[k].value === '::' && list[k + 1] &&
          list[k + 1].type === 'id') {
        j = k + 1;
        continue;
      }
      break;
    }
    return { parts, end: j, global };
  };

  // The namespace a name's first part resolves to: 'v8', 'node', or ''.
  const namespaceOf = (parts) => {
    if (NAMESPACES.has(parts[0]) && parts.length > 1) return parts[0];
    const decl = declOf(parts[0]);
    if (decl) return decl;
    if (inScope('v8') && names.v8Classes.has(parts[0])) return 'v8';
    if (inScope('node')) return 'node';
    if (inScope('v8')) return 'v8';
    return '';
  };

  // The table entry a qualified name refers to, longest spelling first.
  const resolve = (parts) => {
    const spellings = [];
    if (NAMESPACES.has(parts[0]) && parts.length > 1) {
      spellings.push(parts);
    } else {
      const decl = declOf(parts[0]);
      if (decl) spellings.push([decl, ...parts]);
      for (const ns of ['v8', 'node']) {
        if (!decl && inScope(ns)) spellings.push([ns, ...parts]);
      }
      if (parts.length > 1 && wrapClasses.has(parts[0])) {
        spellings.push(['node', 'ObjectWrap', ...parts.slice(1)]);
      }
      spellings.push(parts);
    }
    for (const spelling of spellings) {
      for (let k = spelling.length; k >= 1; k--) {
        const hit = names.lookup(spelling.slice(0, k).join('::'));
        if (hit) return hit;
      }
    }
    return undefined;
  };

  // After a type at i: skip cv-qualifiers, "&" and "*", then the declared
  // identifier if what follows it looks like a declaration.
  const declaredName = (list, i) => {
    let j = i;
    while (list[j] && (list[j].value === '&' || list[j].value === '*' ||
        list[j].value === 'const' || list[j].value === '&&')) j++;
    const id = list[j];
    const after = list[j + 1];
    if (!id || id.type !== 'id' || !after) return null;
    return /^[;,)=([{]$/.test(after.value) ? id.value : null;
  };

  // A name's uses and, for types, the variables it declares.
  const scanName = (list, i, inDefine) => {
    const { parts, end } = readName(list, i);
    if (parts.length === 0) return i + 1;
    let hit = resolve(parts);
    // An overload told apart by its argument: F(1) calls F(int).
    if (hit && list[end] && list[end].value === '(' && list[end + 1] &&
        list[end + 1].type === 'num' && list[end + 2] &&
        list[end + 2].value === ')') {
      hit = names.lookup(`${hit.name}(int)`) || hit;
    }
    if (hit) record(list[i + (list[i].value === '::' ? 1 : 0)], hit);
    const ns = namespaceOf(parts);
    const last = parts[parts.length - 1];
    if (ns === 'v8' && HANDLES.has(last) && list[end] &&
        list[end].value === '<') {
      const close = matchAngle(list, end);
      if (close > 0) {
        const inner = list.slice(end + 1, close).filter((t) => t.type === 'id');
        const cls = inner.length ? inner[inner.length - 1].value : 'Value';
        const name = declaredName(list, close + 1);
        // Persistent<Function>* cb: cb->Dispose() is the handle's member.
        const pointer = list[close + 1] && list[close + 1].value === '*';
        if (name) vars.set(name, { cls, handle: last, pointer });
        // Handle<Value> F(const Arguments& args): an InvocationCallback.
        const fn = list[close + 1];
        if (!inDefine && fn && fn.type === 'id' && list[close + 2] &&
            list[close + 2].value === '(') {
          let k = close + 3;
          if (list[k] && list[k].value === 'const') k++;
          const arg = list[k] && list[k].type === 'id' ? readName(list, k) :
            null;
          if (arg && arg.parts[arg.parts.length - 1] === 'Arguments' &&
              namespaceOf(arg.parts) === 'v8' && list[arg.end] &&
              list[arg.end].value === '&') {
            const callback = names.lookup('v8::InvocationCallback');
            if (callback) record(fn, callback);
          }
        }
      }
    } else if (ns === 'v8' && names.v8Classes.has(last)) {
      const name = declaredName(list, end);
      if (name) vars.set(name, { cls: last, handle: null });
    } else if (wrapClasses.has(last) && parts.length === 1) {
      const name = declaredName(list, end);
      if (name) vars.set(name, { wrap: true });
    }
    if (!hit && parts.length === 1 && wrapClasses.size > 0 &&
        WRAP_MEMBERS.has(last)) {
      const member = names.lookup(`node::ObjectWrap::${last}`);
      if (member) record(list[i], member);
    }
    return Math.max(end, i + 1);
  };

  // x.M, x->M: the receiver's declared class, else the table's owner.
  const scanMember = (list, i) => {
    const op = list[i].value;
    const member = list[i + 1];
    const receiver = list[i - 1];
    let hit;
    const known = (receiver && receiver.type === 'id' &&
      vars.get(receiver.value)) || returned(list, i - 1) ||
      element(list, i - 1);
    if (receiver && receiver.value === 'this' && wrapClasses.size > 0) {
      hit = names.lookup(`node::ObjectWrap::${member.value}`);
    } else if (known && known.wrap) {
      hit = names.lookup(`node::ObjectWrap::${member.value}`);
    } else if (known && known.handle &&
        (op === '.' || (op === '->' && known.pointer))) {
      hit = names.lookup(`v8::${known.handle}::${member.value}`) ||
        names.lookup(`v8::Handle::${member.value}`);
    } else if (known) {
      hit = names.v8Member(known.cls, member.value);
    } else if (speaksV8 && (op === '->' || !GENERIC.has(member.value))) {
      // Through a handle of unknown type: V8's member of that name.  With
      // "." only names no other object is likely to have (IsEmpty,
      // MakeWeak): file.Close() is too often the addon's own.
      hit = names.v8MemberOfUnknown(member.value, op === '.');
    }
    if (hit) record(member, hit);
    return i + 2;
  };

  // Isolate::GetCurrent()->Enter(): V8's static factories and accessors
  // return their own class.
  const returned = (list, close) => {
    if (!list[close] || list[close].value !== ')') return null;
    let depth = 0;
    let k = close;
    for (; k >= 0; k--) {
      if (list[k].value === ')') depth++;
      if (list[k].value === '(') depth--;
      if (depth === 0) break;
    }
    const method = list[k - 1];
    const colons = list[k - 2];
    const cls = list[k - 3];
    if (!method || !colons || colons.value !== '::' || !cls ||
        !FACTORIES.has(method.value) || !names.v8Classes.has(cls.value)) {
      return null;
    }
    const qualified = list[k - 4] && list[k - 4].value === '::' &&
      list[k - 5] && list[k - 5].value === 'v8';
    return qualified || inScope('v8') || declOf(cls.value) === 'v8' ?
      { cls: cls.value, handle: null } : null;
  };

  // handles[i].IsEmpty(): the array's element type; args[i] is a Value.
  const element = (list, close) => {
    if (!list[close] || list[close].value !== ']') return null;
    let depth = 0;
    let k = close;
    for (; k >= 0; k--) {
      if (list[k].value === ']') depth++;
      if (list[k].value === '[') depth--;
      if (depth === 0) break;
    }
    const array = list[k - 1];
    const known = array && array.type === 'id' && vars.get(array.value);
    if (!known) return null;
    if (known.cls === 'Arguments') return { cls: 'Value', handle: 'Local' };
    return known.handle ? known : null;
  };

  const scanList = (list, inDefine) => {
    for (let i = 0; i < list.length;) {
      const token = list[i];
      const prev = list[i - 1];
      if ((token.value === '.' || token.value === '->') &&
          list[i + 1] && list[i + 1].type === 'id') {
        i = scanMember(list, i);
        continue;
      }
      if (token.type === 'id' || (token.value === '::' && list[i + 1] &&
          list[i + 1].type === 'id' && !(prev && prev.type === 'id'))) {
        if (!inDefine && pp.active) i = structure(list, i);
        if (i < list.length && (list[i].type === 'id' ||
            list[i].value === '::')) {
          i = scanName(list, i, inDefine);
        }
        continue;
      }
      if (!inDefine && pp.active) braces(token);
      i++;
    }
  };

  // using-directives, using-declarations, namespace blocks and ObjectWrap
  // subclasses; returns where name scanning resumes.
  const structure = (list, i) => {
    const t = list[i];
    if (t.value === 'using' && list[i + 1]) {
      if (list[i + 1].value === 'namespace' && list[i + 2]) {
        const ns = list[i + 2].value;
        if (NAMESPACES.has(ns)) scopes[scopes.length - 1].usings.add(ns);
        return i + 3;
      }
      const { parts, end } = readName(list, i + 1);
      if (parts.length > 1 && NAMESPACES.has(parts[0])) {
        scopes[scopes.length - 1].decls.set(parts[parts.length - 1],
          parts.slice(0, -1).join('::'));
        const hit = resolve(parts);
        if (hit) record(list[i + 1], hit);
        return end;
      }
    }
    if (t.value === 'namespace' && list[i + 1] && list[i + 1].type === 'id' &&
        list[i + 2] && list[i + 2].value === '{') {
      pendingNamespace = list[i + 1].value;
      return i + 2;
    }
    if ((t.value === 'class' || t.value === 'struct') && list[i + 1] &&
        list[i + 1].type === 'id') {
      let k = i + 2;
      while (list[k] && list[k].value !== '{' && list[k].value !== ';') {
        if (list[k].type === 'id') {
          const { parts, end } = readName(list, k);
          if (parts[parts.length - 1] === 'ObjectWrap' &&
              (parts[0] === 'node' || inScope('node') ||
                declOf('ObjectWrap') === 'node')) {
            wrapClasses.add(list[i + 1].value);
          }
          k = Math.max(end, k + 1);
        } else {
          k++;
        }
      }
    }
    return i;
  };

  const braces = (token) => {
    if (token.value === '{') {
      const usings = new Set();
      if (NAMESPACES.has(pendingNamespace)) usings.add(pendingNamespace);
      pendingNamespace = null;
      scopes.push({ usings, decls: new Map() });
    } else if (token.value === '}' && scopes.length > 1) {
      scopes.pop();
    }
  };

  // Top level: directives in order, the code between them in runs.
  let run = [];
  const flush = () => {
    scanList(run, false);
    run = [];
  };
  for (const token of tokens) {
    if (token.type !== 'directive') {
      run.push(token);
      continue;
    }
    flush();
    if (token.name === 'include') {
      const header = /[<"]([^>"]+)[>"]/.exec(token.text);
      const base = header && header[1].split('/').pop();
      const hit = base && names.lookup(base);
      if (hit) record(token, hit);
    } else if (token.name === 'define') {
      // A macro's body is code too: old addons wrapped their V8 calls in
      // macros of their own.  Its uses are reported where the body has them.
      scanList(token.tokens.slice(1), true);
    } else {
      scanList(token.tokens.filter((t) => t.type === 'id' &&
        names.lookup(t.value) && t.value !== 'defined'), true);
    }
    pp.directive(token);
  }
  flush();
  return { uses, conditionals: pp.conditionals };
}

// The index of the ">" closing the "<" at i, or -1 when it is not a
// template argument list (a comparison).
function matchAngle(list, i) {
  let depth = 0;
  for (let k = i; k < list.length && k < i + 64; k++) {
    const v = list[k].value;
    if (v === '<') depth++;
    else if (v === '>') depth--;
    else if (v === '>>') depth -= 2;
    else if (/^[;{}]$/.test(v) || v === '&&' || v === '||') return -1;
    if (depth <= 0) return depth === 0 ? k : -1;
  }
  return -1;
}

module.exports = { scanCpp };
