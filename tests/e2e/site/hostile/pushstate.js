// A pushState storm (tests/e2e/hostile.mjs): __storm.start(ms) moves to a new story, with a new
// address, every 50 to 200 ms for `ms`, then sets __storm.done. Each story has its own insert.
(function () {
  var storm = (window.__storm = { count: 0, done: false, start: start });
  var STEPS = [50, 120, 200, 80, 160];

  function story(n) {
    return (
      '<p>Cerita nomor ' + n + ': pemerintah kota meresmikan pasar baru di pinggir sungai, dengan los ikan, los sayur, dan ruang menyusui yang bersih bagi para pengunjung.</p>' +
      '<p>Para pedagang yang pindah dari pasar lama mendapat keringanan sewa selama tiga bulan pertama, kata kepala dinas yang datang meninjau pada pagi hari.</p>' +
      '<p data-expect="recirculation"><strong>Baca Juga:</strong> <a href="/read/cerita-' + n + '">Sisipan Cerita Nomor ' + n + ' di Tengah Artikel</a></p>' +
      '<p>Pengelola pasar menyiapkan tempat parkir sepeda motor di lantai dasar dan meminta pengunjung tidak berhenti di bahu jalan yang sempit di depan gerbang.</p>' +
      '<p>Warga berharap pasar baru itu membuat harga kebutuhan pokok lebih stabil, karena pasokan kini datang langsung dari petani di desa-desa sekitar kota.</p>'
    );
  }

  function start(ms) {
    var end = performance.now() + ms;
    (function step() {
      if (performance.now() >= end) {
        storm.done = true;
        return;
      }
      var n = ++storm.count;
      history.pushState({ n: n }, '', '?story=' + n);
      document.querySelector('h1').textContent = 'Kabar Kota Nomor ' + n;
      document.getElementById('content').innerHTML = story(n);
      setTimeout(step, STEPS[n % STEPS.length]);
    })();
  }
})();
