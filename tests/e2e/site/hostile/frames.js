// The longest gap between the page's animation frames while an attack runs (the flood and deep
// pages of tests/e2e/hostile.mjs): __frames.start() begins measuring, __frames.stop() ends it and
// gives the gap (ms).
(function () {
  var maxGap = 0;
  var measuring = false;

  function frame(last) {
    return function (now) {
      if (!measuring) return;
      maxGap = Math.max(maxGap, now - last);
      requestAnimationFrame(frame(now));
    };
  }

  window.__frames = {
    start: function () {
      measuring = true;
      requestAnimationFrame(function (now) {
        requestAnimationFrame(frame(now));
      });
    },
    stop: function () {
      measuring = false;
      return Math.round(maxGap);
    },
  };
})();
