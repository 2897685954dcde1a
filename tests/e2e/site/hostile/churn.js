// Churn then a late insert (tests/e2e/hostile.mjs): __churn.start(ms) adds 64 junk elements
// every 300 ms (a rescan's worth, each left long enough to be rescanned) and removes those of
// two rounds before, for `ms`; then sets __churn.stopped, leaving its last two rounds in place.
// __churn.insert() then adds a real "Baca juga" paragraph.
(function () {
  var churn = (window.__churn = { added: 0, stopped: false, start: start, insert: insert });
  var PER_ROUND = 64;
  var ROUND_MS = 300;

  function round(box, rounds) {
    var made = [];
    for (var i = 0; i < PER_ROUND; i++) {
      var junk = document.createElement('div');
      junk.className = 'junk';
      junk.textContent = 'junk ' + churn.added++;
      box.appendChild(junk);
      made.push(junk);
    }
    rounds.push(made);
    if (rounds.length > 2) {
      rounds.shift().forEach(function (j) {
        j.remove();
      });
    }
  }

  function start(ms) {
    var box = document.getElementById('junk');
    var rounds = [];
    var end = performance.now() + ms;
    (function step() {
      if (performance.now() >= end) {
        churn.stopped = true;
        return;
      }
      round(box, rounds);
      setTimeout(step, ROUND_MS);
    })();
  }

  function insert() {
    var p = document.createElement('p');
    p.id = 'late';
    p.setAttribute('data-expect', 'recirculation');
    p.innerHTML = 'Baca juga: <a href="/read/layang">Layang-Layang Naga Terpanjang Pecahkan Rekor</a>';
    document.getElementById('content').appendChild(p);
  }
})();
