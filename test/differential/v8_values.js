// v8_values.js: values, conversions, handles and scopes (the v8_values
// addon) on Node 0.8.28 and on modern Node.
'use strict';
var common = require('./common');
var show = common.show;
var addon = common.addon();

var samples = {
  undefined: undefined,
  null: null,
  true: true,
  false: false,
  zero: 0,
  negZero: -0,
  int: 42,
  negInt: -17,
  big: 4294967296,
  uint: 3000000000,
  fraction: 2.75,
  negFraction: -2.75,
  nan: NaN,
  inf: Infinity,
  emptyString: '',
  numericString: ' 12.5 ',
  hexString: '0x1f',
  word: 'hello',
  array: [1, 2],
  object: { a: 1 },
  func: function named() {},
  date: new Date(1000),
  regexp: /x/g,
  error: new TypeError('t'),
  boxedNumber: new Number(3),
  boxedBoolean: new Boolean(false),
  boxedString: new String('s'),
  throwsOnConvert: { valueOf: function () { throw new Error('no'); },
    toString: function () { throw new Error('nope'); } }
};

Object.keys(samples).forEach(function (name) {
  show('types ' + name, addon.types(samples[name]));
});
Object.keys(samples).forEach(function (name) {
  if (name === 'func' || name === 'date' || name === 'regexp' ||
      name === 'error') {
    // ToString of these names engine-specific text (source, time zone).
    return;
  }
  show('conversions ' + name, addon.conversions(samples[name]));
});

var o = {};
show('compare 1 "1"', addon.compare(1, '1'));
show('compare o o', addon.compare(o, o));
show('compare o {}', addon.compare(o, {}));
show('compare null undefined', addon.compare(null, undefined));
show('compare NaN NaN', addon.compare(NaN, NaN));

var made = addon.make();
Object.keys(made).forEach(function (key) {
  var value = made[key];
  if (key === 'external') {
    show('make external typeof', typeof value);
  } else if (key === 'regexp') {
    show('make regexp', [value.source, value.global, value.ignoreCase,
      value.multiline, value.test('xAAB')]);
  } else {
    show('make ' + key, value);
  }
});

show('scopes', addon.scopes());
show('persistents', addon.persistents('first'));
show('persistents again', addon.persistents({ p: 2 }));
show('casts', addon.casts({}));
show('versionIsString', addon.versionIsString);
