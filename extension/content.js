/* Bersih — content script. Runs at document_idle on http(s) pages.
 *
 *   load settings ─ paused here? ─▶ stop (answers messages, changes nothing)
 *        │
 *   wasm usable? ─yes─▶ LivePage: snapshot ─▶ analyse ─▶ apply      ("content" path)
 *        │no (page CSP blocks wasm in Chromium)
 *        └────────────▶ JS walk ─▶ flat snapshot ─▶ background wasm analyses
 *                       ─▶ decisions (op ranges) ─▶ apply            ("background" path)
 *        │
 *   watch: MutationObserver queues added roots ─▶ debounce ─▶ rescan each root ─▶ apply
 *
 *   mode             | scans | watches | hides | reader/copy
 *   paused site      |  no   |   no    |  no   |   yes (analyses on demand)
 *   normal           |  yes  |   yes   |  yes  |   yes
 *   toggled off      |  yes  |   no    |  no   |   yes
 *   background path  |  yes  |   yes   |  yes  |   yes (article comes with the decisions)
 *
 * Reader view: the article of the last analysis. With "highlight names" on, the core tags the
 * article's names when the reader first opens (never on page load): LivePage.highlights() on the
 * wasm path, the kept snapshot sent again with `entities: true` on the background path.
 *
 * Decisions come only from the core (wasm); this file walks, transports and applies. Nothing
 * is thrown into the page: every entry point catches, logs once with a "[bersih]" prefix and
 * leaves the page as it was.
 */
'use strict';

