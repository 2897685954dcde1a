// Fixture page script (an external file, so it runs under `script-src 'self'` too).
// Keeps a pristine copy of the body as parsed, then injects a "Baca Juga" insert and an ad
// late, like infinite scroll and lazy ads do, mirroring each injection in the pristine copy so
// tests can check that toggling Bersih off gives back exactly the page's own DOM.
(function () {
  // The copy is taken once the parser is done (DOMContentLoaded; content scripts run later, at
  // document_idle), so text the parser adds after this script is in it.
  var pristine = null;
  window.__bersihFixture = { pristine: null, injected: 0 };
  document.addEventListener('DOMContentLoaded', function () {
    pristine = document.body.cloneNode(true);
    window.__bersihFixture.pristine = pristine;
  });
  var params = new URLSearchParams(location.search);
  var delay = Number(params.get('late') || 800);
  function inject(html, tag) {
    var make = function () {
      var el = document.createElement(tag);
      el.innerHTML = html.inner;
      for (var k in html.attrs) el.setAttribute(k, html.attrs[k]);
      return el;
    };
    var content = document.getElementById('content');
    var copy = pristine.querySelector('#content');
    content.appendChild(make());
    copy.appendChild(make());
    window.__bersihFixture.injected++;
  }
  setTimeout(function () {
    var en = document.documentElement.lang === 'en';
    inject({ inner: en ? '<strong>Read also:</strong> <a href="/news/late">Late story injected by infinite scroll</a>'
                       : '<strong>Baca Juga:</strong> <a href="/read/late">Sisipan Terlambat dari Gulir Tanpa Akhir</a>',
             attrs: { 'class': 'late-insert', 'data-expect': 'recirculation', id: 'late-insert' } }, 'p');
    inject({ inner: '<iframe title="late ad" src="about:blank" width="300" height="50"></iframe>',
             attrs: { id: 'div-gpt-ad-late', 'data-expect': 'ad' } }, 'div');
  }, delay);
})();
