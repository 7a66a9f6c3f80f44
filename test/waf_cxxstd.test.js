'use strict';
// node-waf on the C++ standard (test/waf/cxxstd): a wscript that says
// nothing gets GNU C++98 with ICU's C++ API hidden, so that today's libxml2
// and ICU headers compile (libxmljs 0.5.4); a -std= of its own wins.
const t = require('tap');
const path = require('path');
const { execFileSync } = require('child_process');
const h = require('./waf/helpers');

h.allowBuilds(t);
const info = (dir, name) => h.runScript(dir, "console.log(JSON.stringify(" +
  `require('./build/default/${name}').info()))`).value;
let libxml = true;
try {
  execFileSync('pkg-config', ['--exists', 'libxml-2.0']);
} catch (error) {
  libxml = false;
}

t.test('no standard in the wscript: GNU C++98, ICU C++ API hidden; ' +
  '-std=c++0x in obj.cxxflags or CXXFLAGS wins', async (t) => {
  const dir = h.scratch(t, 'cxxstd');
  const run = await h.nodeWaf(dir, ['configure', 'build']);
  t.equal(run.code, 0, 'exit status 0', { stderr: run.stderr });
  t.same(info(dir, 'cxxstd_era'), { cplusplus: 199711, icuCxxApi: 0 },
    libxml ? 'with libxml2 and ICU headers' : 'libxml2 is not installed');
  t.same(info(dir, 'cxxstd_0x'), { cplusplus: 201103 });

  const env = await h.nodeWaf(dir, ['configure', 'build'],
    { env: { CXXFLAGS: '-std=gnu++0x' } });
  t.equal(env.code, 0, 'exit status 0', { stderr: env.stderr });
  t.same(info(dir, 'cxxstd_era'),
    libxml ? { cplusplus: 201103, icuCxxApi: 1 } : { cplusplus: 201103 },
    "the environment's standard, and ICU's C++ API as its headers say");
});
