// The playground: the pasted page goes into a sandboxed iframe (no scripts); the extension's
// live-DOM adapter (live.js) walks that document, the wasm core analyses the walk, the adapter
// marks what the extension would hide; marks.css outlines and labels the marks instead of
// hiding them. Everything shown (removals, article, entities, pagination) is what the core and
// the name recogniser returned: this file only draws it.
//
//   sample / paste ──▶ <iframe sandbox srcdoc> ──walk──▶ Analysed ──decisions──▶ Hides.apply
//                                                          ├──▶ analysis() ──▶ lists, reader
//                                                          └──▶ text() ─names─▶ highlights()
const { pick } = globalThis.bersihLang;
// pkg/bersih_reader.js and pkg/bersih_names.js (wasm-bindgen --target no-modules) and live.js declare
// global bindings (`bersihReader`, `bersihNames`, `bersihLive`), not properties of globalThis.
const glue = bersihReader; // eslint-disable-line no-undef
const names = bersihNames; // eslint-disable-line no-undef
const adapter = bersihLive; // eslint-disable-line no-undef
const $ = (id) => document.getElementById(id);

const KIND = {
  recirculation: { id: 'sisipan', en: 'insert' },
  ad: { id: 'iklan', en: 'ad' },
  boilerplate: { id: 'bukan berita', en: 'not the story' },
};
const WHY = {
  recirculation: {
    id: 'Tautan sisipan ke berita lain (“Baca juga”, “Read also”, kotak berita terkait): disembunyikan di halaman.',
    en: 'An inserted link to another story (“Baca juga”, “Read also”, a related-stories box): hidden on the page.',
  },
  ad: {
    id: 'Slot iklan, label iklan atau blok bersponsor: disembunyikan di halaman.',
    en: 'An ad slot, an ad label or a sponsored block: hidden on the page.',
  },
  boilerplate: {
    id: 'Teks di dalam artikel yang bukan berita (ajakan berbagi, promo kanal): tidak masuk hasil baca, tetap tampil di halaman.',
    en: 'Text inside the article that is not the story (share prompts, channel promos): left out of the reader result, still shown on the page.',
  },
};
/** The rule of each removal's `reason` (src/analysis.rs `Rule`); `quote`: the evidence is text of
 * the page (shown in quotes), else a name in its markup (shown as code). */
const RULE = {
  'lead-in': { id: 'Pembuka', en: 'Lead-in', quote: true },
  'marked-box': { id: 'Kotak tautan terkait, kelas/id', en: 'Related-links box, class/id' },
  'ad-attribute': { id: 'Atribut jaringan iklan', en: 'Ad network attribute' },
  'ad-name': { id: 'Kelas/id iklan', en: 'Ad class/id' },
  'ad-frame': { id: 'Bingkai iklan', en: 'Ad frame' },
  'ad-label': { id: 'Label iklan', en: 'Ad label', quote: true },
  'sponsored-link': { id: 'Tautan bersponsor, rel', en: 'Sponsored link, rel' },
  boilerplate: { id: 'Bukan teks artikel', en: 'Not article text' },
};
/** The core's pagination models (reader::metadata::pagination `Model`) in words; `none` is said
 * by TEXT.onePage instead. */
