// End-to-end tests in headless Firefox ESR (Debian's /usr/bin/firefox-esr, driven by
// geckodriver from `cargo install` and selenium-webdriver) with dist/bersih-firefox-<version>.zip
// installed as a temporary add-on. Ends with "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';
import { Builder, By, Key, Origin, error, until } from 'selenium-webdriver';
import LogInspector from 'selenium-webdriver/bidi/logInspector.js';
import firefox from 'selenium-webdriver/firefox.js';
import { start } from './server.mjs';
import { Results, runChecks, printPerf, extensionDir, shotsDir, waitFor } from './checks.mjs';
import { runHostileChecks } from './hostile.mjs';
import { runPagedChecks } from './paged.mjs';

const EXT = extensionDir('firefox');
const MANIFEST = JSON.parse(fs.readFileSync(path.join(EXT, 'manifest.json'), 'utf8'));
const ADDON_ID = MANIFEST.browser_specific_settings.gecko.id;
// The installable artifact itself, as a user would load it (about:debugging accepts the zip).
const ZIP = path.join(EXT, '..', `bersih-firefox-${MANIFEST.version}.zip`);
const UUID = '6f1d3c2a-7b8e-4f5a-9c0d-1e2f3a4b5c6d'; // fixed moz-extension host for the tests
const BASE = `moz-extension://${UUID}`;
/** The W3C wire form of a shadow root reference (selenium-webdriver 4.46 sends a ShadowRoot
 * argument as its bare id, which geckodriver rejects). */
const SHADOW_KEY = 'shadow-6066-11e4-a52e-4f735466cecf';
const r = new Results('firefox');
const shots = process.env.SHOTS === '1';

const gecko = process.env.GECKODRIVER || path.join(process.env.HOME, '.cargo', 'bin', 'geckodriver');
const opts = new firefox.Options()
  .setBinary(process.env.FIREFOX || '/usr/bin/firefox-esr')
  .addArguments('-headless', '-width=1000', '-height=760');
opts.setPreference('extensions.webextensions.uuids', JSON.stringify({ [ADDON_ID]: UUID }));
opts.enableBidi(); // for the console: content scripts' "[bersih]" lines
// No update checks, telemetry or remote settings on a closed network.
opts.setPreference('app.update.enabled', false);
opts.setPreference('toolkit.telemetry.enabled', false);
opts.setPreference('datareporting.policy.dataSubmissionEnabled', false);
// A page attacking from a background tab keeps its pace while a hostile check opens a second tab
// (Firefox otherwise clamps background tabs' timers to a second).
opts.setPreference('dom.min_background_timeout_value', 4);
opts.setPreference('dom.timeout.enable_budget_timer_throttling', false);
const service = new firefox.ServiceBuilder(gecko).addArguments('--allow-system-access');

