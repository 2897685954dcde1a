// End-to-end tests in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core)
// with dist/chrome loaded as an unpacked extension. Ends with "N passed, N failed".
// SHOTS=1 saves screenshots to docs/screenshots (cleaned page, reader view, popup).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { start } from './server.mjs';
import { Results, runChecks, printPerf, extensionDir, shotsDir, waitFor } from './checks.mjs';

const EXT = extensionDir('chrome');
const r = new Results('chromium');
const shots = process.env.SHOTS === '1';
const pageErrors = [];

const { server, origin } = await start();
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bersih-chromium-'));
const ctx = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1000, height: 760 },
  args: [
    `--disable-extensions-except=${EXT}`,
    `--load-extension=${EXT}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
let code = 1;
try {
  let [sw] = ctx.serviceWorkers();
  if (!sw) sw = await ctx.waitForEvent('serviceworker', { timeout: 15000 });
  const extId = new URL(sw.url()).host;
  // Which wasm modules the background compiles (its fetches of extension files are not in its
  // resource timing): recorded from the start, before any page is loaded.
  await sw.evaluate(() => {
    const compile = WebAssembly.instantiateStreaming;
    globalThis.__bersihTestCompiled = [];
    WebAssembly.instantiateStreaming = async (source, imports) => {
      globalThis.__bersihTestCompiled.push((await source).url);
      return compile(source, imports);
    };
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    // Fixture pages link images on hosts this closed network cannot resolve: not our errors.
    if (m.text().startsWith('Failed to load resource')) return;
    if (m.type() === 'debug') console.log(`  (console.debug) ${m.text()}`);
    if (m.type() === 'error' || m.text().startsWith('[bersih]')) pageErrors.push(`${m.type()}: ${m.text()}`);
  });

  // Tab URLs are hidden from an extension without the "tabs" permission (Bersih has none), so
  // the tab is found by asking each content script where it runs.
  const tabId = (url) =>
    sw.evaluate(async (u) => {
      for (const t of await chrome.tabs.query({})) {
        try {
          const s = await chrome.tabs.sendMessage(t.id, { type: 'bersih:stats' });
          if (s && s.url === u) return t.id;
        } catch (_) {
          /* no content script there */
        }
      }
      return undefined;
    }, url);

  const driver = {
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    page: (fn, arg) => page.evaluate(fn, arg),
    send: async (url, message) => {
      const id = await waitFor(() => tabId(url), { what: `tab ${url}` });
      return sw.evaluate(([i, m]) => chrome.tabs.sendMessage(i, m), [id, message]);
    },
    key: (name) => page.keyboard.press(name),
    commands: () => sw.evaluate(() => chrome.commands.getAll()),
    fetched: () => sw.evaluate(() => globalThis.__bersihTestCompiled || []),
    settings: (value) =>
      sw.evaluate((v) => (v ? chrome.storage.sync.set({ settings: v }) : chrome.storage.sync.remove('settings')), value),
    shot: async (name, selector) => {
      fs.mkdirSync(shotsDir, { recursive: true });
      const file = path.join(shotsDir, `${name}.png`);
      if (selector) await page.locator(selector).screenshot({ path: file });
      else await page.screenshot({ path: file });
    },
    popup: async (url, takeShot) => {
      const id = await tabId(url);
      const popup = await ctx.newPage();
      await popup.setViewportSize({ width: 340, height: 520 });
      await popup.goto(`chrome-extension://${extId}/popup/popup.html?tab=${id}`);
      await popup.waitForSelector('body[data-ready="1"]', { timeout: 10000 });
      const res = await popup.evaluate(() => ({
        recirculation: document.getElementById('count-recirculation').textContent,
        ad: document.getElementById('count-ad').textContent,
        items: [...document.querySelectorAll('#items li')].map((li) => li.textContent),
        reasons: [...document.querySelectorAll('#items li')].map((li) => li.querySelector('.why')?.textContent || ''),
      }));
      if (takeShot) {
        fs.mkdirSync(shotsDir, { recursive: true });
        await popup.screenshot({ path: path.join(shotsDir, 'popup.png') });
      }
      await popup.close();
      return res;
    },
  };

  const perf = await runChecks(driver, origin, r, { shots });

  await r.check('no page errors and no [bersih] warnings', async () => {
    if (pageErrors.length) throw new Error(pageErrors.join(' | '));
  });
  printPerf('chromium', perf);
  code = r.finish();
} catch (e) {
  console.log(`FAIL chromium: setup: ${e && e.stack}`);
  r.failed++;
  code = r.finish();
} finally {
  await ctx.close().catch(() => {});
  server.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
process.exit(code);
