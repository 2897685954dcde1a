// Page-load cost of the extension: what a page costs with Bersih installed minus what it costs
// without it, in real browsers, on the shared corpora, next to what Readability.js costs on the
// same documents in the same run. A benchmark, run by hand (not part of scripts/test.sh):
//
//   node tests/e2e/pageload.mjs [--browser chromium|firefox|both] [--pages N] [--set NAME]
//                               [--loads N] [--ext DIR] [--ublock DIR] [--settle MS] [--profile]
//
//   --browser  chromium (default), firefox or both
//   --pages N  only the first N pages of each set (quick runs); default: all
//   --set      only the page set whose name contains NAME ("mozilla", "indonesian")
//   --loads N  loads per page and arm (default 3); more resolve small differences on a busy machine
//   --ext DIR  the built Chromium extension (default dist/chrome); Firefox installs the sibling
//              firefox/ directory (dist/firefox), as `bash scripts/build.sh` lays them out
//   --ublock DIR  uBlock Origin as a third arm, measured as Bersih is: DIR/chromium and DIR/firefox
//              as `bash scripts/ublock.sh` lays out Debian's uBlock Origin 1.67 with the lists it
//              bundles (its own, EasyList, EasyPrivacy, URLhaus); it is Manifest V2, which Chromium
//              no longer runs, so it is measured in Firefox only
//   --settle   ms waited after the load event before the sample, the same in every arm (500)
//   --profile  Chromium: also the extension's own main-thread CPU, from V8's sampling profiler
//
// Protocol. Two page sets: Mozilla Readability's test pages (readability-test-pages/*/source.html)
// and the real Indonesian news pages (id-news-html, without its synthetic placeholder pages), from
// ../shared/corpora (or $BERSIH_SHARED/corpora), served by server.mjs on 127.0.0.1. Requests to
// any other host go to a local proxy that closes the connection at once (they fail fast, as
// offline); images are off. Each browser runs as two instances with fresh profiles of their own:
// "with" has the extension, "without" has no extension at all. Each page is loaded three times (--loads) in
// each, alternately (with, without; then without, with; ...), each time in a new tab, closed
// after, which gets a renderer / content process of its own (checked: `fresh` in the rows).
// After the load event both arms wait the same settle time; the "with" arm also waits for the
// extension's first scan, with one {type: "bersih:stats"} message (answered once the scan is
// done; its small cost in the page counts as the extension's). Then, from /proc of the tab's
// process:
//   main     CPU ms of its main thread (/proc/<pid>/task/<pid>/schedstat), since it started
//   threads  CPU ms of all its live threads (schedstat); stat: utime+stime (10 ms ticks)
//   rss, pss MB (/proc/<pid>/smaps_rollup)
// The process is new for each load, so its totals are this load's cost (plus the process's own
// start, the same in both arms). Per page, "extra" = the median of its "with" loads minus the
// median of its "without" loads; the tables give the median, p90 and max over the pages.
// Chromium (playwright-core): site isolation is off, so the whole tab, failed cross-site frames
// included, is one renderer. Each load is traced over CDP (devtools.timeline categories, in both
// arms, so both carry the overhead): the trace names the tab's renderer (FrameCommittedInBrowser)
// and gives its main thread's longest task (RunTask) and the extension's longest task: one
// holding an event of the extension (its scripts, its .wasm request and compile) and none of the
// page, or, from DOMContentLoaded on, one holding no event of the page at all (no page URL,
// parser, timer, event, callback or frame paint), as the scan runs in a promise continuation
// that the trace leaves empty. A task holding both (the page's parse, in which the
// document_start script runs) counts only the extension's events in it: the page's own
// 30-50 ms parse task is not the extension's. The same rule on the "without" arm gives what it
// wrongly takes for the extension (page-internal work such as GC): the floor.
// --profile adds V8's sampling profiler to the trace (in both arms; it slows the page a little)
// and gives the main-thread CPU in samples whose stack holds one of the extension's frames: its
// own cost, which the page's load-to-load noise (tens of ms) does not blur as it blurs the
// with − without difference.
// Also recorded: CDP Performance.getMetrics `ThreadTime` (a cross-check of `main`), and the CPU
// of the extension's own process per load (Chromium: the service worker's; Firefox: the
// WebExtensions process, which the "without" arm has too, for Firefox's built-in add-ons), less
// what the stats message costs it (one more, measured right after the sample).
// Readability.js runs in the "without" arm after the sample: its source is evaluated first,
// then `new Readability(document.cloneNode(true)).parse()` once; its main-thread CPU is taken
// around it (less that of an empty evaluation), its wall time in the page. Chromium: CDP
// Runtime.evaluate (the page's main world; not subject to its CSP); Firefox: executeScript.
// Firefox ESR (selenium-webdriver + geckodriver; the add-on installed temporarily): the tab's
// content process is read from chrome context (its browsing context's osPid), its main thread is
// the one whose tid is the pid; `dom.ipc.keepProcessesAlive.webIsolated.perOrigin` = 0 ends the
// process with its tab, so each load gets a fresh one. No task timings (no trace in Firefox).
// The "with" arm's stats message comes from an extension page in a window of its own, so the
// page's tab stays the selected, visible one.
// uBlock Origin (--ublock, Firefox): a third instance with only uBlock Origin installed, started
// once its filter-list page counts its network filters, takes its turn in the alternation
// (with, without, uBlock; then without, uBlock, with; ...) and is measured as "with" is.
// Output: the load average (the machine is shared: CPU times hold up under load, task lengths
// and wall times do not), one markdown table per browser and page set, and the raw rows in
// build/pageload/<browser>-<timestamp>.json.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { By, until } from 'selenium-webdriver';
import { start } from './server.mjs';
import { corpora, inChrome, installExtension, launchFirefox, median, offlineProxy, pageSets, pct, sorted } from './bench.mjs';
import { extensionDir, sendToTab, sleep, waitFor } from './checks.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.join(here, '..', '..');
const { values: opt } = parseArgs({
  options: {
    browser: { type: 'string', default: 'chromium' },
    pages: { type: 'string' },
    set: { type: 'string', default: '' },
    loads: { type: 'string', default: '3' },
    ext: { type: 'string', default: extensionDir('chrome') },
    ublock: { type: 'string' },
    settle: { type: 'string', default: '500' },
    profile: { type: 'boolean', default: false },
  },
});
const BROWSERS = opt.browser === 'both' ? ['chromium', 'firefox'] : [opt.browser];
if (!BROWSERS.every((b) => b === 'chromium' || b === 'firefox')) throw new Error(`--browser ${opt.browser}: chromium, firefox or both`);
const EXT = { chromium: path.resolve(opt.ext), firefox: path.join(path.resolve(opt.ext), '..', 'firefox') };
const UBLOCK = opt.ublock && { chromium: path.resolve(opt.ublock, 'chromium'), firefox: path.resolve(opt.ublock, 'firefox') };
const manifestOf = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const UBLOCK_VERSION = UBLOCK ? manifestOf(UBLOCK.firefox).version : '';
const SETTLE_MS = Number(opt.settle);
const LOADS = Number(opt.loads);
const STATS = { type: 'bersih:stats' };
/** uBlock Origin's count of network filters in force, from its filter-list page (0 until its
 * lists are loaded). */
