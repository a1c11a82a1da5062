// The helpers Material's theme expects before its bundle runs (normally an inline script in
// the page head). Kept in a file so the Content-Security-Policy needs no 'unsafe-inline'.
// __md_scope is the site root; this file lives in <root>/assets/js/.
(function () {
  "use strict";
  var scope = new URL("../../", document.currentScript.src);
  window.__md_scope = scope;
  window.__md_hash = function (text) {
    var hash = 0;
    for (var i = 0; i < text.length; i++) hash = (hash << 5) - hash + text.charCodeAt(i);
    return hash;
  };
  window.__md_get = function (key, storage, base) {
    storage = storage || localStorage;
    base = base || scope;
    return JSON.parse(storage.getItem(base.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, base) {
    storage = storage || localStorage;
    base = base || scope;
    try {
      storage.setItem(base.pathname + "." + key, JSON.stringify(value));
    } catch (e) {
      // storage full or blocked: Material's own state (e.g. palette) is not worth an error
    }
  };
})();
