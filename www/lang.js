/* Language switch of the site: Indonesian or English. A classic script in <head>, so <html lang>
 * is right before the body is drawn (no flash of the other language). Text in both languages
 * sits in the markup as pairs of [data-l="id"] / [data-l="en"] elements; site.css shows the pair
 * matching <html lang>. Where an element cannot hold a pair (an <option>'s text, an alt or
 * aria-label), it carries both as data-text-*, data-alt-*, data-aria-* and gets the right one
 * here. The choice is remembered in localStorage. */
'use strict';

globalThis.bersihLang ??= (() => {
  const KEY = 'bersih-lang';
  const LANGS = ['id', 'en'];

  function stored() {
    try {
      return localStorage.getItem(KEY);
    } catch (_) {
      return null; // storage off (private mode, file://): the browser's language decides
    }
  }

  function initial() {
    const s = stored();
    if (LANGS.includes(s)) return s;
    const wanted = navigator.languages || [navigator.language || ''];
    return wanted.some((l) => /^(id|ms)\b/i.test(l)) ? 'id' : 'en';
  }

  const current = () => (document.documentElement.lang === 'id' ? 'id' : 'en');

  function show(lang) {
    document.documentElement.lang = lang;
    const title = document.querySelector(`meta[name="title-${lang}"]`);
    if (title) document.title = title.content;
    for (const e of document.querySelectorAll(`[data-text-${lang}]`)) e.textContent = e.getAttribute(`data-text-${lang}`);
    for (const e of document.querySelectorAll(`[data-alt-${lang}]`)) e.alt = e.getAttribute(`data-alt-${lang}`);
    for (const e of document.querySelectorAll(`[data-aria-${lang}]`)) e.setAttribute('aria-label', e.getAttribute(`data-aria-${lang}`));
    for (const b of document.querySelectorAll('[data-set-lang]')) {
      b.setAttribute('aria-pressed', String(b.dataset.setLang === lang));
    }
    document.dispatchEvent(new CustomEvent('bersih:lang', { detail: lang }));
  }

  function set(lang) {
    try {
      localStorage.setItem(KEY, lang);
    } catch (_) {
      /* not remembered, still switched */
    }
    show(lang);
  }

  document.documentElement.lang = initial();
  document.addEventListener('DOMContentLoaded', () => {
    for (const b of document.querySelectorAll('[data-set-lang]')) {
      b.addEventListener('click', () => set(b.dataset.setLang));
    }
    show(current());
  });

  /** `pick({id: '…', en: '…'})`: the string of the current language. */
  const pick = (strings) => strings[current()];

  return { pick };
})();
