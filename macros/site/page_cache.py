"""Pages whose inputs did not change keep their HTML from the last build.

Rendering a page's Markdown (and running its macros) is most of a build; when a page's key
(build/page_inputs.py: its Markdown, what its macros read, the code, the settings) is the one
its cached entry was made for, the page is not rendered: MkDocs gets empty Markdown, and on
`page_content` the stored HTML comes back with what rendering leaves on the page (its table
of contents, its title from the first heading, its anchors and links to other pages' anchors)
and what our macros noted (reads, left-out links). Every other step (nav, template, search,
tags, PDFs) runs as before.

The cache folder is not trusted (#17): each entry carries an HMAC seal with the user's key
(print/seal.py), and one that does not verify counts as missing. A page with a listing of
the tags plugin is never kept: that plugin fills it in from the Markdown each build.

When only an item the page read changed (a worksheet edit, and the page lists all
worksheets), the page's macros run again: if they make the texts they made, the HTML is the
same too, and the entry is kept under its new key (site/macros.py same_again).
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

from mkdocs.structure.toc import get_toc

from ..build.page_inputs import PageInputs
from ..print import seal

KIND = "pagina"
TAG_LISTING = "material/tags"  # the tags plugin's directive (its listings_directive)


def _tokens(toc) -> list[dict]:
    """A table of contents as the toc tokens MkDocs makes it from (mkdocs/structure/toc.py)."""
    return [{"level": a.level, "id": a.id, "name": a.title, "children": _tokens(a.children)}
            for a in toc]


class PageCache:
    """One build's look-ups and stores, in folder (one file per page)."""

    def __init__(self, folder: Path, inputs: PageInputs, key_bytes: bytes | None = None,
                 macros_unchanged=lambda src, outputs: False):
        self.folder = folder
        self.inputs = inputs
        self.macros_unchanged = macros_unchanged  # (src, what they made) -> same again?
        self.key_bytes = key_bytes if key_bytes is not None else seal.user_key()[0]
        self.hits: dict[str, dict] = {}  # src -> entry, this build
        self.keys: dict[str, str] = {}  # src -> key, for pages rendered this build
        self.kept = 0

    def _path(self, src: str) -> Path:
        return self.folder / f"{hashlib.sha256(src.encode()).hexdigest()[:32]}.json"

    def look_up(self, page, markdown: str) -> bool:
        """On page_markdown, before the macros: whether the page's HTML is in the cache."""
        src = page.file.src_uri
        stored = self._read(src)
        page_key = self.inputs.page_key(src, page.url, markdown, page.meta)
        if stored:
            entry = stored["entry"]
            key = self.inputs.key(page_key, map(tuple, entry["reads"]))
            same = stored["key"] == key or (
                stored.get("pagina") == page_key and self.macros_unchanged(
                    src, {text: (tuple(where), out)
                          for text, (where, out) in entry["outputs"].items()}))
            if same:
                if stored["key"] != key:
                    self._write(src, page_key, key, entry)
                self.hits[src] = entry
                self.kept += 1
                return True
        self.keys[src] = (markdown, page_key)  # the key needs the reads: made when stored
        return False

    def _read(self, src: str) -> dict | None:
        try:
            stored = json.loads(self._path(src).read_text(encoding="utf-8"))
            entry, key = stored["entry"], stored["key"]
            text = json.dumps(entry, sort_keys=True, ensure_ascii=False)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        page_key = stored.get("pagina")
        if not (isinstance(key, str) and isinstance(page_key, str) and isinstance(entry, dict)
                and seal.verifies(self.key_bytes, stored.get("zegel"), KIND, src, key,
                                  page_key, text)):
            return None
        return stored

    def restore(self, page, files) -> dict:
        """On page_content of a kept page: put back what rendering leaves on the page."""
        entry = self.hits[page.file.src_uri]
        page.toc = get_toc(entry["toc"])
        page._title_from_render = entry["title"]
        page.present_anchor_ids = set(entry["anchors"])
        links = {}
        for src, anchors in entry["links"].items():
            target = files.get_file_from_path(src)
            if target is not None:
                links[target] = dict(anchors)
        page.links_to_anchors = links
        return entry

    def store(self, page, html: str, reads, outputs: dict, notes: list[str]) -> None:
        """On page_content of a rendered page without problems."""
        src = page.file.src_uri
        if src not in self.keys:
            return
        markdown, page_key = self.keys.pop(src)
        if TAG_LISTING in markdown or any(TAG_LISTING in out for _, out in outputs.values()):
            return
        reads = sorted([list(r) for r in reads])
        entry = {"html": html, "toc": _tokens(page.toc or []),
                 "title": page._title_from_render, "anchors": sorted(page.present_anchor_ids or ()),
                 "links": {f.src_uri: anchors for f, anchors in
                           (page.links_to_anchors or {}).items()},
                 "reads": reads, "outputs": {text: [list(where), out]
                                             for text, (where, out) in outputs.items()},
                 "notes": notes}
        self._write(src, page_key, self.inputs.key(page_key, map(tuple, reads)), entry)

    def _write(self, src: str, page_key: str, key: str, entry: dict) -> None:
        text = json.dumps(entry, sort_keys=True, ensure_ascii=False)
        record = {"key": key, "pagina": page_key, "entry": entry,
                  "zegel": seal.seal(self.key_bytes, KIND, src, key, page_key, text)}
        path = self._path(src)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            temporary.replace(path)
        except OSError:  # a cache folder we cannot write: the page is rendered next time too
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)


def page_cache_for(build, files, config) -> PageCache:
    """The page cache of one build. Besides each page's own inputs, its HTML depends on the
    Markdown settings (names, not objects: an extension object prints its address) and on
    the site's files, which relative links are resolved against."""
    extensions = [e if isinstance(e, str) else type(e).__qualname__
                  for e in config.markdown_extensions]
    generator = json.dumps([extensions, config.mdx_configs, config.site_url,
                            config.use_directory_urls,
                            sorted((f.src_uri, f.dest_uri) for f in files)],
                           sort_keys=True, ensure_ascii=False, default=str)
    settings = build.settings
    return PageCache(settings.cache_dir / "paginas" / settings.edition_dir.name,
                     PageInputs(build.catalogue, settings, generator),
                     macros_unchanged=build.macros_unchanged)
