// Where an extension's page-load time goes in Firefox: the Gecko profiler samples the content
// processes' main threads (with their CPU time) while corpus pages load, and each sample whose
// stack involves the extension is put in one of three classes. A benchmark, run by hand:
//
//   node tests/e2e/gecko-profile.mjs [--ext DIR] [--pages N] [--set NAME] [--wait S]
//
//   --ext DIR  the extension (default dist/firefox; `build/ublock/firefox` after
//              `bash scripts/ublock.sh` profiles uBlock Origin the same way)
//   --pages N  the first N pages of each set (default 20); --set as in pageload.mjs
//   --wait S   seconds after installing before the first page (default 3; uBlock Origin loads its
//              filter lists meanwhile: give it 20)
//
// Classes, per page process (the one that loaded the page, found by the extension's frames):
//   own code      a frame of the extension's scripts on the stack, no API schema frame
//   API building  a frame of its scripts over Firefox's Schemas.sys.mjs: the `browser.*` objects
//                 that Firefox builds in each page the first time a script touches them
//   machinery     Extension*.sys.mjs, Schemas.sys.mjs or the PExtensions protocol with no frame
//                 of the extension: loading the content-script modules, injecting the scripts
// It prints the median and p90 of each over the page processes, the innermost frames of the
// extension's own code and the innermost Firefox module frames of the other two. Pages load one at a time in a new tab, each left 1.5 s, as offline as
// pageload.mjs has them (images off, other hosts refused).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { start } from './server.mjs';
import { inChrome, installExtension, launchFirefox, offlineProxy, pageSets, pct } from './bench.mjs';
import { sleep } from './checks.mjs';

const repo = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: opt } = parseArgs({
  options: {
    ext: { type: 'string', default: path.join(repo, 'dist', 'firefox') },
    pages: { type: 'string', default: '20' },
    set: { type: 'string', default: '' },
    wait: { type: 'string', default: '3' },
  },
});

const EXTENSION_FRAME = /moz-extension:\/\//;
const SCHEMA_FRAME = /Schemas\.sys\.mjs/;
const MACHINERY_FRAME = /Extension\w*\.sys\.mjs|Schemas\.sys\.mjs|PExtensions|WebExtensionPolicy/;
const CLASSES = ['own code', 'API building', 'machinery'];

function classify(frames) {
  const own = frames.some((f) => EXTENSION_FRAME.test(f));
  if (own) return frames.some((f) => SCHEMA_FRAME.test(f)) ? 'API building' : 'own code';
  return frames.some((f) => MACHINERY_FRAME.test(f)) ? 'machinery' : null;
}

/** Every thread of the profile, its subprocesses' included. */
function* threads(profile) {
  yield* profile.threads;
  for (const p of profile.processes || []) yield* threads(p);
}

/** Per page process: CPU ms of each class, and of the extension's innermost own frames. */
function attribute(profile) {
  const rows = [];
  for (const t of threads(profile)) {
    if (t.name !== 'GeckoMain' || !/Web Content/.test(t.processName || '')) continue;
    const strings = t.stringTable;
    const location = t.frameTable.schema.location;
    const frameOf = t.stackTable.schema.frame;
    const prefixOf = t.stackTable.schema.prefix;
    const names = t.frameTable.data.map((f) => strings[f[location]]);
    const { stack: stackAt, threadCPUDelta: cpuAt } = t.samples.schema;
    const memo = new Map();
    const row = { classes: Object.fromEntries(CLASSES.map((c) => [c, 0])), frames: Object.fromEntries(CLASSES.map((c) => [c, new Map()])) };
    for (const sample of t.samples.data) {
      const s = sample[stackAt];
      if (s === null || s === undefined) continue;
      if (!memo.has(s)) {
        const frames = [];
        for (let i = s; i !== null && i !== undefined; i = t.stackTable.data[i][prefixOf]) frames.push(names[t.stackTable.data[i][frameOf]]);
        const kind = classify(frames);
        // Own code: its innermost named frame; the others: their innermost Firefox module frame.
        const leaf = kind === 'own code' || !kind
          ? frames.find((f) => !f.startsWith('0x')) || '?'
          : frames.find((f) => (kind === 'API building' ? SCHEMA_FRAME : MACHINERY_FRAME).test(f)) || '?';
        memo.set(s, { kind, leaf });
      }
      const { kind, leaf } = memo.get(s);
      if (!kind) continue;
      const ms = (sample[cpuAt] || 0) / 1e6; // ns
      row.classes[kind] += ms;
      const name = leaf.replace(/\(?(moz-extension|resource|chrome):\/\/[^/]+\//, '').replace(/\)?\[\d+\]$/, '');
      row.frames[kind].set(name, (row.frames[kind].get(name) || 0) + ms);
    }
    // A process where the extension's scripts ran (preallocated and frame-only ones hold none).
    if (row.classes['own code'] + row.classes['API building'] > 0.5) rows.push(row);
  }
  return rows;
}


const offline = await offlineProxy();
const { server, origin } = await start();
const driver = await launchFirefox(offline.url);
try {
  await installExtension(driver, path.resolve(opt.ext));
  await sleep(Number(opt.wait) * 1000);
  const base = await driver.getWindowHandle();
  for (const set of pageSets({ pages: opt.pages, set: opt.set })) {
    await inChrome(driver, () => driver.executeScript("Services.profiler.StartProfiler(1 << 24, 0.5, ['js', 'cpu'], ['GeckoMain']);"));
    for (const page of set.pages) {
      await driver.switchTo().newWindow('tab');
      await driver.get(`${origin}/corpora/${page}`).catch(() => {});
      await sleep(1500);
      await driver.close();
      await driver.switchTo().window(base);
    }
    const profile = await inChrome(driver, () => driver.executeAsyncScript(
      `const done = arguments[0];
       Services.profiler.getProfileDataAsync().then((p) => { Services.profiler.StopProfiler(); done(p); }, (e) => done(String(e)));`));
    if (typeof profile === 'string') throw new Error(`no profile: ${profile}`);
    const rows = attribute(profile);
    console.log(`\n### ${opt.ext}: ${set.name} (${set.pages.length} pages, ${rows.length} page processes)\n`);
    console.log('| main-thread CPU per page process (ms) | median | p90 |\n| --- | ---: | ---: |');
    for (const c of CLASSES) console.log(`| ${c} | ${pct(rows.map((r) => r.classes[c]), 50).toFixed(1)} | ${pct(rows.map((r) => r.classes[c]), 90).toFixed(1)} |`);
    const total = rows.map((r) => CLASSES.reduce((s, c) => s + r.classes[c], 0));
    console.log(`| all three | ${pct(total, 50).toFixed(1)} | ${pct(total, 90).toFixed(1)} |`);
    for (const c of CLASSES) {
      const sum = new Map();
      for (const r of rows) for (const [k, v] of r.frames[c]) sum.set(k, (sum.get(k) || 0) + v / rows.length);
      console.log(`\n${c}, innermost ${c === 'own code' ? '' : 'Firefox module '}frames (ms per page process, mean):`);
      for (const [k, v] of [...sum].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${v.toFixed(2)}  ${k}`);
    }
  }
} finally {
  await driver.quit().catch(() => {});
  server.close();
  offline.close();
}
