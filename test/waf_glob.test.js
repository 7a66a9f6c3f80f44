'use strict';
// node-waf on a wscript whose sources come from bld.glob (test/waf/glob),
// waf 1.5's BuildContext.glob, as daemon 0.4.1 used it.
const t = require('tap');
const fs = require('fs');
const path = require('path');
const h = require('./waf/helpers');

h.allowBuilds(t);

t.test('bld.glob lists the files matching a pattern from the wscript\'s ' +
  'folder, and they build', async (t) => {
  const dir = h.scratch(t, 'glob');
  const run = await h.nodeWaf(dir, ['configure', 'build']);
  t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
  t.equal(run.stdout, "glob: ['src/glob_addon.cc', 'src/glob_answer.cc'] " +
    '[]\nabsolute: True\n');
  t.ok(fs.existsSync(path.join(dir, 'build', 'default', 'glob_addon.node')));
  t.same(h.runScript(dir, "console.log(JSON.stringify(require('./build/" +
    "default/glob_addon').answer()))").value, 42);
});