const UBLOCK_FILTERS = `Number((/([\\d,.]+) network filters/.exec(document.body.innerText) || [0, '0'])[1].replace(/\\D/g, ''))`;

const SETS = pageSets({ pages: opt.pages, set: opt.set });
if (!SETS.length) {
  console.log(`no corpora at ${corpora}`);
  process.exit(0);
}
const READABILITY = fs.readFileSync(path.join(repo, 'node_modules', '@mozilla', 'readability', 'Readability.js'), 'utf8') +
  '\n;window.__Readability = Readability;'; // window: WebDriver scripts in Firefox have a global of their own
const PARSE = `(() => {
  const t = performance.now();
  const article = new window.__Readability(document.cloneNode(true)).parse();
  return { ms: performance.now() - t, found: !!article };
})()`;

/* ---------- /proc ---------- */

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
const read = (f) => fs.readFileSync(f, 'utf8');
const proc = {
  pids: () => fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map(Number),
  args: (pid) => {
    try {
      return read(`/proc/${pid}/cmdline`).split(/[\0 ]/); // Chromium's children rewrite it, space-separated
    } catch (_) {
      return [];
    }
  },
  /** CPU ms of one thread since it started (sum_exec_runtime, ns). */
  threadMs: (pid, tid) => Number(read(`/proc/${pid}/task/${tid}/schedstat`).split(' ')[0]) / 1e6,
  /** CPU ms of all live threads of a process. */
  threadsMs: (pid) => fs.readdirSync(`/proc/${pid}/task`).reduce((s, tid) => {
    try {
      return s + proc.threadMs(pid, tid);
    } catch (_) {
      return s; // the thread ended meanwhile
    }
  }, 0),
  sample(pid) {
    const f = read(`/proc/${pid}/stat`).split(') ')[1].split(' '); // fields from the 3rd on
    const smaps = read(`/proc/${pid}/smaps_rollup`);
    const kb = (k) => Number((smaps.match(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm')) || [])[1]);
    return {
      started: Number(f[19]), // with the pid, names the process (pids are recycled over a run)
      main: proc.threadMs(pid, pid),
      threads: proc.threadsMs(pid),
      stat: (Number(f[11]) + Number(f[12])) * TICK_MS,
      rss: kb('Rss') / 1024,
      pss: kb('Pss') / 1024,
    };
  },
};

/* ---------- statistics ---------- */

const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const nowUs = () => Number(process.hrtime.bigint() / 1000n); // CLOCK_MONOTONIC, the trace's clock

/** Readability.js once on the tab's document: its source is evaluated first, then the parse's
 * main-thread CPU (thread `pid` of process `pid`) is taken around it, less that of an empty
 * evaluation, with its wall time in the page. `run(source)` evaluates statements in the page,
 * `value(expression)` returns an expression's value. */
async function readabilityCost(pid, { run, value }) {
  try {
    await run(READABILITY);
    const cpu = async (expression) => {
      const before = proc.threadMs(pid, pid);
      const v = await value(expression);
      return { ms: proc.threadMs(pid, pid) - before, v };
    };
    const empty = await cpu('0');
    const parse = await cpu(PARSE);
    return { cpu: parse.ms - empty.ms, wall: parse.v.ms, found: parse.v.found, empty: empty.ms };
  } catch (e) {
    return { error: e.message.split('\n')[0] };
  }
}

/* ---------- Chromium ---------- */

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline',
  ...(opt.profile ? ['disabled-by-default-v8.cpu_profiler'] : [])];
const EXT_URL = /^(chrome|moz)-extension:\/\//;
/** Trace events that are the page's own work (besides any event naming a page URL), and the
 * painting of a frame (which the extension's hiding may make larger, but which is the page's). */
const PAGE_WORK = new Set(['ParseHTML', 'TimerFire', 'FunctionCall', 'EventDispatch', 'EvaluateScript', 'FireAnimationFrame',
  'FireIdleCallback', 'XHRReadyStateChange', 'XHRLoad', 'HandlePostMessage', 'ResourceReceivedData', 'ResourceFinish',
  'PrePaint', 'Paint', 'Layerize']);

/** The load's trace up to `untilUs`: the tab's renderer pid, its main thread's longest task and
 * the extension's longest task (see the header). */
function readTrace(events, untilUs) {
  const commit = events.filter((e) => e.name === 'FrameCommittedInBrowser' && e.args.data.isOutermostMainFrame).pop();
  if (!commit) throw new Error('no main-frame commit in the trace');
  const pid = commit.args.data.processId;
  const named = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args.name === 'CrRendererMain');
  const tid = named ? named.tid : pid;
  const main = events.filter((e) => e.pid === pid && e.tid === tid && e.ts < untilUs).sort((a, b) => a.ts - b.ts);
  const url = (e) => (e.args && e.args.data && (e.args.data.url || e.args.data.scriptName)) || '';
  const extRequests = new Set(events.filter((e) => e.name === 'ResourceSendRequest' && EXT_URL.test(url(e))).map((e) => e.args.data.requestId));
  const injected = main.some((e) => e.name === 'EvaluateScript' && EXT_URL.test(url(e)));
  const dcl = main.find((e) => e.name === 'MarkDOMContent');
  const tasks = main.filter((e) => e.name === 'RunTask' && e.dur !== undefined);
  let longest = 0;
  let extTask = 0;
  let i = 0;
  for (const t of tasks) {
    longest = Math.max(longest, t.dur / 1000);
    while (i < main.length && main[i].ts < t.ts) i++;
    let ext = false;
    let page = false;
    let share = 0; // the extension's events in the task, nested ones counted once
    let shareEnd = 0;
    for (let j = i; j < main.length && main[j].ts < t.ts + t.dur; j++) {
      const e = main[j];
      if (e === t || e.name === 'RunTask') continue;
      const u = url(e);
      const request = e.args && e.args.data && e.args.data.requestId;
      if (EXT_URL.test(u) || extRequests.has(request) || e.name.startsWith('v8.wasm.')) {
        ext = true;
        const end = e.ts + (e.dur || 0);
        if (end > shareEnd) share += (end - Math.max(e.ts, shareEnd)) / 1000;
        shareEnd = Math.max(shareEnd, end);
      } else if (u || PAGE_WORK.has(e.name)) page = true;
    }
    if (ext && !page) extTask = Math.max(extTask, t.dur / 1000);
    else if (ext) extTask = Math.max(extTask, share);
    else if (!page && dcl && t.ts >= dcl.ts) extTask = Math.max(extTask, t.dur / 1000);
  }
  return { pid, longest, extTask, profiled: profiled(events, pid, tid), injected };
}

/** With --profile: the main thread's CPU in samples whose stack holds a frame of the extension
 * (its scripts, and what they call: the DOM, serialising, messaging), from V8's sampling
 * profiler in the trace; null without it. Work the page does in answer (restyling what was
 * hidden) is not in it. */
function profiled(events, pid, tid) {
  const start = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (!start) return null;
  const nodes = new Map();
  const samples = [];
  const deltas = [];
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== pid || e.id !== start.id) continue;
    const profile = e.args.data.cpuProfile || {};
    for (const node of profile.nodes || []) nodes.set(node.id, node);
    samples.push(...(profile.samples || []));
    deltas.push(...(e.args.data.timeDeltas || []));
  }
  const ours = new Map(); // node id -> whether it or a caller is the extension's
  const isOurs = (id) => {
    const path = [];
    let verdict = false;
    for (let n = nodes.get(id); n; n = nodes.get(n.parent)) {
      if (ours.has(n.id)) {
        verdict = ours.get(n.id);
        break;
      }
      path.push(n.id);
      if (EXT_URL.test(n.callFrame.url)) {
        verdict = true;
        break;
      }
    }
    for (const p of path) ours.set(p, verdict);
    return verdict;
  };
  // Each of our samples also goes to its frame: the innermost function (a native one such as
  // outerHTML included) and the innermost of the extension's functions around it.
  const frame = (id) => {
    const leaf = nodes.get(id);
    let n = leaf;
    while (n && !EXT_URL.test(n.callFrame.url)) n = nodes.get(n.parent);
    const name = (f) => `${f.callFrame.functionName || '(anonymous)'}@${path.basename(f.callFrame.url || '')}:${f.callFrame.lineNumber + 1}`;
    return n === leaf ? name(leaf) : `${leaf.callFrame.functionName || leaf.callFrame.url || '(native)'} < ${n ? name(n) : '?'}`;
  };
  let us = 0;
  const by = {};
  // timeDeltas[i] is the time from sample i-1 to sample i: it goes to sample i-1.
  for (let i = 1; i < samples.length; i++) {
    if (!isOurs(samples[i - 1])) continue;
    us += deltas[i];
    const f = frame(samples[i - 1]);
    by[f] = (by[f] || 0) + deltas[i] / 1000;
  }
  return { ms: us / 1000, by };
}

