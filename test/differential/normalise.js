'use strict';
// normalise.js: the one place that lists the differences between Node
// 0.8.28 and modern Node that are inherent to the engines, not to the SDK,
// and rewrites both outputs so that they compare equal.  Every rule says
// why it exists; a rule applies to the lines of the concerns it names (or
// of all concerns).
const RULES = [
  {
    why: 'V8 3.11 says "Cannot convert null to object" for both null and ' +
      'undefined; modern V8 says "Cannot convert undefined or null to ' +
      'object" (engine wording, not an SDK difference)',
    pattern: /Cannot convert (?:undefined or null|null|undefined) to object/g,
    replace: 'Cannot convert undefined or null to object',
  },
  {
    why: 'an object with a call-as-function handler is callable, and ' +
      'modern JavaScript says typeof is "function" for every callable ' +
      'object; V8 3.11 said "object"',
    concerns: ['v8_objects'],
    pattern: /^(callable: \[)"(?:object|function)"/,
    replace: '$1"callable object"',
  },
  {
    why: 'V8 lists the accessors a template gives its instances in an ' +
      'order of its own (3.11 and modern V8 differ); the set is the same',
    concerns: ['v8_objects'],
    pattern: /^(point keys: )\[(.*)\]$/,
    replace: (line, label, items) => `${label}[${items.split(', ').sort()
      .join(', ')}] (sorted)`,
  },
  {
    why: 'V8 3.11 and modern V8 place a message\'s start and end columns ' +
      'differently (the throw keyword vs. the expression, the property ' +
      'vs. the dot); the line and source line are compared',
    concerns: ['v8_exceptions'],
    pattern: /startColumn=\d+, endColumn=\d+/g,
    replace: 'startColumn=<col>, endColumn=<col>',
  },
  {
    why: 'reading a property of null: V8 3.11 says "Cannot read property ' +
      '\'x\' of null", modern V8 "Cannot read properties of null ' +
      '(reading \'x\')"',
    pattern: /Cannot read properties of (null|undefined) \(reading '([^']*)'\)/g,
    replace: "Cannot read property '$2' of $1",
  },
  {
    why: 'assigning to a read-only property in strict code: V8 3.11 ' +
      'names the receiver "#<Object>", modern V8 "object \'#<Object>\'"',
    pattern: /(Cannot assign to read only property '[^']*' of )object '([^']*)'/g,
    replace: '$1$2',
  },
];

// The lines of a driver's stdout, with every rule applied.
function normalise(stdout, side, concern) {
  let lines = String(stdout || '').split('\n').filter((line) => line !== '');
  for (const rule of RULES) {
    if (rule.concerns && !rule.concerns.includes(concern)) continue;
    lines = lines.map((line) => line.replace(rule.pattern, rule.replace));
  }
  return lines;
}

// What a driver may print on stderr, on either side; any other line fails
// the comparison (a misuse report of ours on a clean path, say).  Each
// entry says why the line is expected.
const STDERR_ALLOWED = [
  {
    why: 'node 0.8 warns once that its libev emulation of ev_ref and ' +
      'ev_unref is deprecated (its own ev-emul.h); the SDK emulates them ' +
      'without a warning',
    side: 'oracle',
    pattern: /^WARNING: ev_(un)?ref is deprecated, use uv_(un)?ref$/,
  },
];

// The stderr lines of a run that no entry of STDERR_ALLOWED explains.
function unexpectedStderr(stderr, side, concern) {
  return String(stderr || '').split('\n').filter((line) => line !== '')
    .filter((line) => !STDERR_ALLOWED.some((rule) =>
      (!rule.side || rule.side === side) &&
      (!rule.concerns || rule.concerns.includes(concern)) &&
      rule.pattern.test(line)));
}

module.exports = { RULES, STDERR_ALLOWED, normalise, unexpectedStderr };
