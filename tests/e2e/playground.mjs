// End-to-end test of the site (dist/www) in headless Chromium (Debian's /usr/bin/chromium, driven
// by playwright-core), served by `python3 -m http.server` as a user would serve it. Picks each
// sample in the playground and pastes a page, checks what is listed as removed, outlined in the
// sandboxed original and shown as the article; copy, language switch, keyboard, phone width,
// load time, no request leaving the origin, and axe-core (no serious or critical violation).
// Ends with "N passed, N failed".
// Screenshots go to build/screenshots; SHOTS=1 saves them to docs/screenshots (the site and
// README use playground.png from there).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { Results, waitFor, shotsDir } from './checks.mjs';
import { assertAccessible } from './a11y.mjs';

const repo = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const site = path.join(repo, 'dist', 'www');
const shots = process.env.SHOTS === '1' ? shotsDir : path.join(repo, 'build', 'screenshots');
const r = new Results('playground');

/** What each sample must give: removals by kind (with a text each) and a sentence of the article. */
const SAMPLES = {
  'melon-bantul': {
    title: 'Petani Bantul Panen Melon di Lahan Pasir Pantai',
    removed: { recirculation: ['Harga Cabai di Pasar Beringharjo', 'Jalur Lintas Selatan Rampung', 'Berita Terkait'], ad: ['ADVERTISEMENT'] },
    text: 'Kelompok tani di pesisir selatan Kabupaten Bantul',
  },
  'pasar-terapung': {
    title: 'Pasar Terapung Lok Baintan Kembali Ramai Setelah Dermaga Baru Dibuka',
    removed: { recirculation: ['Jembatan Barito Ditutup', 'Lima Rute Susur Sungai'], ad: ['Advertisement'], boilerplate: ['WhatsApp Channel'] },
    text: 'Ratusan jukung kembali memadati Sungai Martapura',
  },
  'penang-ferry': {
    title: 'Penang ferry service adds late-evening crossings',
    removed: { recirculation: ['Second bridge toll discount', 'Light rail link to Bayan Lepas'], ad: ['Travel insurance'] },
    text: 'The ferry link between Butterworth and George Town',
  },
};
const GONE = ['Baca juga', 'READ ALSO', 'ADVERTISEMENT', 'Advertisement'];
/** Page 1 of tests/fixtures/paged/tribun-1.html's story (its canonical address): ?page=N pages,
 * "Halaman 1/3". */
const TRIBUN = 'https://www.tribunnews.com/regional/2026/07/24/harga-cabai-naik-jelang-idul-adha';

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/** `python3 -m http.server` on a free port of 127.0.0.1, serving dir. */
function serve(dir) {
  const child = spawn('python3', ['-u', '-m', 'http.server', '--bind', '127.0.0.1', '--directory', dir, '0'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      const m = /port (\d+)/.exec(String(d));
      if (m) resolve({ child, origin: `http://127.0.0.1:${m[1]}` });
    });
    child.on('exit', (code) => reject(new Error(`http.server exited (${code})`)));
  });
}

/** Runs in the page: what the playground shows. */
function shown() {
  const doc = document.querySelector('#frame-box iframe')?.contentDocument;
  return {
    status: document.getElementById('status').textContent,
    removed: [...document.querySelectorAll('#removed li')].map((li) => ({
      kind: li.querySelector('.kind').className.replace('kind ', ''),
      text: li.querySelector('.text').textContent,
      rule: li.querySelector('.reason')?.dataset.rule,
      label: li.querySelector('.reason .rule')?.textContent,
      evidence: li.querySelector('.reason .evidence')?.textContent ?? '',
    })),
    marks: doc ? [...doc.querySelectorAll('[data-bersih-hidden]')].map((m) => ({ kind: m.dataset.bersihHidden, n: m.dataset.bersihN })) : [],
    reader: document.getElementById('reader').textContent,
    title: document.querySelector('#reader h3')?.textContent,
    sandbox: document.querySelector('#frame-box iframe')?.getAttribute('sandbox'),
  };
}

