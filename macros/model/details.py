"""Local details of an edition (issue #23): named values such as `crisislijn` that worksheets
and pages use through one explicit placeholder, `[[crisislijn]]`, or `[[crisislijn|tekst]]`
with the text to show when the edition has no value; `\\[[naam]]` shows the brackets as they
are (for a page that explains the placeholder). No templating: the placeholder is found
by one pattern and replaced by plain text, so the trust rules of issue #17 hold.

The edition's values are plain text without markup characters (model/edition.py), so the
same value is safe in a text field, a Markdown field, a page and a PDF."""
from __future__ import annotations

import html
import re
from typing import Mapping

from .problems import ContentError, Problem
from .yaml_lines import LocatedData, where

PLACEHOLDER = re.compile(r"(?<!\\)\[\[\s*([a-z][a-z0-9_]*)\s*(?:\|([^\[\]]*))?\]\]")
ESCAPED = "\\[["


def _missing(name: str, details: Mapping[str, str]) -> str:
    known = ", ".join(sorted(details)) or "(nog geen)"
    return (f"lokaal gegeven '{name}' heeft in deze editie geen waarde; zet het onder "
            f"'gegevens:' in editie.yml, of geef een terugvaltekst: [[{name}|tekst]]; "
            f"bekend: {known}")


def fill(text: str, details: Mapping[str, str], escape: bool = False) -> str | None:
    """text with every placeholder replaced; None when one has neither value nor fallback.
    escape: for Markdown pages, whose raw HTML passes through."""
    missing = False

    def value(m: re.Match) -> str:
        nonlocal missing
        name, fallback = m.group(1), m.group(2)
        found = details.get(name, fallback.strip() if fallback is not None else None)
        if found is None:
            missing = True
            return m.group(0)
        return html.escape(found, quote=False) if escape else found

    filled = PLACEHOLDER.sub(value, text).replace(ESCAPED, "[[")
    return None if missing else filled


def missing_in(text: str, details: Mapping[str, str]) -> list[str]:
    return [m.group(1) for m in PLACEHOLDER.finditer(text)
            if m.group(1) not in details and m.group(2) is None]


def fill_data(located: LocatedData, details: Mapping[str, str]) -> list[Problem]:
    """Replace the placeholders in every text of one YAML file's data, in place; a problem at
    the line of each one that has no value."""
    problems: list[Problem] = []

    def walk(node, path: tuple):
        if isinstance(node, dict):
            for key, value in node.items():
                node[key] = walk(value, path + (key,))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                node[i] = walk(value, path + (i,))
        elif isinstance(node, str) and "[[" in node:
            for name in missing_in(node, details):
                problems.append(Problem(located.file, located.line_of(path), where(path),
                                        _missing(name, details)))
            return fill(node, details) or node
        return node

    walk(located.data, ())
    return problems


def page_problems(file: str, text: str, details: Mapping[str, str]) -> list[Problem]:
    """A page's placeholders without a value, each at its line."""
    return [Problem(file, n, "", _missing(name, details))
            for n, line in enumerate(text.splitlines(), start=1) if "[[" in line
            for name in missing_in(line, details)]


def fill_page(text: str, page: str, first_line: int, details: Mapping[str, str]) -> str:
    """A page's Markdown with its details filled in (HTML-escaped: a page's raw HTML passes
    through); raises ContentError at the line of each one without a value."""
    if "[[" not in text:
        return text
    filled = fill(text, details, escape=True)
    if filled is None:
        raise ContentError([Problem(p.file, first_line + p.line - 1, "", p.message)
                            for p in page_problems(page, text, details)])
    return filled
