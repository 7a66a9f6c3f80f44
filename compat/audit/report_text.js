'use strict';
// report_text.js: the audit report for a terminal: the summary first, then
// the #if branches the SDK takes, then every use grouped by file.

const COLOURS = { exact: 32, approximated: 33, unsupported: 31, dim: 2,
  bold: 1 };

function renderText(report, { colour = false } = {}) {
  const paint = (what, text) =>
    (colour ? `\x1b[${COLOURS[what]}m${text}\x1b[0m` : text);
  const s = report.summary;
  const out = [];
  const kinds = (kind) => report.files.filter((f) => f.kind === kind).length;
  out.push(paint('bold', `node-waf audit: ${report.dir}`));
  out.push(`  files:      ${s.files} (${kinds('c++') + kinds('c')} C/C++, ` +
    `${kinds('wscript')} wscript, ${kinds('js')} JavaScript)`);
  out.push(`  legacy API: ${s.uses} uses of ${s.apis} APIs: ` +
    ['exact', 'approximated', 'unsupported'].map((st) =>
      paint(st, `${s.counts[st]} ${st}`)).join(', ') +
    (s.notCompiled ? paint('dim', ` (+${s.notCompiled} in #if branches ` +
      'the SDK does not compile)') : ''));
  out.push(`  builds with the SDK: ${s.builds ? paint('exact', 'yes') :
    paint('unsupported', 'no')}`);
  for (const reason of s.reasons) out.push(`    ${reason}`);
  out.push(`  hand port:  about ${s.linesTouched} lines to change in ` +
    `${s.filesTouched} file(s)` + (s.wscripts ? `, and ${s.wscripts} ` +
      'wscript to replace by a binding.gyp (node-waf --gyp writes one)' : ''));
  out.push(paint('dim', '    (distinct compiled lines with a legacy use ' +
    'whose modern replacement is spelled differently)'));
  if (s.topChanges.length) {
    out.push('  top changes:');
    s.topChanges.forEach((c, i) => {
      out.push(`    ${i + 1}. ${c.names.join(', ')} -> ${c.modern} ` +
        paint('dim', `(${c.lines} line${c.lines === 1 ? '' : 's'})`));
    });
  }
  if (report.conditionals.length) {
    out.push('');
    out.push(paint('bold', `#if branches (the SDK reports node ` +
      `${report.facadeVersion}):`));
    for (const c of report.conditionals) {
      const taken = c.branches.find((b) => b.compiled);
      out.push(`  ${c.file}:${c.line}  ${c.branches[0].text}`);
      out.push(`    compiles: ${taken ? `line ${taken.line}: ${taken.text}` :
        'no branch'}`);
    }
  }
  let file = null;
  for (const u of report.uses) {
    if (u.file !== file) {
      file = u.file;
      out.push('');
      out.push(paint('bold', file));
    }
    const where = `${u.file}:${u.line}`;
    // One line per use: where, what, the SDK's status, the modern call.
    const status = paint(u.status, u.status.padEnd(12));
    const skipped = u.compiled ? '' : paint('dim',
      ` [not compiled: #${u.branch.directive} at line ${u.branch.line}]`);
    out.push(`  ${where.padEnd(24)} ${u.name.padEnd(26)} ${status} ` +
      `-> ${u.modern}${skipped}`);
    // What differs (approximated) or why it fails (unsupported).
    if (u.status !== 'exact') {
      out.push(paint('dim', `      SDK: ${u.mechanism}`));
    }
  }
  if (report.unknown.length) {
    out.push('');
    out.push(paint('bold', 'names the SDK does not declare:'));
    for (const u of report.unknown) {
      out.push(`  ${u.file}:${u.line}  ${u.name}`);
    }
  }
  return out.join('\n') + '\n';
}

module.exports = { renderText };
