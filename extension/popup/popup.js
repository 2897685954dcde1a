/* Bersih — popup: what was hidden on the tab (by kind, with the texts and why the core hid
 * each), per-kind toggles, pause on this site, reader view and copy. Figures come from the tab's
 * content script ({type: "bersih:stats"}); settings go to storage.sync, and the background sends
 * them on to every tab's content script. */
'use strict';

(async () => {
  const common = bersihCommon;
  const api = common.api;
  const $ = (id) => document.getElementById(id);
  common.localize(document);

  // `?tab=ID` lets tests (and a pinned popup window) name the tab; otherwise the active one.
  const param = new URLSearchParams(location.search).get('tab');
  const tabId = param ? Number(param) : (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  const send = (message) => api.tabs.sendMessage(tabId, message);

  let stats = null;
  try {
    stats = await send({ type: 'bersih:stats' });
  } catch (_) {
    stats = null;
  }
  if (!stats || !stats.hidden) {
    $('unavailable').hidden = false;
    document.body.dataset.ready = 'unavailable';
    return;
  }
  let settings = await common.load();

  /** The message of each rule of the core's `reason` (src/analysis.rs `Rule`), without and with
   * the evidence. */
  const RULES = {
    'lead-in': 'LeadIn',
    'marked-box': 'MarkedBox',
    'ad-attribute': 'AdAttribute',
    'ad-name': 'AdName',
    'ad-frame': 'AdFrame',
    'ad-label': 'AdLabel',
    'sponsored-link': 'SponsoredLink',
  };

  /** Why the core hid an item, in the browser's language: its rule and what matched. */
  function why(reason) {
    if (!reason || !reason.rule) return '';
    const evidence = reason.evidence || '';
    const name = RULES[reason.rule];
    if (!name) return [reason.rule, evidence].filter(Boolean).join(' '); // a rule newer than this popup
    return evidence ? common.msg(`reason${name}`, [evidence]) : common.msg(`rule${name}`);
  }

  function show(s) {
    $('page').hidden = false;
    $('count-recirculation').textContent = String(s.hidden.recirculation);
    $('count-ad').textContent = String(s.hidden.ad);
    $('kind-recirculation').checked = settings.kinds.recirculation;
    $('kind-ad').checked = settings.kinds.ad;
    const paused = common.isPaused(settings, s.site);
    $('paused-note').hidden = !paused;
    $('pause').textContent = common.msg(paused ? 'popupResume' : 'popupPause');
    const merged = s.story ? s.story.merged : 1;
    $('pages').hidden = merged < 2;
    $('pages').textContent = merged < 2 ? '' : common.msg('popupPages', [String(merged)]);
    const list = $('items');
    list.textContent = '';
    for (const item of s.items) {
      const li = document.createElement('li');
      const kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = common.msg(item.kind === 'ad' ? 'kindAd' : 'kindRecirculation');
      li.append(kind, document.createTextNode(item.text || '—'));
      const reason = why(item.reason);
      if (reason) {
        const note = document.createElement('span');
        note.className = 'why';
        note.textContent = reason;
        li.append(note);
      }
      list.appendChild(li);
    }
    $('nothing').hidden = s.items.length > 0;
    $('items-box').open = s.items.length > 0 && s.items.length <= 8;
  }

  async function refresh() {
    // The content script applies settings changes asynchronously: ask again shortly after.
    await new Promise((r) => setTimeout(r, 150));
    try {
      stats = await send({ type: 'bersih:stats' });
      show(stats);
    } catch (_) {
      /* tab went away */
    }
  }

  for (const kind of ['recirculation', 'ad']) {
    $(`kind-${kind}`).addEventListener('change', async (e) => {
      settings = await common.save({ kinds: { [kind]: e.target.checked } });
      refresh();
    });
  }

  $('pause').addEventListener('click', async () => {
    const paused = new Set(settings.paused);
    if (paused.has(stats.site)) paused.delete(stats.site);
    else paused.add(stats.site);
    settings = await common.save({ paused: [...paused] });
    refresh();
  });

  $('reader').addEventListener('click', async () => {
    await send({ type: 'bersih:toggle-reader' });
    if (!param) window.close();
  });

  for (const format of ['text', 'markdown']) {
    $(`copy-${format}`).addEventListener('click', async () => {
      const res = await send({ type: 'bersih:copy', format });
      let copied = res && res.copied;
      if (res && res.ok && !copied) {
        try {
          await navigator.clipboard.writeText(res.text); // the popup has focus when the page does not
          copied = true;
        } catch (_) {
          copied = false;
        }
      }
      $('status').textContent = copied ? common.msg('popupCopied') : '';
    });
  }

  show(stats);
  document.body.dataset.ready = '1';
})().catch((e) => {
  console.warn('[bersih] popup failed:', e);
  document.body.dataset.ready = 'error';
});
