'use strict';
// audit.js: an addon folder into a migration report: every legacy API use
// with file:line, what the SDK does with it (the coverage table's entry),
// whether the addon builds with the SDK, and how far it is from a hand port
// to NAN/Node-API.
const fs = require('fs');
const path = require('path');
const { Names } = require('./names');
const { scanCpp } = require('./cpp_scan');
const { scanWscript } = require('./wscript_scan');
const { scanJs } = require('./js_scan');
const { tokenize } = require('./c_lexer');
const preprocessor = require('./preprocessor');
const { refusalOf } = require('./refusals');

const C_EXTENSIONS = new Set(['.c', '.h']);
const CPP_EXTENSIONS = new Set(['.cc', '.cpp', '.cxx', '.C', '.c++', '.hh',
  '.hpp', '.hxx', '.h++', '.inl', '.ipp']);
const WSCRIPTS = new Set(['wscript', 'wscript_build']);
// Folders that hold no source of the addon's own.
const SKIP_DIRS = new Set(['node_modules', 'build', '.git', '.hg', '.svn']);
const STATUSES = ['exact', 'approximated', 'unsupported'];
// Conditionals worth a line in the report: those deciding on the node,
// libev, libeio or V8 version or configuration.
const LEGACY_CONDITION = /\b(NODE|EV|EIO|V8|COMPAT)_[A-Z0-9_]+\b/;

class AuditError extends Error {}

function kindOf(file) {
  const base = path.basename(file);
  if (WSCRIPTS.has(base)) return 'wscript';
  const ext = path.extname(base);
  if (CPP_EXTENSIONS.has(ext)) return 'c++';
  // A .h may be C or C++; old addons' headers were C++ more often than
  // not, and C++ lookup finds C's names too.
  if (C_EXTENSIONS.has(ext)) return ext === '.h' ? 'c++' : 'c';
  if (ext === '.js') return 'js';
  return null;
}

function listFiles(root) {
  const out = [];
  const walk = (dir) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) {
          walk(file);
        }
      } else if (entry.isFile() && kindOf(file)) {
        out.push(file);
      }
    }
  };
  walk(root);
  return out;
}

// Every identifier the SDK's headers declare or mention: a `v8::X` or
// `node::X` whose X is not among them cannot compile against the facade.
let sdkIdentifiers = null;
function sdkKnows(name) {
  if (!sdkIdentifiers) {
    sdkIdentifiers = new Set();
    const walk = (dir) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (entry.name.endsWith('.h')) {
          for (const t of tokenize(fs.readFileSync(file, 'utf8'))) {
            if (t.type === 'id') sdkIdentifiers.add(t.value);
            for (const d of t.tokens || []) {
              if (d.type === 'id') sdkIdentifiers.add(d.value);
            }
          }
        }
      }
    };
    walk(path.join(__dirname, '..', 'include'));
  }
  return sdkIdentifiers.has(name);
}

// A use needs no edit in a port when the modern column names the same
// spelling (v8::Isolate::GetCurrent, node::Buffer::Data, NODE_MODULE).
function changes(use) {
  const spelled = use.name.replace(/\*$/, '');
  return !use.entry.modern.includes(spelled);
}

function scanFile(file, kind, names) {
  const text = fs.readFileSync(file, 'utf8');
  let result;
  if (kind === 'wscript') result = scanWscript(text, names);
  else if (kind === 'js') result = scanJs(text, names);
  else result = scanCpp(text, names, { cplusplus: kind === 'c++' });
  return { text, ...result };
}

const TAGS = new Set(['class', 'struct', 'union', 'enum', 'typedef']);

