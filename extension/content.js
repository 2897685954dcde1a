/* Bersih — content script. Runs at document_idle on http(s) pages.
 *
 *   settings from the background ─ paused here? ─▶ stop (answers messages, changes nothing)
 *        │
 *   walk the DOM once (live.js) ─▶ snapshot ─▶ background: the core's detectors ─▶ decisions
 *        ─▶ apply (live.js)
 *        │
 *   watch: MutationObserver queues added roots ─▶ debounce ─▶ walk each root (in context)
 *        ─▶ one message for the batch ─▶ apply
 *
 *   mode         | scans | watches | hides | reader/copy
 *   paused site  |  no   |   no    |  no   |   yes (analysed on demand)
 *   normal       |  yes  |   yes   |  yes  |   yes
 *   toggled off  |  yes  |   no    |  no   |   yes
 *
 * Why the core runs in the background, never in the page: the page then pays for a DOM walk in
 * JS and one message, not for compiling and instantiating a wasm module in every tab, and a
 * page's CSP cannot refuse it. The background's wasm is compiled once for every tab.
 * The settings come from the background too (on start, and whenever they change), so a page
 * load touches no storage API: Firefox builds every extension API a content script touches
 * anew in each page, and the storage API alone was about 5 ms of it.
 *
 * Reader and copy: the page is walked again when asked (our own marks are walked through) and
 * the background reads the article from it, with names when the reader shows them: nothing of
 * the article is computed on page load. When the story runs over several pages, its other pages
 * are then fetched one by one (story.js) and merged by the core in the background; the reader
 * grows as they arrive, and the copy waits for the whole story.
 *
 * Decisions come only from the core; this file walks, transports and applies. Nothing is
 * thrown into the page: every entry point catches, logs once with a "[bersih]" prefix and
 * leaves the page as it was.
 */
'use strict';

