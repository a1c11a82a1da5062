"""The checks a content page's source gets before MkDocs reads it (issue #17): front matter
that parses, and in our own raw HTML and Markdown no script links, no inline event handlers,
no script/iframe/object/embed/base/meta elements and no PDF attachments. Raw HTML itself stays allowed in content/ pages.

safe_url() is the one rule for link addresses, also used by the views (web/safe_text.py)."""
from __future__ import annotations

import html
import re

from .problems import Problem
from .yaml_lines import parse_yaml

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
# MkDocs' own front-matter pattern (mkdocs/utils/meta.py): what it does not match is no
# front matter to MkDocs.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)

_HANDLER = re.compile(r"<[a-zA-Z][^>]*?[\s\"'/](on[a-zA-Z]+)\s*=", re.I)
_URL_ATTR = re.compile(r"\b(href|src|action|formaction|xlink:href|poster|data|background)"
                       r"\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.I)
# A destination may hold balanced parentheses, as in CommonMark: `(javascript:alert(1))`.
DESTINATION = r"<[^>]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*"
_MD_LINK = re.compile(rf"\]\(\s*({DESTINATION})")
_MD_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)")
# Elements that run or embed code, or change where the page's links go: not in a page.
_ELEMENT = re.compile(r"<\s*(script|iframe|object|embed|base|meta|frame|frameset)\b", re.I)
_ATTACHMENT = re.compile(r"<[a-zA-Z][^>]*\brel\s*=\s*[\"']?[^\"'>]*\battachment", re.I)


def safe_url(url: str) -> bool:
    """True for http(s), mailto, tel and addresses within the site. Browsers ignore control
    characters and spaces in a scheme (`java\\tscript:`) and decode entities: so do we; a
    Markdown backslash escape counts as the character. `//host` is another site."""
    bare = _INVISIBLE.sub("", html.unescape(re.sub(r"\\(.)", r"\1", url)))
    if bare.startswith(("//", "\\\\", "/\\", "\\/")):
        return False
    scheme = _SCHEME.match(bare)
    return scheme is None or scheme.group(1).lower() in SAFE_SCHEMES


def page_problems(file: str, text: str) -> list[Problem]:
    problems = []
    if text.startswith("---"):
        match = FRONT_MATTER.match(text)
        if match is None:
            problems.append(Problem(file, 1, "", "de front matter (tussen twee regels ---) "
                                    "sluit niet af; zet een regel --- onder de instellingen"))
        elif match.group(1).strip():
            _, found = parse_yaml(match.group(1), file, first_line=2)
            problems += [Problem(p.file, p.line, "front matter", p.message) for p in found]
    for n, line in enumerate(text.splitlines(), start=1):
        if m := _HANDLER.search(line):
            problems.append(Problem(file, n, "", f"HTML met '{m.group(1)}=': scripts in een "
                                    "pagina zijn niet toegestaan; haal het attribuut weg"))
        if m := _ELEMENT.search(line):
            problems.append(Problem(file, n, "", f"HTML-element <{m.group(1).lower()}> is niet "
                                    "toegestaan in een pagina (scripts en ingesloten pagina's); "
                                    "gebruik een macro of een link"))
        if _ATTACHMENT.search(line):
            problems.append(Problem(file, n, "", "rel=\"attachment\" zou een bestand in de PDF "
                                    "insluiten; dat is niet toegestaan, link er gewoon naar"))
        urls = [v.strip("\"'") for _, v in _URL_ATTR.findall(line)]
        urls += [v.strip("<>") for v in _MD_LINK.findall(line) + _MD_REFERENCE.findall(line)]
        for url in urls:
            if not safe_url(url):
                problems.append(Problem(file, n, "", f"link '{url[:60]}' is niet toegestaan; "
                                        "gebruik http(s)://, mailto:, tel: of een pad binnen "
                                        "de site"))
    return problems
