"""How a text from the YAML becomes safe output: the one rule behind the `yaml_text` and
`markdown` filters (templates.py), the edition's words and the site-wide link check.

    plain text      every field, unless the model marks it Markdown: HTML-escaped, and the
                    characters Markdown reads as syntax written as entities, so a field can
                    make neither a tag nor a link, neither in a view nor in a PDF
    Markdown        fields typed MarkdownText (model/base.py): Markdown without raw HTML
                    (`<` and `&` are text), without attribute lists, with links only to
                    http, https, mailto, tel or a relative address
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown as md
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup, escape

from ..model.base import MarkdownText
from ..model.page_source import DESTINATION, safe_url

# Characters that start Markdown syntax anywhere in a line, and at the start of a line.
_INLINE = {c: f"&#{ord(c)};" for c in "\\`*_[]{}!|~$"}
_LINE_START = re.compile(r"(?m)^([ \t]*)([#>+=\-]|\d+[.)])")


def plain(text: str) -> Markup:
    """Plain text for a Markdown view or an HTML template: shows exactly what was typed."""
    out = str(escape(text))
    out = "".join(_INLINE.get(c, c) for c in out)
    return Markup(_LINE_START.sub(lambda m: m.group(1) + "".join(
        f"&#{ord(c)};" for c in m.group(2)), out))


_INLINE_LINK = re.compile(rf"(\]\(\s*)({DESTINATION})")
_REFERENCE = re.compile(r"(?m)^([ ]{0,3}\[[^\]\n]+\]:[ \t]*)(\S+)")


def markdown_source(text: str) -> Markup:
    """A Markdown field, made safe as Markdown (for the views, which MkDocs renders)."""
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace("{", "&#123;") \
              .replace("}", "&#125;")

    def link(m: re.Match) -> str:
        dest = m.group(2).strip("<>")
        return m.group(1) + (m.group(2) if safe_url(dest) else "#")
    out = _INLINE_LINK.sub(link, out)
    out = _REFERENCE.sub(link, out)
    return Markup(out)


class SafeLinks(Treeprocessor):
    """Drops every href/src whose scheme is not safe: the last line of defence, for the pages
    too (MkDocs runs it on every page; the build also reports such links, see model/check)."""

    def run(self, root: etree.Element) -> None:
        processors = self.md.treeprocessors
        unescape = processors["unescape"].unescape if "unescape" in processors else str
        for element in root.iter():
            for name in ("href", "src"):
                value = element.get(name)
                if value is not None and not safe_url(unescape(value)):
                    del element.attrib[name]


class SafeLinksExtension(Extension):
    def extendMarkdown(self, md_: md.Markdown) -> None:
        md_.treeprocessors.register(SafeLinks(md_), "krachtwerk_safe_links", 8)


def makeExtension(**kwargs) -> SafeLinksExtension:  # Python-Markdown's name for the entry point
    return SafeLinksExtension(**kwargs)


def markdown_html(text: str) -> Markup:
    """A Markdown field as HTML (for print and the form's explanation fields)."""
    return Markup(md.markdown(str(markdown_source(text)),
                              extensions=["sane_lists", SafeLinksExtension()],
                              output_format="html"))


def yaml_text(value) -> Markup:
    """The `yaml_text` filter: a field as its model types it."""
    if isinstance(value, MarkdownText):
        return markdown_source(value)
    return plain(str(value))
