'use strict';
// cli.js: `node-waf audit [DIR] [--json] [--html FILE]`, the migration
// report of an old addon's folder.
const fs = require('fs');
const { audit, AuditError } = require('./audit');
const { renderText } = require('./report_text');
const { renderHtml } = require('./report_html');

const USAGE = `usage: node-waf audit [DIR] [--json] [--html FILE]
                      [--color | --no-color]

Lists every legacy API use (libev, libeio, V8 3.x, node 0.x, waf, node 0.x
JavaScript) in DIR's C/C++ sources, wscripts and .js files (default: the
current folder), with how node-waf-compat handles it and the modern
replacement, and says whether the addon builds with the SDK.

  --json       the report as JSON on stdout
  --html FILE  also write the report as a self-contained HTML page
  --color      colour the text report even when stdout is not a terminal
  --no-color   never colour it
`;

function parse(args) {
  const options = { dir: null, json: false, html: null, colour: null };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--color' || arg === '--colour') options.colour = true;
    else if (arg === '--no-color' || arg === '--no-colour') {
      options.colour = false;
    } else if (arg === '--html' || arg.startsWith('--html=')) {
      const value = arg === '--html' ? args[++i] : arg.slice(7);
      if (!value) throw new AuditError('--html needs a FILE');
      options.html = value;
    } else if (arg === '-h' || arg === '--help') {
      options.help = true;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new AuditError(`unknown option ${arg}`);
    } else if (options.dir === null) {
      options.dir = arg;
    } else {
      throw new AuditError(`one DIR only (got ${options.dir} and ${arg})`);
    }
  }
  return options;
}

// Returns the exit code: 0 for a report (whatever it says), 2 for a usage
// error or an unreadable DIR.
function main(args, { stdout = process.stdout, stderr = process.stderr } = {}) {
  // A reader that stops early (| head) is not an error.
  stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  let options;
  try {
    options = parse(args);
    if (options.help) {
      stdout.write(USAGE);
      return 0;
    }
    const report = audit(options.dir || '.');
    if (options.html) {
      try {
        fs.writeFileSync(options.html, renderHtml(report));
      } catch (error) {
        throw new AuditError(`cannot write ${options.html}: ${error.code ||
          error.message}`);
      }
    }
    if (options.json) {
      stdout.write(JSON.stringify(report, null, 2) + '\n');
    } else {
      const colour = options.colour === null ?
        Boolean(stdout.isTTY) && !process.env.NO_COLOR : options.colour;
      stdout.write(renderText(report, { colour }));
      if (options.html) stdout.write(`\nHTML report: ${options.html}\n`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof AuditError)) throw error;
    stderr.write(`node-waf audit: ${error.message}\n`);
    if (!options || !options.help) stderr.write('(node-waf audit --help ' +
      'for usage)\n');
    return 2;
  }
}

module.exports = { main, parse };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
