/* Bersih — background (Chromium service worker, Firefox event page).
 *
 * - runs the core for every tab: a content script sends its page's markup on load
 *   (`bersih:hide-markup`) and walks of what the page adds later (`bersih:hide`), and asks here
 *   what to hide (the detectors only) and, when the reader opens or
 *   the person copies, for the article (`bersih:article`, with names when the reader shows
 *   them), and merges the story's other pages as the content script fetches them
 *   (`bersih:story`; the core says which to fetch and when to stop). The wasm is compiled
 *   once here, not in every page;
 * - loads three wasm modules, each when first needed: what to hide (`bersih`, for every page),
 *   the reader (`bersih_reader`: extraction, rendering, an HTML parser for the story's pages)
 *   when an article is first asked for, the name recogniser (`bersih_names`) when an article's
 *   names are; a page load uses only the first;
 * - hands the settings to the content scripts, when they start and whenever they change;
 * - routes the keyboard command and the context menu to the tab's content script.
 *
 * No network, no remote code: the only fetches here are the extension's own .wasm files (a
 * story's pages are fetched by the content script, as the page would, on its own origin). */
'use strict';

if (typeof importScripts === 'function' && typeof wasm_bindgen === 'undefined') {
  // Chromium service worker; Firefox lists them in the manifest.
  importScripts('pkg/bersih.js', 'pkg/bersih_reader.js', 'pkg/bersih_names.js', 'common.js');
}

const api = bersihCommon.api;
const msg = bersihCommon.msg;

/** Loads a wasm-bindgen (no-modules) package once; no top-level await in a service worker. */
function loader(glue, file) {
  let ready = null;
  return () => (ready ??= glue({ module_or_path: api.runtime.getURL(file) }).then(() => glue));
}
const core = loader(wasm_bindgen, 'pkg/bersih_bg.wasm');
const reader = loader(bersihReader, 'pkg/bersih_reader_bg.wasm');
const names = loader(bersihNames, 'pkg/bersih_names_bg.wasm');

/** Most pages one `bersih:hide` message may carry (a content script sends at most 64). */
const MAX_PAGES = 64;
/** Longest markup `bersih:hide-markup` parses (live.js sends at most this much). */
const MAX_MARKUP = 1500000;

/** The settings, read here and handed to the content scripts, which touch no storage API on a
 * page load (see content.js); null until read and after every change. */
let settings = null;
const currentSettings = () => (settings ??= bersihCommon.load());

api.storage.onChanged.addListener((changes, area) => {
  if (area !== 'sync' || !changes.settings) return;
  settings = null;
  (async () => {
    const message = { type: 'bersih:settings', settings: await currentSettings() };
    // Tabs without our content script (other schemes, not yet loaded) refuse it.
    for (const tab of await api.tabs.query({})) api.tabs.sendMessage(tab.id, message).catch(() => {});
  })().catch((e) => console.warn('[bersih] sending the settings failed:', e));
});

/** The reader's article per tab while its story's other pages are read (one per tab: a newer
 * article replaces it; freed when the story ends or the tab closes). */
const stories = new Map();

/** What the reader and the copy show of `analysed`: the article (the story as merged so far),
 * its names when asked, both copies, and where its story is when one is being read. */
async function view(analysed, withNames, step) {
  const found = analysed.article();
  let highlights = null;
  if (found && withNames) {
    const tagger = await names();
    highlights = analysed.highlights(tagger.mentions(analysed.text(), analysed.lang()));
  }
  const copy = found && { text: analysed.copy('text'), markdown: analysed.copy('markdown') };
  return { article: found, highlights, copy, lang: analysed.lang(), nodes: analysed.nodes(), step };
}

async function article(tab, m) {
  const analysed = new (await reader()).Analysed(m.page.ops, m.page.strs, m.options);
  if (!m.story) {
    try {
      return await view(analysed, !!m.names, null);
    } finally {
      analysed.free();
    }
  }
  forget(tab);
  stories.set(tab, analysed);
  return settle(tab, analysed, !!m.names, analysed.story());
}