const MODEL = {
  query: { id: 'halaman terpisah, ?page=N', en: 'separate pages, ?page=N' },
  path: { id: 'halaman terpisah, jalur /N', en: 'separate pages, path /N' },
  linked: { id: 'hanya tautan ke halaman berikutnya', en: 'next link only' },
  'one-document': { id: 'semua halaman dalam satu dokumen', en: 'all pages in one document' },
};
const PAGING = {
  model: { id: 'Cara dibagi', en: 'Split as' },
  page: { id: 'Halaman ini', en: 'This page' },
  pages: { id: 'Alamat halaman', en: 'Page addresses' },
  here: { id: 'halaman ini', en: 'this page' },
  next: { id: 'Halaman berikutnya', en: 'Next page' },
  showAll: { id: 'Tampilkan semua', en: 'Show all' },
};
const ENTITY = { PER: { id: 'orang', en: 'person' }, ORG: { id: 'organisasi', en: 'organisation' }, LOC: { id: 'tempat', en: 'place' } };
const TEXT = {
  loading: { id: 'Memuat WebAssembly…', en: 'Loading the WebAssembly…' },
  ready: { id: 'Siap. Pilih contoh atau tempel HTML.', en: 'Ready. Pick a sample or paste HTML.' },
  failedInit: { id: 'WebAssembly gagal dimuat: ', en: 'The WebAssembly failed to load: ' },
  empty: { id: 'Tempel HTML dulu, atau pilih contoh.', en: 'Paste some HTML first, or pick a sample.' },
  badUrl: { id: 'URL dasar harus alamat http(s) lengkap.', en: 'The base URL must be a full http(s) address.' },
  analysing: { id: 'Menganalisis…', en: 'Analysing…' },
  failed: { id: 'Analisis gagal: ', en: 'The analysis failed: ' },
  noArticle: { id: 'Tidak ada artikel yang ditemukan di halaman ini.', en: 'No article was found on this page.' },
  noText: { id: '(tanpa teks: slot iklan kosong)', en: '(no text: an empty ad slot)' },
  onePage: { id: 'Satu halaman: halaman ini tidak menunjukkan halaman lain.', en: 'One page: this page shows no other pages.' },
  noEntities: { id: 'Tidak ada nama yang dikenali.', en: 'No names recognised.' },
  copied: { id: 'Tersalin ke papan klip.', en: 'Copied to the clipboard.' },
  copyFailed: { id: 'Tidak bisa menyalin: ', en: 'Could not copy: ' },
  frame: { id: 'Halaman asli, tanpa skrip', en: 'The original page, without scripts' },
};

/** The last result, kept to redraw it when the language changes. */
let shown = null;
/** A function giving the status line in the current language. */
let status = () => pick(TEXT.loading);

function say(fn, error = false) {
  status = fn;
  $('status').textContent = fn();
  $('status').classList.toggle('error', error);
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
}

/** A fresh sandboxed iframe showing `html`, resolved once it has loaded. */
function frame(html) {
  return new Promise((resolve) => {
    const f = el('iframe', { sandbox: 'allow-same-origin', title: pick(TEXT.frame) });
    f.addEventListener('load', () => resolve(f), { once: true });
    f.srcdoc = html;
    $('frame-box').replaceChildren(f);
  });
}

/** Outlines instead of hiding: numbers the marks, links marks.css, keeps links from navigating. */
function outline(doc) {
  const marks = [...doc.querySelectorAll('[data-bersih-hidden]')];
  marks.forEach((m, i) => m.setAttribute('data-bersih-n', String(i + 1)));
  const link = doc.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('marks.css', location.href).href;
  (doc.head || doc.documentElement).append(link);
  // The sandbox stops scripts, forms and popups but not a link replacing the frame's page.
  doc.addEventListener('click', (e) => e.target.closest?.('a, area') && e.preventDefault(), true);
  return marks;
}

function labelMarks(doc) {
  for (const kind of ['recirculation', 'ad']) {
    doc.documentElement.style.setProperty(`--bersih-label-${kind}`, JSON.stringify(pick(KIND[kind])));
  }
}

async function analyse() {
  const html = $('html').value;
  const url = $('url').value.trim();
  const urlOk = !url || /^https?:\/\/[^/\s]+/i.test(url);
  $('url').setAttribute('aria-invalid', String(!urlOk));
  if (!html.trim()) return say(() => pick(TEXT.empty), true);
  if (!urlOk) return say(() => pick(TEXT.badUrl), true);
  say(() => pick(TEXT.analysing));
  const f = await frame(html);
  const doc = f.contentDocument;
  let analysed;
  try {
    const t0 = performance.now();
    const snap = adapter.walk(doc.documentElement, false);
    const t1 = performance.now();
    analysed = new glue.Analysed(snap.ops, snap.strs, { url: url || null });
    const hides = new adapter.Hides();
    hides.add(snap.nodes, analysed.decisions());
    hides.apply({ recirculation: true, ad: true });
    const analysis = analysed.analysis();
    const text = analysed.text();
    const highlights = text === undefined ? null : analysed.highlights(names.mentions(text, analysed.lang()));
    const copies = { text: analysed.copy('text'), markdown: analysed.copy('markdown') }; // `analysed` is freed below
    const t2 = performance.now();
    shown = { doc, marks: outline(doc), stats: hides.stats(), analysis, highlights, copies, ms: { walk: t1 - t0, analyse: t2 - t1 }, nodes: analysed.nodes() };
  } catch (e) {
    shown = null;
    for (const id of ['reader', 'removed', 'entities', 'pagination']) $(id).replaceChildren(); // no stale result
    $('copy-text').disabled = $('copy-md').disabled = true;
    return say(() => pick(TEXT.failed) + e, true);
  } finally {
    analysed?.free(); // the marks stay; nothing is restored later
  }
  draw();
  const { ms, nodes, analysis } = shown;
  const total = (ms.walk + ms.analyse).toFixed(1);
  say(() =>
    pick({
      id: `Dianalisis dalam ${total} ms (menelusuri DOM ${ms.walk.toFixed(1)} ms, analisis ${ms.analyse.toFixed(1)} ms) · ${nodes} simpul · bahasa ${analysis.lang}`,
      en: `Analysed in ${total} ms (DOM walk ${ms.walk.toFixed(1)} ms, analysis ${ms.analyse.toFixed(1)} ms) · ${nodes} nodes · language ${analysis.lang}`,
    }),
  );
}

