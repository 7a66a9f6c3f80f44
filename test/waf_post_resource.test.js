'use strict';
// node-waf on a post function that looks the built module up with
// bld.path.find_resource (test/waf/post_resource), as leveldb 0.5.5 did:
// waf 1.5 found build outputs as well as sources.
const t = require('tap');
const path = require('path');
const h = require('./waf/helpers');

h.allowBuilds(t);

t.test('find_resource in a post function finds the module in the build ' +
  'folder', async (t) => {
  const dir = h.scratch(t, 'post_resource');
  const run = await h.nodeWaf(dir, ['configure', 'build']);
  t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
  t.equal(run.stdout, 'before the build: None\nfound: True\n' +
    'source files first: True\n');
  t.same(h.runScript(dir, "console.log(JSON.stringify(require('" +
    path.join(dir, 'build', 'post_resource.node') + "').answer()))").value,
  42, 'the copy the post function made loads');
});
