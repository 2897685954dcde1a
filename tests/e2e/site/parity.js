// See parity.html: sets body[data-parity] to "same" or "differs" (with the outline the walk gave
// in body[data-got]), or "error: …".
(async () => {
  try {
    await bersihReader({ module_or_path: '/www/pkg/bersih_reader_bg.wasm' });
    const [html, want] = await Promise.all(['/live/parity.html', '/live/parity.outline'].map((u) => fetch(u).then((r) => r.text())));
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const snap = bersihLive.walk(doc.documentElement, false);
    const analysed = new bersihReader.Analysed(snap.ops, snap.strs, {});
    const got = analysed.outline();
    analysed.free();
    document.body.dataset.got = got;
    document.body.dataset.parity = got === want ? 'same' : 'differs';
  } catch (e) {
    document.body.dataset.parity = `error: ${e}`;
  }
})();
