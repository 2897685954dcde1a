// Whole articles (issue 16): stories split over pages (tests/e2e/site/paged/, served by
// server.mjs under /paged/), read whole by the reader and the copy. Run by chromium.mjs and
// firefox.mjs after the hostile checks, with the same driver and the server's request log, which
// shows what the extension fetched: each check resets it after loading its page, then compares
// the addresses asked for with what the story allows.
//
// The extension's side, as these checks read it:
//   - setting `merge` (default true); off, the reader and the copy hold page 1 and nothing is
//     fetched;
//   - `bersih:toggle-reader` opens the reader on page 1 at once; the other pages are fetched after
//     (same origin, one at a time), and the reader's `.body` grows;
//   - in the reader's shadow root, `.pages` (role="status", absent for a one-page story):
//     data-state "loading" | "done" | "stopped", data-merged (pages in the shown article),
//     data-count (pages expected, when known), data-stop ("error" with data-status, "loop",
//     "repeat", "limit", "not-article", "other-story", "aborted"); its text is localized, so only
//     the attributes are asserted;
//   - `bersih:stats` answers `story: {state: 'none' | 'loading' | 'done' | 'stopped', merged,
//     count, stop, fetches}`;
//   - `bersih:copy` completes the story first and answers `pages` beside the text;
//   - closing the reader aborts the fetch in flight and fetches nothing more;
//   - the popup's `#pages` says how many pages were merged (hidden for one).
import { assert, ready, sleep, waitFor } from './checks.mjs';

/** The stories: page 1's address, the letter its marker sentences carry ("Ini kalimat khas awal
 * bagian dua cerita A."), its headline, a phrase of its opening paragraph (repeated by later
 * pages) and the titles of its inserts. */
const STORIES = {
  tribun: {
    path: '/paged/tribun/2026/07/27/harga-kopi-arabika-gayo-naik-petani-bersyukur.html',
    letter: 'A',
    title: 'Harga Kopi Arabika Gayo Naik, Petani Bersyukur',
    intro: 'Harga kopi arabika gayo di tingkat petani',
    inserts: ['Festival Kopi Gayo', 'Jalan Takengon-Bireuen', 'Danau Laut Tawar', 'Cara Menyeduh Kopi Tubruk'],
  },
  kompas: {
    path: '/paged/kompas/read/2026/07/27/06150011/kapal-tambahan-disiapkan-untuk-arus-balik-di-merak',
    letter: 'B',
    title: 'Kapal Tambahan Disiapkan untuk Arus Balik di Merak',
    intro: 'Pengelola pelabuhan menyiapkan tujuh kapal tambahan',
    inserts: ['Cara Membeli Tiket Kapal', 'Tol Tangerang-Merak Padat', 'Tips Aman Mudik'],
  },
  detik: {
    path: '/paged/detik/bali/d-7311042/festival-layang-layang-internasional-digelar-di-padang-galak',
    letter: 'C',
    title: 'Festival Layang-layang Internasional Digelar di Padang Galak',
    intro: 'Festival layang-layang internasional kembali digelar',
    inserts: ['Pantai Sanur Ramai', 'Mengenal Sekaa Teruna', 'Relawan Angkut Dua Ton'],
  },
  sindo: {
    path: '/paged/sindo/read/1400123/15/ribuan-warga-mengungsi-akibat-banjir-lahar-dingin-semeru-1753600000',
    letter: 'D',
    title: 'Ribuan Warga Mengungsi Akibat Banjir Lahar Dingin Semeru',
    intro: 'Ribuan warga di dua kecamatan di Kabupaten Lumajang',
    inserts: ['Status Gunung Semeru', 'Jalur Alternatif Malang-Lumajang', 'Relawan Dirikan Dapur Umum'],
  },
  putar: {
    path: '/paged/putar/read/2026/07/27/340/3100456/jembatan-gantung-penghubung-dua-desa-di-lebak-diresmikan',
    letter: 'E',
    title: 'Jembatan Gantung Penghubung Dua Desa di Lebak Diresmikan',
    intro: 'Jembatan gantung sepanjang 96 meter',
    inserts: ['Warga Baduy Luar', 'Sungai Ciujung Meluap', 'Harga Gula Aren Lebak'],
  },
  republika: {
    path: '/paged/republika/berita/sf0099887/pasar-murah-digelar-di-alun-alun-cirebon',
    letter: 'F',
    title: 'Pasar Murah Digelar di Alun-alun Cirebon Jelang Ramadhan',
    intro: 'Pemerintah Kota Cirebon menggelar pasar murah',
    inserts: ['Harga Telur Ayam di Cirebon', 'Bulog Cirebon Pastikan', 'Festival Tari Topeng'],
  },
  silang: {
    path: '/paged/silang/berita/nasional/1700234-tim-sar-temukan-pendaki-yang-hilang-di-gunung-slamet',
    letter: 'G',
    title: 'Tim SAR Temukan Pendaki yang Hilang di Gunung Slamet',
    intro: 'Tim SAR gabungan menemukan seorang pendaki',
    inserts: ['Lima Jalur Pendakian', 'Perlengkapan Wajib Saat Mendaki'],
  },
  lambat: {
    path: '/paged/lambat/news/2026/07/27/113000/pengerjaan-jalur-sepeda-di-surabaya-molor-dua-bulan',
    letter: 'H',
    title: 'Pengerjaan Jalur Sepeda di Surabaya Molor Dua Bulan',
    intro: 'Pengerjaan jalur sepeda terproteksi di pusat Kota Surabaya',
    inserts: ['Tren Bersepeda ke Kantor', 'Parkir Liar di Jalan Tunjungan', 'Kota Mana Punya Jalur Sepeda'],
  },
  lain: {
    path: '/paged/lain/news/harga-tiket-pesawat-turun-menjelang-libur-sekolah',
    letter: 'I',
    title: 'Harga Tiket Pesawat Turun Menjelang Libur Sekolah',
    intro: 'Harga tiket pesawat rute domestik turun',
    inserts: ['Bandara Soekarno-Hatta Siapkan'],
  },
  alih: {
    path: '/paged/alih/read/013900123/sekolah-terapung-dibuka-untuk-anak-nelayan-di-kepulauan-seribu',
    letter: 'J',
    title: 'Sekolah Terapung Dibuka untuk Anak Nelayan di Kepulauan Seribu',
    intro: 'Sebuah sekolah terapung mulai melayani anak-anak nelayan',
    inserts: ['Wisata Snorkeling di Pulau Pari'],
  },
};

