'use strict';
// npm start: the article's REPL session, already under way.  texample is
// loaded and started, so a "Bang: n" line appears every 5 seconds; the
// article's own lines work as typed.
const path = require('path');
const repl = require('repl');

// The article requires './build/default/texample' from the package folder.
process.chdir(path.join(__dirname, '..'));

const texample = require('../build/default/texample');
texample.callback = function (i) {
  console.log('Bang: ' + i);
};
texample.start();

console.log(`texample is loaded and started: a Bang every 5 seconds.
The article's lines work here as typed:
  texample = require('./build/default/texample')
  texample.callback = function (i) { console.log('Bang: ' + i) }
  texample.start()
.exit or Ctrl-D leaves.`);

const session = repl.start({ prompt: '> ' });
session.context.texample = texample;
