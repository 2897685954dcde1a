// The extension on a sample article: serves tests/e2e/site on 127.0.0.1, starts Debian's
// Chromium with dist/chrome loaded, opens the sample news page and prints what Bersih hid, its
// in-page cost and the start of the copied Markdown. With a display ($DISPLAY, or --gui) the
// browser window stays open for you to use (popup, Alt+Shift+R reader view) until you close it;
// without one it runs headless and saves screenshots to build/demo/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { start } from '../tests/e2e/server.mjs';
import { sendToTab } from '../tests/e2e/checks.mjs';

const repo = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXT = path.join(repo, 'dist', 'chrome');
const gui = process.argv.includes('--gui') || (!!process.env.DISPLAY && !process.argv.includes('--headless'));
const page = process.argv.find((a) => a.endsWith('.html') && !a.includes('/')) || 'news-id.html';
const out = path.join(repo, 'build', 'demo');

const { server, origin } = await start(Number(process.env.PORT || 0));
const url = `${origin}/${page}`;
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bersih-demo-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: !gui,
  viewport: gui ? null : { width: 1000, height: 760 },
  args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--no-sandbox', '--disable-gpu',
    '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  let [sw] = ctx.serviceWorkers();
  if (!sw) sw = await ctx.waitForEvent('serviceworker', { timeout: 15000 });
  const tab = ctx.pages()[0] || (await ctx.newPage());
  await tab.goto(url);
  await tab.waitForTimeout(1500); // the page injects a late insert and ad after 0.8 s
  const ask = (message) => sendToTab(sw, url, message);
  const stats = await ask({ type: 'bersih:stats' });
  console.log(`Bersih on ${url} (${stats.path} path)`);
  console.log(`hidden: ${stats.hidden.recirculation} recirculation, ${stats.hidden.ad} ad`);
  for (const item of stats.items) console.log(`  - ${item.kind}: ${item.text || '(no text)'}`);
  console.log(`in-page cost: snapshot ${stats.ms.snapshot} ms, analyse ${stats.ms.analyse} ms, apply ${stats.ms.apply} ms`);
  const md = await ask({ type: 'bersih:copy', format: 'markdown' });
  console.log('\ncopied Markdown (start):\n' + md.text.split('\n').slice(0, 8).join('\n') + '\n…');
  if (gui) {
    console.log(`\nThe browser stays open on ${url}: try the toolbar popup and Alt+Shift+R. Close it to finish.`);
    await new Promise((resolve) => ctx.on('close', resolve));
  } else {
    fs.mkdirSync(out, { recursive: true });
    await tab.screenshot({ path: path.join(out, 'cleaned-page.png') });
    await ask({ type: 'bersih:toggle-reader' });
    await tab.waitForTimeout(300);
    await tab.screenshot({ path: path.join(out, 'reader-view.png') });
    console.log(`\nno display: ran headless; screenshots in ${path.relative(repo, out)}/ (pass --gui under a display to browse)`);
  }
} finally {
  await ctx.close().catch(() => {});
  server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