/** The view of a story's step; the story is freed once nothing more will be fetched (the
 * content script keeps the last view, which holds everything the reader and copy show). */
async function settle(tab, analysed, withNames, step) {
  try {
    return await view(analysed, withNames, step);
  } finally {
    if (!step.next) forget(tab);
  }
}

function forget(tab) {
  stories.get(tab)?.free();
  stories.delete(tab);
}

/** One step of a story: a page fetched (`html`), a fetch that failed (`status`), or the reader
 * closed (`abort`). */
function storyStep(tab, m) {
  const analysed = stories.get(tab);
  if (!analysed) throw new Error('no story is being read in this tab');
  let step;
  if (m.abort) step = analysed.abort();
  else if (typeof m.html === 'string' && m.html.length <= MAX_MARKUP + 16) step = analysed.add_page(m.html, String(m.url));
  else step = analysed.failed_page(String(m.url), Number(m.status) >>> 0);
  return settle(tab, analysed, !!m.names, step);
}

const handlers = {
  'bersih:hide': async (m) => {
    const bersih = await core();
    return m.pages.slice(0, MAX_PAGES).map((p) => bersih.hide(p.ops, p.strs, p.contexts >>> 0, m.options));
  },
  'bersih:hide-markup': async (m) => {
    if (typeof m.html !== 'string' || m.html.length > MAX_MARKUP + 16) throw new Error('markup missing or too long');
    return (await core()).hide_markup(m.html, m.options);
  },
  'bersih:settings': () => currentSettings(),
  'bersih:article': (m, tab) => article(tab, m),
  'bersih:story': (m, tab) => storyStep(tab, m),
};

api.tabs.onRemoved.addListener(forget);

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const handler = message && sender.tab && Object.hasOwn(handlers, message.type) && handlers[message.type];
  if (!handler) return false;
  // `ms`: the core's time for this message, the module's one-time compile left out, so a page
  // can be held to a bound on what it costs every tab waiting behind it. Every message starts
  // the compile; the settings, a page's first question, are answered without waiting for it, so
  // it runs while the page serialises itself.
  let t = 0;
  const compiled = core();
  (message.type === 'bersih:settings' ? Promise.resolve() : compiled)
    .then(() => {
      t = performance.now();
      return handler(message, sender.tab.id);
    })
    .then(
      (result) => sendResponse({ ok: true, result, ms: performance.now() - t }),
      (e) => {
        console.warn('[bersih] background analysis failed:', e);
        sendResponse({ ok: false, error: String(e) });
      },
    );
  return true;
});

async function toTab(tab, message) {
  try {
    const id = tab && tab.id !== undefined ? tab.id : (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id === undefined) return null;
    return await api.tabs.sendMessage(id, message);
  } catch (e) {
    console.warn('[bersih] no content script in this tab:', e && e.message);
    return null;
  }
}

api.commands.onCommand.addListener((command, tab) => {
  if (command === 'toggle-reader') toTab(tab, { type: 'bersih:toggle-reader' });
});

const MENU = {
  'bersih-reader': { key: 'menuReader', message: { type: 'bersih:toggle-reader' } },
  'bersih-copy-text': { key: 'menuCopyText', message: { type: 'bersih:copy', format: 'text' } },
  'bersih-copy-markdown': { key: 'menuCopyMarkdown', message: { type: 'bersih:copy', format: 'markdown' } },
};

api.runtime.onInstalled.addListener(() => {
  api.contextMenus.removeAll(() => {
    for (const [id, item] of Object.entries(MENU)) {
      api.contextMenus.create({ id, title: msg(item.key), contexts: ['page', 'selection'], documentUrlPatterns: ['http://*/*', 'https://*/*'] });
    }
  });
});

api.contextMenus.onClicked.addListener((info, tab) => {
  const item = MENU[info.menuItemId];
  if (item) toTab(tab, item.message);
});
