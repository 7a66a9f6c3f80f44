'use strict';
// Handles made in a loop with an inner HandleScope per iteration keep
// memory bounded; a local returned without scope.Close (an old bug that
// worked by luck) still returns the right value.
const t = require('tap');
const { runNode, lastJson } = require('./helpers/child');

t.test('10 million handles with an inner HandleScope each: the handle ' +
  'count is unchanged and memory stays bounded', async (t) => {
  const run = runNode('test/fixtures/v8_stress/loop.js', ['10000000'],
    { args: ['--expose-gc'], timeout: 120000 });
  t.equal(run.code, 0, run.stderr);
  const result = lastJson(run.stdout);
  t.comment(`rss grew ${result.rssGrowthMB.toFixed(1)} MB, heap ` +
    `${result.heapGrowthMB.toFixed(1)} MB over 10M iterations ` +
    `(${result.seconds} s)`);
  t.equal(result.handlesAfter, result.handlesBefore,
    'no handle outlives its iteration');
  t.ok(result.sumOk, 'every iteration saw its own values');
  t.ok(result.rssGrowthMB < 64, 'resident memory grew less than 64 MB');
  t.ok(result.heapGrowthMB < 16, 'the JS heap grew less than 16 MB');
  // Without the inner scope the same loop keeps every handle: the counts
  // above measure something.
  t.ok(result.unscopedGrowth >= 40000, 'unscoped: 4+ handles per iteration');
});

t.test('a local returned without scope.Close still reaches JS intact',
  async (t) => {
    const addon = require('../build/Release/v8_stress');
    t.equal(addon.noCloseString('close'), 'forgot close');
    t.same(addon.noCloseObject(21), { n: 42, list: [, , ,] });
    t.equal(addon.noCloseNumber(1), 1.25);
    for (let i = 0; i < 1000; i++) {
      if (addon.noCloseString(String(i)) !== `forgot ${i}`) {
        t.fail(`round ${i}`);
        break;
      }
    }
  });
