// Bersih against Readability.js (the library of Firefox Reader View) in the same browser, on the
// same pages, in the same run: headless Chromium loads each page of ../shared/corpora (or
// $BERSIH_SHARED/corpora) from 127.0.0.1, then times, in the page, alternately
//   Readability.js: `new Readability(document.cloneNode(true)).parse()` (the clone is not timed),
//   Bersih:         `new LivePage(document)`, `snapshot()`, `analyse()`, `article()` (the walk of
//                   the live DOM, detection, extraction, metadata and the three renderings),
// and prints the median time of each per page, their ratio, and the totals (with the share of
// Bersih's time spent walking the DOM). Both read the whole
// page; Bersih also finds the inserts and ads, which Readability.js does not do.
// Not part of scripts/test.sh (a benchmark, not a test); after `bash scripts/build.sh`, run
//   node tests/e2e/vs-readability.mjs [max pages] [runs per page]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { start } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.join(here, '..', '..');
const limit = Number(process.argv[2] || 1000);
const runs = Number(process.argv[3] || 5);
const shared = process.env.BERSIH_SHARED || path.join(repo, '..', 'shared');
const corpora = path.join(shared, 'corpora');
const pkg = path.join(repo, 'build', 'pkg');
if (!fs.existsSync(corpora) || !fs.existsSync(path.join(pkg, 'bersih_bg.wasm'))) {
  console.log(`needs ${corpora} and ${pkg} (run bash scripts/build.sh)`);
  process.exit(0);
}
const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.html') && e.name !== 'expected.html' ? [path.join(dir, e.name)] : []);
const pages = walk(corpora).map((f) => path.relative(corpora, f)).sort().slice(0, limit);

const readability = fs.readFileSync(path.join(repo, 'node_modules', '@mozilla', 'readability', 'Readability.js'), 'utf8');
const glue = fs.readFileSync(path.join(pkg, 'bersih.js'), 'utf8');
const WASM_URL = '/__bersih/bersih_bg.wasm';

const { server, origin } = await start();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--blink-settings=imagesEnabled=false'],
});
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const rows = [];
try {
  const page = await browser.newPage();
  const wasm = fs.readFileSync(path.join(pkg, 'bersih_bg.wasm'));
  // Offline: anything not from the local server fails at once instead of timing out.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === `${origin}${WASM_URL}`) return route.fulfill({ body: wasm, contentType: 'application/wasm' });
    return url.startsWith(origin) ? route.continue() : route.abort();
  });
  for (const rel of pages) {
    try {
      await page.goto(`${origin}/corpora/${rel}`, { waitUntil: 'domcontentloaded', timeout: 20000 });
      await page.addScriptTag({ content: `${readability}\nwindow.__Readability = Readability;` });
      await page.addScriptTag({ content: `${glue}\nwindow.__bersih = wasm_bindgen;` });
      const r = await page.evaluate(async ([wasmUrl, n]) => {
        await window.__bersih({ module_or_path: wasmUrl });
        const timeReadability = () => {
          const clone = document.cloneNode(true);
          const t = performance.now();
          const a = new window.__Readability(clone).parse();
          return [performance.now() - t, !!a];
        };
        const timeBersih = () => {
          const t = performance.now();
          const lp = new window.__bersih.LivePage(document);
          const nodes = lp.snapshot();
          const walked = performance.now();
          lp.analyse({});
          const a = lp.article();
          const ms = performance.now() - t;
          lp.free();
          return [ms, !!a, nodes, walked - t];
        };
        timeReadability();
        timeBersih(); // warm both once
        const ra = [];
        const be = [];
        const walk = [];
        let found = [false, false];
        let nodes = 0;
        for (let i = 0; i < n; i++) {
          const x = timeReadability();
          const y = timeBersih();
          ra.push(x[0]);
          be.push(y[0]);
          walk.push(y[3]);
          found = [x[1], y[1]];
          nodes = y[2];
        }
        return { ra, be, walk, found, nodes };
      }, [WASM_URL, runs]);
      rows.push({ page: rel, nodes: r.nodes, readability: median(r.ra), bersih: median(r.be), walk: median(r.walk), found: r.found });
    } catch (e) {
      console.log(`skipped ${rel}: ${e.message.split('\n')[0]}`);
    }
  }
} finally {
  await browser.close().catch(() => {});
  server.close();
}
for (const r of rows) {
  console.log(`${r.page.padEnd(70)} ${String(r.nodes).padStart(6)} nodes  readability ${r.readability.toFixed(2).padStart(7)} ms  bersih ${r.bersih.toFixed(2).padStart(7)} ms  ratio ${(r.bersih / r.readability).toFixed(2)}`);
}
const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
const ratios = rows.map((r) => r.bersih / r.readability);
console.log(`\n${rows.length} pages, ${runs} runs each (medians): Readability.js ${sum('readability').toFixed(0)} ms, ` +
  `Bersih ${sum('bersih').toFixed(0)} ms in all; Bersih takes ${(sum('bersih') / sum('readability')).toFixed(2)}x ` +
  `Readability.js's time overall, median page ratio ${median(ratios).toFixed(2)}, ` +
  `faster on ${ratios.filter((x) => x < 1).length} of ${rows.length} pages; of Bersih's time, ` +
  `${sum('walk').toFixed(0)} ms is the walk of the live DOM (snapshot()).`);
console.log(`articles found: Readability.js ${rows.filter((r) => r.found[0]).length}, Bersih ${rows.filter((r) => r.found[1]).length}`);
