'use strict';
// report_html.js: the audit report as one self-contained page (inline CSS
// and script, no network): the summary, and a table of uses with filters
// (status, area, file, compiled, text) whose file:line cells link to the
// source through file:// URLs.
const { pathToFileURL } = require('url');

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ({
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;',
}[c]));

// JSON inside a <script> element: nothing in it may close the element.
const scriptJson = (value) => JSON.stringify(value)
  .replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028')
  .replace(/\u2029/g, '\\u2029');

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #222; }
h1 { font-size: 20px; margin: 0 0 8px; }
.summary { background: #f4f6f8; border: 1px solid #d0d7de; padding: 12px;
  margin-bottom: 16px; }
.summary li { margin: 2px 0; }
.yes { color: #1a7f37; font-weight: bold; }
.no { color: #cf222e; font-weight: bold; }
.filters { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0; }
.filters label { display: flex; gap: 4px; align-items: center; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: 4px 6px; text-align: left;
  vertical-align: top; }
th { background: #24292f; color: #fff; position: sticky; top: 0; }
tr.exact td.status { background: #dafbe1; }
tr.approximated td.status { background: #fff8c5; }
tr.unsupported td.status { background: #ffebe9; }
tr.skipped { color: #777; }
code { font: 12px ui-monospace, monospace; white-space: pre-wrap;
  overflow-wrap: anywhere; }
#count { font-weight: bold; }
`;

// The page's own script: fills the table from the embedded data and
// re-filters it on every change of a control.
const SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('audit-data').textContent);
  var body = document.getElementById('uses');
  var controls = ['status', 'area', 'file', 'compiled', 'search'].map(
    function (id) { return document.getElementById(id); });
  function cell(row, text, cls) {
    var td = document.createElement('td');
    if (cls) td.className = cls;
    td.textContent = text;
    row.appendChild(td);
    return td;
  }
  data.uses.forEach(function (u) {
    var row = document.createElement('tr');
    row.className = u.status + (u.compiled ? '' : ' skipped');
    row.dataset.status = u.status;
    row.dataset.area = u.area;
    row.dataset.file = u.file;
    row.dataset.compiled = u.compiled ? 'yes' : 'no';
    row.dataset.text = [u.file, u.name, u.symbol, u.mechanism, u.modern,
      u.text].join(' ').toLowerCase();
    var where = cell(row, '');
    var link = document.createElement('a');
    link.href = u.url;
    link.textContent = u.file + ':' + u.line;
    where.appendChild(link);
    cell(row, u.name).className = 'name';
    cell(row, u.status, 'status');
    cell(row, u.area);
    cell(row, u.compiled ? 'yes' : 'no (#' + u.branch.directive +
      ' at line ' + u.branch.line + ')');
    cell(row, u.mechanism);
    cell(row, u.modern);
    var src = cell(row, '');
    var code = document.createElement('code');
    code.textContent = u.text;
    src.appendChild(code);
    body.appendChild(row);
  });
  function apply() {
    var status = controls[0].value, area = controls[1].value,
      file = controls[2].value, compiled = controls[3].value,
      search = controls[4].value.toLowerCase();
    var shown = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var d = row.dataset;
      var visible = (!status || d.status === status) &&
        (!area || d.area === area) && (!file || d.file === file) &&
        (!compiled || d.compiled === compiled) &&
        (!search || d.text.indexOf(search) >= 0);
      row.hidden = !visible;
      if (visible) shown++;
    });
    document.getElementById('count').textContent = shown;
  }
  controls.forEach(function (c) {
    c.addEventListener('input', apply);
    c.addEventListener('change', apply);
  });
  var params = new URLSearchParams(location.hash.slice(1));
  controls.forEach(function (c) {
    if (params.has(c.id)) c.value = params.get(c.id);
  });
  apply();
  document.body.dataset.ready = 'yes';
})();
`;

function options(values) {
  return ['<option value="">all</option>',
    ...values.map((v) => `<option>${escapeHtml(v)}</option>`)].join('');
}

function renderHtml(report) {
  const s = report.summary;
  const uses = report.uses.map((u) => ({
    file: u.file, line: u.line, name: u.name, status: u.status,
    area: u.area, symbol: u.symbol, mechanism: u.mechanism,
    modern: u.modern, compiled: u.compiled, branch: u.branch, text: u.text,
    url: `${pathToFileURL(u.path).href}#L${u.line}`,
  }));
  const distinct = (key) => [...new Set(report.uses.map((u) => u[key]))]
    .sort();
  const counts = ['exact', 'approximated', 'unsupported']
    .map((st) => `${s.counts[st]} ${st}`).join(', ');
  const conditionals = report.conditionals.map((c) => {
    const taken = c.branches.find((b) => b.compiled);
    return `<li><code>${escapeHtml(`${c.file}:${c.line}`)}</code> ` +
      `<code>${escapeHtml(c.branches[0].text)}</code>: compiles ` +
      (taken ? `line ${taken.line} <code>${escapeHtml(taken.text)}</code>` :
        'no branch') + '</li>';
  }).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>node-waf audit: ${escapeHtml(report.root)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>node-waf audit: <code>${escapeHtml(report.root)}</code></h1>
<div class="summary">
<ul>
<li>Files: ${s.files}</li>
<li>Legacy API: ${s.uses} uses of ${s.apis} APIs: ${counts}` +
    (s.notCompiled ? ` (+${s.notCompiled} in #if branches the SDK does ` +
      'not compile)' : '') + `</li>
<li>Builds with the SDK: <span id="builds" class="${s.builds ? 'yes' : 'no'}">${
  s.builds ? 'yes' : 'no'}</span>: ${s.reasons.map(escapeHtml).join('; ')}</li>
<li>Hand port: about ${s.linesTouched} lines to change in ${s.filesTouched}
file(s)${s.wscripts ? `, and ${s.wscripts} wscript to replace by a
binding.gyp` : ''} (distinct compiled lines with a legacy use whose modern
replacement is spelled differently)</li>
${s.topChanges.length ? `<li>Top changes:<ol>${s.topChanges.map((c) =>
    `<li><code>${escapeHtml(c.names.join(', '))}</code> &rarr;
${escapeHtml(c.modern)}
(${c.lines} line${c.lines === 1 ? '' : 's'})</li>`).join('')}</ol></li>` :
    ''}
${conditionals ? `<li>#if branches (the SDK reports node
${escapeHtml(report.facadeVersion)}):<ul>${conditionals}</ul></li>` : ''}
</ul>
</div>
<div class="filters">
<label>Status <select id="status">${options(['exact', 'approximated',
    'unsupported'])}</select></label>
<label>Area <select id="area">${options(distinct('area'))}</select></label>
<label>File <select id="file">${options(distinct('file'))}</select></label>
<label>Compiled <select id="compiled">${options(['yes', 'no'])}</select>
</label>
<label>Search <input id="search" type="search"></label>
<span><span id="count">0</span> of ${uses.length} uses shown</span>
</div>
<table>
<thead><tr><th>Where</th><th>API</th><th>Status</th><th>Area</th>
<th>Compiled</th><th>How the SDK does it</th><th>Modern replacement</th>
<th>Source</th></tr></thead>
<tbody id="uses"></tbody>
</table>
<script type="application/json" id="audit-data">${scriptJson({ uses })}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

module.exports = { renderHtml };
