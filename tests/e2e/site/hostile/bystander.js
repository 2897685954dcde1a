// The bystander tab (tests/e2e/hostile.mjs): records in document.body.dataset.served how long
// after this page's load event its insert was hidden (ms; 0 when it was hidden before).
(function () {
  var hiddenAt = null;
  new MutationObserver(function () {
    if (hiddenAt === null && document.querySelector('[data-expect][data-bersih-hidden]')) {
      hiddenAt = performance.now();
      report();
    }
  }).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['data-bersih-hidden'] });

  function report() {
    var nav = performance.getEntriesByType('navigation')[0];
    if (hiddenAt === null || !nav || !nav.loadEventEnd) return;
    document.body.dataset.served = String(Math.max(0, Math.round(hiddenAt - nav.loadEventEnd)));
  }
  addEventListener('load', function () {
    setTimeout(report, 0);
  });
})();
