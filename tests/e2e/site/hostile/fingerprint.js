// A hostile page's script: tries to load the extension's files (fetch, as an image, as a script)
// from the base URL in location.hash, and records each outcome in <body data-probed> for
// tests/e2e/hostile.mjs: "loaded" for every file it could load.
(function () {
  var base = decodeURIComponent(location.hash.slice(1));
  function element(tag, attr, url) {
    return new Promise(function (resolve) {
      var e = document.createElement(tag);
      e.onload = function () {
        resolve('loaded');
      };
      e.onerror = function () {
        resolve('failed');
      };
      e[attr] = url;
      document.head.appendChild(e);
    });
  }
  function get(url, mode) {
    return fetch(url, { mode: mode }).then(
      function (res) {
        return 'loaded ' + res.status;
      },
      function (e) {
        return 'failed ' + e.name;
      },
    );
  }
  var probes = {
    'fetch pkg/bersih_bg.wasm': get(base + '/pkg/bersih_bg.wasm', 'cors'),
    'fetch pkg/bersih_bg.wasm (no-cors)': get(base + '/pkg/bersih_bg.wasm', 'no-cors'),
    'fetch manifest.json': get(base + '/manifest.json', 'cors'),
    'img icons/icon-16.png': element('img', 'src', base + '/icons/icon-16.png'),
    'script common.js': element('script', 'src', base + '/common.js'),
  };
  var names = Object.keys(probes);
  Promise.all(names.map(function (n) { return probes[n]; })).then(function (outcomes) {
    var got = {};
    names.forEach(function (n, i) {
      got[n] = outcomes[i];
    });
    document.body.dataset.probed = JSON.stringify(got);
  });
})();
