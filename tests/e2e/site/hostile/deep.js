// A deep tree (tests/e2e/hostile.mjs): __deep.start(depth, inserts, gapMs) nests `depth` divs
// (built in a loop, not by the parser, which would cap the nesting), then adds `inserts`
// "Baca juga" paragraphs at the bottom, one every `gapMs`, and measures (frames.js) the longest gap between
// animation frames until __deep.stop() gives it (ms).
(function () {
  var deep = (window.__deep = { added: 0, start: start, stop: stop, visible: visible });

  function start(depth, inserts, gapMs) {
    var bottom = document.getElementById('deep');
    for (var i = 0; i < depth; i++) bottom = bottom.appendChild(document.createElement('div'));
    window.__frames.start();
    for (var k = 0; k < inserts; k++) {
      setTimeout(function () {
        var p = document.createElement('p');
        p.className = 'deep';
        p.innerHTML = 'Baca juga: <a href="/read/' + deep.added + '">Kabar Dalam Nomor ' + deep.added + ' dari Lembah</a>';
        bottom.appendChild(p);
        deep.added++;
      }, k * gapMs);
    }
  }

  function stop() {
    return window.__frames.stop();
  }

  /** How many of the paragraphs are still shown. */
  function visible() {
    return [].filter.call(document.querySelectorAll('p.deep'), function (p) {
      return !p.closest('[data-bersih-hidden]');
    }).length;
  }
})();