(() => {
  const common = bersihCommon;
  const api = common.api;
  const live = bersihLive;

  /** Wait after the last mutation before rescanning (ms): lets a burst of inserts settle. */
  const DEBOUNCE_MS = 250;
  /** Longest a queued root waits while mutations keep coming (ms). */
  const MAX_WAIT_MS = 1500;
  /** Roots walked per flush; the rest wait for the next flush. */
  const ROOTS_PER_FLUSH = 64;
  /** Roots kept in the queue; beyond it the queue collapses to the body, their common
   * ancestor, which one walk covers (bounded by the walk's own caps). */
  const MAX_QUEUE = 512;
  /** Rescan budget: at most this many roots per window; beyond it, flushes wait for the next
   * window instead of stopping, so a page that churns cannot switch the watching off. */
  const RESCANS_PER_WINDOW = 400;
  const WINDOW_MS = 10000;
  /** Least time between two whole-page analyses after same-document navigations (ms). */
  const RENAVIGATE_MS = 1000;
  /** Longest slice of the page's first walk (ms): a big page is read over several tasks. */
  const WALK_SLICE_MS = 10;
  /** Ancestors of a rescan root searched for another root holding it (the walk's context depth). */
  const ROOT_NEST_LEVELS = 32;
  /** Elements whose addition never needs a rescan. */
  const SKIP_TAGS = new Set(['br', 'head', 'link', 'meta', 'script', 'style', 'noscript', 'template']);

  let logged = false;
  function report(where, err) {
    if (logged) return;
    logged = true;
    try {
      console.warn('[bersih]', where, err);
    } catch (_) {
      /* nothing more to do */
    }
  }

  const state = {
    settings: null,
    hides: new live.Hides(),
    enabled: true,
    paused: false,
    scanned: false,
    // reader: last open, names included; background: the longest time the background's core took
    // for this page (one message), without compiling the module
    ms: { snapshot: 0, analyse: 0, apply: 0, reader: 0, task: 0, background: 0 },
    nodes: 0,
    path: '',
    truncated: false,
    ready: null, // promise of the first scan
    url: '', // the address the current decisions belong to
    observer: null,
    queue: new Set(),
    timer: 0,
    firstQueued: 0,
    flushing: false, // a flush is walking or waiting for the background
    flushAgain: false, // a flush came meanwhile: it runs when that one ends
    window: { start: 0, used: 0 },
    rescans: { roots: 0, deferred: 0, pages: 0 }, // roots walked, flushes the budget deferred, renavigations
    lastFull: 0,
    article: null, // {key, value}: the reader's last article, kept until the page changes
    changes: 0, // mutations seen: the article cache's key
  };

  function options() {
    return { url: location.href, extra_phrases: common.extraPhrases(state.settings) };
  }

  /** Sends to the background; the sending itself (the message's serialisation, synchronous) is
   * counted as our work in `ms.task`. */
  async function ask(message) {
    const t = performance.now();
    const pending = api.runtime.sendMessage(message);
    worked(t);
    const res = await pending;
    if (!res || !res.ok) throw new Error((res && res.error) || 'no answer from the background');
    state.ms.background = Math.max(state.ms.background, Number(res.ms) || 0);
    return res.result;
  }

  /** Reads the whole page and records what the core decides to hide (hiding nothing yet): by
   * its markup when it can (one native call), else by a walk in slices. */
  async function scan() {
    if (!(await scanMarkup())) await scanWalk();
    state.scanned = true;
    state.lastFull = performance.now();
  }

  /** The markup path; false when the page is too big for it or its DOM is not what its markup
   * gives (nothing recorded then). Not while the reader is open: its host is ours. */
  async function scanMarkup() {
    if (bersihReader.host()) return false;
    let t = performance.now();
    const page = live.markup(document);
    if (!page) return false;
    state.ms.snapshot = performance.now() - t;
    t = performance.now();
    let result;
    try {
      result = await ask({ type: 'bersih:hide-markup', html: page.html, options: options() });
    } catch (e) {
      report('reading the page by its markup failed, walking it:', e);
      return false;
    }
    const nodes = live.locate(page.all, result);
    state.ms.analyse = performance.now() - t;
    if (!nodes) return false;
    state.path = 'markup';
    state.nodes = result.nodes;
    state.truncated = false;
    state.hides.add(nodes, result.decisions);
    return true;
  }

  async function scanWalk() {
    let t = performance.now();
    const snap = await live.walkSliced(document.documentElement, bersihReader.host(), WALK_SLICE_MS);
    state.ms.snapshot = performance.now() - t;
    t = performance.now();
    const [result] = await ask({ type: 'bersih:hide', pages: [live.wire(snap)], options: options() });
    state.ms.analyse = performance.now() - t;
    state.path = 'walk';
    state.nodes = result.nodes;
    state.truncated = snap.truncated;
    state.hides.add(snap.nodes, result.decisions);
  }

  /* ---------- applying, with our own mutations kept out of the observer ---------- */

  function quietly(fn) {
    const obs = state.observer;
    if (obs) enqueue(obs.takeRecords());
    try {
      return fn();
    } finally {
      if (obs) obs.takeRecords();
    }
  }

  /** Records a stretch of our synchronous work that began at `t`; `ms.task` keeps the longest,
   * so a page can tell (and the tests assert) that none of ours blocks it long. */
  function worked(t) {
    const ms = performance.now() - t;
    state.ms.task = Math.max(state.ms.task, ms);
    return ms;
  }

  function applyNow() {
    const t = performance.now();
    quietly(() => (state.enabled && !state.paused ? state.hides.apply(state.settings.kinds) : state.hides.restore()));
    return worked(t);
  }

  /* ---------- watching: queue in the callback, work later ---------- */

  function enqueue(records) {
    if (records.length) state.changes++;
    for (const rec of records) {
      for (const node of rec.addedNodes) state.queue.add(node);
    }
    if (state.queue.size > MAX_QUEUE) {
      state.queue.clear();
      state.queue.add(document.body || document.documentElement);
    }
    if (state.queue.size && !state.timer) state.firstQueued = performance.now();
    schedule();
  }

  function schedule(delay) {
    if (!state.queue.size && location.href === state.url) return;
    clearTimeout(state.timer);
    const waited = performance.now() - state.firstQueued;
    state.timer = setTimeout(flush, delay ?? (waited > MAX_WAIT_MS ? 0 : DEBOUNCE_MS));
  }

  function rootOf(node) {
    if (!node.isConnected) return null;
    if (node.nodeType === 3) {
      if (!node.data.trim()) return null;
      return node; // a bare text run ("Baca Juga:") is scanned as itself, in its context
    }
    if (node.nodeType !== 1) return null;
    if (SKIP_TAGS.has(node.localName) || node.hasAttribute(live.WRAP_ATTR)) return null;
    if (node.closest(`[${live.HIDDEN_ATTR}]`)) return null;
    const own = bersihReader.host();
    if (own && own.contains(node)) return null;
    return node;
  }

  /** The roots that no other root holds within ROOT_NEST_LEVELS ancestors. Why not `contains`
   * on every pair: each call walks up from the node, so on a page nested 50,000 deep a batch of
   * roots cost 100 million steps in one task; a root nested deeper inside another is only walked
   * twice (its decisions are recorded once). */
  function outermost(roots) {
    const all = new Set(roots);
    return roots.filter((root) => {
      let a = root.parentNode;
      for (let i = 0; a && i < ROOT_NEST_LEVELS; i++, a = a.parentNode) if (all.has(a)) return false;
      return true;
    });
  }

  /** Whether the budget allows `n` more roots now; if not, when the window reopens (ms). */
  function budget(n) {
    const now = performance.now();
    if (now - state.window.start > WINDOW_MS) state.window = { start: now, used: 0 };
    if (state.window.used + n <= RESCANS_PER_WINDOW) {
      state.window.used += n;
      return 0;
    }
    return state.window.start + WINDOW_MS - now;
  }

  /** A same-document navigation (history.pushState in a single-page site): forget the old
   * page's decisions and analyse the new one from scratch, at most once per RENAVIGATE_MS. */
  async function renavigate() {
    const wait = RENAVIGATE_MS - (performance.now() - state.lastFull);
    if (wait > 0) return schedule(wait);
    state.url = location.href;
    state.rescans.pages++;
    state.queue.clear();
    quietly(() => state.hides.clear());
    await scan();
    state.ms.apply = applyNow();
  }

  /** One flush at a time: one that came while another walks (in slices) or waits for the
   * background would walk the same roots again (a flood's body twice over); it runs after. */
  async function flush() {
    state.timer = 0;
    if (state.flushing) {
      state.flushAgain = true;
      return;
    }
    state.flushing = true;
    try {
      await flushNow();
    } finally {
      state.flushing = false;
    }
    if (state.flushAgain) {
      state.flushAgain = false;
      schedule();
    }
  }

  async function flushNow() {
    if (location.href !== state.url) {
      try {
        await renavigate();
      } catch (e) {
        report('rescan after navigation failed:', e);
      }
      return;
    }
    try {
      const batch = [];
      for (const node of state.queue) {
        if (batch.length >= ROOTS_PER_FLUSH) break;
        batch.push(node);
      }
      for (const node of batch) state.queue.delete(node);
      const roots = outermost(batch.map(rootOf).filter(Boolean));
      const wait = budget(roots.length);
      if (wait > 0) {
        for (const r of roots) state.queue.add(r); // kept, not dropped: retried when the window reopens
        state.rescans.deferred++;
        return schedule(wait);
      }
      if (roots.length) {
        state.rescans.roots += roots.length;
        const snaps = await live.walkEach(roots, true, bersihReader.host(), WALK_SLICE_MS);
        const results = await ask({ type: 'bersih:hide', pages: snaps.map(live.wire), options: options() });
        const t = performance.now();
        let found = 0;
        snaps.forEach((s, i) => (found += state.hides.add(s.nodes, results[i].decisions)));
        if (found) state.ms.apply += applyNow();
        worked(t);
      }
    } catch (e) {
      report('rescan failed:', e);
    }
    if (state.queue.size) {
      state.firstQueued = performance.now();
      schedule();
    }
  }

  function startWatching() {
    if (state.observer || !state.enabled || state.paused) return;
    state.observer = new MutationObserver((records) => {
      try {
        enqueue(records);
      } catch (e) {
        report('observer failed:', e);
      }
    });
    state.observer.observe(document.documentElement, { childList: true, subtree: true });
  }

  function stopWatching() {
    if (state.observer) state.observer.disconnect();
    state.observer = null;
    clearTimeout(state.timer);
    state.timer = 0;
    state.queue.clear();
  }

  /* ---------- start ---------- */

  async function start() {
    state.url = location.href;
    settle(await ask({ type: 'bersih:settings' }));
    if (state.paused) return;
    // Watching first: what the page adds while its first walk yields is rescanned after.
    startWatching();
    await scan();
    state.ms.apply = applyNow();
  }

  state.ready = start().catch((e) => report('start failed:', e));

  function settle(settings) {
    state.settings = settings;
    state.paused = common.isPaused(settings, location.hostname);
  }

  /* ---------- settings changes from the popup and options (sent by the background) ---------- */

  async function changed(settings) {
    await state.ready;
    settle(settings);
    if (!state.paused && !state.scanned) await scan();
    applyNow();
    if (state.enabled && !state.paused) startWatching();
    else stopWatching();
    return { ok: true };
  }

  /* ---------- the article, for the reader and the copy ---------- */

  /** The page's article (and, with `names`, its highlights), read by the core from a fresh
   * walk; kept until the page changes. With `story`, the background keeps it to merge the
   * story's other pages into (a new one each time, never from the cache), and the answer's
   * `step` says what to fetch first. */
  async function article(names, story) {
    await state.ready;
    const key = `${state.changes}|${location.href}|${names}`;
    if (!story && state.article && state.article.key === key) return state.article.value;
    const snap = await live.walkSliced(document.documentElement, bersihReader.host(), WALK_SLICE_MS);
    const value = await ask({ type: 'bersih:article', page: live.wire(snap), options: options(), names, story });
    if (!story) state.article = { key, value };
    return value;
  }

  function merging() {
    return !!(state.settings && state.settings.merge !== false);
  }

  /** The story being read on this page: its latest view from the background (article, copies,
   * `step`: {progress, next}), whether names are tagged, the fetches made, and `done`, which
   * resolves when no more pages come. Kept across reader opens while the address is the same
   * and it was not cut short by a close. */
  function current(names) {
    const s = state.story;
    const usable = s && s.url === location.href && (s.names || !names) && s.view.step.progress.stop !== 'aborted';
    return usable ? s : null;
  }

  async function openStory(names) {
    const known = current(names);
    if (known) return known;
    if (state.story) state.story.controller.abort();
    const view = await article(names, true);
    const s = { url: location.href, names, view, fetches: 0, controller: new AbortController(), listener: null, done: null };
    state.story = s;
    s.done = readPages(s);
    return s;
  }

  /** Fetches the pages the core asks for, one at a time, handing each to the background, until
   * it says the story is done or stopped, or the reader closes. */
  async function readPages(s) {
    const signal = s.controller.signal;
    try {
      while (s.view.step.next && !signal.aborted) {
        const url = s.view.step.next.url;
        s.fetches++;
        const got = await bersihStory.fetchPage(url, signal);
        if (!got || signal.aborted) break;
        s.view = await ask({ type: 'bersih:story', url, ...got, names: s.names });
        if (s.listener) s.listener(s.view);
      }
      if (signal.aborted && s.view.step.next) {
        s.view = await ask({ type: 'bersih:story', abort: true, names: s.names });
        if (s.listener) s.listener(s.view);
      }
    } catch (e) {
      // The background lost the story (its worker restarted) or failed: the reader keeps what
      // was merged and says the next page could not be loaded, instead of loading forever.
      report('reading the story\'s other pages failed:', e);
      const p = s.view.step.progress;
      s.view = { ...s.view, step: { next: null, progress: { ...p, state: 'stopped', stop: 'error', status: null, at: p.merged + 1 } } };
      if (s.listener) s.listener(s.view);
    }
  }

  /** What the reader and the copy show: the whole story when merging is on, else page 1. */
  async function shown(names) {
    return merging() ? (await openStory(names)).view : article(names, false);
  }

  async function copy(format) {
    const md = format === 'markdown';
    let view;
    if (merging()) {
      const s = await openStory(false);
      await s.done; // the whole story, not the pages that arrived so far
      view = s.view;
    } else {
      view = await article(false, false);
    }
    // The core composed both copies (header escaped, address kept only if http(s)).
    const { article: a, copy: copies, step } = view;
    if (!a || !copies) return { ok: false, error: 'no article', text: '' };
    const text = md ? copies.markdown : copies.text;
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch (_) {
      copied = legacyCopy(text);
    }
    return { ok: true, text, copied, format: md ? 'markdown' : 'text', pages: step ? step.progress.merged : 1 };
  }

  /** Clipboard write through a selection, for contexts where the async clipboard is refused. */
  function legacyCopy(text) {
    const host = document.createElement(bersihReader.TAG);
    const root = host.attachShadow({ mode: 'closed' });
    const area = document.createElement('textarea');
    area.value = text;
    root.appendChild(area);
    let ok = false;
    quietly(() => {
      document.documentElement.appendChild(host);
      try {
        area.select();
        ok = document.execCommand('copy');
      } catch (_) {
        ok = false;
      }
      host.remove();
    });
    return ok;
  }

  async function toggleReader() {
    const reader = bersihReader;
    if (reader.isOpen()) {
      quietly(() => reader.close());
      return { open: false };
    }
    const t = performance.now();
    // Names are tagged when the reader first opens, never on page load, and not at all when off.
    const names = !!(state.settings && state.settings.highlight);
    const view = await shown(names);
    const s = merging() ? state.story : null;
    // A story read with names serves a reader without them too: its marks are then left out.
    const marks = (v) => (names ? v.highlights : null);
    quietly(() =>
      reader.open(view.article, {
        highlights: marks(view),
        progress: view.step && view.step.progress,
        settings: state.settings,
        lang: document.documentElement.lang || '',
        url: location.href,
        copy,
        quietly,
        closed: () => {
          if (s) {
            s.listener = null;
            s.controller.abort();
          }
        },
      }),
    );
    // The other pages arrive while the person reads page 1: the reader grows with each.
    if (s) s.listener = (v) => quietly(() => reader.update(v.article, marks(v), v.step.progress));
    state.ms.reader = performance.now() - t;
    return { open: true, article_found: !!view.article, entities: marks(view) ? view.highlights.entities.length : 0 };
  }

  /** Where the story is, for the popup and the tests. */
  function storyStats() {
    const s = state.story && state.story.url === location.href ? state.story : null;
    if (!s) return { state: 'none', merged: 1, count: null, stop: null, fetches: 0 };
    const p = s.view.step.progress;
    return { state: p.state, merged: p.merged, count: p.count, stop: p.stop, fetches: s.fetches };
  }

  /* ---------- messages ---------- */

  function round(ms) {
    return Math.round(ms * 100) / 100;
  }

  async function stats() {
    await state.ready;
    const s = state.hides.stats();
    return {
      hidden: s.hidden,
      items: s.items, // reason: {rule, evidence}, as the core gave it
      // task: our longest synchronous stretch besides taking the page's markup (`snapshot`, one
      // task too): sending to the background, applying; every walk reads in slices of WALK_SLICE_MS.
      ms: { snapshot: round(state.ms.snapshot), analyse: round(state.ms.analyse), apply: round(state.ms.apply), reader: round(state.ms.reader), task: round(state.ms.task), background: round(state.ms.background) },
      rescans: { ...state.rescans },
      site: location.hostname,
      url: location.href,
      nodes: state.nodes,
      path: state.path, // how the page was first read: 'markup' or 'walk'
      truncated: state.truncated,
      paused: state.paused,
      enabled: state.enabled,
      story: storyStats(),
    };
  }

  async function toggle(enabled) {
    await state.ready;
    state.enabled = typeof enabled === 'boolean' ? enabled : !state.enabled;
    if (state.enabled && !state.paused) startWatching();
    else stopWatching();
    applyNow();
    return { enabled: state.enabled };
  }

  const handlers = {
    'bersih:stats': () => stats(),
    'bersih:toggle': (m) => toggle(m.enabled),
    'bersih:toggle-reader': () => toggleReader(),
    'bersih:copy': (m) => copy(m.format),
    'bersih:settings': (m) => changed(m.settings),
  };

  api.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const handler = message && Object.hasOwn(handlers, message.type) && handlers[message.type];
    if (!handler) return false;
    Promise.resolve()
      .then(() => handler(message))
      .then(sendResponse, (e) => {
        report(`${message.type} failed:`, e);
        sendResponse({ ok: false, error: String(e) });
      });
    return true;
  });
})();
