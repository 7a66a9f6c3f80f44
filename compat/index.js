'use strict';
// node-waf-compat: where an old addon's build finds the legacy SDK.
const path = require('path');

module.exports = {
  // The folder of the old headers (v8.h, node.h, ev.h, ...).
  include: path.join(__dirname, 'include'),
  // The gyp dependency that attaches the SDK, relative to the folder gyp
  // evaluates it in (the addon's binding.gyp), like nan and node-addon-api.
  gyp: path.relative('.', path.join(__dirname, 'compat.gyp')) +
    ':compat_runtime',
};