/** One arm of a browser: `ext`, the extension it runs (none: null); `bersih`, whether that is
 * Bersih (asked for its stats); Readability.js is measured in the arm without an extension. */
async function chromiumArm({ ext, bersih }, proxy) {
  const withExt = !!ext;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bersih-pageload-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...(withExt ? [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`] : []), '--no-sandbox', '--disable-gpu',
      '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--blink-settings=imagesEnabled=false', `--proxy-server=${proxy}`,
      // One renderer for the whole tab: the failed cross-site frames' error pages too (with site
      // isolation each gets a process that never hands back its trace, and ending it waits 5 s).
      '--disable-site-isolation-trials', '--disable-features=IsolateOrigins,site-per-process'],
  });
  let sw = null;
  if (bersih) {
    [sw] = ctx.serviceWorkers();
    if (!sw) sw = await ctx.waitForEvent('serviceworker', { timeout: 15000 });
  }
  // This instance's renderers: the tab's is picked after the load, from the trace.
  const renderers = () => proc.pids().filter((pid) => {
    const a = proc.args(pid);
    return a.includes('--type=renderer') && a.includes(`--user-data-dir=${profile}`);
  });
  const extProcess = () => waitFor(() => renderers().find((pid) => proc.args(pid).includes('--extension-process')), { what: 'the extension process' });
  let extPid = withExt ? await extProcess() : null;
  const seen = new Set();

  async function load(url) {
    if (extPid && !fs.existsSync(`/proc/${extPid}`)) extPid = await extProcess(); // ended meanwhile
    const bg0 = extPid ? proc.threadsMs(extPid) : 0;
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    try {
      await cdp.send('Performance.enable');
      const events = [];
      cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
      await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
      const t0 = Date.now();
      await page.goto(url, { waitUntil: 'load', timeout: 30000 });
      const loaded = Date.now();
      let stats = null;
      let polls = 0;
      if (sw) {
        stats = await waitFor(() => (polls++, sendToTab(sw, url, STATS)), { timeout: 15000, every: 50, what: `stats of ${url}` }).catch(() => null);
      }
      const scanMs = Date.now() - loaded;
      await sleep(loaded + SETTLE_MS - Date.now());
      const untilUs = nowUs();
      const samples = new Map(renderers().map((pid) => {
        try {
          return [pid, proc.sample(pid)];
        } catch (_) {
          return [pid, null];
        }
      }));
      const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
      let bg = null;
      if (extPid) {
        const bg1 = proc.threadsMs(extPid);
        await sendToTab(sw, url, STATS);
        const probe = proc.threadsMs(extPid) - bg1;
        bg = { ms: bg1 - bg0 - polls * probe, raw: bg1 - bg0, probe, polls };
      }
      const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      await cdp.send('Tracing.end');
      await done;
      const trace = readTrace(events, untilUs);
      const sample = samples.get(trace.pid);
      if (!sample) throw new Error(`renderer ${trace.pid} not found in /proc`);
      const row = {
        pid: trace.pid, fresh: !seen.has(`${trace.pid}@${sample.started}`), loadMs: loaded - t0, scanMs: sw ? scanMs : null, ...sample,
        threadTime: metrics.ThreadTime * 1000, longest: trace.longest, extTask: trace.extTask, profiled: trace.profiled, injected: trace.injected,
        stats: stats && { ms: stats.ms, path: stats.path, nodes: stats.nodes, hidden: stats.hidden }, bg,
      };
      seen.add(`${trace.pid}@${sample.started}`);
      if (!withExt) {
        // Runtime.evaluate runs in the page's main world, whatever the page's CSP.
        const evaluate = async (expression) => {
          const res = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
          if (res.exceptionDetails) throw new Error((res.exceptionDetails.exception || {}).description || res.exceptionDetails.text);
          return res.result.value;
        };
        row.readability = await readabilityCost(trace.pid, { run: evaluate, value: evaluate });
      }
      return row;
    } finally {
      await page.close().catch(() => {});
    }
  }
  return {
    load,
    version: async () => {
      const page = await ctx.newPage();
      const v = await (await ctx.newCDPSession(page)).send('Browser.getVersion');
      await page.close();
      return v.product;
    },
    close: async () => {
      await ctx.close().catch(() => {});
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/* ---------- Firefox ---------- */

async function firefoxArm({ ext, bersih }, proxy) {
  const withExt = !!ext;
  const driver = await launchFirefox(proxy);
  const privileged = (fn) => inChrome(driver, fn);
  const caps = await driver.getCapabilities();
  const base = await driver.getWindowHandle();
  let helper = null;
  const extensionHost = withExt ? await installExtension(driver, ext) : null;
  if (bersih) {
    // An extension page in a window of its own sends the stats message (tabs.sendMessage).
    await driver.switchTo().newWindow('window');
    helper = await driver.getWindowHandle();
    await driver.get(`moz-extension://${extensionHost}/options/options.html`);
    await driver.wait(until.elementLocated(By.css('body[data-ready="1"]')), 10000);
    await driver.switchTo().window(base);
  }
  // Both arms have one: Firefox's built-in add-ons (webcompat, ...) run there too.
  const extProcess = () => privileged(() => driver.executeAsyncScript(
    `const done = arguments[0];
     ChromeUtils.requestProcInfo().then((i) => done(i.children.find((c) => c.type === 'extension')?.pid ?? null), () => done(null));`));
  let extPid = await extProcess();
  const statsOf = async (url, tab) => {
    await driver.switchTo().window(helper);
    try {
      return await driver.executeAsyncScript(
        `const [url, message, done] = arguments;
         (async () => {
           for (const t of await browser.tabs.query({})) {
             const s = await browser.tabs.sendMessage(t.id, { type: 'bersih:stats' }).catch(() => null);
             if (s && s.url === url) return browser.tabs.sendMessage(t.id, message);
           }
           return null;
         })().then(done, () => done(null));`,
        url,
        STATS,
      );
    } finally {
      await driver.switchTo().window(tab);
    }
  };
  const seen = new Set();

  async function load(url) {
    if (extPid && !fs.existsSync(`/proc/${extPid}`)) extPid = await extProcess(); // ended meanwhile
    const bg0 = extPid ? proc.threadsMs(extPid) : 0;
    await driver.switchTo().window(base);
    await driver.switchTo().newWindow('tab');
    const tab = await driver.getWindowHandle();
    try {
      const t0 = Date.now();
      await driver.get(url);
      // driver.get returns while a page's alert() is open: dismiss them until it has loaded.
      await waitFor(async () => {
        await driver.switchTo().alert().then((a) => a.dismiss(), () => {});
        return (await driver.executeScript('return document.readyState;')) === 'complete';
      }, { timeout: 30000, every: 20, what: `load of ${url}` });
      const loaded = Date.now();
      let stats = null;
      let polls = 0;
      if (helper) stats = await waitFor(() => (polls++, statsOf(url, tab)), { timeout: 15000, every: 50, what: `stats of ${url}` }).catch(() => null);
      const scanMs = Date.now() - loaded;
      await sleep(loaded + SETTLE_MS - Date.now());
      const pid = await privileged(() => driver.executeScript(
        `for (const w of Services.wm.getEnumerator('navigator:browser')) {
           for (const b of w.gBrowser.browsers) if (b.currentURI.spec === arguments[0]) return b.browsingContext.currentWindowGlobal.osPid;
         }
         return null;`, url));
      if (!pid) throw new Error(`no content process found for ${url}`);
      const sample = proc.sample(pid);
      let bg = null;
      if (extPid) {
        const bg1 = proc.threadsMs(extPid);
        if (helper) await statsOf(url, tab);
        const probe = proc.threadsMs(extPid) - bg1;
        bg = { ms: bg1 - bg0 - polls * probe, raw: bg1 - bg0, probe, polls };
      }
      const row = {
        pid, fresh: !seen.has(`${pid}@${sample.started}`), loadMs: loaded - t0, scanMs: helper ? scanMs : null, ...sample,
        stats: stats && { ms: stats.ms, path: stats.path, nodes: stats.nodes, hidden: stats.hidden }, bg,
      };
      seen.add(`${pid}@${sample.started}`);
      if (!withExt) {
        // WebDriver's scripts run in a sandbox over Xray wrappers of the page, as content scripts
        // (and Firefox's own Reader View) do.
        row.readability = await readabilityCost(pid, {
          run: (source) => driver.executeScript(source),
          value: (expression) => driver.executeScript(`return (${expression});`),
        });
      }
      return row;
    } finally {
      await driver.close().catch(() => {});
      await driver.switchTo().window(base).catch(() => {});
    }
  }
  return {
    load,
    /** The value of `expression` in a new tab of the arm's extension's page `file`. */
    probe: async (file, expression) => {
      const url = `moz-extension://${extensionHost}/${file}`;
      await driver.switchTo().window(base);
      await driver.switchTo().newWindow('tab');
      try {
        await driver.get(url);
        await sleep(1000); // its scripts fill it in
        return await driver.executeScript(`return (${expression});`);
      } finally {
        await driver.close().catch(() => {});
        await driver.switchTo().window(base).catch(() => {});
      }
    },
    version: async () => `Firefox ${caps.get('browserVersion')}`,
    close: () => driver.quit().catch(() => {}),
  };
}

/* ---------- the run ---------- */

/** Per page set: per-page medians of each arm, then their spread over the pages. A load in a
 * process that had already served one is left out (its totals would hold both). */
function summarise(all) {
  const rows = all.filter((r) => r.fresh);
  const pages = new Map();
  for (const r of rows) {
    if (!pages.has(r.page)) pages.set(r.page, { with: [], without: [], ublock: [] });
    pages.get(r.page)[r.arm].push(r);
  }
  const per = [...pages.values()].filter((p) => p.with.length && p.without.length);
  const m = (rs, f) => median(rs.map(f));
  const extra = (f, arm = 'with') => per.map((p) => m(p[arm], f) - m(p.without, f));
  const own = (arm, f) => per.map((p) => m(p[arm], f));
  return {
    pages: per.length,
    loads: rows.length,
    main: extra((r) => r.main),
    threads: extra((r) => r.threads),
    stat: extra((r) => r.stat),
    threadTime: extra((r) => r.threadTime),
    rss: extra((r) => r.rss),
    pss: extra((r) => r.pss),
    extTask: own('with', (r) => r.extTask),
    extTaskFloor: own('without', (r) => r.extTask),
    profiled: own('with', (r) => (r.profiled ? r.profiled.ms : NaN)),
    frames: frames(rows.filter((r) => r.arm === 'with')),
    longestWith: own('with', (r) => r.longest),
    longestWithout: own('without', (r) => r.longest),
    readability: own('without', (r) => r.readability && r.readability.cpu),
    readabilityWall: own('without', (r) => r.readability && r.readability.wall),
    scan: own('with', (r) => (r.stats && r.stats.ms ? ['snapshot', 'analyse', 'apply'].reduce((s, k) => s + (Number(r.stats.ms[k]) || 0), 0) : NaN)),
    bg: extra((r) => (r.bg ? r.bg.ms : 0)), // no extension process without the extension in Chromium
    ublock: per.some((p) => p.ublock.length) && {
      main: extra((r) => r.main, 'ublock'),
      threads: extra((r) => r.threads, 'ublock'),
      pss: extra((r) => r.pss, 'ublock'),
      rss: extra((r) => r.rss, 'ublock'),
      bg: extra((r) => (r.bg ? r.bg.ms : 0), 'ublock'),
    },
    late: rows.filter((r) => r.arm === 'with' && r.scanMs > SETTLE_MS).length,
    unanswered: rows.filter((r) => r.arm === 'with' && !r.stats).length,
    reused: all.length - rows.length,
    readabilityFailed: rows.filter((r) => r.readability && r.readability.error).length,
    readabilityEmpty: rows.filter((r) => r.readability && r.readability.found === false).length,
  };
}

/** With --profile: the frames that hold most of the extension's sampled CPU, mean ms per load. */
function frames(rows, top = 25) {
  const sum = {};
  for (const r of rows) for (const [f, ms] of Object.entries((r.profiled && r.profiled.by) || {})) sum[f] = (sum[f] || 0) + ms;
  return Object.entries(sum)
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([f, ms]) => `- ${fmt(ms / Math.max(rows.length, 1), 2)} ${f}`);
}

