'use strict';
// Old APIs the SDK cannot provide fail at compile time, each with a message
// that names the API and says what to use instead; none compiles silently.
const t = require('tap');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const include = path.join(root, 'compat', 'include');
const fixtures = path.join(__dirname, 'fixtures', 'unsupported');

// [{ line, api }] for every line of file marked `// <api>`.
function marked(file) {
  return fs.readFileSync(file, 'utf8').split('\n')
    .map((text, i) => ({
      line: i + 1,
      match: text.match(/;\s*\/\/ (\S+)$|>\s*\/\/ (\S+)$/),
    }))
    .filter((entry) => entry.match)
    .map((entry) => ({ line: entry.line,
      api: entry.match[1] || entry.match[2] }));
}

// Compiles file as the SDK compiles old code (GNU C++98, compat/include
// first) and returns the compiler's diagnostics.
function compile(file) {
  const result = spawnSync('g++', ['-std=gnu++98', '-fexceptions', '-frtti',
    '-c', '-o', '/dev/null', `-I${include}`, file], { encoding: 'utf8' });
  if (result.error) return { missing: result.error.message };
  return { code: result.status, stderr: result.stderr };
}

for (const name of ['calls.cc', 'headers.cc']) {
  t.test(`${name}: every refused API is a compile error naming it`,
    async (t) => {
      const file = path.join(fixtures, name);
      const result = compile(file);
      if (result.missing) {
        t.skip(`g++ is not available: ${result.missing}`);
        return;
      }
      t.not(result.code, 0, 'the file does not compile');
      const errors = result.stderr.split('\n')
        .filter((line) => / error: /.test(line) || /#error/.test(line));
      for (const { line, api } of marked(file)) {
        const base = api.replace(/\(.*\)$/, '');
        // A refused header reports its #error in the header itself.
        const found = api.endsWith('.h')
          ? errors.find((e) => e.includes(`#error "${api}:`))
          : errors.find((e) => e.startsWith(`${file}:${line}:`));
        t.ok(found, `line ${line} (${api}) is an error`);
        if (!found) continue;
        t.match(found, base.split('::').pop(), `it names ${api}`);
        t.match(found, /is not supported[^;]*;\s*\S/,
          `it says what to use instead of ${api}`);
      }
    });
}
