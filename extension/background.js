/* Bersih — background (Chromium service worker, Firefox event page).
 *
 * - analyses flat snapshots for content scripts that cannot run wasm (pages whose CSP blocks
 *   WebAssembly in Chromium content scripts): the same core, over the same Page;
 * - routes the keyboard command and the context menu to the tab's content script.
 *
 * No network, no remote code: the only fetch is the extension's own .wasm file. */
'use strict';

if (typeof importScripts === 'function' && typeof wasm_bindgen === 'undefined') {
  importScripts('pkg/bersih.js', 'common.js'); // Chromium service worker; Firefox lists them in the manifest
}

const api = globalThis.bersihCommon.api;
const msg = globalThis.bersihCommon.msg;

let ready = null; // no top-level await in a service worker: keep the promise
function core() {
  ready ??= wasm_bindgen({ module_or_path: api.runtime.getURL('pkg/bersih_bg.wasm') }).then(() => wasm_bindgen);
  return ready;
}

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (!message || message.type !== 'bersih:analyse' || !sender.tab) return false;
  core()
    .then((bersih) => sendResponse({ ok: true, result: bersih.analyse_snapshot(message.snapshot, message.options) }))
    .catch((e) => {
      console.warn('[bersih] background analysis failed:', e);
      sendResponse({ ok: false, error: String(e) });
    });
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
