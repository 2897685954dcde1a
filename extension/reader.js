/* Bersih — reader view: a <bersih-reader> element over the page with a closed shadow root, so
 * page styles cannot reach in. It shows only what the core produced: title, credits, date,
 * lead image and the core's sanitised article HTML. Built when first opened; removed on close.
 *
 * The page's scripts share this DOM, so the reader is closed to them: the shadow root lives only
 * in this closure (`host.shadowRoot` is null to the page); every handler ignores synthetic
 * events (`isTrusted` false), so a page cannot click, close or make the reader copy; and any
 * change to the reader's DOM that this file did not make closes it (Firefox hands the page a
 * node inside the closed root once the person clicks or selects text in it: the Selection is
 * not retargeted), so a page cannot slip a fake form or link into it.
 *
 * A story over several pages grows in place as the core merges each page (`update`), under a
 * line that says which page is loading, how many were merged or why it stopped.
 *
 * With highlights, the HTML is the core's marked copy (<mark data-entity="PER|ORG|LOC"
 * data-entity-id="i">, i indexing its entity list): this file colours the marks per theme, and
 * adds a legend (counts and on/off per type) and a panel of the entities that jumps to the next
 * mention of one. It finds and counts nothing itself. */
'use strict';

// A lexical binding, not a property of the global object: page markup (`<div id=…>`) cannot
// clobber it.
const bersihReader = (() => {
  const common = bersihCommon;
  const msg = common.msg;
  const WIDTHS = ['narrow', 'medium', 'wide'];
  const MIN_SIZE = 14;
  const MAX_SIZE = 32;
  const KINDS = ['PER', 'ORG', 'LOC'];
  /** How long a mention the panel jumps to stays flashed (ms); the CSS animation lasts as long. */
  const FLASH_MS = 1200;

  const CSS = `
    :host { all: initial; position: fixed; inset: 0; z-index: 2147483647; display: block; }
    .frame { position: absolute; inset: 0; overflow: auto; background: var(--bg); color: var(--fg);
      font-family: var(--font); font-size: var(--size); line-height: 1.65; }
    .frame:focus { outline: none; }
    .frame[data-font="serif"] { --font: Georgia, "Noto Serif", "DejaVu Serif", serif; }
    .frame[data-font="sans"] { --font: system-ui, "Noto Sans", "DejaVu Sans", sans-serif; }
    .frame, .frame[data-theme="light"] { --bg: #fdfdfb; --fg: #1d1d1b; --muted: #5b5b57; --link: #0b5cad; --bar: #f0f0ec; --line: #d8d8d2;
      --per: #ffe3a3; --org: #cfe6ff; --loc: #d3f2cc; --per-line: #9a6700; --org-line: #1f63b0; --loc-line: #2b7a36; }
    .frame[data-theme="sepia"] { --bg: #f4ecd8; --fg: #3b2f22; --muted: #6b5a45; --link: #7a3d0a; --bar: #eadfc6; --line: #d6c7a6;
      --per: #f7d58f; --org: #d3e2f0; --loc: #d9ebc4; --per-line: #8a5a00; --org-line: #2a5d94; --loc-line: #3b6e2a; }
    .frame[data-theme="dark"] { --bg: #1b1c1e; --fg: #e6e4df; --muted: #a9a7a1; --link: #8cc4ff; --bar: #26282b; --line: #3a3c40;
      --per: #5a4300; --org: #153a5c; --loc: #1d4a28; --per-line: #e0b040; --org-line: #6aaef0; --loc-line: #6cc07a; }
    @media (prefers-color-scheme: dark) {
      .frame[data-theme="auto"] { --bg: #1b1c1e; --fg: #e6e4df; --muted: #a9a7a1; --link: #8cc4ff; --bar: #26282b; --line: #3a3c40;
      --per: #5a4300; --org: #153a5c; --loc: #1d4a28; --per-line: #e0b040; --org-line: #6aaef0; --loc-line: #6cc07a; }
    }
    .bar { position: sticky; top: 0; display: flex; flex-wrap: wrap; gap: 6px; align-items: center;
      justify-content: flex-end; padding: 8px 12px; background: var(--bar); border-bottom: 1px solid var(--line);
      font: 14px/1.2 system-ui, sans-serif; }
    .bar button, .bar select { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line);
      border-radius: 6px; padding: 5px 9px; cursor: pointer; }
    .bar button:focus-visible, .bar select:focus-visible { outline: 2px solid var(--link); outline-offset: 1px; }
    .bar .spacer { flex: 1; }
    .bar .note { color: var(--muted); }
    article { margin: 0 auto; padding: 32px 20px 80px; max-width: var(--width); }
    .frame[data-width="narrow"] { --width: 32em; }
    .frame[data-width="medium"] { --width: 40em; }
    .frame[data-width="wide"] { --width: 52em; }
    h1 { font-size: 1.9em; line-height: 1.2; margin: 0 0 0.4em; }
    .meta { color: var(--muted); font-size: 0.85em; margin: 0 0 1.4em; }
    .meta a { color: var(--muted); }
    .pages { color: var(--muted); font-size: 0.85em; margin: -1em 0 1.4em; padding-left: 0.6em; border-left: 3px solid var(--line); }
    figure { margin: 0 0 1.5em; }
    figure img, .body img { max-width: 100%; height: auto; }
    figcaption { color: var(--muted); font-size: 0.8em; margin-top: 0.3em; }
    .body a { color: var(--link); }
    .body blockquote { border-left: 3px solid var(--line); margin-left: 0; padding-left: 1em; color: var(--muted); }
    .body pre { overflow: auto; }
    .body table { border-collapse: collapse; }
    .body td, .body th { border: 1px solid var(--line); padding: 4px 8px; }
    .empty { color: var(--muted); }
    /* Entity marks: the text keeps the theme's full contrast (at least 4.5:1 on every mark
       colour, checked by the e2e tests), and the underline style tells the types apart
       without colour. */
    .body mark { color: var(--fg); border-radius: 2px; padding: 0 1px; }
    .body a mark { color: var(--link); }
    .body mark[data-entity="PER"], .swatch[data-entity="PER"] { background: var(--per); border-bottom: 2px solid var(--per-line); }
    .body mark[data-entity="ORG"], .swatch[data-entity="ORG"] { background: var(--org); border-bottom: 2px dashed var(--org-line); }
    .body mark[data-entity="LOC"], .swatch[data-entity="LOC"] { background: var(--loc); border-bottom: 2px dotted var(--loc-line); }
    .frame[data-off~="PER"] .body mark[data-entity="PER"], .frame[data-off~="ORG"] .body mark[data-entity="ORG"],
    .frame[data-off~="LOC"] .body mark[data-entity="LOC"] { background: none; border-bottom-color: transparent; color: inherit; }
    .body mark.flash { animation: flash ${FLASH_MS}ms ease-out; }
    @keyframes flash { from { box-shadow: 0 0 0 5px var(--link); } to { box-shadow: 0 0 0 5px transparent; } }
    @media (prefers-reduced-motion: reduce) {
      .body mark.flash { animation: none; outline: 3px solid var(--link); outline-offset: 1px; }
    }
    .names { margin: 0 0 1.4em; font: 14px/1.4 system-ui, sans-serif; }
    .names ul, .legend { display: flex; flex-wrap: wrap; gap: 6px; list-style: none; padding: 0; margin: 0; }
    .names ul { margin-top: 8px; }
    .names button { display: inline-flex; gap: 6px; align-items: center; font: inherit; color: var(--fg);
      background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 4px 9px; cursor: pointer; }
    .names button:focus-visible { outline: 2px solid var(--link); outline-offset: 1px; }
    .legend button[aria-pressed="false"] { text-decoration: line-through; }
    .legend button[aria-pressed="false"] .swatch { background: none; }
    .swatch { display: inline-block; width: 0.9em; height: 0.7em; border-radius: 2px; }
    .count { color: var(--muted); font-variant-numeric: tabular-nums; }
    .names details { margin-top: 8px; }
    .names summary { cursor: pointer; color: var(--muted); }
  `;

  const TAG = 'bersih-reader';
  let host = null;
  let ctx = null;
  let view = null;
  let guard = null; // watches the shadow root for changes not made through `own`

  function isOpen() {
    return !!(host && host.isConnected);
  }

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text) e.textContent = text;
    return e;
  }

  /** Calls `fn` for the person's own `type` events on `target`; a page's synthetic ones (e.g. a
   * scripted click on Copy, which would write the clipboard without a gesture) do nothing. */
  function onTrusted(target, type, fn) {
    target.addEventListener(type, (e) => {
      if (e.isTrusted) fn(e);
    });
  }

  /** Makes a change to the reader's DOM that the guard lets pass. */
  function own(fn) {
    fn();
    if (guard) guard.takeRecords();
  }

  function button(key, onClick, label) {
    const b = el('button', { type: 'button', title: msg(key), 'aria-label': msg(key) }, label || msg(key));
    onTrusted(b, 'click', onClick);
    return b;
  }

  function persist() {
    common.save({ theme: view.theme, reader: { size: view.size, width: view.width, font: view.font } }).catch(() => {});
  }

  function render(frame) {
    own(() => {
      frame.dataset.theme = view.theme;
      frame.dataset.width = view.width;
      frame.dataset.font = view.font;
      frame.style.setProperty('--size', `${view.size}px`);
    });
  }

  /** Scrolls to the next mention of entity `id` (cycling) and flashes it. */
  function jump(content, id, seen) {
    const marks = content.querySelectorAll(`mark[data-entity-id="${id}"]:not([data-entity-cont])`);
    if (!marks.length) return;
    const i = ((seen.get(id) ?? -1) + 1) % marks.length;
    seen.set(id, i);
    const mark = marks[i];
    const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
    mark.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
    own(() => {
      for (const m of content.querySelectorAll('mark.flash')) m.classList.remove('flash');
      void mark.offsetWidth; // restarts the animation when the same mark is flashed again
      mark.classList.add('flash');
    });
    setTimeout(() => own(() => mark.classList.remove('flash')), FLASH_MS);
  }

  /** The legend (per-type counts with on/off toggles) and the entity panel for the core's list. */
  function names(frame, content, entities) {
    const section = el('section', { class: 'names', 'aria-label': msg('readerNames') });
    const legend = el('div', { class: 'legend', role: 'group', 'aria-label': msg('readerLegend') });
    const off = new Set();
    for (const kind of KINDS) {
      const n = entities.reduce((sum, e) => sum + (e.type === kind ? e.count : 0), 0);
      const b = el('button', { type: 'button', 'aria-pressed': 'true', 'data-kind': kind });
      b.append(el('span', { class: 'swatch', 'data-entity': kind }), msg('entity' + kind), el('span', { class: 'count' }, String(n)));
      onTrusted(b, 'click', () => {
        if (!off.delete(kind)) off.add(kind);
        own(() => {
          b.setAttribute('aria-pressed', String(!off.has(kind)));
          frame.dataset.off = [...off].join(' ');
        });
      });
      legend.appendChild(b);
    }
    section.appendChild(legend);
    if (!entities.length) return section;
    const details = el('details');
    details.appendChild(el('summary', {}, msg('readerNamesList', [String(entities.length)])));
    const list = el('ul');
    const seen = new Map(); // entity id → index of the mention shown last
    entities.forEach((e, id) => {
      const b = el('button', { type: 'button', title: msg('readerNextMention'), 'data-entity-id': String(id) });
      b.append(el('span', { class: 'swatch', 'data-entity': e.type }), e.text, el('span', { class: 'count' }, String(e.count)));
      onTrusted(b, 'click', () => jump(content, id, seen));
      const li = el('li');
      li.appendChild(b);
      list.appendChild(li);
    });
    details.appendChild(list);
    section.appendChild(details);
    return section;
  }

  /** Draws the article into `body`: title, credits, the story's pages, names, lead image and
   * the core's HTML; again, whole, each time the story grows. */
  function fill(body, frame, article, highlights, progress) {
    body.textContent = '';
    if (article) {
      body.appendChild(el('h1', {}, article.title));
      const meta = el('p', { class: 'meta' });
      const parts = [article.byline, article.source && `${msg('readerSourceLabel')}: ${article.source}`, article.site_name]
        .filter(Boolean);
      if (article.published) {
        const time = el('time', { datetime: article.published }, article.published_text);
        parts.push(time);
      }
      parts.push(msg('readerMinutes', [String(article.reading_minutes)]));
      parts.forEach((p, i) => {
        if (i) meta.appendChild(document.createTextNode(' · '));
        meta.appendChild(typeof p === 'string' ? document.createTextNode(p) : p);
      });
      meta.appendChild(document.createTextNode(' · '));
      meta.appendChild(el('a', { href: ctx.url }, msg('readerOriginal')));
      body.appendChild(meta);
      const pages = pagesNote(progress);
      if (pages) body.appendChild(pages);
      const content = el('div', { class: 'body' });
      // The core's sanitised reader HTML (no scripts, handlers, frames or forms), parsed inert.
      const parsed = new DOMParser().parseFromString(highlights ? highlights.html : article.html, 'text/html');
      content.append(...parsed.body.childNodes);
      if (highlights) body.appendChild(names(frame, content, highlights.entities));
      // Above the body only when the body does not show it already (the core says which).
      if (article.lead_image && !article.lead_image.in_body && /^https?:/i.test(article.lead_image.src)) {
        const fig = el('figure');
        fig.appendChild(el('img', { src: article.lead_image.src, alt: article.lead_image.caption || '' }));
        if (article.lead_image.caption) fig.appendChild(el('figcaption', {}, article.lead_image.caption));
        body.appendChild(fig);
      }
      body.appendChild(content);
    } else {
      body.appendChild(el('p', { class: 'empty' }, msg('readerNoArticle')));
    }
  }

  /** Why a story stopped, from the core's `progress.stop`. */
  const STOPS = {
    error: 'Error',
    loop: 'Loop',
    repeat: 'Repeat',
    limit: 'Limit',
    'not-article': 'NotArticle',
    'other-story': 'OtherStory',
    aborted: 'Aborted',
  };

  /** The line that says where the story's pages are: loading page N of M, merged, or why it
   * stopped; none for a story of one page. Its data attributes carry the core's figures. */
  function pagesNote(progress) {
    if (!progress || (progress.state === 'done' && progress.merged < 2)) return null;
    const p = el('p', { class: 'pages', role: 'status', 'data-state': progress.state, 'data-merged': String(progress.merged) });
    if (progress.count) p.dataset.count = String(progress.count);
    let text;
    if (progress.state === 'loading') {
      const n = String(progress.merged + 1);
      text = progress.count ? msg('pagesLoading', [n, String(progress.count)]) : msg('pagesLoadingOpen', [n]);
    } else if (progress.state === 'done') {
      text = msg('pagesMerged', [String(progress.merged)]);
    } else {
      p.dataset.stop = progress.stop;
      if (progress.status) p.dataset.status = String(progress.status);
      const at = String(progress.at);
      const key = progress.stop === 'error' && !progress.status ? 'ErrorNet' : STOPS[progress.stop] || 'Aborted';
      const why = msg(`pagesStop${key}`, [at, String(progress.status || '')]);
      text = msg('pagesStopped', [String(progress.merged), why]);
    }
    p.textContent = text;
    return p;
  }

  /** Redraws the open reader with the story as merged so far. */
  function update(article, highlights, progress) {
    if (!isOpen() || !article) return;
    own(() => fill(view.body, view.frame, article, highlights, progress));
  }

  function onKey(e) {
    // A page's synthetic Escape (dispatched at the document) must not close the reader.
    if (e.isTrusted && e.key === 'Escape' && isOpen()) {
      e.stopPropagation();
      close();
    }
  }

  function open(article, context) {
    if (isOpen()) return;
    close(); // what a host the page removed left behind: its key listener and guard
    ctx = context;
    const s = context.settings;
    view = { theme: s.theme || 'auto', size: s.reader.size, width: s.reader.width, font: s.reader.font };
    host = document.createElement(TAG);
    const root = host.attachShadow({ mode: 'closed' });
    root.appendChild(el('style', {}, CSS));
    const frame = el('div', { class: 'frame', role: 'dialog', 'aria-modal': 'true', 'aria-label': msg('readerLabel'), lang: context.lang || '' });
    render(frame);

    const bar = el('div', { class: 'bar' });
    const status = el('span', { class: 'note', role: 'status' });
    bar.appendChild(status);
    bar.appendChild(el('span', { class: 'spacer' }));
    const theme = el('select', { title: msg('readerTheme'), 'aria-label': msg('readerTheme') });
    for (const t of ['auto', 'light', 'sepia', 'dark']) {
      const o = el('option', { value: t }, msg('theme' + t[0].toUpperCase() + t.slice(1)));
      if (t === view.theme) o.selected = true;
      theme.appendChild(o);
    }
    onTrusted(theme, 'change', () => {
      view.theme = theme.value;
      render(frame);
      persist();
    });
    bar.appendChild(theme);
    const size = (d) => () => {
      view.size = Math.min(MAX_SIZE, Math.max(MIN_SIZE, view.size + d));
      render(frame);
      persist();
    };
    bar.appendChild(button('readerSmaller', size(-2), 'A−'));
    bar.appendChild(button('readerLarger', size(2), 'A+'));
    bar.appendChild(button('readerWidth', () => {
      view.width = WIDTHS[(WIDTHS.indexOf(view.width) + 1) % WIDTHS.length];
      render(frame);
      persist();
    }, '↔'));
    bar.appendChild(button('readerFont', () => {
      view.font = view.font === 'serif' ? 'sans' : 'serif';
      render(frame);
      persist();
    }, 'Aa'));
    const copier = (format) => async () => {
      try {
        const res = await ctx.copy(format);
        own(() => (status.textContent = res.ok && res.copied ? msg('popupCopied') : ''));
      } catch (_) {
        own(() => (status.textContent = ''));
      }
    };
    if (article) {
      bar.appendChild(button('readerCopyText', copier('text')));
      bar.appendChild(button('readerCopyMarkdown', copier('markdown')));
    }
    bar.appendChild(button('readerClose', close, '✕'));
    frame.appendChild(bar);

    const body = el('article');
    view.body = body;
    view.frame = frame;
    fill(body, frame, article, context.highlights, context.progress);
    frame.appendChild(body);
    root.appendChild(frame);
    document.documentElement.appendChild(host);
    document.addEventListener('keydown', onKey, true);
    frame.tabIndex = -1;
    frame.focus({ preventScroll: true });
    guard = new MutationObserver((records) => {
      // The person opening or closing the list of names toggles `open` on its <details>.
      if (records.some((r) => r.attributeName !== 'open')) close();
    });
    guard.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  }

  function close() {
    if (ctx && ctx.closed) ctx.closed();
    document.removeEventListener('keydown', onKey, true);
    if (guard) guard.disconnect();
    guard = null;
    if (host) {
      const h = host;
      host = null;
      if (ctx && ctx.quietly) ctx.quietly(() => h.remove());
      else h.remove();
    }
  }

  /** The reader's element while it is open: the page walk leaves out this one element of ours,
   * by identity, so a page's own <bersih-reader> elements are walked like any other. */
  function ownHost() {
    return isOpen() ? host : null;
  }

  return { TAG, open, update, close, isOpen, host: ownHost };
})();
