"""The handbook rendered by parts: an edit re-renders the chapters it touches, not the book.

The book's print HTML (render.py book_document, the one a one-go render uses) is cut into
parts where the template starts a new page anyway: the cover, the contents, each chapter, the
appendix's introduction and each phase of worksheets. Every part is a PdfJob of its own, so
parts are cached by their HTML like any PDF and render on both cores.

What a part cannot know alone are page numbers: where it starts (its running page numbers)
and the pages of anchors in other parts (the contents' numbers, "(blz. 12)" after a link to
another chapter). Those are written into the part's HTML: `@page :first { counter-reset }`
and a data-kw-page attribute that book.css shows where target-counter() would. The numbers
come from the parts' layout facts (pages, anchor pages: pdf.render_with_facts), first as
remembered from the last build, then as rendered; a part whose numbers turned out different
is rendered again (round 2), which happens only when an edit changes a part's page count or
moves an anchor. join.py makes one PDF of the parts.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .cache import Cache, well_formed_facts, write_atomically
from .pdf import PdfJob

PART_START = re.compile(r'^(?=<section class="kw-cover">|<nav class="kw-toc"|'
                        r'<article class="kw-chapter |<section class="kw-appendix"|'
                        r'<div class="kw-group" )', re.M)
GROUPS_OPEN = '<div class="kw-appendix-groups">\n'
ID = re.compile(r'\bid="([^"]+)"')
ID_ATTRIBUTE = re.compile(r'\sid="[^"]*"')
DIV_TAG = re.compile(r"<div\b|</div>")
GROUP_OPEN = re.compile(r'<div class="kw-group" [^>]*>')
SHEET_START = re.compile(r'^(?=<section class="kw-sheet" )', re.M)
LOCAL_LINK = re.compile(r'(<a\b[^>]*?)\shref="#([^"]*)"')
BODY = re.compile(r"^<body\b[^>]*>\n?", re.M)  # the tag, not the word in a CSS comment
MAX_ROUNDS = 4  # page numbers settle in the second round; more means they keep moving
ONE_GO = "#in-een-keer"  # the output of a book's one-go render, cut into its parts after


@dataclass(frozen=True)
class Part:
    html: str
    ids: frozenset[str]
    name: str  # its first id (the cover has none: its place)

    @property
    def content_key(self) -> str:
        """The part apart from its page numbers: what its remembered facts belong to."""
        return hashlib.sha256(self.html.encode()).hexdigest()[:32]


def split(html: str) -> tuple[str, list[Part]]:
    """The document's head (up to and with <body>) and its parts."""
    body_start = BODY.search(html)
    head, body = html[:body_start.end()], html[body_start.end():]
    body = body[:body.rindex("</body>")]
    grouped = GROUPS_OPEN in body
    if grouped:
        body = body.replace(GROUPS_OPEN, "", 1)
        body = body[:body.rstrip().rindex("</div>")]  # the appendix-groups wrapper's end
    parts = []
    for piece in filter(str.strip, PART_START.split(body)):
        pieces = _sheets(piece) if piece.startswith('<div class="kw-group" ') else [piece]
        for piece in pieces:
            if grouped and piece.startswith('<div class="kw-group" '):
                piece = f"{GROUPS_OPEN}{piece.rstrip()}\n</div>\n"  # the CSS is scoped by it
            ids = ID.findall(piece)
            parts.append(Part(piece, frozenset(ids),
                              ids[0] if ids else f"deel-{len(parts) + 1}"))
    return head, parts


def _sheets(group: str) -> list[str]:
    """A phase of worksheets as one piece per worksheet, so that editing a worksheet re-renders
    its pages only. Each worksheet starts a page (print.css), the first one under the phase's
    title; the others are wrapped in a copy of the phase's element without its id, for the
    running head (string-set) and the CSS scoped by it."""
    depth, end = 0, None
    for tag in DIV_TAG.finditer(group):
        depth += -1 if tag[0] == "</div>" else 1
        if depth == 0:
            end = tag.end()
            break
    if end is None:
        return [group]
    inner, after = group[:end - len("</div>")], group[end:]
    chunks = SHEET_START.split(inner)
    if len(chunks) < 3:  # the phase's title and one worksheet: one piece already
        return [group]
    opening = ID_ATTRIBUTE.sub("", GROUP_OPEN.match(group)[0], 1)
    first = chunks[0] + chunks[1]
    return ([f"{first.rstrip()}\n</div>\n"]
            + [f"{opening}\n{chunk.rstrip()}\n</div>\n" for chunk in chunks[2:-1]]
            + [f"{opening}\n{chunks[-1].rstrip()}\n</div>\n{after}"])


