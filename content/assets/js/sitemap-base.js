// Instant navigation for a site whose address is not known when it is built.
//
// Material swaps pages without reloading only for links listed in sitemap.xml, and it compares
// full addresses (path and port included). A build without a site_url (macros/site/instant.py)
// writes the sitemap with a placeholder root; here, when Material reads that sitemap, the
// placeholder becomes the root this site is really served from (Material's own idea of the
// site root, `base` in its page config), so a copy under any sub-path or port works.
(function () {
  "use strict";
  var PLACEHOLDER = "https://handboek.invalid/";
  var proto = window.DOMParser && window.DOMParser.prototype;
  if (!proto || proto.parseFromString.kwSitemapBase) return;
  var parse = proto.parseFromString;

  function siteRoot() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), location.href).href;
  }

  proto.parseFromString = function (text, type) {
    if (type === "text/xml" && typeof text === "string" && text.indexOf("<urlset") !== -1) {
      text = text.split(PLACEHOLDER).join(siteRoot());
    }
    return parse.call(this, text, type);
  };
  proto.parseFromString.kwSitemapBase = true;
})();
