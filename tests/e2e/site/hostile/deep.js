// A deep tree (tests/e2e/hostile.mjs): __deep.start(depth, inserts, gapMs) nests `depth` divs
// (built in a loop, not by the parser, which would cap the nesting), then adds `inserts`
// "Baca juga" paragraphs at the bottom, one every `gapMs`, and measures the longest gap between
// animation frames until __deep.stop() gives it (ms).
(function () {
  var deep = (window.__deep = { added: 0, start: start, stop: stop, visible: visible });
  var maxGap = 0;
  var measuring = false;

  function frame(last) {
    return function (now) {
      if (!measuring) return;
      maxGap = Math.max(maxGap, now - last);
      requestAnimationFrame(frame(now));
    };
  }

  function start(depth, inserts, gapMs) {
    var bottom = document.getElementById('deep');
    for (var i = 0; i < depth; i++) bottom = bottom.appendChild(document.createElement('div'));
    measuring = true;
    requestAnimationFrame(function (now) {
      requestAnimationFrame(frame(now));
    });
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
    measuring = false;
    return Math.round(maxGap);
  }

  /** How many of the paragraphs are still shown. */
  function visible() {
    return [].filter.call(document.querySelectorAll('p.deep'), function (p) {
      return !p.closest('[data-bersih-hidden]');
    }).length;
  }
})();
