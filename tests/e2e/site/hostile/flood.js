// Many inserts at once (tests/e2e/hostile.mjs): __flood.start(total, bursts, gapMs) adds `total`
// "Baca juga" paragraphs in `bursts` equal bursts `gapMs` apart, and measures (frames.js) the longest gap
// between animation frames until __flood.stop() gives it (ms).
(function () {
  var flood = (window.__flood = { added: 0, start: start, stop: stop, visible: visible });

  function burst(n) {
    var html = '';
    for (var i = 0; i < n; i++, flood.added++) {
      html += '<p class="flood">Baca juga: <a href="/read/' + flood.added + '">Berita Lain Nomor ' + flood.added + ' dari Pameran</a></p>';
    }
    document.getElementById('more').insertAdjacentHTML('beforeend', html);
  }

  function start(total, bursts, gapMs) {
    window.__frames.start();
    for (var b = 0; b < bursts; b++) setTimeout(burst, b * gapMs, total / bursts);
  }

  function stop() {
    return window.__frames.stop();
  }

  /** How many of the paragraphs are still shown. */
  function visible() {
    return [].filter.call(document.querySelectorAll('p.flood'), function (p) {
      return !p.closest('[data-bersih-hidden]');
    }).length;
  }
})();