const { server, origin, log } = await start();
let driver;
let code = 1;
try {
  driver = await new Builder().forBrowser('firefox').setFirefoxOptions(opts).setFirefoxService(service).build();
  const bersihLines = [];
  await (await LogInspector(driver)).onConsoleEntry((e) => {
    if (String(e.text).startsWith('[bersih]')) bersihLines.push(e.text);
  });
  await driver.installAddon(fs.existsSync(ZIP) ? ZIP : EXT, true);
  const pageTab = await driver.getWindowHandle();
  // A second tab on an extension page runs the extension APIs (tabs.sendMessage) for the tests.
  await driver.switchTo().newWindow('tab');
  const helperTab = await driver.getWindowHandle();
  await driver.get(`${BASE}/options/options.html`);
  await driver.wait(until.elementLocated(By.css('body[data-ready="1"]')), 10000);
  await driver.switchTo().window(pageTab);

  const inHelper = async (fn) => {
    await driver.switchTo().window(helperTab);
    try {
      return await fn();
    } finally {
      await driver.switchTo().window(pageTab);
    }
  };
  // Runs in the helper tab: {id, answer} from the content script of the tab showing `url`, null
  // when none does, {error} when sending failed.
  const SEND = `async (url, message) => {
    try {
      for (const t of await browser.tabs.query({})) {
        try {
          const s = await browser.tabs.sendMessage(t.id, { type: 'bersih:stats' });
          if (s && s.url === url) return { id: t.id, answer: await browser.tabs.sendMessage(t.id, message) };
        } catch (_) { /* no content script there */ }
      }
      return null;
    } catch (e) {
      return { error: String(e) };
    }
  }`;
  const sendTo = (url, message) =>
    inHelper(() => driver.executeAsyncScript(`const [url, message, done] = arguments; (${SEND})(url, message).then(done);`, url, message));
  const answerOf = (res, url) => {
    if (!res || res.error) throw new Error(`no content script answered on ${url}${res ? ': ' + res.error : ''}`);
    return res.answer;
  };

  const d = {
    goto: (url) => driver.get(url),
    page: (fn, arg) => driver.executeScript(`return (${fn.toString()})(arguments[0]);`, arg),
    // WebDriver's Get Element Shadow Root returns closed roots too.
    reader: async (fn, arg) => {
      for (const host of (await driver.findElements(By.css('html > bersih-reader'))).reverse()) {
        let root;
        try {
          root = await host.getShadowRoot();
        } catch (e) {
          if (e instanceof error.NoSuchShadowRootError) continue;
          throw e;
        }
        return driver.executeScript(`return (${fn})(arguments[0], arguments[1]);`, { [SHADOW_KEY]: await root.getId() }, arg);
      }
      return null;
    },
    click: (x, y) => driver.actions().move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT }).click().perform(),
    send: async (url, message) => answerOf(await sendTo(url, message), url),
    sendLater: async (url, message) => {
      await inHelper(() => driver.executeScript(`const [url, message] = arguments; window.__later = (${SEND})(url, message);`, url, message));
      return async () => answerOf(await inHelper(() => driver.executeAsyncScript('window.__later.then(arguments[0]);')), url);
    },
    beside: async (url, fn, arg) => {
      await driver.switchTo().newWindow('tab');
      try {
        await driver.get(url);
        return await waitFor(() => driver.executeScript(`return (${fn.toString()})(arguments[0]);`, arg), { what: `${fn.name || 'condition'} in ${url}` });
      } finally {
        await driver.close();
        await driver.switchTo().window(pageTab);
      }
    },
    key: (name) => driver.actions().sendKeys(Key[name.replace(/(?<=[a-z])(?=[A-Z])/g, '_').toUpperCase()]).perform(),
    fetched: async () => null,
    own: (file) =>
      inHelper(() =>
        driver.executeAsyncScript(
          `const [f, done] = arguments;
           const url = browser.runtime.getURL(f);
           fetch(url).then((res) => done({ url, ok: res.ok }), (e) => done({ url, ok: false, error: String(e) }));`,
          file,
        ),
      ),
    logged: async () => [...bersihLines],
    commands: () =>
      inHelper(() => driver.executeAsyncScript('const done = arguments[0]; browser.commands.getAll().then(done, (e) => done([String(e)]));')),
    settings: (value) =>
      inHelper(() =>
        driver.executeAsyncScript(
          `const [v, done] = arguments;
           (v ? browser.storage.sync.set({ settings: v }) : browser.storage.sync.remove('settings')).then(() => done(true), (e) => done(String(e)));`,
          value,
        ),
      ),
    shot: async (name) => {
      fs.mkdirSync(shotsDir, { recursive: true });
      fs.writeFileSync(path.join(shotsDir, `firefox-${name}.png`), await driver.takeScreenshot(), 'base64');
    },
    popup: async (url) => {
      const { id } = await sendTo(url, { type: 'bersih:stats' });
      return inHelper(async () => {
        await driver.get(`${BASE}/popup/popup.html?tab=${id}`);
        await driver.wait(until.elementLocated(By.css('body[data-ready="1"]')), 10000);
        const res = await driver.executeScript(`return {
          recirculation: document.getElementById('count-recirculation').textContent,
          ad: document.getElementById('count-ad').textContent,
          items: [...document.querySelectorAll('#items li')].map((li) => li.textContent),
          reasons: [...document.querySelectorAll('#items li')].map((li) => li.querySelector('.why')?.textContent || ''),
          pages: ((p) => (p && !p.hidden && p.getClientRects().length ? p.textContent.trim() : ''))(document.getElementById('pages')),
        };`);
        await driver.get(`${BASE}/options/options.html`);
        return res;
      });
    },
  };

  const perf = await runChecks(d, origin, r, { shots });
  await runHostileChecks(d, origin, r);
  await runPagedChecks(d, origin, r, log);
  await r.check('no [bersih] warnings', async () => {
    if (bersihLines.length) throw new Error(bersihLines.join(' | '));
  });
  printPerf('firefox', perf);
  code = r.finish();
} catch (e) {
  console.log(`FAIL firefox: setup: ${e && e.stack}`);
  r.failed++;
  code = r.finish();
} finally {
  if (driver) await driver.quit().catch(() => {});
  server.close();
}
process.exit(code);
