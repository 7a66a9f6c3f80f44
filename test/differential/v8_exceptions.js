// v8_exceptions.js: throwing, TryCatch, messages, scripts and calls into
// JavaScript (the v8_exceptions addon) on Node 0.8.28 and on modern Node.
'use strict';
var common = require('./common');
var show = common.show;
var attempt = common.attempt;
var addon = common.addon();

['Error', 'TypeError', 'RangeError', 'ReferenceError', 'SyntaxError'].forEach(
  function (kind) {
    attempt('throwError ' + kind, function () {
      return addon.throwError(kind, 'bad ' + kind);
    });
    try {
      addon.throwError(kind, 'x');
    } catch (e) {
      show('instanceof ' + kind, [e instanceof Error,
        e.constructor.name, typeof e.stack]);
    }
  });
attempt('throwError value', function () { return addon.throwError('value', 42); });

function thrower(a, b) {
  throw new RangeError('thrown with ' + a + ' and ' + b);
}
function returner(a, b) { return a * b; }
show('tryCall thrower', addon.tryCall(thrower, 3, 4));
show('tryCall returner', addon.tryCall(returner, 3, 4));
show('tryCall string', addon.tryCall(function () { throw 'plain'; }));
attempt('rethrow', function () {
  return addon.rethrow(function () { throw new Error('again'); });
});
show('rethrow nothing', addon.rethrow(function () {}));
show('reset', addon.reset(function () { throw new Error('r'); }));
show('nested', addon.nested(function () { throw new Error('n'); }));

show('run ok', addon.run('var a = 20; a + 22', 'ok.js'));
show('run throws', addon.run('null.x', 'throws.js'));
show('run syntax', addon.run('var = ;', 'syntax.js').caught);
show('runNew', addon.runNew('6 * 7'));
show('runNew error line', addon.runNew('\n\nundefinedThing').line);

var target = {
  base: 5,
  add: function (x) { return this.base + x; }
};
show('makeCallback', addon.makeCallback(target, 'add', 10));
var order = [];
var sequence = {
  go: function () {
    process.nextTick(function () { order.push('tick'); });
    order.push('call');
    return 'went';
  }
};
show('makeCallback return', addon.makeCallback(sequence, 'go', 0));
show('makeCallback order', order);

global.marker = 'global marker';
show('context', addon.context());

var uncaught = [];
process.on('uncaughtException', function (e) { uncaught.push(e.message); });
show('fatal', addon.fatal(function () { throw new Error('to the top'); }));
show('makeCallback throwing', addon.makeCallback({
  boom: function () { throw new Error('boom in callback'); }
}, 'boom', 1));
setTimeout(function () {
  show('uncaught', uncaught);
  show('order later', order);
}, 20);
