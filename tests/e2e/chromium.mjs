// End-to-end tests in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core)
// with dist/chrome loaded as an unpacked extension. Ends with "N passed, N failed".
// SHOTS=1 saves screenshots to docs/screenshots (cleaned page, reader view, popup).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { start } from './server.mjs';
import { Results, runChecks, printPerf, extensionDir, shotsDir, waitFor } from './checks.mjs';
import { runHostileChecks } from './hostile.mjs';
import { runPagedChecks } from './paged.mjs';

const EXT = extensionDir('chrome');
const r = new Results('chromium');
const shots = process.env.SHOTS === '1';
const pageErrors = [];
const bersihLines = [];

const { server, origin, log } = await start();
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
    // Fixture pages link images on hosts this closed network cannot resolve, and a hostile page
    // tries to load the extension's files: not our errors.
    if (m.text().startsWith('Failed to load resource')) return;
    if (m.type() === 'debug') console.log(`  (console.debug) ${m.text()}`);
    if (m.text().startsWith('[bersih]')) bersihLines.push(m.text());
    if (m.type() === 'error' || m.text().startsWith('[bersih]')) pageErrors.push(`${m.type()}: ${m.text()}`);
  });
  // The reader's shadow root is closed to the page; the debugging protocol's DOM domain still
  // reaches it (`pierce`), and runs test functions on it in the page's world.
  const cdp = await ctx.newCDPSession(page);
  const readerRoot = async () => {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'html > bersih-reader' });
    for (const nodeId of nodeIds.reverse()) {
      const { node } = await cdp.send('DOM.describeNode', { nodeId, pierce: true });
      const shadow = node.shadowRoots && node.shadowRoots[0];
      if (shadow) return (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })).object;
    }
    return null;
  };

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
    reader: async (fn, arg) => {
      const root = await readerRoot();
      if (!root) return null;
      try {
        const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
          objectId: root.objectId,
          functionDeclaration: `function (arg) { return (${fn})(this, arg); }`,
          arguments: [{ value: arg }],
          returnByValue: true,
          awaitPromise: true,
        });
        if (exceptionDetails) throw new Error(`in the reader: ${exceptionDetails.exception?.description || exceptionDetails.text}`);
        return result.value;
      } finally {
        await cdp.send('Runtime.releaseObject', { objectId: root.objectId }).catch(() => {});
      }
    },
    click: (x, y) => page.mouse.click(x, y),
    send: async (url, message) => {
      const id = await waitFor(() => tabId(url), { what: `tab ${url}` });
      return sw.evaluate(([i, m]) => chrome.tabs.sendMessage(i, m), [id, message]);
    },
    sendLater: async (url, message) => {
      const answer = driver.send(url, message);
      answer.catch(() => {}); // rejected only when asked for
      return () => answer;
    },
    beside: async (url, fn, arg) => {
      const other = await ctx.newPage();
      try {
        await other.goto(url, { waitUntil: 'load' });
        return await waitFor(() => other.evaluate(fn, arg), { what: `${fn.name || 'condition'} in ${url}` });
      } finally {
        await other.close();
      }
    },
    key: (name) => page.keyboard.press(name),
    commands: () => sw.evaluate(() => chrome.commands.getAll()),
    fetched: () => sw.evaluate(() => globalThis.__bersihTestCompiled || []),
    own: (file) =>
      sw.evaluate(async (f) => {
        const url = chrome.runtime.getURL(f);
        return { url, ok: (await fetch(url)).ok };
      }, file),
    logged: async () => [...bersihLines],
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
        pages: ((p) => (p && !p.hidden && p.getClientRects().length ? p.textContent.trim() : ''))(document.getElementById('pages')),
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
  await runHostileChecks(driver, origin, r);
  await runPagedChecks(driver, origin, r, log, { shots });

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
