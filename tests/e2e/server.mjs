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
//   /paged/<story>/<address>     a page of a story split over pages (tests/e2e/site/paged/<story>/,
//                           for paged.mjs), by the address models of the sites: `?page=N` and a
//                           last path segment `/N` give page-N.html; `?page=all`, `?showpage=all`,
//                           `?single=1` and a last segment `/all` give all.html; an address naming
//                           a file of the story's folder gives that file; any other gives
//                           page-1.html. A missing page is a 404. `__OTHER_ORIGIN__` in these pages
//                           is replaced by the other origin. Per page, SLOW delays the answer and
//                           REDIRECTS answers with a redirect to the other origin; a story of
//                           SESSIONS is another's pages behind a cookie that its page 1 sets.
// start() also opens a second listener, the "other" origin (127.0.0.1 on another port, so another
// origin), serving the same routes, and keeps a request log of both: start() resolves {server,
// origin, other, log}; log.entries are the requests since log.reset() (each {listener: 'main' |
// 'other', host, port, path, query, cookie, time}), log.total every request of the run; server.close()
// closes both listeners.
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

/** Pages of /paged/ answered late (ms): a slow site, so the reader is open while they load. */
const SLOW = { 'lambat/page-2.html': 3000 };
/** Pages of /paged/ answered with a redirect to the same address on the other origin. */
const REDIRECTS = new Set(['alih/page-2.html']);
/** Stories served from another story's pages (its paths rewritten), behind a session: page 1
 * sets a cookie and the other pages answer 403 without it, as a site whose pages need the
 * reader's own session does. */
const SESSIONS = { kuki: 'tribun' };
const SESSION_COOKIE = 'bersih_sesi';

/** The file of tests/e2e/site/paged/ that `/paged/<story>/<rest>?<query>` stands for
 * ("<story>/<file>"), or null when the path is no story's. */
export function pagedFile(pathname, query) {
  const m = /^\/paged\/([a-z0-9-]+)\/(.+)$/.exec(pathname);
  if (!m) return null;
  const [, story, rest] = m;
  const segments = rest.replace(/\/$/, '').split('/');
  const last = segments[segments.length - 1];
  const page = query.get('page');
  let name;
  if (page === 'all' || query.get('showpage') === 'all' || query.get('single') === '1') name = 'all.html';
  else if (page !== null && /^\d+$/.test(page)) name = `page-${Number(page)}.html`;
  else if (segments.length > 1 && /^\d+$/.test(last)) name = `page-${Number(last)}.html`;
  else if (segments.length > 1 && last === 'all') name = 'all.html';
  else if (/^[a-z0-9-]+\.html$/.test(last) && fs.existsSync(path.join(ROOTS.site, 'paged', story, last))) name = last;
  else name = 'page-1.html';
  return `${story}/${name}`;
}

/** The request log of both listeners. */
function requestLog() {
  return {
    entries: [],
    total: [],
    add(entry) {
      this.entries.push(entry);
      this.total.push(entry);
    },
    reset() {
      this.entries = [];
    },
  };
}

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

/** The request handler of a listener; `origins` holds both origins once both listen. */
function handler(listener, log, origins) {
  return (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    log.add({ listener, host: req.headers.host, port: req.socket.localPort, path: url.pathname, query: url.search, cookie: req.headers.cookie || '', time: Date.now() });
    let p = decodeURIComponent(url.pathname);
    const headers = { 'Cache-Control': 'no-store' };
    const paged = pagedFile(p, url.searchParams);
    if (paged) {
      const [story, name] = paged.split('/');
      const alias = SESSIONS[story];
      const file = path.join(ROOTS.site, 'paged', alias || story, name);
      if (alias) {
        if (name === 'page-1.html') headers['Set-Cookie'] = `${SESSION_COOKIE}=${story}; Path=/paged/${story}; SameSite=Lax`;
        else if (!(req.headers.cookie || '').includes(`${SESSION_COOKIE}=${story}`)) {
          res.writeHead(403, headers);
          res.end('no session');
          return;
        }
      }
      if (REDIRECTS.has(paged)) {
        res.writeHead(302, { ...headers, Location: `${origins.other}${url.pathname}${url.search}` });
        res.end();
        return;
      }
      if (!fs.existsSync(file)) {
        res.writeHead(404, headers);
        res.end('not found');
        return;
      }
      let body = fs.readFileSync(file, 'utf8').replaceAll('__OTHER_ORIGIN__', origins.other);
      if (alias) body = body.replaceAll(`/paged/${alias}/`, `/paged/${story}/`);
      setTimeout(() => {
        if (res.destroyed) return; // the client gave up (an aborted fetch)
        res.writeHead(200, { ...headers, 'Content-Type': TYPES['.html'] });
        res.end(body);
      }, SLOW[paged] || 0);
      return;
    }
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
  };
}

const listen = (server, port) =>
  new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)));

export async function start(port = Number(process.env.PORT || 0)) {
  const log = requestLog();
  const origins = {};
  const server = http.createServer(handler('main', log, origins));
  const otherServer = http.createServer(handler('other', log, origins));
  origins.main = await listen(server, port);
  origins.other = await listen(otherServer, 0);
  server.on('close', () => otherServer.close());
  return { server, origin: origins.main, other: origins.other, log };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { origin, other } = await start(Number(process.env.PORT || 8765));
  console.log(`serving ${origin}/news-id.html (and /csp/…, /articles/<name>/page.html, /paged/…; other origin ${other})`);
}
