'use strict';
// What the differential run of v8_strings cannot compare: node 0.8.28 runs
// here on today's glibc, whose free() overwrites a released buffer at once,
// so the era's dangling pointer into a String::AsciiValue/Utf8Value
// temporary reads garbage there, where 2011's allocators left the text.
const t = require('tap');
const path = require('path');

const addon = require(path.join(__dirname, '..', 'build', 'Release',
  'v8_strings.node'));

t.test('a pointer kept into a String::AsciiValue or Utf8Value temporary ' +
  'still reads its text', async (t) => {
  const text = 'deflate level: best-compression';
  for (let i = 0; i < 50; i++) {
    t.same(addon.dangling(text, `other text ${i}`),
      [text, text, `other text ${i}`]);
  }
});

t.test('buffers are still released: 300,000 temporaries keep the ' +
  'process small', async (t) => {
  const big = 'x'.repeat(4096);
  const before = process.memoryUsage().rss;
  for (let i = 0; i < 100000; i++) addon.dangling(big, big);
  const grown = process.memoryUsage().rss - before;
  t.ok(grown < 64 * 1024 * 1024, `RSS grew by ${grown} bytes`);
});