function table(browser, version, set, s) {
  const line = (name, xs, cols = ['median', 'p90', 'max']) =>
    `| ${name} | ${cols.map((c) => (c === 'median' ? fmt(median(xs)) : c === 'p90' ? fmt(pct(xs, 90)) : c === 'max' ? fmt(Math.max(...sorted(xs))) : '')).join(' | ')} |`;
  const chromium = browser === 'chromium';
  const out = [
    `### ${version}: ${set} (${s.pages} pages, ${LOADS} loads per arm, settle ${SETTLE_MS} ms)`,
    '',
    '| over the pages (each page: the median of its loads; extra = with − without) | median | p90 | max |',
    '| --- | ---: | ---: | ---: |',
    line('extra main-thread CPU (ms)', s.main),
    line('extra whole-renderer CPU, all threads (ms)', s.threads),
    line('extra whole-renderer CPU, utime+stime (ms, 10 ms ticks)', s.stat),
    ...(chromium ? [line('extra main-thread CPU by CDP ThreadTime (ms)', s.threadTime)] : []),
    line('extra RSS (MB)', s.rss),
    line('extra PSS (MB)', s.pss),
    chromium ? line('longest task added: the extension\'s longest task (ms)', s.extTask, ['median', '', 'max']) : '| longest task added | n/a in Firefox (no trace) | | |',
    ...(chromium ? [
      line('  same rule on the without arm (false attribution floor, ms)', s.extTaskFloor, ['median', '', 'max']),
      ...(opt.profile ? [line('main-thread CPU in the extension\'s frames, sampled (--profile; ms)', s.profiled)] : []),
      line('longest main-thread task of the load, with (ms)', s.longestWith),
      line('longest main-thread task of the load, without (ms)', s.longestWithout),
    ] : []),
    line('Readability.js main-thread CPU (ms)', s.readability),
    line('Readability.js wall time, clone + parse (ms)', s.readabilityWall),
    `| Bersih / Readability.js: extra main-thread CPU ÷ Readability.js CPU | ${fmt(median(s.main) / median(s.readability), 2)} (of medians) | ${fmt(pct(s.main, 90) / pct(s.readability, 90), 2)} (of p90s) | |`,
    line('extension\'s own timings: snapshot + analyse + apply (ms)', s.scan),
    line(`extra CPU of the extension process per load (${browser === 'chromium' ? 'service worker' : 'WebExtensions process'}; ms)`, s.bg),
    ...(s.ublock ? [
      line(`uBlock Origin ${UBLOCK_VERSION}: extra main-thread CPU (ms)`, s.ublock.main),
      line('uBlock Origin: extra whole-renderer CPU, all threads (ms)', s.ublock.threads),
      line('uBlock Origin: extra RSS (MB)', s.ublock.rss),
      line('uBlock Origin: extra PSS (MB)', s.ublock.pss),
      line('uBlock Origin: extra CPU of its extension process per load (ms)', s.ublock.bg),
      `| Bersih / uBlock Origin: extra main-thread CPU | ${fmt(median(s.main) / median(s.ublock.main), 2)} (of medians) | ${fmt(pct(s.main, 90) / pct(s.ublock.main, 90), 2)} (of p90s) | |`,
    ] : []),
    '',
    `${s.loads} loads; with-arm scans finished after the settle time: ${s.late}; unanswered stats: ${s.unanswered}; ` +
      `loads in a reused process (left out): ${s.reused}; Readability.js failed ${s.readabilityFailed} times, found no article ${s.readabilityEmpty} times.`,
    ...(opt.profile ? ['', 'The extension\'s sampled main-thread CPU by frame (innermost function < innermost of ours), mean ms per load:', '', ...s.frames] : []),
  ];
  return out.join('\n');
}

