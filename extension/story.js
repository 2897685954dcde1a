/* Bersih — a story's other pages, fetched when the reader opens or the person copies, never on
 * page load. The core says which address comes next and when to stop (crates/core/src/reader/
 * story.rs); this file only fetches, as the page itself would: same origin (the request fails
 * for any other), the page's credentials, no redirect followed (one could lead to another
 * origin), one page at a time, a time limit, and an abort when the reader closes. */
'use strict';

// A lexical binding, not a property of the global object: page markup cannot clobber it.
const bersihStory = (() => {
  /** Most characters of a fetched page read; a longer page is cut there (the parser repairs
   * the cut), as the page load reads a bounded part of a huge page. Why this size: parsing and
   * serialising it in the page is one task, 25-50 ms for the corpus's 1.2-1.6 MB pages
   * (Chromium), so about 60 ms at most; the biggest corpus page has 1.6 M. */
  const MAX_READ = 2000000;
  /** Most characters sent to the background: its cap for markup. */
  const MAX_SENT = 1500000;
  /** Longest a page may take to arrive (ms). */
  const TIMEOUT_MS = 15000;

  /** The page's own fetch where the browser has one for content scripts (Firefox's `content`:
   * the page's origin and cookies, not the extension's); Chromium's content-script fetch already
   * is the page's. */
  function pageFetch() {
    const own = typeof content === 'object' && content && typeof content.fetch === 'function';
    return own ? content.fetch.bind(content) : fetch;
  }

  /** The charset a response declares, for decoding (UTF-8 when none or unknown). */
  function decoder(res) {
    const m = /charset=([\w-]+)/i.exec(res.headers.get('content-type') || '');
    try {
      return new TextDecoder(m ? m[1] : 'utf-8');
    } catch (_) {
      return new TextDecoder('utf-8');
    }
  }

  async function readText(res, signal) {
    const reader = res.body.getReader();
    const dec = decoder(res);
    let text = '';
    while (text.length < MAX_READ) {
      if (signal.aborted) break;
      const { done, value } = await reader.read();
      if (done) break;
      text += dec.decode(value, { stream: true });
    }
    reader.cancel().catch(() => {});
    return text + dec.decode(); // the end of a character cut by the last chunk
  }

  /** The markup the core reads from fetched `text`: parsed inert (no script runs, nothing
   * loads), serialised, script and style bodies emptied as on page load, cut to the cap. */
  function markup(text) {
    const doc = new DOMParser().parseFromString(text, 'text/html');
    const doctype = doc.compatMode === 'CSS1Compat' ? '<!DOCTYPE html>' : '';
    return (doctype + bersihLive.emptied(doc.documentElement.outerHTML)).slice(0, MAX_SENT);
  }

  /** Fetches `url` for the story: `{html}` for a page (empty when it is not text: the core then
   * finds no article), `{status}` for an error (0: network, redirect, time out), `null` when
   * `signal` aborted it. */
  async function fetchPage(url, signal) {
    if (new URL(url, location.href).origin !== location.origin) return { status: 0 };
    const timer = new AbortController();
    const stop = () => timer.abort();
    signal.addEventListener('abort', stop, { once: true });
    const clock = setTimeout(stop, TIMEOUT_MS);
    try {
      const res = await pageFetch()(url, {
        mode: 'same-origin',
        credentials: 'same-origin',
        redirect: 'manual',
        signal: timer.signal,
      });
      if (!res.ok || res.type === 'opaqueredirect') return { status: res.status };
      const type = res.headers.get('content-type') || '';
      if (type && !/^text\/|\+xml|html/i.test(type)) return { html: '' };
      const text = await readText(res, timer.signal);
      return signal.aborted ? null : { html: markup(text) };
    } catch (_) {
      return signal.aborted ? null : { status: 0 };
    } finally {
      clearTimeout(clock);
      signal.removeEventListener('abort', stop);
    }
  }

  return Object.freeze({ fetchPage });
})();
