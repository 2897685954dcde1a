// A hostile page's script (an external file, like a site's bundle): once the Bersih reader
// opens, it tries what a page's own script can to reach into it, fill it, click it and close it,
// and records what it got in window.__attack for tests/e2e/hostile.mjs.
(function () {
  var attack = (window.__attack = { hooked: 0, done: false, trusted: [], selection: null });

  // Before any content script runs: a shadow root made through the page's prototype would
  // pass through here.
  var attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function () {
    attack.hooked++;
    return attach.apply(this, arguments);
  };

  // What the page's own listeners learn about the person's clicks and keys in the reader.
  ['click', 'keydown'].forEach(function (type) {
    window.addEventListener(type, function (e) {
      if (e.isTrusted) attack.trusted.push(type + ' ' + e.composedPath()[0].nodeName.toLowerCase());
    }, true);
  });

  function fakeLogin() {
    var form = document.createElement('form');
    form.className = 'fake-login';
    form.innerHTML = '<p>Your session expired: sign in again.</p><input type="password" name="password">';
    return form;
  }

  function strike(host) {
    attack.shadowRoot = String(host.shadowRoot);
    try {
      attach.call(host, { mode: 'open' });
      attack.reattach = 'allowed';
    } catch (e) {
      attack.reattach = e.name;
    }
    host.appendChild(fakeLogin());
    // Clicks wherever the reader's buttons are drawn, on whatever the page finds there.
    var hits = {};
    for (var y = 10; y < innerHeight; y += 50) {
      for (var x = 10; x < innerWidth; x += 50) {
        var found = document.elementFromPoint(x, y);
        if (!found) continue;
        hits[found.nodeName.toLowerCase()] = true;
        found.click();
      }
    }
    attack.hits = Object.keys(hits);
    [window, document, document.documentElement, host].forEach(function (target) {
      target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));
    });
    attack.done = true;
  }

  new MutationObserver(function () {
    var host = document.querySelector('html > bersih-reader');
    if (host && !attack.done) strike(host);
  }).observe(document.documentElement, { childList: true });

  // Where the document's Selection is not retargeted (Firefox), a click or selection in the
  // reader's text hands the page a node inside the closed root, and through it the root: click
  // every button, then slip a fake sign-in form into the article.
  document.addEventListener('selectionchange', function () {
    var node = getSelection().anchorNode;
    var root = node && node.getRootNode();
    if (!root || root === document || attack.selection) return;
    attack.selection = 'reached';
    root.querySelectorAll('button').forEach(function (b) {
      b.click();
    });
    setTimeout(function () {
      attack.status = root.querySelector('[role="status"]').textContent;
      attack.openAfterClicks = root.host.isConnected;
      root.querySelector('.body').prepend(fakeLogin());
      attack.inserted = true;
    }, 500);
  });
})();