/** Draws the last result in the current language. */
function draw() {
  const frameEl = $('frame-box').querySelector('iframe');
  if (frameEl) frameEl.title = pick(TEXT.frame);
  if (!shown) return;
  labelMarks(shown.doc);
  drawRemoved(shown.stats.items, shown.analysis.removed, shown.marks);
  const { article } = shown.analysis;
  const marked = article && shown.highlights ? { ...article, html: shown.highlights.html } : article;
  drawReader(marked, shown.analysis.lang);
  drawEntities(shown.highlights ? shown.highlights.entities : []);
  drawPagination(article ? article.pagination : null);
  $('copy-text').disabled = $('copy-md').disabled = !shown.analysis.article;
}

/** The rule that found a removal and what it matched, as the core gave them. */
function reason(r) {
  if (!r || !r.rule) return null;
  const rule = RULE[r.rule];
  const label = rule ? pick(rule) : r.rule; // a rule newer than this page: its own name
  const evidence = r.evidence ? el(rule && rule.quote ? 'q' : 'code', { class: 'evidence' }, r.evidence) : null;
  return el('span', { class: 'reason', 'data-rule': r.rule }, el('span', { class: 'rule' }, label), evidence ? ' ' : null, evidence);
}

/** The parts of a removal's entry: number (0: none), kind, text, rule and evidence, why. */
function removal({ kind, text, reason: r }, n) {
  return [
    n ? el('span', { class: 'n' }, `${n}.`) : null,
    el('span', { class: `kind ${kind}` }, pick(KIND[kind])),
    el('span', { class: 'text' }, text || pick(TEXT.noText)),
    reason(r),
    el('span', { class: 'why' }, pick(WHY[kind])),
  ];
}

function drawRemoved(items, removed, marks) {
  const list = $('removed');
  list.replaceChildren();
  // The hidden items and the marks are both in document order: the n-th goes with the n-th.
  items
    .filter((item) => item.hidden)
    .forEach((item, i) => {
      const button = el('button', { type: 'button', 'data-kind': item.kind }, ...removal(item, i + 1));
      button.addEventListener('click', () => reveal(marks[i]));
      list.append(el('li', {}, button));
    });
  for (const r of removed.filter((r) => r.kind === 'boilerplate')) {
    list.append(el('li', { class: 'unmarked', 'data-kind': r.kind }, el('div', {}, ...removal(r, 0))));
  }
  $('removed-none').hidden = list.children.length > 0;
}

function reveal(mark) {
  if (!mark) return;
  mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
  mark.classList.remove('bersih-focus');
  void mark.offsetWidth; // restart the flash
  mark.classList.add('bersih-focus');
}

function drawReader(article, lang) {
  const box = $('reader');
  box.lang = lang && lang !== 'und' ? lang : '';
  if (!article) {
    box.replaceChildren(el('p', { class: 'placeholder' }, pick(TEXT.noArticle)));
    return;
  }
  const meta = [article.byline, article.editor && `Editor: ${article.editor}`, article.source, article.site_name, article.published_text]
    .filter(Boolean)
    .join(' · ');
  let figure = null;
  if (article.lead_image && !article.lead_image.in_body) {
    const img = el('img', { src: article.lead_image.src, alt: article.lead_image.caption || '' });
    figure = el('figure', {}, img, article.lead_image.caption ? el('figcaption', {}, article.lead_image.caption) : null);
    img.addEventListener('error', () => figure.remove(), { once: true }); // elsewhere: blocked by the CSP
  }
  const body = el('div', { class: 'reader-body' });
  body.innerHTML = article.html; // sanitised by construction in the core (reader::render)
  box.replaceChildren(...[el('h3', {}, article.title), meta ? el('p', { class: 'meta' }, meta) : null, figure, body].filter(Boolean));
}

