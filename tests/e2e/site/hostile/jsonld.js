// A hostile page's script (allowed by `script-src 'self'`): before the content script runs, it
// adds two NewsArticle JSON-LD blocks, one of 100,000 authors (about 3.3 MB, over the core's
// per-block cap) and one of 5,000 under it, each author named twice (de-duplication work).
(function () {
  function block(headline, n, prefix) {
    var authors = [];
    for (var i = 0; i < n; i++) authors.push({ '@type': 'Person', name: prefix + (i % (n / 2)) });
    var s = document.createElement('script');
    s.type = 'application/ld+json';
    s.textContent = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: headline, author: authors });
    document.head.appendChild(s);
  }
  block('Judul dari Blok Raksasa', 100000, 'R');
  block('Harga Beras Turun di Pasar Induk', 5000, 'Penulis ');
})();
