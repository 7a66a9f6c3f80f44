// v8_objects.js: objects and templates (the v8_objects addon) on Node
// 0.8.28 and on modern Node.
'use strict';
var common = require('./common');
var show = common.show;
var attempt = common.attempt;
var addon = common.addon();

show('properties', addon.properties());
show('arrays', addon.arrays());

var h = { visible: 1 };
show('hidden', addon.hidden(h));
show('hidden keys', Object.keys(h));
show('hidden json', JSON.stringify(h));
show('hidden kept', addon.readHidden(h));
show('hidden other', addon.readHidden({}));

var ext = addon.externalArrays();
show('bytes read', [ext.bytes[0], ext.bytes[3], ext.bytes[7], ext.bytes[8]]);
ext.bytes[4] = 260;
ext.bytes[5] = -1;
ext.bytes[6] = 3.7;
show('bytes after write', addon.nativeBytes());
show('bytes in', [0 in ext.bytes, 7 in ext.bytes, 8 in ext.bytes]);
ext.bytes[20] = 'beyond';
show('bytes beyond', ext.bytes[20]);
show('shorts', [ext.shorts[0], ext.shorts[1], ext.shorts[2], ext.shorts[3]]);
ext.shorts[1] = 70000;
ext.floats[1] = 0.1;
show('floats', [ext.floats[0], ext.floats[1]]);
show('doubles', [ext.doubles[0], ext.doubles[1]]);
show('pixels', [ext.pixels[0], ext.pixels[1], ext.pixels[3]]);
ext.pixels[1] = 300;
ext.pixels[2] = -5;
show('pixels clamped', [ext.pixels[1], ext.pixels[2]]);
show('after writes', addon.nativeBytes());
show('bytes info', addon.externalInfo(ext.bytes));
show('shorts info', addon.externalInfo(ext.shorts));
show('doubles info', addon.externalInfo(ext.doubles));
show('pixels info', addon.externalInfo(ext.pixels));
show('plain info', addon.externalInfo({}));
show('buffer info', addon.externalInfo(common.newBuffer(5)));
show('uint8array info', addon.externalInfo(new Uint8Array(3)));
show('float64array info', addon.externalInfo(new Float64Array(2)));

var p = new addon.Point(3, -4);
show('point', [p.x, p.y, p.label, p.norm1(), p.kind]);
p.x = 10;
show('point set x', [p.x, p.norm1()]);
p.y = 99;
show('point set y (no setter)', p.y);
show('point keys', Object.keys(p));
show('point has', ['x' in p, p.hasOwnProperty('x'), 'norm1' in p,
  p.hasOwnProperty('norm1')]);
show('point constructor', [p.constructor === addon.Point,
  addon.Point.name, addon.Point.dimensions, p instanceof addon.Point]);
show('isPoint', [addon.isPoint(p), addon.isPoint({})]);
show('static method', [addon.Point.origin(), typeof addon.Point.origin]);
var other = new addon.Point(0, 0);
p.shared.count++;
show('shared object', [other.shared.count, p.shared === other.shared,
  p.hasOwnProperty('shared')]);
attempt('point without new', function () { return addon.Point(1, 2); });
var q = new addon.Point3(1, 2);
show('point3', [q.x, q.norm1(), q instanceof addon.Point,
  q instanceof addon.Point3, addon.isPoint(q)]);
show('scale', [p.scale, p.hasOwnProperty('scale')]);
p.scale = 3;
show('scale set', [p.scale, p.hasOwnProperty('scale'),
  new addon.Point(0, 0).scale]);
show('signed', p.signed);
var wrong = Object.create(p);
attempt('signed through a derived object', function () { return wrong.signed; });
var acc = addon.withAccessor();
show('object accessor', [acc[0], acc[1].twice, Object.keys(acc[1])]);
acc[1].twice = 5;
show('object accessor set', acc[1].twice);
show('checked', p.checked());
attempt('checked on a plain object', function () {
  return p.checked.call({});
});
show('callee', addon.calleeName());
show('data', addon.dataOf());

var bag = addon.makeBag();
bag.x_one = 1;
bag.x_two = '2';
bag.plain = 'p';
show('bag reads', [bag.x_one, bag.x_two, bag.plain, bag.x_missing]);
show('bag in', ['x_one' in bag, 'x_missing' in bag, 'plain' in bag]);
show('bag keys', Object.keys(bag));
show('bag delete', [delete bag.x_one, delete bag.plain, bag.x_one,
  bag.plain]);
attempt('bag full', function () {
  bag.x_3 = 3;
  bag.x_4 = 4;
  bag.x_5 = 5;
  return 'not full';
});
show('native', addon.native());

var vec = addon.makeVec();
show('vec reads', [vec[0], vec[3], vec[4], vec.length]);
vec[1] = 7;
vec[9] = 'nine';
show('vec writes', [vec[1], vec[9]]);
show('vec in', [0 in vec, 3 in vec, 4 in vec, 9 in vec]);
show('vec delete', [delete vec[2], vec[2]]);
show('vec keys', Object.keys(vec));
show('native after vec', addon.native());

var callable = addon.makeCallable();
show('callable', [typeof callable[0], callable[1], callable[2],
  callable[0]('JS')]);
var who = addon.makeWho();
show('call-as-function handler: holder, this, callee, constructor, name',
  who(who));
show('called as a method', { m: who }.m(who));

function Adder(a, b) { this.sum = a + b; }
Adder.prototype.twice = function () { return this.sum * 2; };
show('calls', addon.calls(function add(a, b) { return this.base + a + b; },
  { base: 100 }));
show('calls constructor', addon.calls(Adder, {}).slice(1));