/** Runs in the page: the pagination panel as rows of label and text, the addresses listed and
 * their links. */
function paging() {
  const box = document.getElementById('pagination');
  return {
    rows: Object.fromEntries([...box.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling.textContent])),
    onePage: box.querySelector('.one-page')?.textContent ?? null,
    pages: [...box.querySelectorAll('ol li')].map((li) => li.querySelector('a, code').textContent),
    current: box.querySelector('ol li[aria-current="page"]')?.textContent ?? null,
    links: [...box.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), rel: a.rel, target: a.target })),
  };
}

/** What the playground shows once the article titled `title` is analysed. */
async function analysed(page, title) {
  await page.waitForFunction(
    (t) => /\d ms/.test(document.getElementById('status').textContent) && document.querySelector('#reader h3')?.textContent === t,
    title,
    { timeout: 10000 },
  );
  return page.evaluate(shown);
}

function expectSample(got, want, label) {
  for (const [kind, texts] of Object.entries(want.removed)) {
    for (const t of texts) {
      assert(got.removed.some((x) => x.kind === kind && x.text.includes(t)), `${label}: ${kind} "${t}" not listed: ${JSON.stringify(got.removed)}`);
    }
  }
  assert(got.removed.every((x) => x.rule && x.label), `${label}: a removal without its rule: ${JSON.stringify(got.removed)}`);
  const hidden = got.removed.filter((x) => x.kind !== 'boilerplate');
  assert(got.marks.length === hidden.length, `${label}: ${got.marks.length} marks for ${hidden.length} listed`);
  assert(got.marks.every((m, i) => m.kind === hidden[i].kind && m.n === String(i + 1)), `${label}: marks ${JSON.stringify(got.marks)}`);
  assert(got.reader.includes(want.text), `${label}: article text missing: ${want.text}`);
  assert(!got.reader.includes('null') && !got.reader.includes('undefined'), `${label}: "null" or "undefined" in the reader`);
  for (const g of GONE) assert(!got.reader.includes(g), `${label}: "${g}" in the reader result`);
  assert(got.sandbox === 'allow-same-origin', `${label}: iframe sandbox "${got.sandbox}"`);
}

