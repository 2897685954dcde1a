/* Bersih — helpers shared by every extension context (content script, background, popup,
 * options): settings in storage.sync and UI strings. Nothing here decides what a page holds or
 * how its article is written out (copies, dates); the wasm core does. */
'use strict';

// A lexical binding, not a property of the global object, so page markup (`<form
// id="bersihCommon">`) cannot clobber it; the same for the API object: `browser` is taken only
// where it is the global's own property, never a named element of the page. In a page this file
// runs at document_start (manifest.json), before the page has elements: Chromium makes a content
// script's `chrome` and `browser` when it first runs one in a renderer process, and takes a page's
// `<form id="chrome"><input name="runtime">` for them if the page already holds one.
const bersihCommon = (() => {
  const api = Object.prototype.hasOwnProperty.call(globalThis, 'browser') ? globalThis.browser : globalThis.chrome;

  /** Settings as stored under the `settings` key of storage.sync. */
  const DEFAULTS = Object.freeze({
    paused: [], // host names where Bersih does nothing
    kinds: { recirculation: true, ad: true },
    phrases: { id: [], ms: [], en: [] }, // extra lead-ins per language
    theme: 'auto', // reader theme: auto (prefers-color-scheme), light, sepia, dark
    highlight: true, // reader view: mark the people, organisations and places the core finds
    merge: true, // reader and copy: fetch and merge a story's other pages (same site, on demand)
    reader: { size: 20, width: 'medium', font: 'serif' },
  });

  function merge(base, over) {
    if (!over || typeof over !== 'object' || Array.isArray(base)) {
      return over === undefined ? base : over;
    }
    const out = { ...base };
    for (const [k, v] of Object.entries(over)) {
      out[k] = k in base && base[k] && typeof base[k] === 'object' && !Array.isArray(base[k])
        ? merge(base[k], v)
        : v;
    }
    return out;
  }

  async function load() {
    try {
      const got = await api.storage.sync.get('settings');
      return merge(DEFAULTS, got && got.settings);
    } catch (_) {
      return merge(DEFAULTS, {});
    }
  }

  async function save(patch) {
    const next = merge(await load(), patch);
    await api.storage.sync.set({ settings: next });
    return next;
  }

  /** The user's extra phrases of every language, as the core's `Options.extra_phrases`. */
  function extraPhrases(settings) {
    return Object.values(settings.phrases || {})
      .flat()
      .map((p) => String(p).trim())
      .filter(Boolean);
  }

  function isPaused(settings, host) {
    return (settings.paused || []).includes(host);
  }

  function msg(key, subs) {
    try {
      return api.i18n.getMessage(key, subs) || key;
    } catch (_) {
      return key;
    }
  }

  /** Fills every `[data-i18n]` element's text (and `[data-i18n-title]` titles) under `root`. */
  function localize(root) {
    for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = msg(el.dataset.i18n);
    for (const el of root.querySelectorAll('[data-i18n-title]')) {
      el.title = msg(el.dataset.i18nTitle);
      el.setAttribute('aria-label', el.title);
    }
  }

  return { api, DEFAULTS, load, save, extraPhrases, isPaused, msg, localize };
})();
