"""Links in the data's Markdown fields (model/base.py MarkdownText): an unsafe one stops the
build with its file:line. The renderer (web/safe_text.py) would drop it silently anyway; the
author should know that a link of theirs goes nowhere."""
from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from .base import MarkdownText, dutch
from .catalogue import Catalogue
from .page_source import MD_LINK, MD_REFERENCE, safe_url
from .problems import Problem

Path_ = tuple


def markdown_values(value, path: Path_ = ()) -> Iterator[tuple[Path_, MarkdownText]]:
    """Every Markdown text in a model, with its path in Dutch keys as in the YAML file."""
    if isinstance(value, MarkdownText):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from markdown_values(getattr(value, name), path + (dutch(name),))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from markdown_values(item, path + (i,))


def _content(cat: Catalogue) -> Iterator[tuple[str, str, BaseModel]]:
    for kind, items in (("werkblad", cat.worksheets), ("principe", cat.principles),
                        ("oefening", cat.exercises), ("cursus", cat.courses)):
        for ident, item in items.items():
            yield kind, ident, item
    for kind, item in (("methode", cat.method), ("begrippen", cat.glossary),
                       ("editie", cat.edition)):
        if item is not None and (kind, kind) in cat.sources:
            yield kind, kind, item


def unsafe_link_problems(cat: Catalogue) -> list[Problem]:
    problems = []
    for kind, ident, item in _content(cat):
        source = cat.source(kind, ident)
        for path, text in markdown_values(item):
            for match in [*MD_LINK.finditer(text), *MD_REFERENCE.finditer(text)]:
                url = match.group(1).strip("<>")
                if not safe_url(url):
                    where = ".".join(str(step) for step in path)
                    problems.append(Problem(
                        source.file, source.line_of(path), where,
                        f"link '{url[:60]}' is niet toegestaan; gebruik http(s)://, mailto:, "
                        "tel: of een pad binnen de site"))
    return problems