const { child, origin } = await serve(site);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
let code = 1;
try {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await ctx.newPage();
  const errors = [];
  const foreign = [];
  const blocked = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    // The CSP refusing the pasted page's outside images and the sandbox refusing its scripts
    // are the promise kept, not errors.
    if (m.type() === 'error' && !/Content Security Policy|'allow-scripts' permission/.test(m.text())) errors.push(m.text());
  });
  // Playwright reports a request the CSP then blocks: only a response means it went out.
  page.on('response', (res) => {
    if (!res.url().startsWith(origin) && !/^(data|about|blob):/.test(res.url())) foreign.push(res.url());
  });
  page.on('requestfailed', (req) => req.failure()?.errorText === 'csp' && blocked.push(req.url()));
  fs.mkdirSync(shots, { recursive: true });

  await r.check('site page loads in under 1 s, has install, privacy and licence', async () => {
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    const t = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
    console.log(`  index.html load event after ${Math.round(t)} ms`);
    assert(t < 1000, `index.html took ${t} ms`);
    const text = await page.evaluate(() => document.body.innerText);
    for (const s of ['Chrome', 'Firefox', 'MIT OR Apache-2.0']) assert(text.includes(s), `index.html lacks ${s}`);
    // The screenshots load lazily: ask for each instead of waiting for them.
    const srcs = await page.evaluate(() => [...document.images].map((i) => i.src));
    const missing = [];
    for (const src of srcs) if (!(await page.request.get(src)).ok()) missing.push(src);
    assert(!missing.length, `images missing: ${missing}`);
  });

  await r.check('language switch (Indonesian ⇄ English), remembered', async () => {
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    assert((await page.evaluate(() => document.documentElement.lang)) === 'id', 'lang not id');
    assert((await page.locator('h1').innerText()).startsWith('Baca beritanya'), 'h1 not Indonesian');
    await page.reload();
    assert((await page.evaluate(() => document.documentElement.lang)) === 'id', 'choice not remembered');
    await page.getByRole('button', { name: 'English' }).click();
    assert((await page.locator('h1').innerText()).startsWith('Read the story'), 'h1 not English');
  });

  await r.check('playground ready (wasm loaded) in under 1 s', async () => {
    await page.goto(`${origin}/playground.html`, { waitUntil: 'load' });
    const ready = Number(await waitFor(() => page.evaluate(() => document.body.dataset.ready), { what: 'wasm ready' }));
    console.log(`  playground ready after ${ready} ms`);
    assert(ready < 1000, `ready after ${ready} ms`);
  });

  const timings = [];
  for (const [name, want] of Object.entries(SAMPLES)) {
    await r.check(`sample ${name}: inserts listed as removed and outlined, article shown`, async () => {
      await page.selectOption('#sample', name);
      const got = await analysed(page, want.title);
      expectSample(got, want, name);
      timings.push(`${name} ${/Analy[sz]ed in ([\d.]+) ms/.exec(got.status)?.[1]} ms`);
    });
  }
  console.log(`  analysis (walk + analyse + mark, entities on): ${timings.join(', ')}`);

  await r.check('removals say why: rule and evidence, in both languages', async () => {
    const want = {
      en: { lead: 'Lead-in', ad: 'Ad class/id', boilerplate: 'Not article text' },
      id: { lead: 'Pembuka', ad: 'Kelas/id iklan', boilerplate: 'Bukan teks artikel' },
    };
    for (const [lang, button] of [['id', 'Bahasa Indonesia'], ['en', 'English']]) {
      await page.getByRole('button', { name: button }).click();
      await page.selectOption('#sample', 'melon-bantul');
      let got = await analysed(page, SAMPLES['melon-bantul'].title);
      const insert = got.removed.find((x) => x.kind === 'recirculation' && x.text.includes('Harga Cabai di Pasar Beringharjo'));
      assert(insert && insert.rule === 'lead-in' && insert.label === want[lang].lead && insert.evidence === 'Baca juga:', `${lang}: the "Baca juga" insert: ${JSON.stringify(insert)}`);
      const ad = got.removed.find((x) => x.kind === 'ad');
      assert(ad && ad.rule === 'ad-name' && ad.label === want[lang].ad && ad.evidence === 'ads-box', `${lang}: the ad: ${JSON.stringify(ad)}`);
      await page.selectOption('#sample', 'pasar-terapung');
      got = await analysed(page, SAMPLES['pasar-terapung'].title);
      const bp = got.removed.find((x) => x.kind === 'boilerplate');
      assert(bp && bp.rule === 'boilerplate' && bp.label === want[lang].boilerplate && bp.evidence === '', `${lang}: the boilerplate line: ${JSON.stringify(bp)}`);
    }
    // Back to the last sample the following checks expect on screen.
    await page.selectOption('#sample', 'penang-ferry');
    const got = await analysed(page, SAMPLES['penang-ferry'].title);
    const read = got.removed.find((x) => x.text.includes('Second bridge toll'));
    assert(read && read.label === 'Lead-in' && read.evidence === 'READ ALSO:', `penang-ferry READ ALSO insert: ${JSON.stringify(read)}`);
  });

  await r.check('entities highlighted in the reader and listed', async () => {
    const n = await page.evaluate(() => ({
      marks: document.querySelectorAll('#reader mark[data-entity]').length,
      listed: document.querySelectorAll('#entities mark[data-entity]').length,
    }));
    assert(n.listed > 0, 'no entity listed');
    console.log(`  penang-ferry: ${n.marks} entity marks in the reader HTML, ${n.listed} entities listed`);
  });

  await r.check('copy as text and Markdown', async () => {
    await page.click('#copy-md');
    const md = await page.evaluate(() => navigator.clipboard.readText());
    assert(md.startsWith('# Penang ferry service adds late-evening crossings\n'), `markdown: ${md.slice(0, 80)}`);
    await page.click('#copy-text');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    assert(text.includes('The ferry link between') && !text.includes('READ ALSO') && !text.includes('#'), `text: ${text.slice(0, 120)}`);
  });

  await r.check('pasted page with a base URL; its scripts do not run; nothing loads from elsewhere', async () => {
    const html = fs
      .readFileSync(path.join(repo, 'tests', 'fixtures', 'articles', 'kompas', 'page.html'), 'utf8')
      .replace('</body>', '<script>parent.document.body.dataset.pwned = 1</script><img src="data:," onerror="parent.document.body.dataset.pwned = 2"></body>');
    await page.selectOption('#sample', '');
    await page.fill('#html', html);
    await page.fill('#url', 'https://www.kompas.com/read/2026/02/11/banjir-bekasi');
    await page.click('#run');
    const got = await analysed(page, 'Banjir Rendam Ribuan Rumah di Kabupaten Bekasi');
    assert(got.removed.filter((x) => x.kind === 'recirculation').length === 2, `recirculation: ${JSON.stringify(got.removed)}`);
    assert(got.removed.some((x) => x.kind === 'boilerplate' && x.text.includes('WhatsApp')), 'boilerplate not listed');
    assert(got.reader.includes('Banjir merendam sedikitnya 2.300 rumah'), 'article text');
    const links = await page.evaluate(() => [...document.querySelectorAll('#reader a')].map((a) => a.getAttribute('href')));
    assert(links.every((h) => /^https:\/\//.test(h)), `reader links not absolute: ${links}`);
    assert(!(await page.evaluate(() => document.body.dataset.pwned)), 'a script of the pasted page ran');
    assert(!foreign.length, `requests left the origin: ${foreign}`);
    assert(blocked.some((u) => u.includes('asset.kompas.com')), `the lead image was not blocked by the CSP: ${blocked}`);
  });

  await r.check('pasted paged page (tribun-1): model, page 1 of 3, the addresses in order, in both languages', async () => {
    const html = fs.readFileSync(path.join(repo, 'tests', 'fixtures', 'paged', 'tribun-1.html'), 'utf8');
    await page.selectOption('#sample', '');
    await page.fill('#html', html);
    await page.fill('#url', '');
    const want = {
      id: { model: 'Cara dibagi', split: 'halaman terpisah, ?page=N', page: 'Halaman ini', of: 'Halaman 1 dari 3', pages: 'Alamat halaman', next: 'Halaman berikutnya', all: 'Tampilkan semua' },
      en: { model: 'Split as', split: 'separate pages, ?page=N', page: 'This page', of: 'Page 1 of 3', pages: 'Page addresses', next: 'Next page', all: 'Show all' },
    };
    const addresses = [TRIBUN, `${TRIBUN}?page=2`, `${TRIBUN}?page=3`];
    for (const [lang, button] of [['id', 'Bahasa Indonesia'], ['en', 'English']]) {
      await page.getByRole('button', { name: button }).click();
      await page.click('#run');
      await analysed(page, 'Harga Cabai Naik Jelang Idul Adha');
      const got = await page.evaluate(paging);
      const w = want[lang];
      const rows = got.rows;
      assert(rows[w.model] === w.split && rows[w.page] === w.of, `${lang}: model and page: ${JSON.stringify(rows)}`);
      assert(JSON.stringify(got.pages) === JSON.stringify(addresses), `${lang}: addresses: ${JSON.stringify(got.pages)}`);
      assert(got.current?.startsWith(TRIBUN) && !got.current.includes('?page='), `${lang}: this page not marked first: ${got.current}`);
      assert(rows[w.next] === `${TRIBUN}?page=2` && rows[w.all] === `${TRIBUN}?page=all`, `${lang}: next and show all: ${JSON.stringify(rows)}`);
      assert(got.onePage === null, `${lang}: one-page note on a paged page`);
    }
    const got = await page.evaluate(paging);
    assert(got.links.length === 5 && got.links.every((l) => l.rel === 'noopener noreferrer' && l.target === '_blank'), `links: ${JSON.stringify(got.links)}`);
    assert(!foreign.length, `requests left the origin: ${foreign}`);
  });

  await r.check('one-page article: the pagination panel says it is one page', async () => {
    await page.selectOption('#sample', 'penang-ferry');
    await analysed(page, SAMPLES['penang-ferry'].title);
    const got = await page.evaluate(paging);
    assert(got.onePage === 'One page: this page shows no other pages.', `one-page note: ${got.onePage}`);
    assert(!Object.keys(got.rows).length && !got.pages.length, `rows on a one-page article: ${JSON.stringify(got)}`);
  });

  await r.check('keyboard: every control reachable by Tab; Enter on a removal shows it in the original', async () => {
    await page.selectOption('#sample', 'melon-bantul');
    await analysed(page, SAMPLES['melon-bantul'].title);
    await page.evaluate(() => document.activeElement?.blur());
    const reached = new Set();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => document.activeElement.id || document.activeElement.closest('li')?.parentElement?.id || document.activeElement.tagName));
    }
    for (const id of ['sample', 'url', 'html', 'run', 'copy-text', 'copy-md', 'reader', 'removed']) assert(reached.has(id), `not reached by Tab: ${id} (${[...reached]})`);
    await page.focus('#removed li:nth-child(2) button');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert(outline !== 'none', 'no visible focus outline');
    await page.keyboard.press('Enter');
    const flashed = await page.evaluate(() => document.querySelector('#frame-box iframe').contentDocument.querySelector('[data-bersih-n="2"]').classList.contains('bersih-focus'));
    assert(flashed, 'removal 2 not shown in the original');
  });

  await r.check('screenshot of the playground (playground.png)', async () => {
    await page.evaluate(() => window.scrollTo(0, document.getElementById('status').getBoundingClientRect().top + scrollY - 12));
    await page.waitForTimeout(700); // the smooth scroll inside the frame
    await page.screenshot({ path: path.join(shots, 'playground.png') });
  });

  for (const scheme of ['light', 'dark']) {
    for (const lang of ['English', 'Bahasa Indonesia']) {
      await r.check(`axe: no serious violations (${scheme}, ${lang})`, async () => {
        await page.emulateMedia({ colorScheme: scheme });
        for (const url of [`${origin}/`, `${origin}/playground.html?sample=pasar-terapung`]) {
          await page.goto(url, { waitUntil: 'load' });
          await page.getByRole('button', { name: lang }).click();
          if (url.includes('sample')) await analysed(page, SAMPLES['pasar-terapung'].title);
          await assertAccessible(page, `${scheme} ${lang} ${url.slice(origin.length)}`);
        }
      });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });

  await r.check('phone width (390 px): no sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const url of [`${origin}/`, `${origin}/playground.html?sample=melon-bantul`]) {
      await page.goto(url, { waitUntil: 'load' });
      if (url.includes('sample')) await analysed(page, SAMPLES['melon-bantul'].title);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert(width <= 390, `${url}: ${width} px wide`);
    }
    await page.screenshot({ path: path.join(shots, 'playground-phone.png') });
  });

  await r.check('no page errors', async () => {
    assert(!errors.length, errors.join(' | '));
  });
  code = r.finish();
} catch (e) {
  console.log(`FAIL playground: setup: ${e && e.stack}`);
  r.failed++;
  code = r.finish();
} finally {
  await browser.close().catch(() => {});
  child.kill();
}
process.exit(code);
