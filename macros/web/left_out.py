"""Links to what an edition leaves out (issue #23, model/selection.py): a shared page that
names a left-out worksheet keeps the words, without a link that would go nowhere; the build
reports each place (plugin: on_post_build)."""
from __future__ import annotations

import posixpath
import re
import sys

from ..model.catalogue import Catalogue
from ..model.routes import page_of
from .safe_text import plain

# [text](target "title"): an inline Markdown link, not an image
_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\(\s*([^)\s]+)(?:\s+\"[^\"]*\")?\s*\)")


def left_out_pages(cat: Catalogue) -> dict[str, tuple[str, str]]:
    """page src -> (kind, id) for every left-out item that would have had a page."""
    return {page_of(kind, ident): (kind, ident)
            for kind, items in cat.left_out.items() for ident in items}


def macro_text(cat: Catalogue, kind: str, ident: str, inline: bool) -> str:
    """What a macro naming a left-out item shows: its title in a sentence, nothing as a block."""
    return str(plain(cat.left_out[kind][ident].title)) if inline else ""


def unlink(markdown: str, page: str, pages: dict[str, tuple[str, str]]
           ) -> tuple[str, list[tuple[int, str]]]:
    """The page's Markdown with links to left-out pages turned into their text, and (line,
    target) for each."""
    if not pages:
        return markdown, []
    found: list[tuple[int, str]] = []

    def replace(m: re.Match) -> str:
        target = m.group(2).split("#")[0]
        if not target.endswith(".md") or "://" in target:
            return m.group(0)
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
        if resolved not in pages:
            return m.group(0)
        found.append((markdown.count("\n", 0, m.start()) + 1, resolved))
        return m.group(1)

    return _LINK.sub(replace, markdown), found


def calling_line(template) -> int:
    """The page line of the macro call now running: the innermost frame of the page's
    compiled template, its Python line mapped back to the page by Jinja."""
    if template is None:
        return 1
    frame = sys._getframe(1)
    while frame is not None and frame.f_globals.get("__jinja_template__") is not template:
        frame = frame.f_back
    return template.get_corresponding_lineno(frame.f_lineno) if frame is not None else 1
