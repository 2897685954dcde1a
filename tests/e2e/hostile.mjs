// Hostile pages (tests/e2e/site/hostile/): one per attack a page can make on the extension, each
// checked to fail while the extension keeps working on that page. Run by chromium.mjs and
// firefox.mjs after the checks of checks.mjs, with the same driver.
import { assert, clickIn, expectHidden, expectNothingElse, frameState, inspect, readerView, ready, sleep, waitFor } from './checks.mjs';

/** Runs in the page with the reader's root, as a page that got hold of it would (Firefox hands
 * it over through the Selection): script-made clicks, keys and a theme change on every control,
 * then waits as long as a copy takes. Changes nothing in the reader's DOM itself. */
async function pokeEveryControl(root) {
  const controls = [...root.querySelectorAll('button, select')];
  for (const c of controls) {
    c.click();
    c.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    for (const key of ['Enter', ' ', 'Escape']) c.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
  }
  const select = root.querySelector('select');
  const theme = select.value;
  select.value = 'dark' === theme ? 'light' : 'dark';
  select.dispatchEvent(new Event('change', { bubbles: true }));
  select.value = theme;
  await new Promise((r) => setTimeout(r, 500));
  return { controls: controls.length, open: root.host.isConnected };
}

export async function runHostileChecks(d, origin, r) {
  const hostile = `${origin}/hostile`;

  await r.check('hostile page cannot reach, fill, click or close the reader', async () => {
    const url = `${hostile}/reader.html`;
    await d.goto(url);
    await ready(d, url);
    expectHidden(await d.page(inspect), 'reader attack');
    await d.send(url, { type: 'bersih:toggle-reader' });
    const attack = await waitFor(() => d.page(() => window.__attack.done && window.__attack), { what: "the page's attack" });
    assert(attack.shadowRoot === 'null', `host.shadowRoot gave the page ${attack.shadowRoot}`);
    assert(attack.hooked === 0, "the reader's root was made through the page's attachShadow");
    assert(attack.reattach === 'NotSupportedError', `a second attachShadow: ${attack.reattach}`);
    assert(attack.hits.join() === 'bersih-reader', `elementFromPoint found ${attack.hits} under the reader`);
    const view = await d.reader(readerView);
    assert(view && view.title.includes('Night Market'), 'the synthetic clicks and Escapes closed the reader');
    assert(!(await d.reader(frameState)).status, 'the synthetic clicks copied');
    assert(await d.reader((root) => !root.querySelector('form, input')), 'a form got into the reader');
    assert(await d.page(() => !document.querySelector('.fake-login input').getClientRects().length), "the fake form in the host's light DOM is drawn");

    const before = await d.reader(frameState);
    const poked = await d.reader(pokeEveryControl);
    assert(poked.controls >= 8 && poked.open, `script-made clicks or keys closed the reader ${JSON.stringify(poked)}`);
    const after = await d.reader(frameState);
    assert(JSON.stringify(after) === JSON.stringify(before), `script-made input changed the reader (or copied): ${JSON.stringify([before, after])}`);

    // The person's own input still works, and the page's listeners see only the host.
    await clickIn(d, '.legend button[data-kind="LOC"]');
    assert((await d.reader(frameState)).off === 'LOC', 'a real click on a legend toggle did nothing');
    const trusted = await d.page(() => window.__attack.trusted);
    assert(trusted.length && trusted.every((t) => t === 'click bersih-reader'), `the page saw inside the reader: ${trusted}`);
  });

  await r.check("hostile page's changes to the reader's DOM close it (Firefox's Selection leak)", async () => {
    const url = `${hostile}/reader.html`;
    if (!(await d.reader(readerView))) await d.send(url, { type: 'bersih:toggle-reader' });
    await clickIn(d, '.body p'); // a click in the text, as when selecting a quote
    await sleep(300);
    if ((await d.page(() => window.__attack.selection)) !== 'reached') {
      console.log('  (the Selection did not hand the page the reader: it stays open)');
      assert(await d.reader(readerView), 'the reader closed');
      await d.key('Escape');
    } else {
      console.log("  (the Selection handed the page the reader's root)");
      const attack = await waitFor(() => d.page(() => window.__attack.inserted && window.__attack), { what: 'the fake form' });
      assert(attack.status === '' && attack.openAfterClicks === true, `the page's clicks acted: ${JSON.stringify(attack)}`);
    }
    await waitFor(async () => !(await d.reader(readerView)), { what: 'the reader closed' });
    // The extension still answers on this page.
    assert((await d.send(url, { type: 'bersih:toggle-reader' })).open, 'the reader does not open again');
    assert(await waitFor(() => d.reader(readerView)), 'no reader');
    await d.key('Escape');
  });

  await r.check('DOM clobbering (ids and names of our globals) changes nothing', async () => {
    // Reached from another site (localhost, not 127.0.0.1), as most visits are: Chromium then
    // runs it in a new renderer process, where the extension's API objects are made afresh.
    const url = `${hostile.replace('127.0.0.1', 'localhost')}/clobber.html`;
    const logged = (await d.logged()).length;
    await d.goto(url);
    // The markup does clobber the page's own globals.
    const armed = await d.page(() =>
      ['__bersih', '__bersihReader', 'bersihReader', 'bersihLive', 'bersihCommon', 'browser'].filter((n) => !(window[n] instanceof Element)),
    );
    assert(!armed.length, `not clobbered in the page: ${armed}`);
    await ready(d, url);
    const state = await d.page(inspect);
    expectHidden(state, 'clobber');
    expectNothingElse(state, 'clobber');
    assert((await d.send(url, { type: 'bersih:toggle-reader' })).open, 'toggle-reader');
    const view = await waitFor(() => d.reader(readerView), { what: 'reader' });
    assert(view.title === 'Pasar Terapung Kembali Dibuka' && view.text.includes('Para pedagang sayur'), `reader ${JSON.stringify(view)}`);
    await d.key('Escape');
    const md = await d.send(url, { type: 'bersih:copy', format: 'markdown' });
    assert(md.ok && md.text.startsWith('# Pasar Terapung'), `copy ${JSON.stringify(md)}`);
    await sleep(300);
    const lines = (await d.logged()).slice(logged);
    assert(!lines.length, `console: ${lines.join(' | ')}`);
  });

  await r.check('an element of the page named like the reader is cleaned and read like any other', async () => {
    const url = `${hostile}/wrapper.html`;
    await d.goto(url);
    await ready(d, url);
    const state = await d.page(inspect);
    expectHidden(state, 'wrapper');
    expectNothingElse(state, 'wrapper');
    assert((await d.send(url, { type: 'bersih:toggle-reader' })).open, 'toggle-reader');
    const view = await waitFor(() => d.reader(readerView), { what: 'reader' });
    assert(view.title === 'Pasar Terapung Kembali Dibuka' && view.text.includes('Para pedagang sayur'), `reader ${JSON.stringify(view)}`);
    await d.key('Escape');
  });

  await r.check('a DOM its markup does not reproduce is walked, never hidden by wrong positions', async () => {
    for (const name of ['markup-nest', 'markup-split']) {
      const url = `${hostile}/${name}.html`;
      await d.goto(url);
      const s = await ready(d, url);
      assert(s.path === 'walk', `${name}: read by ${s.path}, not walked`);
      const state = await d.page(inspect);
      expectHidden(state, name);
      expectNothingElse(state, name);
      assert(state.wraps.length === 1 && state.wraps[0].includes('Baca Juga'), `${name}: bare run ${JSON.stringify(state.wraps)}`);
    }
  });

  await r.check('markup and links in the copy header stay escaped text', async () => {
    const url = `${hostile}/copy-header.html`;
    await d.goto(url);
    await ready(d, url);
    const md = (await d.send(url, { type: 'bersih:copy', format: 'markdown' })).text;
    const lines = md.split('\n');
    assert(lines[0] === '# Harbour Report \\<img src=x onerror=\\_\\_pwned=1\\> \\[x\\](javascript:\\_\\_pwned=2)', `title line ${lines[0]}`);
    assert(/^\*\\<img src=y onerror=\\_\\_pwned=4\\> \\\[me\\\]\(javascript:\\_\\_pwned=5\) · \\\[site\\\]\(javascript:\\_\\_pwned=3\) \\<b\\>Daily\\<\/b\\> · /.test(lines[2]), `credits line ${lines[2]}`);
    // No markup, link or image syntax anywhere unescaped.
    assert(!/(^|[^\\])[<[]/.test(md.replace(`<${url}>`, '')), `unescaped markup in ${md}`);
    const text = (await d.send(url, { type: 'bersih:copy', format: 'text' })).text;
    assert(text.startsWith('Harbour Report <img src=x onerror=__pwned=1> [x](javascript:__pwned=2)\n'), `text copy ${text.slice(0, 120)}`);
    // The reader shows the fields as text too.
    await d.send(url, { type: 'bersih:toggle-reader' });
    const view = await waitFor(() => d.reader(readerView), { what: 'reader' });
    assert(view.title.includes('<img src=x') && view.meta.includes('[site](javascript:'), `reader ${JSON.stringify(view)}`);
    assert(await d.reader((root) => !root.querySelector('img, b, a[href^="javascript"]')), 'markup from the header drawn in the reader');
    await d.key('Escape');
    assert((await d.page(() => typeof window.__pwned)) === 'undefined', 'a handler from the header ran');
  });

  await r.check("page cannot load the extension's files (nothing web-accessible)", async () => {
    const files = ['pkg/bersih_bg.wasm', 'manifest.json', 'icons/icon-16.png', 'common.js'];
    const own = [];
    for (const f of files) own.push(await d.own(f));
    assert(own.every((o) => o.ok), `the extension cannot load its own files: ${JSON.stringify(own)}`);
    const base = own[0].url.slice(0, -files[0].length - 1);
    const url = `${hostile}/fingerprint.html#${encodeURIComponent(base)}`;
    await d.goto(url);
    await ready(d, url);
    const probed = JSON.parse(await waitFor(() => d.page(() => document.body.dataset.probed), { what: 'probes' }));
    const loaded = Object.entries(probed).filter(([, v]) => v.startsWith('loaded'));
    assert(Object.keys(probed).length === 5 && !loaded.length, `the page loaded ${JSON.stringify(loaded)} from ${base}`);
    const state = await d.page(inspect);
    expectHidden(state, 'fingerprint');
    expectNothingElse(state, 'fingerprint');
  });
}
