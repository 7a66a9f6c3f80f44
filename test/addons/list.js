'use strict';
// list.js: the gyp files of the legacy-style test addons, one per concern
// (test/addons/<concern>/<concern>.gyp), for the root binding.gyp.
const fs = require('fs');
const path = require('path');

const dir = __dirname;
const gyps = fs.readdirSync(dir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => path.join(entry.name, `${entry.name}.gyp`))
  .filter((file) => fs.existsSync(path.join(dir, file)))
  .map((file) => `test/addons/${file.split(path.sep).join('/')}:*`);
console.log(gyps.join(' '));
