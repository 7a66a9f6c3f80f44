'use strict';
// node-waf audit --html: one self-contained page that a browser renders as
// a filterable table, checked in headless Chromium (a screenshot whose table
// region is drawn, and the DOM after the page's filters ran).
const t = require('tap');
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { pathToFileURL } = require('url');

const root = path.join(__dirname, '..');
const nodeWaf = path.join(root, 'compat', 'bin', 'node-waf');
const fixture = path.join(__dirname, 'fixtures', 'audit', 'classic04');
// Chromium starts slowly on two busy cores; each run gets this long.
const BROWSER_TIMEOUT = 90 * 1000;

function findChromium() {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`],
      { encoding: 'utf8' });
    if (found.status === 0) return found.stdout.trim();
  }
  return null;
}

// { width, height, pixel(x, y) -> [r, g, b] } of an 8-bit RGB or RGBA PNG,
// non-interlaced, as Chromium writes its screenshots.
function decodePng(buffer) {
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  if (!buffer.subarray(0, 8).equals(signature)) throw new Error('not a PNG');
  let offset = 8;
  let header;
  const data = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4),
        depth: body[8], colour: body[9], interlace: body[12] };
    } else if (type === 'IDAT') {
      data.push(body);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  if (!header || header.depth !== 8 || header.interlace !== 0 ||
      ![2, 6].includes(header.colour)) {
    throw new Error(`unsupported PNG ${JSON.stringify(header)}`);
  }
  const channels = header.colour === 6 ? 4 : 3;
  const stride = header.width * channels;
  const raw = zlib.inflateSync(Buffer.concat(data));
  const pixels = Buffer.alloc(stride * header.height);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[y * stride + x - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = y > 0 && x >= channels ?
        pixels[(y - 1) * stride + x - channels] : 0;
      let value = line[x];
      if (filter === 1) value += left;
      else if (filter === 2) value += up;
      else if (filter === 3) value += (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        value += pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      pixels[y * stride + x] = value & 0xff;
    }
  }
  return {
    width: header.width,
    height: header.height,
    pixel: (x, y) => {
      const i = y * stride + x * channels;
      return [pixels[i], pixels[i + 1], pixels[i + 2]];
    },
  };
}

const chromium = findChromium();

function browse(t, args) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-chromium-'));
  t.teardown(() => fs.rmSync(profile, { recursive: true, force: true }));
  return spawnSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu',
    '--no-first-run', `--user-data-dir=${profile}`, ...args],
  { encoding: 'latin1', timeout: BROWSER_TIMEOUT,
    maxBuffer: 64 * 1024 * 1024 });
}

t.test('the HTML report in headless Chromium', {
  skip: chromium ? false : 'chromium is not installed (apt-get install ' +
    'chromium; .ci/run installs it)',
  timeout: 4 * BROWSER_TIMEOUT,
}, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-html-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  const page = path.join(dir, 'report.html');
  const made = spawnSync(process.execPath, [nodeWaf, 'audit', fixture,
    '--html', page], { encoding: 'utf8' });
  t.equal(made.status, 0, made.stderr);
  const html = fs.readFileSync(page, 'utf8');
  t.notMatch(html, /\b(src|href)="https?:/, 'nothing loaded from a network');
  t.match(html, /<style>/);

  t.test('a screenshot shows the table', async (t) => {
    const shot = path.join(dir, 'shot.png');
    const run = browse(t, [`--screenshot=${shot}`, '--window-size=1200,900',
      pathToFileURL(page).href]);
    t.notOk(run.error, run.error && run.error.message);
    t.ok(fs.existsSync(shot), 'Chromium wrote the screenshot');
    const png = decodePng(fs.readFileSync(shot));
    t.same([png.width, png.height], [1200, 900]);
    // The table fills the lower half of the window: its text and borders
    // are dark pixels, its status cells the page's green for "exact".
    let dark = 0;
    let green = 0;
    let total = 0;
    for (let y = 450; y < png.height; y += 2) {
      for (let x = 0; x < png.width; x += 2) {
        const [r, g, b] = png.pixel(x, y);
        total++;
        if (r + g + b < 3 * 160) dark++;
        if (Math.abs(r - 0xda) < 8 && Math.abs(g - 0xfb) < 8 &&
            Math.abs(b - 0xe1) < 8) green++;
      }
    }
    t.ok(dark / total > 0.01, `table text drawn (${dark} of ${total} ` +
      'sampled pixels dark)');
    t.ok(green > 200, `exact status cells drawn (${green} green pixels)`);
  });

  t.test('the filters keep the matching rows only', async (t) => {
    const rows = (hash) => {
      const run = browse(t, ['--dump-dom',
        `${pathToFileURL(page).href}#${hash}`]);
      t.notOk(run.error, run.error && run.error.message);
      t.match(run.stdout, /<body data-ready="yes">/, 'the page script ran');
      const body = /<tbody id="uses">([\s\S]*)<\/tbody>/.exec(run.stdout);
      const all = body ? body[1].match(/<tr[^>]*>/g) || [] : [];
      return { all: all.length,
        // The hidden attribute, not the word in a row's data-text.
        shown: all.filter((tr) => !/\shidden=""/.test(tr)).length };
    };
    t.same(rows(''), { all: 35, shown: 35 }, 'every use is a row');
    t.same(rows('status=approximated'), { all: 35, shown: 5 });
    t.same(rows('compiled=no'), { all: 35, shown: 4 });
    // The search looks through every column of a row.
    const report = JSON.parse(spawnSync(process.execPath, [nodeWaf, 'audit',
      fixture, '--json'], { encoding: 'utf8' }).stdout);
    const matching = report.uses.filter((u) => [u.file, u.name, u.symbol,
      u.mechanism, u.modern, u.text].join(' ').toLowerCase()
      .includes('ev_timer')).length;
    t.ok(matching >= 3 && matching < 35, `${matching} uses mention ev_timer`);
    t.same(rows('search=ev_timer'), { all: 35, shown: matching });
    t.same(rows('status=approximated&area=ev'), { all: 35, shown: 2 });
  });
});
