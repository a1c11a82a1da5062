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
# Attributes whose value a browser follows or loads, SVG animation values included.
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "data",
                  "background", "values", "to", "from", "by", "srcset", "ping", "cite",
                  "longdesc", "lowsrc", "dynsrc", "manifest", "archive", "codebase", "usemap")
# The lookahead on their first letters only skips places where none can start: the same
# matches, in half the time (a third of the checks of a build's pages, December 2026).
_URL_ATTR = re.compile(r"\b(?=[" + "".join(sorted({a[0] for a in URL_ATTRIBUTES})) + r"])("
                       + "|".join(URL_ATTRIBUTES) + r")\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)",
                       re.I)
# A destination may hold balanced parentheses, as in CommonMark: `(javascript:alert(1))`.
DESTINATION = r"<[^>]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*"
MD_LINK = re.compile(rf"\]\(\s*({DESTINATION})")
MD_REFERENCE = re.compile(r"(?m)^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)")
# Elements that run or embed code, or change where the page's links go: not in a page.
_ELEMENT = re.compile(r"<\s*(script|iframe|object|embed|base|meta|frame|frameset)\b", re.I)
_ATTACHMENT = re.compile(r"<[a-zA-Z][^>]*\brel\s*=\s*[\"']?[^\"'>]*\battachment", re.I)
# Every match holds the word: a page without it (nearly all) skips the slow search above.
_ATTACHMENT_WORD = re.compile("attachment", re.I)


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
    return problems + markup_problems(file, text)


def markup_problems(file: str, text: str, line_of=None) -> list[Problem]:
    """Script links, inline handlers and embedding elements anywhere in a text: a page's
    source, or the HTML Markdown made of it (site/plugin.py), which also catches what
    attribute lists (`{onclick=…}`) or Markdown inside HTML build. The whole text is searched
    at once, so a tag split over several lines is one tag, as in a browser. line_of maps an
    offset to the line reported; by default the line in `text` itself."""
    line_of = line_of or (lambda offset, found: text.count("\n", 0, offset) + 1)
    problems = []

    def report(match: re.Match, found: str, message: str) -> None:
        problems.append(Problem(file, line_of(match.start(), found), "", message))
    for m in _HANDLER.finditer(text):
        report(m, m.group(1), f"HTML met '{m.group(1)}=': scripts in een pagina zijn niet "
               "toegestaan; haal het attribuut weg")
    for m in _ELEMENT.finditer(text):
        report(m, m.group(0), f"HTML-element <{m.group(1).lower()}> is niet toegestaan in een "
               "pagina (scripts en ingesloten pagina's); gebruik een macro of een link")
    for m in _ATTACHMENT.finditer(text) if _ATTACHMENT_WORD.search(text) else ():
        report(m, "attachment", "rel=\"attachment\" zou een bestand in de PDF insluiten; dat is "
               "niet toegestaan, link er gewoon naar")
    links = [(m, m.group(2).strip("\"'")) for m in _URL_ATTR.finditer(text)]
    links += [(m, m.group(1).strip("<>")) for m in MD_LINK.finditer(text)]
    links += [(m, m.group(1).strip("<>")) for m in MD_REFERENCE.finditer(text)]
    for m, url in links:
        if not safe_url(url):
            report(m, url, f"link '{url[:60]}' is niet toegestaan; gebruik http(s)://, mailto:, "
                   "tel: of een pad binnen de site")
    return sorted(problems, key=lambda p: p.line)


def rendered_problems(file: str, html: str, source: str) -> list[Problem]:
    """The same rules on a page's HTML after Markdown (and the macros) made it: a backstop
    for what no source line shows. Each problem names the first source line holding what was
    found, or line 1."""
    lines = source.casefold().splitlines()

    def line_of(_offset: int, found: str) -> int:
        needle = found.casefold()[:40]
        return next((n for n, line in enumerate(lines, start=1) if needle in line), 1)
    return [Problem(p.file, p.line, "na Markdown", p.message)
            for p in markup_problems(file, html, line_of)]