function drawEntities(entities) {
  const list = $('entities');
  list.replaceChildren(
    ...entities.map((e) =>
      el('li', {}, el('mark', { 'data-entity': e.type }, e.text), ` ${pick(ENTITY[e.type] || { id: e.type, en: e.type })}${e.count > 1 ? ` ×${e.count}` : ''}`),
    ),
  );
  if (!entities.length) list.append(el('li', { class: 'placeholder' }, pick(TEXT.noEntities)));
}

/** An address as text, a link only when it is http(s); a link opens a new tab on a click, so the
 * playground itself never fetches or leaves. */
function address(url) {
  if (!/^https?:\/\//i.test(url)) return el('code', {}, url);
  return el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, url);
}

function pageOf({ current, count }) {
  return count === null
    ? pick({ id: `Halaman ${current} (jumlahnya tidak disebut)`, en: `Page ${current} (no page count stated)` })
    : pick({ id: `Halaman ${current} dari ${count}`, en: `Page ${current} of ${count}` });
}

/** The pages' addresses in the core's order from page 1, this page's marked. */
function pageList({ pages, current }) {
  return el(
    'ol',
    {},
    ...pages.map((url, i) => {
      const here = i + 1 === current;
      return el('li', here ? { 'aria-current': 'page' } : {}, address(url), here ? ` (${pick(PAGING.here)})` : null);
    }),
  );
}

/** What the pasted page says about its story's pages (`Article.pagination`), or that it is one. */
function drawPagination(p) {
  const box = $('pagination');
  if (!p) return box.replaceChildren(el('p', { class: 'placeholder' }, pick(TEXT.noArticle)));
  const one = p.model === 'none';
  const rows = [
    one ? null : [PAGING.model, pick(MODEL[p.model] || { id: p.model, en: p.model })], // a model newer than this page: its own name
    one ? null : [PAGING.page, pageOf(p)],
    p.pages.length ? [PAGING.pages, pageList(p)] : null,
    p.next ? [PAGING.next, address(p.next)] : null,
    p.show_all ? [PAGING.showAll, address(p.show_all)] : null,
  ].filter(Boolean);
  const list = el('dl', {}, ...rows.flatMap(([label, value]) => [el('dt', {}, pick(label)), el('dd', {}, value)]));
  box.replaceChildren(...[one ? el('p', { class: 'one-page' }, pick(TEXT.onePage)) : null, rows.length ? list : null].filter(Boolean));
}

/** The article as the core composed its copy: title, credits and date, address, then the text. */
async function copy(format) {
  const text = shown.copies[format];
  try {
    await navigator.clipboard.writeText(text);
    say(() => pick(TEXT.copied));
  } catch (e) {
    say(() => pick(TEXT.copyFailed) + e, true);
  }
}

async function loadSample(name) {
  if (!name) return;
  const res = await fetch(`samples/${encodeURIComponent(name)}.html`);
  $('html').value = await res.text();
  $('url').value = '';
  await analyse();
}

document.addEventListener('bersih:lang', () => {
  $('status').textContent = status();
  draw();
});
$('input').addEventListener('submit', (e) => {
  e.preventDefault();
  analyse();
});
$('html').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    analyse();
  }
});
$('sample').addEventListener('change', () => loadSample($('sample').value));
$('copy-text').addEventListener('click', () => copy('text'));
$('copy-md').addEventListener('click', () => copy('markdown'));

say(() => pick(TEXT.loading));
try {
  await Promise.all([
    glue({ module_or_path: new URL('pkg/bersih_reader_bg.wasm', location.href) }),
    names({ module_or_path: new URL('pkg/bersih_names_bg.wasm', location.href) }),
  ]);
  $('run').disabled = false;
  say(() => pick(TEXT.ready));
  document.body.dataset.ready = String(Math.round(performance.now())); // ms since navigation, for the tests
  const sample = new URLSearchParams(location.search).get('sample');
  if (sample && [...$('sample').options].some((o) => o.value === sample)) {
    $('sample').value = sample;
    await loadSample(sample);
  }
} catch (e) {
  say(() => pick(TEXT.failedInit) + e, true);
}
