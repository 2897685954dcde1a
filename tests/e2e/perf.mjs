// The extension's own timings and decisions on real pages, in headless Chromium: the shared
// corpora (../shared/corpora or $BERSIH_SHARED/corpora: Mozilla Readability's test pages and the
// Indonesian news pages) are served on 127.0.0.1, each once plainly and once under a strict CSP
// (whose inline scripts cannot run), and the content script's own timings (walk, round trip to
// the background's analysis, apply) are read back with {type: "bersih:stats"}. The cost a page
// load adds, beside Readability.js, is measured by tests/e2e/pageload.mjs. When the CLI is built, the hidden items of each page
// are also compared with what `bersih extract` removes from the same file (exact on pages whose
// own scripts do not change the DOM: the strict-CSP copies, whose inline scripts are blocked).
// The reader view is then opened on each page with name highlights off and on (the first open
// with them on tags the article), and its open time ({type: "bersih:stats"}.ms.reader) compared.
// Not part of scripts/test.sh; run it by hand:
//   node tests/e2e/perf.mjs [max pages]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { start } from './server.mjs';
import { extensionDir, sendToTab, waitFor } from './checks.mjs';

const limit = Number(process.argv[2] || 40);
const shared = process.env.BERSIH_SHARED || path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..', 'shared');
const corpora = path.join(shared, 'corpora');
if (!fs.existsSync(corpora)) {
  console.log(`no corpora at ${corpora}`);
  process.exit(0);
}
const pages = [];
const rt = path.join(corpora, 'readability-test-pages');
for (const name of fs.existsSync(rt) ? fs.readdirSync(rt).sort() : []) {
  if (fs.existsSync(path.join(rt, name, 'source.html'))) pages.push(`readability-test-pages/${name}/source.html`);
}
const news = path.join(corpora, 'id-news-html');
const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.html') ? [path.join(dir, e.name)] : []);
if (fs.existsSync(news)) for (const f of walk(news).sort()) pages.push(path.relative(corpora, f));
const chosen = pages.sort((a, b) => fs.statSync(path.join(corpora, b)).size - fs.statSync(path.join(corpora, a)).size).slice(0, limit);

const EXT = extensionDir('chrome');
const { server, origin } = await start();
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bersih-perf-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--no-sandbox', '--disable-gpu',
    '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--blink-settings=imagesEnabled=false'],
});
const rows = [];
const repo = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const cli = path.join(process.env.CARGO_TARGET_DIR || path.join(repo, 'target'), 'release', 'bersih');
const cliItems = (rel) => {
  if (!fs.existsSync(cli)) return null;
  let out;
  try {
    out = execFileSync(cli, ['extract', path.join(corpora, rel)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  } catch (e) {
    out = e.stdout;
  }
  try {
    return JSON.parse(out).removed.filter((x) => x.kind !== 'boilerplate').map((x) => `${x.kind}:${x.text}`);
  } catch (_) {
    return null;
  }
};
try {
  let [sw] = ctx.serviceWorkers();
  if (!sw) sw = await ctx.waitForEvent('serviceworker', { timeout: 15000 });
  const page = ctx.pages()[0] || (await ctx.newPage());
  // Offline: a page's requests to other sites fail at once instead of holding up its load event
  // (the extension's own files are not web requests of the page and pass).
  await page.route(/^https?:/, (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  const send = (url, message) => sendToTab(sw, url, message);
  const stats = (url) => send(url, { type: 'bersih:stats' });
  // storage.sync takes at most 120 writes a minute: two per page visit need pacing.
  let lastWrite = 0;
  const highlight = async (on) => {
    const wait = lastWrite + 600 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    lastWrite = Date.now();
    return sw.evaluate((v) => chrome.storage.sync.set({ settings: { highlight: v } }), on);
  };
  /** Opens the reader, reads its open time and closes it again. */
  const readerMs = async (url) => {
    const res = await send(url, { type: 'bersih:toggle-reader' });
    const s = await stats(url);
    await send(url, { type: 'bersih:toggle-reader' });
    return res && res.article_found ? { ms: s.ms.reader, entities: res.entities } : null;
  };
  for (const rel of chosen) {
    const want = cliItems(rel);
    for (const prefix of ['', '/csp']) {
      const url = `${origin}${prefix}/corpora/${rel}`;
      try {
        await page.goto(url, { waitUntil: 'load', timeout: 20000 });
        const s = await waitFor(() => stats(url), { timeout: 15000, what: url });
        const got = s.items.map((x) => `${x.kind}:${x.text}`);
        const same = want ? JSON.stringify(got) === JSON.stringify(want) : null;
        await highlight(false);
        await new Promise((r) => setTimeout(r, 100)); // the content script reloads its settings
        const plain = await readerMs(url);
        await highlight(true);
        await new Promise((r) => setTimeout(r, 100));
        const marked = await readerMs(url);
        const reader = plain && marked ? { plainMs: plain.ms, markedMs: marked.ms, entities: marked.entities } : {};
        rows.push({ page: rel, nodes: s.nodes, ...s.ms, hidden: s.hidden.recirculation + s.hidden.ad, same, csp: !!prefix, ...reader });
      } catch (e) {
        console.log(`skipped ${prefix}${rel}: ${e.message.split('\n')[0]}`);
      }
    }
  }
} finally {
  await ctx.close().catch(() => {});
  server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : 0;
};
for (const r of rows) {
  const cmp = r.same === null ? '' : r.same ? '  =CLI' : '  ≠CLI';
  const reader = r.markedMs === undefined ? '' : `  reader ${String(r.plainMs).padStart(5)} / ${String(r.markedMs).padStart(6)} ms (${r.entities} names)`;
  console.log(`${String(r.nodes).padStart(6)} nodes  snapshot ${String(r.snapshot).padStart(6)}  analyse ${String(r.analyse).padStart(6)}  apply ${String(r.apply).padStart(5)} ms  hidden ${r.hidden}${cmp}${reader}  ${r.csp ? 'csp/' : ''}${r.page}`);
}
for (const csp of [false, true]) {
  const rs = rows.filter((r) => r.csp === csp);
  if (!rs.length) continue;
  const p = csp ? 'strict-CSP copies' : 'plain pages';
  const total = rs.map((r) => r.snapshot + r.analyse + r.apply);
  console.log(`${p}: ${rs.length} pages, median nodes ${pct(rs.map((r) => r.nodes), 50)}; snapshot+analyse+apply median ${pct(total, 50).toFixed(1)} ms, p90 ${pct(total, 90).toFixed(1)} ms, max ${Math.max(...total).toFixed(1)} ms`);
  const open = rs.filter((r) => r.markedMs !== undefined);
  for (const [what, key] of [['without highlights', 'plainMs'], ['with highlights (first open)', 'markedMs']]) {
    const ms = open.map((r) => r[key]);
    if (ms.length) console.log(`${p}: reader open ${what}: ${ms.length} articles, median ${pct(ms, 50).toFixed(1)} ms, p90 ${pct(ms, 90).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms`);
  }
}
for (const csp of [false, true]) {
  const rs = rows.filter((r) => r.csp === csp && r.same !== null);
  if (rs.length) console.log(`${csp ? 'strict-CSP copies' : 'plain pages'}: hidden items equal to the CLI's on ${rs.filter((r) => r.same).length} of ${rs.length}`);
}
