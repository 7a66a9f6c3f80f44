'use strict';
// warn.js: the one warning each restored API gives on its first use, as
// node 0.x printed "(node) ... is deprecated" once per API.  They are
// DeprecationWarnings, so Node's own switches apply (--no-deprecation
// silences them, --trace-deprecation adds the stack, --throw-deprecation
// makes them throw, --no-warnings hides every warning); the environment
// variable NODE_WAF_COMPAT_NO_DEPRECATION=1 silences only these.

const given = new Set();

function silenced() {
  const value = process.env.NODE_WAF_COMPAT_NO_DEPRECATION;
  return value !== undefined && value !== '' && value !== '0';
}

// Warns under `code` unless that code has warned already in this process.
function deprecated(code, message) {
  if (given.has(code)) return;
  given.add(code);
  if (silenced()) return;
  process.emitWarning(message, { type: 'DeprecationWarning', code });
}

module.exports = { deprecated };
