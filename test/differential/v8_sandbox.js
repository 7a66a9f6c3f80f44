// v8_sandbox.js: a detached context whose global forwards to a sandbox
// object (the v8_sandbox addon) on Node 0.8.28 and on modern Node.
'use strict';
var common = require('./common');
var show = common.show;
var addon = common.addon();

function Window() {}
var sandbox = new Window();
sandbox.prop1 = 'one';
var box = addon.wrap(sandbox);
var global = box.global;

show('typeof global', typeof global);
show('global reads the sandbox', global.prop1);
global.prop2 = 'two';
show('a write to global lands in the sandbox', sandbox.prop2);
show('class name', global.constructor.name);
show('keys of global', Object.keys(global).sort());
show('global has prop1', 'prop1' in global);
delete global.prop1;
show('delete through global', sandbox.prop1);

sandbox.ref = global;
show('this is global', box.run('this === ref'));
show('a script var lands in the sandbox', [box.run('var v = 5; v'), sandbox.v]);
show('a script sees the sandbox', box.run('typeof prop2 + ":" + prop2'));
show('an implicit global lands in the sandbox', [box.run('w = 6'), sandbox.w]);
show('a script function', box.run('function f() { return 7; } f()'));
show('global sees the script function', typeof global.f);
show('the script throws', (function () {
  try { box.run('nosuch'); return 'no'; } catch (e) { return e.name; }
})());
show('two sandboxes apart', [addon.wrap({ prop1: 'other' }).global.prop1,
  global.prop2]);

box.run('var before = 1');
show('a new context on the same global keeps it', box.renew());
show('the new context reads the sandbox', box.run('typeof prop2 + ":" + prop2'));
show('a var of the old context, kept in the sandbox', box.run('typeof before'));
