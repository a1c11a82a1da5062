"""Instant navigation when the site's final address is not known at build time.

Material loads a page without a reload only when the link is in sitemap.xml, and MkDocs writes
an empty sitemap without `site_url`. An edition that knows its address sets `site_url` in its
editie.yml and gets the ordinary sitemap. Otherwise the build uses a placeholder root under the
reserved `.invalid` domain (RFC 2606); content/assets/js/sitemap-base.js turns it into the root
the site is served from, and no page carries a canonical link to the placeholder. The 404 page
keeps MkDocs' default root ("/"), as it would without site_url. From `file://` Material never
navigates instantly (its instant module stops there), so `make offline` does not need this.
"""
from __future__ import annotations

PLACEHOLDER = "https://handboek.invalid/"
SCRIPT = "assets/js/sitemap-base.js"


def use_placeholder(config) -> None:
    config.site_url = PLACEHOLDER
    # In the head, before Material's bundle: the bundle asks for the sitemap at once, and the
    # answer can come before scripts at the end of the page have run.
    config.extra.setdefault("polyfills", []).append(SCRIPT)


def is_placeholder(config) -> bool:
    return config.site_url == PLACEHOLDER