// What old code declares itself in a reopened `namespace v8 { ... }` or
// `namespace node { ... }`: classes, enums, typedefs and functions at the
// top of the block, as 'v8::Name'.  Those are the addon's own names.
function ownNames(text, into = new Set()) {
  const tokens = tokenize(text).filter((t) => t.type !== 'directive');
  for (let i = 0; i + 2 < tokens.length; i++) {
    const ns = tokens[i + 1].value;
    if (tokens[i].value !== 'namespace' || (ns !== 'v8' && ns !== 'node') ||
        tokens[i + 2].value !== '{') continue;
    let depth = 0;
    for (let j = i + 3; j < tokens.length; j++) {
      const t = tokens[j];
      if (t.value === '{') depth++;
      else if (t.value === '}' && depth-- === 0) break;
      if (depth !== 0 || t.type !== 'id') continue;
      const next = tokens[j + 1];
      const declared = TAGS.has(tokens[j - 1].value) ||
        (next && (next.value === '(' || next.value === ';') &&
         tokens[j - 1].value !== '::');
      if (declared) into.add(`${ns}::${t.value}`);
    }
  }
  return into;
}

// Unknown names in a legacy namespace: `v8::Foo` when the SDK's headers
// never mention Foo and the addon does not declare it itself.
function unknownNames(text, own = new Set()) {
  const out = [];
  const tokens = tokenize(text).filter((t) => t.type !== 'directive');
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [ns, colons, name] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if ((ns.value === 'v8' || ns.value === 'node') && colons.value === '::' &&
        name.type === 'id' && !sdkKnows(name.value) &&
        !own.has(`${ns.value}::${name.value}`) &&
        !(tokens[i - 1] && tokens[i - 1].value === '::')) {
      out.push({ line: ns.line, column: ns.column,
        name: `${ns.value}::${name.value}` });
    }
  }
  return out;
}

function audit(dir, { names = new Names() } = {}) {
  let stat;
  try {
    stat = fs.statSync(dir);
  } catch (error) {
    throw new AuditError(`cannot read ${dir}: ${error.code || error.message}`);
  }
  const root = stat.isDirectory() ? path.resolve(dir) :
    path.dirname(path.resolve(dir));
  let files;
  try {
    files = stat.isDirectory() ? listFiles(root) : [path.resolve(dir)];
  } catch (error) {
    throw new AuditError(`cannot read ${dir}: ${error.code || error.message}`);
  }
  const started = Date.now();
  const report = {
    dir,
    root,
    facadeVersion: preprocessor.facadeVersion(),
    files: [],
    uses: [],
    conditionals: [],
    unknown: [],
  };
  const scans = new Map();
  const own = new Set();
  for (const file of files) {
    const kind = kindOf(file);
    if (!kind) {
      throw new AuditError(`${dir}: not a C/C++ source, wscript or ` +
        '.js file');
    }
    let scanned;
    try {
      scanned = scanFile(file, kind, names);
    } catch (error) {
      throw new AuditError(`cannot read ${file}: ${error.code ||
        error.message}`);
    }
    scans.set(file, scanned);
    if (kind !== 'wscript' && kind !== 'js') ownNames(scanned.text, own);
  }
  for (const file of files) {
    const kind = kindOf(file);
    const scanned = scans.get(file);
    const relative = path.relative(root, file) || path.basename(file);
    const lines = scanned.text.split(/\r?\n/);
    report.files.push({ file: relative, kind, uses: scanned.uses.length });
    for (const use of scanned.uses) {
      const { entry } = use;
      report.uses.push({
        file: relative, path: file, line: use.line, column: use.column,
        kind, name: use.name, area: entry.area, status: entry.status,
        symbol: entry.symbol, mechanism: entry.mechanism,
        modern: entry.modern, note: entry.note || '',
        compiled: use.compiled, branch: use.branch,
        changes: kind !== 'wscript' && changes(use),
        blocks: blocks(use, kind),
        // What the compiler says, read from the SDK's headers.
        refusal: entry.status === 'unsupported' ?
          refusalOf(use.name) || '' : '',
        text: (lines[use.line - 1] || '').trim(),
      });
    }
    for (const record of scanned.conditionals) {
      if (!record.branches.some((b) => LEGACY_CONDITION.test(b.text))) {
        continue;
      }
      const compiled = record.branches.find((b) => b.compiled);
      report.conditionals.push({
        file: relative, path: file, line: record.line,
        branches: record.branches.map((b) => ({ line: b.line,
          text: (lines[b.line - 1] || '').trim(), compiled: b.compiled })),
        compiled: compiled ? compiled.line : null,
      });
    }
    if (kind !== 'wscript' && kind !== 'js') {
      for (const u of unknownNames(scanned.text, own)) {
        report.unknown.push({ file: relative, path: file, ...u,
          text: (lines[u.line - 1] || '').trim() });
      }
    }
  }
  report.uses.sort((a, b) => a.file.localeCompare(b.file) ||
    a.line - b.line || a.column - b.column);
  report.summary = summarize(report);
  report.elapsedMs = Date.now() - started;
  return report;
}

