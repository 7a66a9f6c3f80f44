// v8_namespaces.js: classes and templates old code declared in its own
// reopened namespace v8 and namespace node (the v8_namespaces addon), on
// Node 0.8.28 and on modern Node.
'use strict';
var common = require('./common');
var show = common.show;
var addon = common.addon();

var counter = new addon.Counter();
show('counter bumps', [counter.bump(), counter.bump(5), counter.bump()]);
show('counter class', [typeof addon.Counter, counter instanceof addon.Counter]);
show('specialisation', [addon.describe(3), addon.describe('x')]);
show('helper in v8', addon.pair('left', 'right'));
