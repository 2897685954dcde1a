/* Bersih — options: sites where Bersih is paused, extra lead-in phrases per language (passed to
 * the core as Options.extra_phrases), the default reader theme and whether the reader view
 * highlights names, whether a story's pages are merged, in storage.sync. */
'use strict';

(async () => {
  const common = bersihCommon;
  const $ = (id) => document.getElementById(id);
  common.localize(document);
  const lines = (text) => [...new Set(text.split('\n').map((l) => l.trim()).filter(Boolean))];
  const hostOf = (line) => {
    try {
      return line.includes('/') ? new URL(line.includes('://') ? line : `https://${line}`).hostname : line.toLowerCase();
    } catch (_) {
      return line.toLowerCase();
    }
  };

  const settings = await common.load();
  $('paused').value = settings.paused.join('\n');
  for (const lang of ['id', 'ms', 'en']) $(`phrases-${lang}`).value = (settings.phrases[lang] || []).join('\n');
  $('theme').value = settings.theme;
  $('highlight').checked = settings.highlight;
  $('merge').checked = settings.merge;

  $('form').addEventListener('submit', async (e) => {
    e.preventDefault();
    await common.save({
      paused: lines($('paused').value).map(hostOf),
      phrases: {
        id: lines($('phrases-id').value),
        ms: lines($('phrases-ms').value),
        en: lines($('phrases-en').value),
      },
      theme: $('theme').value,
      highlight: $('highlight').checked,
      merge: $('merge').checked,
    });
    $('status').textContent = common.msg('optionsSaved');
  });
  document.body.dataset.ready = '1';
})().catch((e) => console.warn('[bersih] options failed:', e));