const offline = await offlineProxy();
const proxy = offline.url;
const { server, origin } = await start();
const outDir = path.join(repo, 'build', 'pageload');
try {
  for (const browser of BROWSERS) {
    if (!fs.existsSync(path.join(EXT[browser], 'manifest.json'))) throw new Error(`no extension at ${EXT[browser]} (run bash scripts/build.sh)`);
    const launch = browser === 'chromium' ? chromiumArm : firefoxArm;
    const arms = { with: await launch({ ext: EXT[browser], bersih: true }, proxy), without: await launch({ ext: null }, proxy) };
    const version = await arms.without.version();
    const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
    console.log(`${version}; extension ${EXT[browser]}; load average ${loadavg()}`);
    if (UBLOCK) {
      const dir = UBLOCK[browser];
      const { manifest_version: mv } = manifestOf(dir);
      if (browser === 'chromium') {
        console.log(`uBlock Origin ${UBLOCK_VERSION} is Manifest V${mv}, which ${version} does not run: measured in Firefox only`);
      } else {
        arms.ublock = await launch({ ext: dir }, proxy);
        // Its filter lists load after it starts (from its bundled copies: the network is off).
        const filters = await waitFor(() => arms.ublock.probe('3p-filters.html', UBLOCK_FILTERS), { timeout: 180000, every: 2000, what: 'uBlock Origin\'s filter lists' });
        console.log(`uBlock Origin ${UBLOCK_VERSION} (${dir}): ${filters} network filters loaded`);
      }
    }
    const order = (i) => {
      const names = Object.keys(arms);
      return names.map((_, k) => names[(i + k) % names.length]);
    };
    const rows = [];
    const started = Date.now();
    try {
      const total = SETS.reduce((n, s) => n + s.pages.length, 0);
      let done = 0;
      for (const set of SETS) {
        for (const page of set.pages) {
          const url = `${origin}/corpora/${page}`;
          for (let i = 0; i < LOADS; i++) {
            for (const name of order(i)) {
              try {
                rows.push({ set: set.name, page, arm: name, load: i, ...(await arms[name].load(url)) });
              } catch (e) {
                console.log(`  skipped ${name} load ${i} of ${page}: ${e.message.split('\n')[0]}`);
              }
            }
          }
          const mine = rows.filter((r) => r.page === page);
          const d = (f) => median(mine.filter((r) => r.arm === 'with').map(f)) - median(mine.filter((r) => r.arm === 'without').map(f));
          const task = median(mine.filter((r) => r.arm === 'with').map((r) => r.extTask));
          const ublock = arms.ublock ? `uBlock Origin ${fmt(median(mine.filter((r) => r.arm === 'ublock').map((r) => r.main)) - median(mine.filter((r) => r.arm === 'without').map((r) => r.main)))} ms; ` : '';
          console.log(`[${++done}/${total}] ${page}: extra main ${fmt(d((r) => r.main))} ms, renderer ${fmt(d((r) => r.threads))} ms, ` +
            `PSS ${fmt(d((r) => r.pss))} MB; ${Number.isFinite(task) ? `extension's longest task ${fmt(task)} ms; ` : ''}` +
            `${ublock}Readability.js ${fmt(median(mine.map((r) => r.readability && r.readability.cpu)))} ms`);
        }
      }
    } finally {
      for (const arm of Object.values(arms)) await arm.close();
    }
    console.log(`\n${browser}: ${rows.length} loads in ${((Date.now() - started) / 60000).toFixed(1)} min; load average ${loadavg()}\n`);
    for (const set of SETS) console.log(`${table(browser, version, set.name, summarise(rows.filter((r) => r.set === set.name)))}\n`);
    fs.mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, `${browser}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(file, JSON.stringify({ browser, version, extension: EXT[browser], settleMs: SETTLE_MS, loads: LOADS, rows }, null, 1));
    console.log(`raw rows: ${file}`);
  }
} finally {
  server.close();
  offline.close();
}
