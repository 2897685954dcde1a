// Fixture server for the browser tests, on 127.0.0.1 (a free port unless PORT is set).
//   /<file>                 tests/e2e/site/<file>
//   /csp/<file>             the same file with `Content-Security-Policy: script-src 'self'`
//                           (Chromium then refuses WebAssembly in content scripts)
//   /csp-meta/<file>        the same policy as a <meta http-equiv> in the page
//   /articles/<name>/page.html   the core's article fixtures (tests/fixtures/articles)
//   /corpora/<path>         ../shared/corpora (or $BERSIH_SHARED/corpora), for perf.mjs
//   /www/<file>             the built site (dist/www: the wasm packages and live.js)
//   /huge.html              a generated news page of about 20 MB of text (an insert and an ad
//                           near the top), for the walk's bounds
//   /live/<file>            the walk parity fixture (tests/fixtures/live)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = process.env.BERSIH_SHARED || path.join(here, '..', '..', '..', 'shared');
const ROOTS = {
  site: path.join(here, 'site'),
  articles: path.join(here, '..', 'fixtures', 'articles'),
  corpora: path.join(shared, 'corpora'), // only for tests/e2e/perf.mjs, when present
  www: path.join(here, '..', '..', 'dist', 'www'),
  live: path.join(here, '..', 'fixtures', 'live'),
};
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.outline': 'text/plain; charset=utf-8',
};
export const STRICT_CSP = "script-src 'self'";

/** About 20 MB of article text after an insert and an ad: more than one walk reads. */
let huge = null;
function hugePage() {
  if (huge) return huge;
  const para = 'Paragraf berita yang panjang tentang banjir rob di pesisir utara Jakarta, dengan koma, titik, dan keterangan warga yang dikutip wartawan di lokasi. '.repeat(4);
  const body = Array.from({ length: 36000 }, (_, i) => `<p>${i}. ${para}</p>`).join('\n');
  huge = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Halaman raksasa</title></head><body><article>
<h1>Halaman Raksasa</h1>
<p>Paragraf pembuka yang cukup panjang untuk dibaca, dengan koma, dan titik. Kalimat kedua menambah isi berita ini.</p>
<p id="insert" data-expect="recirculation"><strong>Baca Juga:</strong> <a href="/read/x">Berita Lain yang Disisipkan di Tengah Artikel</a></p>
<div id="div-gpt-ad-1" class="adsbygoogle" data-expect="ad">Iklan</div>
${body}
</article></body></html>`;
  return huge;
}

export function start(port = Number(process.env.PORT || 0)) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let p = decodeURIComponent(url.pathname);
    const headers = { 'Cache-Control': 'no-store' };
    if (p === '/favicon.ico') {
      res.writeHead(204, headers);
      res.end();
      return;
    }
    let metaCsp = false;
    if (p.startsWith('/csp/')) {
      headers['Content-Security-Policy'] = STRICT_CSP;
      p = p.slice(4);
    } else if (p.startsWith('/csp-meta/')) {
      metaCsp = true; // the same policy, declared by a <meta> in the page instead of a header
      p = p.slice(9);
    }
    if (p === '/huge.html') {
      res.writeHead(200, { ...headers, 'Content-Type': TYPES['.html'] });
      res.end(hugePage());
      return;
    }
    let root = ROOTS.site;
    if (p.startsWith('/articles/')) {
      root = ROOTS.articles;
      p = p.slice('/articles'.length);
    } else {
      for (const name of ['corpora', 'www', 'live']) {
        if (p.startsWith(`/${name}/`)) {
          root = ROOTS[name];
          p = p.slice(name.length + 1);
          break;
        }
      }
    }
    const file = path.join(root, path.normalize(p).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, headers);
      res.end('not found');
      return;
    }
    headers['Content-Type'] = TYPES[path.extname(file)] || 'application/octet-stream';
    res.writeHead(200, headers);
    if (metaCsp && file.endsWith('.html')) {
      const meta = `<meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}">`;
      res.end(fs.readFileSync(file, 'utf8').replace(/<head>/i, `<head>\n${meta}`));
      return;
    }
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { origin } = await start(Number(process.env.PORT || 8765));
  console.log(`serving ${origin}/news-id.html (and /csp/…, /articles/<name>/page.html)`);
}