class PartedBook:
    """One book as parts; jobs() gives each part's job with the page numbers known so far,
    learn() takes what the rendered parts say."""

    def __init__(self, job: PdfJob, remembered: dict[str, dict]):
        self.job = job
        self.head, self.parts = split(job.document.html)
        self.part_of = {name: i for i, part in enumerate(self.parts) for name in part.ids}
        # The last build's facts of each part: an edited part (its content key is new) is
        # expected to keep its page count and anchor pages, so the parts after it are not
        # rendered again unless it did change them.
        self.facts: list[dict | None] = [
            remembered.get(p.content_key) or remembered.get(f"naam:{p.name}")
            for p in self.parts]

    def output(self, index: int) -> str:
        return f"{self.job.output}#deel-{index + 1:03}"

    def _starts(self) -> list[int]:
        starts, page = [], 1
        for facts in self.facts:
            starts.append(page)
            page += facts["pages"] if facts else 1
        return starts

    def _page_of(self, anchor: str, starts: list[int]) -> int:
        index = self.part_of[anchor]
        facts = self.facts[index]
        return starts[index] + (facts["anchors"].get(anchor, 0) if facts else 0)

    def _html(self, index: int, starts: list[int]) -> str:
        from .join import PART_LINK  # pikepdf (0.15 s), imported only for a book made by parts

        part = self.parts[index]

        def link(m: re.Match) -> str:
            target = m[2]
            if target in part.ids or target not in self.part_of:
                return m[0]
            return (f'{m[1]} href="{PART_LINK}{target}" '
                    f'data-kw-page="{self._page_of(target, starts)}"')

        body = LOCAL_LINK.sub(link, part.html)
        start = f"<style>@page :first {{ counter-reset: page {starts[index]}; }}</style>\n"
        head = self.head.replace("</head>", start + "</head>", 1)
        return f"{head}{body}</body>\n</html>\n"

    def jobs(self) -> list[PdfJob]:
        starts = self._starts()
        document = self.job.document
        return [PdfJob(self.output(i), type(document)(
                    title=document.title, html=self._html(i, starts), base_url=document.base_url,
                    inputs=document.inputs), self.job.group, self.job.title, self.job.variant,
                    publish=False)
                for i in range(len(self.parts))]

    def needs_one_go(self, cache: Cache, jobs: list[PdfJob]) -> bool:
        """True when most parts are not in the cache with the page numbers known now (a cold
        build, or an edit that moved most of them): one render of the whole book is then
        cheaper than the parts' rounds, and split.py cuts it into the parts."""
        missing = sum(not (cache.valid(key) and cache.facts(key) is not None)
                      for key in map(cache.key, (job.document for job in jobs)))
        return missing * 2 > len(self.parts)

    def one_go_job(self) -> PdfJob:
        return PdfJob(self.job.output + ONE_GO, self.job.document, self.job.group,
                      self.job.title, self.job.variant, publish=False)

    def adopt(self, data: bytes, facts: dict) -> list[tuple[PdfJob, bytes, dict]] | None:
        """The parts cut from the book rendered in one go (its PDF and layout facts): each
        part's job, with the page numbers the one-go render found, its PDF and facts. None when
        the parts cannot be found in the render's pages (the parts are then rendered)."""
        anchors = facts.get("anchors", {})
        starts = [0] + [min((anchors[name] for name in part.ids if name in anchors),
                            default=-1) for part in self.parts[1:]]
        ends = starts[1:] + [facts.get("pages", 0)]
        if any(end <= start for start, end in zip(starts, ends)) or starts[1:2] == [0]:
            return None
        marks = facts.get("bookmarks", [])
        for i, (part, start, end) in enumerate(zip(self.parts, starts, ends)):
            self.facts[i] = {
                "pages": end - start,
                "anchors": {name: anchors[name] - start for name in part.ids if name in anchors},
                "bookmarks": [[page - start, level, label] for page, level, label in marks
                              if start <= page < end]}
        from .split import split as split_pages

        pieces = split_pages(data, [end - start for start, end in zip(starts, ends)])
        return list(zip(self.jobs(), pieces, self.facts))

    def learn(self, facts_of: dict[str, dict]) -> None:
        """facts_of: part output -> the facts of the PDF rendered (or cached) for it."""
        for i in range(len(self.parts)):
            if self.output(i) in facts_of:
                self.facts[i] = facts_of[self.output(i)]

    def remembered(self) -> dict[str, dict]:
        known = [(p, f) for p, f in zip(self.parts, self.facts) if f]
        return {**{p.content_key: f for p, f in known},
                **{f"naam:{p.name}": f for p, f in known}}


def memory_path(cache: Cache) -> Path:
    return cache.folder / cache.index.replace("index", "boekdelen", 1)


def read_memory(cache: Cache) -> dict[str, dict]:
    try:
        data = json.loads(memory_path(cache).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    # only a guess (a wrong page number is rendered again), but it must not stop the build
    return {k: v for k, v in data.items() if isinstance(v, dict) and well_formed_facts(v)}


def write_memory(cache: Cache, books: list[PartedBook], keep_old: bool = False) -> None:
    """keep_old: another book was published from the memo (memo.py) without its parts being
    looked at; what the memory knew of them stays."""
    data = {**(read_memory(cache) if keep_old else {}),
            **{k: v for book in books for k, v in book.remembered().items()}}
    try:
        write_atomically(memory_path(cache), json.dumps(data).encode("utf-8"))
    except OSError as e:
        cache.unwritable(e)