(() => {
  if (globalThis.__bersih) return; // a second injection does nothing
  globalThis.__bersih = true;

  const common = globalThis.bersihCommon;
  const api = common.api;

  /** Wait after the last mutation before rescanning (ms): lets a burst of inserts settle. */
  const DEBOUNCE_MS = 250;
  /** Longest a queued root waits while mutations keep coming (ms). */
  const MAX_WAIT_MS = 1500;
  /** Roots rescanned per flush; the rest wait for the next flush. */
  const ROOTS_PER_FLUSH = 64;
  /** Roots kept in the queue; beyond it, new roots are dropped (a page rebuilding itself). */
  const MAX_QUEUE = 512;
  /** Roots rescanned over the page's life; then the observer stops (bounded work). */
  const MAX_RESCANS = 5000;
  /** Elements whose addition never needs a rescan. */
  const SKIP_TAGS = new Set(['br', 'head', 'link', 'meta', 'script', 'style', 'noscript', 'template', 'bersih-reader']);
  const HIDDEN_ATTR = 'data-bersih-hidden';
  const WRAP_ATTR = 'data-bersih-wrap';

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
    engine: null,
    path: 'content',
    enabled: true,
    paused: false,
    ms: { snapshot: 0, analyse: 0, apply: 0, reader: 0 }, // reader: last open, highlights included
    ready: null, // promise of the first scan
    url: '', // the address the current decisions belong to
    observer: null,
    queue: [],
    timer: 0,
    firstQueued: 0,
    rescans: 0,
  };

  function options() {
    return { url: location.href, extra_phrases: common.extraPhrases(state.settings) };
  }

  function kinds() {
    return state.settings.kinds;
  }

  /* ---------- the wasm path: the live walk and apply are Rust (src/live.rs) ---------- */

  function wasmAllowed() {
    try {
      new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
      return true;
    } catch (_) {
      return false;
    }
  }

  async function wasmEngine() {
    // pkg/bersih.js (wasm-bindgen --target no-modules) declares a global `let wasm_bindgen`.
    // eslint-disable-next-line no-undef
    const glue = wasm_bindgen;
    await glue({ module_or_path: api.runtime.getURL('pkg/bersih_bg.wasm') });
    const live = new glue.LivePage(document);
    return {
      path: 'content',
      async scan() {
        let t = performance.now();
        live.snapshot();
        state.ms.snapshot = performance.now() - t;
        t = performance.now();
        live.analyse(options());
        state.ms.analyse = performance.now() - t;
      },
      async rescan(root) {
        return live.rescan(root);
      },
      apply: (k) => live.apply(k),
      restore: () => live.restore(),
      stats: () => live.stats(),
      article: async () => live.article(),
      highlights: async () => live.highlights(), // tagged on the first call only
    };
  }

  /* ---------- the background path: a JS walk, the background's wasm decides ---------- */

  /** Whether the builder drops this element's text anyway (code and style sheets): a transfer
   * saving only, mirroring the same saving in src/live.rs; the builder applies the rule. */
  function skipsText(el) {
    const tag = el.localName;
    if (tag === 'style') return true;
    if (tag !== 'script') return false;
    const type = (el.getAttribute('type') || '').trim().toLowerCase();
    return type === '' || type === 'module' || type.includes('javascript');
  }

  /** Preorder walk into flat arrays (see src/snapshot.rs `Snapshot`); `nodes[i]` is the live
   * node of op `i` (null for closes). Context copies of the ancestors open a partial walk. */
  function flatWalk(root, withContext) {
    const snap = { kinds: [], tags: [], attrs: [], texts: [], contexts: 0 };
    const nodes = [];
    const open = (el, node) => {
      snap.kinds.push(0);
      snap.tags.push(el.localName);
      const list = [];
      for (const a of el.attributes) list.push(a.localName, a.value);
      snap.attrs.push(list);
      nodes.push(node);
    };
    const close = () => {
      snap.kinds.push(2);
      nodes.push(null);
    };
    if (withContext) {
      const chain = [];
      for (let up = root.parentElement; up; up = up.parentElement) chain.push(up);
      for (const el of chain.reverse()) open(el, null);
      snap.contexts = chain.length;
    }
    const skip = [];
    let cur = root;
    while (cur) {
      let descend = false;
      if (cur.nodeType === 1) {
        open(cur, cur);
        skip.push(skipsText(cur));
        descend = true;
      } else if ((cur.nodeType === 3 || cur.nodeType === 4) && !skip[skip.length - 1]) {
        snap.kinds.push(1);
        snap.texts.push(cur.data);
        nodes.push(cur);
      }
      if (descend) {
        if (cur.firstChild) {
          cur = cur.firstChild;
          continue;
        }
        close();
        skip.pop();
      }
      let at = cur;
      cur = null;
      while (at !== root) {
        if (at.nextSibling) {
          cur = at.nextSibling;
          break;
        }
        at = at.parentNode;
        if (!at) break;
        close();
        skip.pop();
      }
    }
    for (let i = 0; i < snap.contexts; i++) close();
    return { snap, nodes };
  }

  function backgroundEngine() {
    const hides = []; // {first, last, textNode, kind, text, reason, applied}
    let article = null;
    let pageNodes = 0;
    // The last full snapshot, kept so the reader can ask for highlights of the same page later.
    let lastSnap = null;
    let highlights; // undefined until asked for
    const ask = async (snap, entities = false) => {
      const res = await api.runtime.sendMessage({ type: 'bersih:analyse', snapshot: snap, options: { ...options(), entities } });
      if (!res || !res.ok) throw new Error((res && res.error) || 'no answer from the background');
      return res.result;
    };
    const add = (nodes, decisions) => {
      let n = 0;
      for (const d of decisions) {
        const first = nodes[d.first];
        const last = nodes[d.last];
        if (!first || !last || hides.some((h) => h.first === first)) continue;
        hides.push({ first, last, textNode: d.text_node, kind: d.kind, text: d.text, reason: d.reason, applied: null });
        n++;
      }
      return n;
    };
    const hide = (h) => {
      if (!h.textNode) {
        if (h.first.hasAttribute(HIDDEN_ATTR)) return null;
        h.first.setAttribute(HIDDEN_ATTR, h.kind);
        return h.first;
      }
      const parent = h.first.parentNode;
      if (!parent) return null;
      const span = document.createElement('span');
      span.setAttribute(HIDDEN_ATTR, h.kind);
      span.setAttribute(WRAP_ATTR, '');
      parent.insertBefore(span, h.first);
      for (let node = h.first; node; ) {
        const next = node.nextSibling;
        span.appendChild(node);
        if (node === h.last) break;
        node = next;
      }
      return span;
    };
    const unhide = (h) => {
      const el = h.applied;
      h.applied = null;
      if (!el) return;
      if (!h.textNode) {
        el.removeAttribute(HIDDEN_ATTR);
        return;
      }
      const parent = el.parentNode;
      if (!parent) return;
      while (el.firstChild) parent.insertBefore(el.firstChild, el);
      parent.removeChild(el);
    };
    return {
      path: 'background',
      async scan() {
        let t = performance.now();
        const { snap, nodes } = flatWalk(document.documentElement, false);
        state.ms.snapshot = performance.now() - t;
        t = performance.now();
        const result = await ask(snap);
        state.ms.analyse = performance.now() - t;
        article = result.article;
        pageNodes = result.nodes;
        lastSnap = snap;
        highlights = undefined;
        add(nodes, result.decisions);
      },
      async rescan(root) {
        const { snap, nodes } = flatWalk(root, true);
        const result = await ask(snap);
        return add(nodes, result.decisions);
      },
      apply(k) {
        for (const h of hides) {
          const wanted = !!k[h.kind];
          if (wanted && !h.applied) h.applied = hide(h);
          else if (!wanted && h.applied) unhide(h);
        }
        return hides.filter((h) => h.applied).length;
      },
      restore() {
        let n = 0;
        for (let i = hides.length - 1; i >= 0; i--) {
          if (hides[i].applied) {
            unhide(hides[i]);
            n++;
          }
        }
        return n;
      },
      stats() {
        const hidden = { recirculation: 0, ad: 0 };
        for (const h of hides) if (h.applied) hidden[h.kind]++;
        return { hidden, items: hides.map((h) => ({ kind: h.kind, text: h.text, reason: h.reason, hidden: !!h.applied })), nodes: pageNodes };
      },
      article: async () => article,
      async highlights() {
        if (highlights === undefined && lastSnap) {
          const result = await ask(lastSnap, true);
          highlights = result.article && { html: result.article.html, entities: result.entities };
        }
        return highlights || null;
      },
    };
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

  function applyNow() {
    const t = performance.now();
    quietly(() => (state.enabled && !state.paused ? state.engine.apply(kinds()) : state.engine.restore()));
    return performance.now() - t;
  }

  /* ---------- watching: queue in the callback, work later ---------- */

  function enqueue(records) {
    for (const rec of records) {
      for (const node of rec.addedNodes) {
        if (state.queue.length >= MAX_QUEUE) return;
        state.queue.push(node);
      }
    }
    if (state.queue.length && !state.timer) {
      state.firstQueued = performance.now();
    }
    schedule();
  }

  function schedule() {
    if (!state.queue.length) return;
    clearTimeout(state.timer);
    const waited = performance.now() - state.firstQueued;
    state.timer = setTimeout(flush, waited > MAX_WAIT_MS ? 0 : DEBOUNCE_MS);
  }

  function rootOf(node) {
    if (!node.isConnected) return null;
    if (node.nodeType === 3) {
      if (!node.data.trim()) return null;
      return node; // a bare text run ("Baca Juga:") is scanned as itself, in its context
    }
    if (node.nodeType !== 1) return null;
    if (SKIP_TAGS.has(node.localName) || node.hasAttribute(WRAP_ATTR)) return null;
    if (node.closest(`[${HIDDEN_ATTR}], bersih-reader`)) return null;
    return node;
  }

  /** A same-document navigation (history.pushState in a single-page site): forget the old
   * page's decisions and analyse the new one from scratch. */
  async function renavigate() {
    state.url = location.href;
    state.queue.length = 0;
    quietly(() => state.engine.restore());
    state.engine = await makeEngine();
    state.path = state.engine.path;
    await state.engine.scan();
    state.ms.apply = applyNow();
  }

  async function flush() {
    state.timer = 0;
    if (location.href !== state.url) {
      try {
        await renavigate();
      } catch (e) {
        report('rescan after navigation failed:', e);
      }
      return;
    }
    try {
      const batch = state.queue.splice(0, ROOTS_PER_FLUSH);
      const roots = [];
      for (const node of batch) {
        const root = rootOf(node);
        if (root && !roots.some((r) => r.contains(root))) roots.push(root);
      }
      let found = 0;
      for (const root of roots) {
        if (state.rescans++ >= MAX_RESCANS) {
          stopWatching();
          break;
        }
        found += await state.engine.rescan(root);
      }
      if (found) {
        const ms = applyNow();
        state.ms.apply += ms;
      }
    } catch (e) {
      report('rescan failed:', e);
    }
    if (state.queue.length) {
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
    state.queue.length = 0;
  }

  /* ---------- start ---------- */

  async function makeEngine() {
    if (wasmAllowed()) {
      try {
        return await wasmEngine();
      } catch (e) {
        // Instantiation can still be refused (CSP reported late): use the background.
        console.debug('[bersih] wasm unavailable in this page, analysing in the background:', e);
      }
    }
    return backgroundEngine();
  }

  async function start() {
    state.url = location.href;
    state.settings = await common.load();
    state.paused = common.isPaused(state.settings, location.hostname);
    state.engine = await makeEngine();
    state.path = state.engine.path;
    if (state.paused) return;
    await state.engine.scan();
    state.ms.apply = applyNow();
    startWatching();
  }

  state.ready = start().catch((e) => report('start failed:', e));

  /** Analyses on demand (for reader and copy on a paused site). */
  async function ensureScanned() {
    await state.ready;
    if (!state.engine) throw new Error('not ready');
    if (state.paused && !state.scannedOnDemand) {
      state.scannedOnDemand = true;
      await state.engine.scan();
    }
  }

  /* ---------- settings changes from the popup and options ---------- */

  api.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync' || !changes.settings) return;
    (async () => {
      await state.ready;
      state.settings = await common.load();
      const paused = common.isPaused(state.settings, location.hostname);
      if (paused !== state.paused) {
        state.paused = paused;
        if (!paused && !state.scannedOnDemand) await state.engine.scan();
      }
      applyNow();
      if (state.enabled && !state.paused) startWatching();
      else stopWatching();
    })().catch((e) => report('settings change failed:', e));
  });

  /* ---------- messages ---------- */

  async function copy(format) {
    await ensureScanned();
    const article = await state.engine.article();
    if (!article) return { ok: false, error: 'no article', text: '' };
    const text = common.composeCopy(article, format === 'markdown' ? 'markdown' : 'text', location.href, document.documentElement.lang || '');
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch (_) {
      copied = legacyCopy(text);
    }
    return { ok: true, text, copied, format: format === 'markdown' ? 'markdown' : 'text' };
  }

  /** Clipboard write through a selection, for contexts where the async clipboard is refused. */
  function legacyCopy(text) {
    const host = document.createElement('bersih-reader');
    const root = host.attachShadow({ mode: 'open' });
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
    await ensureScanned();
    const reader = globalThis.__bersihReader;
    if (reader.isOpen()) {
      quietly(() => reader.close());
      return { open: false };
    }
    const t = performance.now();
    const article = await state.engine.article();
    // Names are tagged when the reader first opens, never on page load, and not at all when off.
    const highlights = article && state.settings.highlight ? await state.engine.highlights() : null;
    quietly(() =>
      reader.open(article, {
        highlights,
        settings: state.settings,
        lang: document.documentElement.lang || '',
        url: location.href,
        copy,
        onClose: () => {},
        quietly,
      }),
    );
    state.ms.reader = performance.now() - t;
    return { open: true, article_found: !!article, entities: highlights ? highlights.entities.length : 0 };
  }

  async function stats() {
    await state.ready;
    if (!state.engine) {
      return { hidden: { recirculation: 0, ad: 0 }, items: [], ms: state.ms, path: state.path, site: location.hostname, url: location.href, paused: state.paused, enabled: state.enabled };
    }
    const s = state.engine.stats();
    return {
      hidden: { recirculation: s.hidden.recirculation, ad: s.hidden.ad },
      items: s.items.map((i) => ({ kind: i.kind, text: i.text, reason: i.reason, hidden: i.hidden })), // reason: {rule, evidence}, as the core gave it
      ms: { snapshot: round(state.ms.snapshot), analyse: round(state.ms.analyse), apply: round(state.ms.apply), reader: round(state.ms.reader) },
      path: state.path,
      site: location.hostname,
      url: location.href,
      nodes: s.nodes || 0,
      paused: state.paused,
      enabled: state.enabled,
    };
  }

  function round(ms) {
    return Math.round(ms * 100) / 100;
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
  };

  api.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const handler = message && handlers[message.type];
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