// An unsupported API stops the build (a compile-time error in the headers,
// a refusal in node-waf) unless its entry says `blocks: false`, or lists in
// `blocks` the only names that do (the others are types the headers declare
// so that code naming them compiles); JavaScript runs after the build, so
// it never does.
function blocks(use, kind) {
  const { entry } = use;
  if (!use.compiled || entry.status !== 'unsupported' || kind === 'js') {
    return false;
  }
  return Array.isArray(entry.blocks) ? entry.blocks.includes(use.name) :
    entry.blocks !== false;
}

function summarize(report) {
  const compiled = report.uses.filter((u) => u.compiled);
  const counts = Object.fromEntries(STATUSES.map((s) =>
    [s, compiled.filter((u) => u.status === s).length]));
  const byArea = {};
  for (const u of compiled) {
    byArea[u.area] = byArea[u.area] || Object.fromEntries(
      STATUSES.map((s) => [s, 0]));
    byArea[u.area][u.status]++;
  }
  const reasons = [];
  for (const u of compiled.filter((x) => x.blocks)) {
    reasons.push(u.refusal ?
      `${u.file}:${u.line}: ${u.name} does not compile: "${u.refusal}"` :
      `${u.file}:${u.line}: ${u.name} is unsupported (${u.mechanism}); ` +
      `use ${u.modern}`);
  }
  for (const u of report.unknown) {
    reasons.push(`${u.file}:${u.line}: ${u.name} is not declared by the ` +
      'SDK headers');
  }
  const runtime = compiled.filter((u) => u.status === 'unsupported' &&
    !u.blocks);
  const touched = new Set(compiled.filter((u) => u.changes)
    .map((u) => `${u.file}:${u.line}`));
  const touchedFiles = new Set(compiled.filter((u) => u.changes)
    .map((u) => u.file));
  const groups = new Map();
  for (const u of compiled.filter((x) => x.changes)) {
    const g = groups.get(u.symbol) || { symbol: u.symbol, area: u.area,
      status: u.status, modern: u.modern, lines: new Set(), uses: 0,
      names: new Set() };
    g.lines.add(`${u.file}:${u.line}`);
    g.names.add(u.name);
    g.uses++;
    groups.set(u.symbol, g);
  }
  const topChanges = [...groups.values()]
    .sort((a, b) => b.lines.size - a.lines.size || b.uses - a.uses ||
      a.symbol.localeCompare(b.symbol))
    .slice(0, 5)
    .map((g) => ({ symbol: g.symbol, names: [...g.names].sort(),
      area: g.area, status: g.status, modern: g.modern,
      lines: g.lines.size, uses: g.uses }));
  const wscripts = report.files.filter((f) => f.kind === 'wscript').length;
  return {
    files: report.files.length,
    uses: compiled.length,
    apis: new Set(compiled.map((u) => u.symbol)).size,
    counts,
    byArea,
    notCompiled: report.uses.length - compiled.length,
    builds: reasons.length === 0,
    reasons: reasons.length ? reasons : [
      compiled.length === 0 ? 'no legacy API in the compiled code' :
        'every legacy API in the compiled code is exact or approximated' +
        (runtime.length ? `; ${runtime.length} unsupported use(s) fail ` +
          'only when they run (JavaScript glue, ignored wscript steps)' : ''),
    ],
    linesTouched: touched.size,
    filesTouched: touchedFiles.size,
    wscripts,
    topChanges,
  };
}

module.exports = { audit, AuditError, kindOf };