/** The page server answers story H's page 2 this late (server.mjs, SLOW). */
const SLOW_MS = 3000;

const NUMBERS = ['satu', 'dua', 'tiga', 'empat'];

/** The marker sentences of a text, in order ("awal dua A"). */
const markers = (text) => [...text.matchAll(/kalimat khas (awal|akhir) bagian (\w+) cerita ([A-Z])/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);

/** The markers of pages 1..n of story `letter`, in order. */
const expected = (letter, n) => NUMBERS.slice(0, n).flatMap((w) => [`awal ${w} ${letter}`, `akhir ${w} ${letter}`]);

/** What no page of a story may bring into the article: inserts, ad labels, pagers, page labels. */
const JUNK = /Baca juga|Advertisement|SCROLL TO|\bHalaman\b|Selanjutnya|Sebelumnya|Tampilkan Semua/i;

/** Occurrences of `part` in `text`. */
const count = (text, part) => text.split(part).length - 1;

/** Asserts `text` holds exactly pages 1..n of story `s`, in order, and nothing that is not the
 * story's: no insert, ad, pager, page label, no repeated opening paragraph or headline. */
function wholeStory(text, s, n, label) {
  const got = markers(text);
  const want = expected(s.letter, n);
  assert(JSON.stringify(got) === JSON.stringify(want), `${label}: pages ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  const junk = text.match(JUNK);
  assert(!junk, `${label}: "${junk && junk[0]}" in ${JSON.stringify(text.slice(Math.max(0, junk && junk.index - 80), junk && junk.index + 80))}`);
  const inserted = s.inserts.filter((t) => text.includes(t));
  assert(!inserted.length, `${label}: inserts ${JSON.stringify(inserted)}`);
  assert(count(text, s.intro) === 1, `${label}: the opening paragraph ${count(text, s.intro)} times`);
}

/** Runs in the page with the reader's shadow root: the article shown and the pages status. */
function readerPages(root) {
  const p = root.querySelector('.pages');
  const body = root.querySelector('.body');
  const attr = (name) => (p && p.hasAttribute(name) ? p.getAttribute(name) : null);
  return {
    title: (root.querySelector('h1') || {}).textContent || '',
    text: body ? body.textContent : '',
    // The lead image as the article holds it (the reader may also draw it above the body).
    leads: body ? [...body.querySelectorAll('img')].filter((i) => /\/lead\.svg$/.test(i.getAttribute('src') || '')).length : 0,
    pages: p && {
      role: p.getAttribute('role'),
      state: attr('data-state'),
      merged: attr('data-merged'),
      count: attr('data-count'),
      stop: attr('data-stop'),
      status: attr('data-status'),
      text: p.textContent,
    },
  };
}

export async function runPagedChecks(d, origin, r, log, { shots = false } = {}) {
  const url = (name) => `${origin}${STORIES[name].path}`;
  const stats = async (name) => {
    const s = await d.send(url(name), { type: 'bersih:stats' });
    assert(s && s.story && typeof s.story === 'object', `bersih:stats has no story: ${JSON.stringify(s && Object.keys(s))}`);
    return s.story;
  };
  /** The page at `address`, loaded and cleaned, the request log reset after it. */
  const loadAt = async (address) => {
    await d.goto(address);
    await ready(d, address);
    log.reset();
  };
  /** Page 1 of story `name`, as `loadAt` has it. */
  const load = (name) => loadAt(url(name));
  /** The addresses of story `name` asked for since the reset, relative to page 1's ("?page=2",
   * "/2", "" for page 1), on the listener given. */
  const asked = (name, listener = 'main') => {
    const { path } = STORIES[name];
    const dir = path.split('/').slice(0, 3).join('/');
    return log.entries
      .filter((e) => e.listener === listener && e.path.startsWith(`${dir}/`))
      .map((e) => (e.path.startsWith(path) ? e.path.slice(path.length) + e.query : e.path + e.query));
  };
  const open = async (name) => {
    const res = await d.send(url(name), { type: 'bersih:toggle-reader' });
    assert(res && res.open === true && res.article_found !== false, `toggle-reader answered ${JSON.stringify(res)}`);
    return waitFor(() => d.reader(readerPages).then((x) => (x && x.text ? x : null)), { what: 'the reader' });
  };
  const close = async (name) => {
    if (await d.reader(readerPages)) await d.send(url(name), { type: 'bersih:toggle-reader' });
  };
  /** The reader once its story stopped loading; fails when it shows no pages status. */
  const settled = async () => {
    await waitFor(() => d.reader(readerPages).then((x) => x && x.pages), { timeout: 3000, what: 'the reader\'s .pages status' });
    const x = await waitFor(() => d.reader(readerPages).then((y) => (y && y.pages && y.pages.state !== 'loading' ? y : null)), {
      timeout: 20000,
      what: '.pages to leave data-state "loading"',
    });
    assert(x.pages.role === 'status', `.pages has role ${x.pages.role}`);
    return x;
  };
  /** The reader of a story that is one page, or read as one: no pages status, or one page merged. */
  const onePage = (x, label) => {
    assert(!x.pages || (x.pages.merged === '1' && x.pages.state !== 'loading'), `${label}: pages status ${JSON.stringify(x.pages)}`);
  };
  const same = (got, want, label) => assert(JSON.stringify(got) === JSON.stringify(want), `${label}: ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);

  await r.check('multi-page stories: a page load fetches no other page', async () => {
    log.reset();
    for (const name of Object.keys(STORIES)) {
      await d.goto(url(name));
      await ready(d, url(name));
      await sleep(1000);
      const story = await stats(name);
      assert(story.fetches === 0 && story.state !== 'loading', `${name}: story after the page load ${JSON.stringify(story)}`);
    }
    const pages1 = Object.values(STORIES).map((s) => s.path);
    const other = log.entries.filter((e) => e.path.startsWith('/paged/') && !(e.listener === 'main' && !e.query && pages1.includes(e.path)));
    assert(!other.length, `fetched on page load: ${JSON.stringify(other.map((e) => `${e.listener} ${e.path}${e.query}`))}`);
  });

  await r.check('multi-page story read whole in the reader, in order, without inserts, ads, pagers or repeats', async () => {
    const s = STORIES.tribun;
    await load('tribun');
    const first = await open('tribun');
    assert(first.title.includes(s.title), `reader title ${first.title}`);
    const x = await settled();
    same([x.pages.state, x.pages.merged, x.pages.count, x.pages.stop], ['done', '3', '3', null], 'pages status');
    wholeStory(x.text, s, 3, 'reader');
    assert(!x.text.includes(s.title), 'a later page\'s headline in the body');
    assert(x.leads === 1, `the lead image ${x.leads} times in the body`);
    same(asked('tribun'), ['?page=2', '?page=3'], 'asked for');
    const story = await stats('tribun');
    same([story.state, story.merged, story.count, story.fetches], ['done', 3, 3, 2], 'stats.story');
    await close('tribun');
  });

  await r.check('multi-page story opened on page 2: page 1 is fetched and comes first', async () => {
    const s = STORIES.tribun;
    const two = `${url('tribun')}?page=2`;
    await loadAt(two);
    await d.send(two, { type: 'bersih:toggle-reader' });
    const x = await settled();
    same([x.pages.state, x.pages.merged], ['done', '3'], 'pages status');
    wholeStory(x.text, s, 3, 'reader');
    same(asked('tribun'), ['', '?page=3'], 'asked for');
    await d.send(two, { type: 'bersih:toggle-reader' });
  });

  await r.check("multi-page story: the pages are asked for with the page's own cookies (a site's session)", async () => {
    // server.mjs serves the tribun story under /paged/kuki/ behind a cookie its page 1 sets.
    const kuki = `${origin}${STORIES.tribun.path.replace('/paged/tribun/', '/paged/kuki/')}`;
    await loadAt(kuki);
    await d.send(kuki, { type: 'bersih:toggle-reader' });
    const x = await settled();
    same([x.pages.state, x.pages.merged], ['done', '3'], 'pages status');
    wholeStory(x.text, STORIES.tribun, 3, 'reader');
    const later = log.entries.filter((e) => e.path.startsWith('/paged/kuki/') && e.query);
    assert(later.length === 2 && later.every((e) => e.cookie.includes('bersih_sesi=kuki')), `requests ${JSON.stringify(later)}`);
    await d.send(kuki, { type: 'bersih:toggle-reader' });
  });

  await r.check('multi-page story: page 1 readable at once while later pages load, one request at a time', async () => {
    const s = STORIES.lambat;
    await load('lambat');
    const first = await open('lambat');
    // Page 2 is answered 3 s after it is asked for: the reader must show page 1 meanwhile.
    const early = await waitFor(() => d.reader(readerPages).then((x) => x && x.pages && x), { timeout: 2000, what: 'the reader\'s .pages status' });
    same([early.pages.state, early.pages.merged], ['loading', '1'], 'pages status while page 2 loads');
    if (shots) await d.shot('reader-pages');
    same(markers(early.text), expected(s.letter, 1), 'text while page 2 loads');
    assert(first.title.includes(s.title), `reader title ${first.title}`);
    const x = await settled();
    same([x.pages.state, x.pages.merged, x.pages.count], ['done', '3', '3'], 'pages status');
    wholeStory(x.text, s, 3, 'reader');
    assert(x.text.length > early.text.length, 'the body did not grow');
    const times = (q) => log.entries.filter((e) => e.listener === 'main' && e.path === s.path && e.query === q).map((e) => e.time);
    const [two, three] = [times('?page=2'), times('?page=3')];
    assert(two.length === 1 && three.length === 1, `asked for page 2 ${two.length} times, page 3 ${three.length}`);
    assert(three[0] - two[0] >= SLOW_MS - 100, `page 3 asked for ${three[0] - two[0]} ms after page 2, before page 2 answered`);
    await close('lambat');
  });

  await r.check('multi-page story: a "show all" address holding the whole story is fetched instead of the pages', async () => {
    const s = STORIES.kompas;
    await load('kompas');
    await open('kompas');
    const x = await settled();
    same([x.pages.state, x.pages.merged], ['done', '3'], 'pages status');
    wholeStory(x.text, s, 3, 'reader');
    same(asked('kompas'), ['?page=all'], 'asked for');
    await close('kompas');
  });

  await r.check('multi-page story: a "show all" address that holds only page 1 is left for the separate pages', async () => {
    const s = STORIES.detik;
    await load('detik');
    await open('detik');
    const x = await settled();
    same([x.pages.state, x.pages.merged], ['done', '3'], 'pages status');
    wholeStory(x.text, s, 3, 'reader');
    same(asked('detik'), ['?single=1', '/2', '/3'], 'asked for');
    await close('detik');
  });

  await r.check('multi-page story: a page answering 404 stops the story with what came before', async () => {
    const s = STORIES.sindo;
    await load('sindo');
    await open('sindo');
    const x = await settled();
    same([x.pages.state, x.pages.stop, x.pages.status, x.pages.merged, x.pages.count], ['stopped', 'error', '404', '2', '4'], 'pages status');
    wholeStory(x.text, s, 2, 'reader');
    same(asked('sindo'), ['/2', '/3'], 'asked for (page 4 never)');
    const story = await stats('sindo');
    same([story.state, story.stop, story.merged, story.fetches], ['stopped', 'error', 2, 2], 'stats.story');
    await close('sindo');
  });

  await r.check('multi-page story: a next page leading back to a page read stops the story (loop)', async () => {
    const s = STORIES.putar;
    await load('putar');
    await open('putar');
    const x = await settled();
    same([x.pages.state, x.pages.stop, x.pages.merged], ['stopped', 'loop', '3'], 'pages status');
    wholeStory(x.text, s, 3, 'reader');
    same(asked('putar'), ['?page=2', '?page=3'], 'asked for');
    await close('putar');
  });

  await r.check('a next-article feed ("Halaman 2 / 5") is neither fetched nor merged', async () => {
    const s = STORIES.republika;
    await load('republika');
    const first = await open('republika');
    await sleep(1500);
    const x = await d.reader(readerPages);
    onePage(x, 'reader');
    same(markers(x.text), expected(s.letter, 1), 'reader text');
    assert(!/Festival Tari Topeng|Halaman 2/.test(x.text) && first.title.includes(s.title), `reader ${JSON.stringify(x)}`);
    same(asked('republika'), [], 'asked for');
    const story = await stats('republika');
    assert(story.fetches === 0 && ['none', 'done'].includes(story.state) && !(story.merged > 1), `stats.story ${JSON.stringify(story)}`);
    await close('republika');
  });

  await r.check("a 'next' link outside the story's directory (a comment's link to a logout address) is never requested", async () => {
    const page = `${origin}/paged/komentar/2026/07/27/warga-bersihkan-sungai-cikapundung`;
    await loadAt(page);
    await d.send(page, { type: 'bersih:toggle-reader' });
    await sleep(1000);
    const res = await d.send(page, { type: 'bersih:copy', format: 'text' });
    assert(res && res.ok && res.text.includes('Cikapundung'), `copy answered ${JSON.stringify(res)}`);
    const out = log.entries.filter((e) => e.path.startsWith('/paged/akun/'));
    assert(!out.length, `requested ${JSON.stringify(out)}`);
    const { story } = await d.send(page, { type: 'bersih:stats' });
    assert(story.fetches === 0, `stats.story ${JSON.stringify(story)}`);
    await d.send(page, { type: 'bersih:toggle-reader' });
  });

  await r.check('multi-page story: pages on another origin are never requested', async () => {
    const s = STORIES.silang;
    await load('silang');
    await open('silang');
    const x = await settled();
    same([x.pages.state, x.pages.merged], ['done', '2'], 'pages status');
    wholeStory(x.text, s, 2, 'reader');
    same(asked('silang'), ['?page=2'], 'asked for on this origin');
    same(asked('silang', 'other'), [], 'asked for on the other origin');
    await close('silang');
  });

  await r.check('multi-page story: a redirect (to another origin) is not followed and stops the story', async () => {
    const s = STORIES.alih;
    await load('alih');
    await open('alih');
    const x = await settled();
    same([x.pages.state, x.pages.stop, x.pages.merged], ['stopped', 'error', '1'], 'pages status');
    wholeStory(x.text, s, 1, 'reader');
    same(asked('alih'), ['?page=2'], 'asked for on this origin');
    same(asked('alih', 'other'), [], 'asked for on the other origin');
    await close('alih');
  });

  await r.check('multi-page story: a page of another story stops the story unmerged', async () => {
    const s = STORIES.lain;
    await load('lain');
    await open('lain');
    const x = await settled();
    same([x.pages.state, x.pages.stop, x.pages.merged], ['stopped', 'other-story', '1'], 'pages status');
    wholeStory(x.text, s, 1, 'reader');
    assert(!/Angkot|Bogor/.test(x.text), 'the other story got in');
    same(asked('lain'), ['?page=2'], 'asked for (page 3 never)');
    await close('lain');
  });

  await r.check('closing the reader mid-way aborts the story; the reader opens again', async () => {
    const s = STORIES.lambat;
    await load('lambat');
    await open('lambat');
    await waitFor(() => asked('lambat').includes('?page=2'), { timeout: 5000, what: 'page 2 asked for' });
    const closed = await d.send(url('lambat'), { type: 'bersih:toggle-reader' });
    assert(closed && closed.open === false, `toggle-reader answered ${JSON.stringify(closed)}`);
    await sleep(SLOW_MS + 1000); // page 2 has been answered (to an aborted fetch) by now
    same(asked('lambat'), ['?page=2'], 'asked for after the close');
    const story = await stats('lambat');
    same([story.state, story.stop, story.merged], ['stopped', 'aborted', 1], 'stats.story');
    const again = await open('lambat');
    assert(again.title.includes(s.title) && markers(again.text)[0] === `awal satu ${s.letter}`, `reopened reader ${JSON.stringify(again)}`);
    await d.key('Escape');
    await waitFor(async () => !(await d.reader(readerPages)), { what: 'the reader closed by Escape' });
  });

  await r.check('merge off in the settings: page 1 only, nothing fetched', async () => {
    const s = STORIES.tribun;
    await d.settings({ merge: false });
    try {
      await sleep(300);
      await load('tribun');
      await open('tribun');
      await sleep(1500);
      const x = await d.reader(readerPages);
      onePage(x, 'reader');
      same(markers(x.text), expected(s.letter, 1), 'reader text');
      await close('tribun');
      const copy = await d.send(url('tribun'), { type: 'bersih:copy', format: 'text' });
      assert(copy && copy.ok, `copy answered ${JSON.stringify(copy)}`);
      same(markers(copy.text), expected(s.letter, 1), 'copy');
      same(asked('tribun'), [], 'asked for');
      const story = await stats('tribun');
      assert(story.fetches === 0 && !(story.merged > 1), `stats.story ${JSON.stringify(story)}`);
    } finally {
      await d.settings(null);
    }
  });

  await r.check('copy (text and Markdown) holds the whole story, fetched once', async () => {
    const s = STORIES.tribun;
    await load('tribun');
    const text = await d.send(url('tribun'), { type: 'bersih:copy', format: 'text' });
    assert(text && text.ok && text.format === 'text' && text.pages === 3, `text copy answered ${JSON.stringify({ ...text, text: undefined })}`);
    assert(text.text.startsWith(`${s.title}\n`), `text copy starts ${JSON.stringify(text.text.slice(0, 80))}`);
    wholeStory(text.text, s, 3, 'text copy');
    const md = await d.send(url('tribun'), { type: 'bersih:copy', format: 'markdown' });
    assert(md && md.ok && md.format === 'markdown' && md.pages === 3, `Markdown copy answered ${JSON.stringify({ ...md, text: undefined })}`);
    assert(md.text.startsWith(`# ${s.title}\n`), `Markdown copy starts ${JSON.stringify(md.text.slice(0, 80))}`);
    wholeStory(md.text, s, 3, 'Markdown copy');
    same(asked('tribun'), ['?page=2', '?page=3'], 'asked for by both copies');
  });

  await r.check('popup says how many pages were merged (nothing for one page)', async () => {
    await load('tribun');
    await open('tribun');
    await settled();
    const p = await d.popup(url('tribun'));
    assert(/\b3\b/.test(p.pages || ''), `popup #pages ${JSON.stringify(p.pages)}`);
    await close('tribun');
    await load('republika');
    const one = await d.popup(url('republika'));
    assert(one.pages === '', `popup #pages on a one-page story ${JSON.stringify(one.pages)}`);
  });

  await r.check('no request ever went to the other origin', async () => {
    const loaded = ['silang', 'alih'].every((name) => log.total.some((e) => e.listener === 'main' && e.path === STORIES[name].path));
    assert(loaded, 'the stories linking the other origin were not loaded');
    const other = log.total.filter((e) => e.listener === 'other');
    assert(!other.length, `requests to the other origin: ${JSON.stringify(other.map((e) => `${e.path}${e.query}`))}`);
  });
}
