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

module.exports = { RULES, normalise };
