'use strict';
// names.js: the audit's dictionary, built from the coverage table
// (compat/coverage/*.json through coverage.js's load()): every spelling in
// an entry's `names` maps back to that entry, so what the audit reports
// (status, mechanism, modern replacement) is what compat/README.md says.
const coverage = require('../tools/coverage');

// The V8 3.x classes whose members the table lists, with the class each
// inherits from, for a member call through a handle of a derived class
// (`Handle<Function> f; f->Get(...)` is v8::Object::Get).
const V8_PARENTS = {
  Object: 'Value', Function: 'Object', Array: 'Object', Date: 'Object',
  RegExp: 'Object', NumberObject: 'Object', BooleanObject: 'Object',
  StringObject: 'Object', String: 'Value', Number: 'Value',
  Integer: 'Number', Int32: 'Integer', Uint32: 'Integer', Boolean: 'Value',
  External: 'Value', FunctionTemplate: 'Template',
  ObjectTemplate: 'Template',
};

// Receiver classes whose members are called with "." (values, not handles).
const VALUE_CLASSES = new Set(['Arguments', 'AccessorInfo', 'TryCatch',
  'HandleScope', 'Handle', 'Local', 'Persistent', 'Locker', 'Unlocker']);

// Preferred owner of a member called on a receiver of unknown type: the
// most general class first.
const FALLBACK_ORDER = ['Value', 'Object', 'Function', 'String', 'Array',
  'Arguments', 'AccessorInfo', 'TryCatch', 'Persistent', 'Handle',
  'HandleScope', 'FunctionTemplate', 'ObjectTemplate', 'Template'];

class Names {
  constructor(table = coverage.load()) {
    this.entries = table.entries;
    this.exact = new Map();
    this.prefixes = [];
    // member name -> [owner class] among v8::Class::member names.
    this.members = new Map();
    this.v8Classes = new Set(['Value', 'Template']);
    for (const entry of this.entries) {
      for (const name of entry.names || []) {
        if (name.endsWith('*')) {
          this.prefixes.push({ prefix: name.slice(0, -1), entry });
        } else {
          this.exact.set(name, entry);
        }
        const m = /^v8::([A-Za-z0-9_]+)(?:::([A-Za-z0-9_]+\*?))?$/.exec(name);
        if (m) {
          this.v8Classes.add(m[1]);
          if (m[2]) {
            const owners = this.members.get(m[2]) || [];
            owners.push(m[1]);
            this.members.set(m[2], owners);
          }
        }
      }
    }
    for (const name of Object.keys(V8_PARENTS)) this.v8Classes.add(name);
  }

  // The entry for a full spelling (`v8::Value::IsString` also finds the
  // prefix `v8::Value::Is*`), or undefined.
  lookup(name) {
    const entry = this.exact.get(name);
    if (entry) return { name, entry };
    const hit = this.prefixes.find((p) => name.startsWith(p.prefix) &&
      name.length > p.prefix.length);
    return hit ? { name: `${hit.prefix}*`, entry: hit.entry } : undefined;
  }

  // v8::C::member, walking up C's parents.
  v8Member(cls, member) {
    for (let c = cls; c; c = V8_PARENTS[c]) {
      const hit = this.lookup(`v8::${c}::${member}`);
      if (hit) return hit;
    }
    return undefined;
  }

  // A member called on a receiver whose type the audit does not know: the
  // owner from the table, the most general class first; with ".", only
  // classes used by value.
  v8MemberOfUnknown(member, dot) {
    const owners = new Set(this.members.get(member) || []);
    for (const p of this.prefixes) {
      const m = /^v8::([A-Za-z0-9_]+)::(.*)$/.exec(p.prefix);
      if (m && member.startsWith(m[2]) && member.length > m[2].length) {
        owners.add(m[1]);
      }
    }
    const allowed = [...owners].filter((c) => dot === VALUE_CLASSES.has(c));
    if (allowed.length === 0) return undefined;
    const ranked = allowed.sort((a, b) => rank(a) - rank(b));
    const hit = this.lookup(`v8::${ranked[0]}::${member}`);
    // An unsupported member is claimed only when no supported class has a
    // member of that name: a receiver of unknown type must not turn the
    // build verdict to "no" (cb->Dispose() is far more often a
    // Persistent's than an Isolate's).
    if (hit && hit.entry.status === 'unsupported' && [...owners].some((c) => {
      const other = this.lookup(`v8::${c}::${member}`);
      return other && other.entry.status !== 'unsupported';
    })) return undefined;
    return hit;
  }
}

function rank(cls) {
  const i = FALLBACK_ORDER.indexOf(cls);
  return i < 0 ? FALLBACK_ORDER.length : i;
}

module.exports = { Names, V8_PARENTS, VALUE_CLASSES };
