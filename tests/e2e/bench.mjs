// What the page-load benchmarks share (pageload.mjs, gecko-profile.mjs): the corpus page sets,
// the offline proxy and a Firefox ESR driven by WebDriver with the benchmark's preferences.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Builder } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';

const repo = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = process.env.BERSIH_SHARED || path.join(repo, '..', 'shared');
export const corpora = path.join(shared, 'corpora');

const walk = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []).flatMap((e) =>
  e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);

/** The page sets, as paths under `corpora`: Mozilla Readability's test pages and the real
 * Indonesian news pages; only the first `pages` of each, only sets whose name holds `set`. */
export function pageSets({ pages, set = '' }) {
  const rel = (files) => files.map((f) => path.relative(corpora, f)).sort().slice(0, pages ? Number(pages) : undefined);
  return [
    { name: 'Mozilla pages', pages: rel(walk(path.join(corpora, 'readability-test-pages')).filter((f) => path.basename(f) === 'source.html')) },
    // The synthetic pages there are 2–8 KB placeholders, not real pages.
    { name: 'Indonesian pages', pages: rel(walk(path.join(corpora, 'id-news-html')).filter((f) => f.endsWith('.html') && !/synthetic/.test(f))) },
  ].filter((s) => s.pages.length && s.name.toLowerCase().includes(set.toLowerCase()));
}

/** A local "proxy" that closes every connection at once: requests to other hosts fail fast, as
 * offline. */
export async function offlineProxy() {
  const sink = net.createServer((socket) => socket.destroy());
  await new Promise((r) => sink.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${sink.address().port}`, close: () => sink.close() };
}

/** Statistics over the pages: finite values only; `pct` is the nearest-rank percentile. */
export const sorted = (xs) => xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
export const pct = (xs, p) => {
  const s = sorted(xs);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};
export const median = (xs) => {
  const s = sorted(xs);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Headless Firefox ESR with a fresh profile: images off, every other host through `proxy`, and
 * a closed tab's process ended, so each load gets a content process of its own. */
export async function launchFirefox(proxy) {
  const { hostname, port } = new URL(proxy);
  const opts = new firefox.Options().setBinary(process.env.FIREFOX || '/usr/bin/firefox-esr').addArguments('-headless');
  const prefs = {
    'app.update.enabled': false,
    'toolkit.telemetry.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'permissions.default.image': 2,
    'network.proxy.type': 1,
    'network.proxy.http': hostname,
    'network.proxy.http_port': Number(port),
    'network.proxy.ssl': hostname,
    'network.proxy.ssl_port': Number(port),
    'network.proxy.allow_hijacking_localhost': false,
    'dom.ipc.keepProcessesAlive.webIsolated.perOrigin': 0,
  };
  for (const [k, v] of Object.entries(prefs)) opts.setPreference(k, v);
  opts.setAlertBehavior('dismiss'); // alert()s are dismissed (as playwright does in Chromium), not errors
  const gecko = process.env.GECKODRIVER || path.join(os.homedir(), '.cargo', 'bin', 'geckodriver');
  const service = new firefox.ServiceBuilder(fs.existsSync(gecko) ? gecko : 'geckodriver').addArguments('--allow-system-access');
  return new Builder().forBrowser('firefox').setFirefoxOptions(opts).setFirefoxService(service).build();
}

/** Runs `fn` with the driver in chrome (privileged) context. */
export async function inChrome(driver, fn) {
  await driver.setContext(firefox.Context.CHROME);
  try {
    return await fn();
  } finally {
    await driver.setContext(firefox.Context.CONTENT);
  }
}

/** Installs the extension in `dir` for the session; its moz-extension host name. */
export async function installExtension(driver, dir) {
  const id = await driver.installAddon(dir, true);
  return inChrome(driver, () => driver.executeScript('return WebExtensionPolicy.getByID(arguments[0]).mozExtensionHostname;', id));
}
