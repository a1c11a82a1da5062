"""Readability: Flesch-Douma (textstat, Dutch) and sentence lengths, for pages and worksheets.

Text is cut into blocks (a paragraph, list item, table cell, heading, label); a block without
end punctuation gets a full stop, so headings and labels count as sentences of their own
instead of running into the next block. Sentences end at . ! ? or …; words are runs of letters
or digits containing a letter. Flesch-Douma is textstat's flesch_reading_ease with language 'nl'
(206.835 − 0.93 × words per sentence − 77 × syllables per word).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import textstat

textstat.set_lang("nl")

END = re.compile(r"[.!?…][’'”\")]*$")
SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[’'”\")]*\s+")
TOKEN = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")

BLOCKS = {"p", "li", "dt", "dd", "td", "th", "caption", "h1", "h2", "h3", "h4", "h5", "h6",
          "label", "legend", "summary", "blockquote", "figcaption", "div", "section", "ul",
          "ol", "table", "tr", "details", "fieldset", "form", "br"}
SKIP_TAGS = {"script", "style", "template", "svg", "code", "pre", "button", "select",
             "textarea", "noscript"}
SKIP_CLASSES = {"headerlink", "md-tags", "md-source-file", "md-content__button"}


def as_sentence(text: str) -> str:
    """A block of text as a sentence: trailing ':' or ';' becomes '.', else add one if needed."""
    text = " ".join(text.split())
    if not text:
        return ""
    if text[-1] in ":;,":
        return text[:-1] + "."
    return text if END.search(text) else text + "."


def words(text: str) -> list[str]:
    """Words: runs of letters and digits with at least one letter (so '10' or '1.' is none)."""
    return [t for t in TOKEN.findall(text) if any(c.isalpha() for c in t)]


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_BREAK.split(" ".join(text.split())) if words(s)]


@dataclass(frozen=True)
class Score:
    words: int
    sentences: int
    flesch_douma: float
    avg_sentence: float
    longest: str

    @property
    def longest_words(self) -> int:
        return len(words(self.longest))


def score(text: str) -> Score:
    found = sentences(text)
    n_words = len(words(text))
    longest = max(found, key=lambda s: len(words(s)), default="")
    return Score(words=n_words, sentences=len(found),
                 flesch_douma=round(textstat.flesch_reading_ease(text), 1) if found else 0.0,
                 avg_sentence=round(n_words / len(found), 1) if found else 0.0,
                 longest=longest)


def join_blocks(blocks: list[str]) -> str:
    return " ".join(s for s in map(as_sentence, blocks) if s)


class _ArticleText(HTMLParser):
    """Text blocks of the page's <article> (Material's content area), without the permalink
    symbols, tag lists, code and form controls."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._buffer: list[str] = []
        self._stack: list[tuple[str, bool, bool]] = []  # (tag, in article, skipped)

    def _flush(self):
        text = " ".join("".join(self._buffer).split())
        if text:
            self.blocks.append(text)
        self._buffer = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        in_article, skipped = self._stack[-1][1:] if self._stack else (False, False)
        classes = set((attrs.get("class") or "").split())
        in_article = in_article or tag == "article"
        skipped = skipped or tag in SKIP_TAGS or bool(classes & SKIP_CLASSES) \
            or "hidden" in attrs or attrs.get("aria-hidden") == "true"
        if tag in BLOCKS:
            self._flush()
        if tag not in ("br", "img", "input", "meta", "link", "hr", "wbr", "source"):
            self._stack.append((tag, in_article, skipped))

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self._flush()
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                break

    def handle_data(self, data):
        if self._stack and self._stack[-1][1] and not self._stack[-1][2]:
            self._buffer.append(data)


def article_text(html: str) -> str:
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    parser._flush()
    return join_blocks(parser.blocks)


def worksheet_blocks(sheet) -> dict[str, str]:
    """The client-facing text of a worksheet model: the instruction alone, and the labels,
    help texts and explanations (uitleg) together, each as its own sentence."""
    parts: list[str] = []
    for field in sheet.fields:
        for attr in ("label", "help", "text"):
            value = getattr(field, attr, None)
            if value:
                parts.append(value)
        for attr in ("columns", "rows"):
            parts += [item.label for item in (getattr(field, attr, None) or [])]
    return {"instructie": join_blocks([sheet.instruction]), "velden": join_blocks(parts)}
