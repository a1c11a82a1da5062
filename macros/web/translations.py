"""The client-facing texts of one worksheet in Dutch and the languages shown beside it.

The field partials call `t(dutch, *path)` for every text a client reads; the path is where a
translation keeps that text (model/translation.py). On the web every language is in the page,
`hidden`, each element with its own `lang` and `dir`; the worksheet script (language.js) shows
the chosen one. Without the script, or without translations, the page is plain Dutch. For
paper a renderer passes the one language to print and `shown=True`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from ..model import models
from ..model.catalogue import Catalogue
from ..model.labels import LABELS
from ..model.translation import EASY_READ, LANGUAGE_TAGS, translated_texts
from ..model.translation_load import current_translation
from .safe_text import markdown_html


@dataclass(frozen=True)
class ShownLanguage:
    code: str                 # the folder: en, ar, makkelijk
    tag: str                  # the lang attribute: en, ar, nl
    direction: str            # ltr or rtl
    name: str                 # in the language itself
    reviewed: bool            # the worksheet's translation and _taal.yml both say ja
    texts: dict = field(default_factory=dict)

    @property
    def easy(self) -> bool:
        return self.code == EASY_READ


def shown_languages(cat: Catalogue, ws: models.Worksheet) -> list[ShownLanguage]:
    """The languages with a current translation of this worksheet, in the picker's order."""
    out = []
    for code, language in cat.languages.items():
        tr = current_translation(cat, code, ws)
        if tr is None:
            continue
        out.append(ShownLanguage(code, LANGUAGE_TAGS[code], language.direction, language.name,
                                 tr.reviewed == "ja" and language.reviewed == "ja",
                                 translated_texts(language, tr, ws)))
    return out


@dataclass(frozen=True)
class Line:
    """One language's text for markup that cannot hold a nested element per language (an SVG
    <text>): `attrs` for its element, `own_line` when it goes under the Dutch (a second
    language) rather than in its place (easy Dutch)."""
    attrs: Markup
    text: str
    own_line: bool
    direction: str = "ltr"


class PageTexts:
    """`t(...)` in the templates: Dutch, plus each language that has the text."""

    def __init__(self, languages: list[ShownLanguage] = (), web: bool = True,
                 shown: bool = False):
        self.languages = list(languages)
        self.web = web
        self.shown = shown  # print: the translation is visible, not chosen by a script

    def _attrs(self, lang: ShownLanguage) -> Markup:
        hidden = "" if self.shown else " hidden"
        # Not in the search index: the site searches in Dutch, and six languages of every
        # worksheet would triple its size (Material's search skips data-search-exclude).
        unsearched = " data-search-exclude" if self.web else ""
        return Markup(f' data-kw-tr="{lang.code}" lang="{lang.tag}" dir="{lang.direction}"'
                      f'{hidden}{unsearched}')

    def _render(self, dutch: str, path: tuple, render, tag: str) -> Markup:
        found = [(lang, lang.texts[path]) for lang in self.languages if path in lang.texts]
        if not found:
            return render(dutch)
        easy = any(lang.easy for lang, _ in found)
        out = [Markup(f'<{tag} class="kw-nl"{" data-kw-easy" if easy else ""}>')
               + render(dutch) + Markup(f"</{tag}>")]
        for lang, text in found:
            out.append(Markup(f'<{tag} class="kw-tr"{self._attrs(lang)}>') + render(text)
                       + Markup(f"</{tag}>"))
        return Markup("").join(out)

    def __call__(self, dutch: str, *path) -> Markup:
        """A plain text (label, option, help, …): escaped, as every YAML text."""
        return self._render(dutch, path, escape, "span")

    def markdown(self, dutch: str, *path) -> Markup:
        """The text of an uitleg: Markdown without raw HTML, in block elements."""
        return self._render(dutch, path, markdown_html, "div")

    def fixed(self, key: str, dutch: str) -> Markup:
        """One of the texts of `_taal.yml` (teksten:), e.g. 'naam'."""
        return self(dutch, "teksten", key)

    def lines(self, dutch: str, *path) -> list[Line]:
        """The Dutch and each language that has this text, one Line each (the drawing of a
        netwerkkaart). On paper easy Dutch leaves the standard Dutch out: the drawing is not
        styled by print.css, so it cannot hide it."""
        found = [(lang, lang.texts[path]) for lang in self.languages if path in lang.texts]
        easy = any(lang.easy for lang, _ in found)
        out = []
        if self.web or not easy:
            out.append(Line(Markup(' class="kw-nl" data-kw-easy' if easy else ""), dutch, False))
        # SVG has no hidden attribute (the HTML checker refuses it): display="none"
        hidden = "" if self.shown else ' display="none"'
        for lang, text in found:
            # lang only, not dir: an SVG text's anchor follows its direction, and the bidi
            # algorithm already orders the letters of a right-to-left word.
            out.append(Line(Markup(f' data-kw-tr="{lang.code}" lang="{lang.tag}"{hidden}'),
                            text, not lang.easy, lang.direction))
        return out

    def date_hint(self) -> Markup:
        """On bilingual paper, the hint in a date's writing space (dag / maand / jaar) as text
        of its own in both languages, each with its lang; print.css draws the Dutch one alone
        for Dutch sheets, bilingual.css hides that. Not on the web: there a date is a picker."""
        if self.web or not self.languages:
            return Markup("")
        return (Markup('<span class="kw-date-hint">')
                + self.fixed("datum_hint", LABELS.print["date_hint"]) + Markup("</span>"))

    def data(self, name: str, *path) -> Markup:
        """Attributes data-<name>-<code>="…" for a text that lives in an attribute (the column
        name a narrow screen shows above a cell, a placeholder); the script copies the chosen
        one in place."""
        return Markup("").join(
            Markup(f' data-{name}-{lang.code}="') + escape(lang.texts[path]) + Markup('"')
            for lang in self.languages if path in lang.texts)

    def example(self, path: tuple) -> Markup:
        """The translated example of a text field (its placeholder), shown under the field: a
        placeholder has no lang of its own. Easy Dutch replaces the placeholder instead."""
        return Markup("").join(
            Markup(f'<span class="kw-tr kw-example"{self._attrs(lang)}>')
            + escape(lang.texts[path]) + Markup("</span>")
            for lang in self.languages if path in lang.texts and not lang.easy)

    def speak(self, *ids: str) -> Markup:
        """A read-aloud button for the elements with these ids (speech.js). Only on the web,
        hidden until the script runs: without it the button could do nothing."""
        if not self.web:
            return Markup("")
        ui = LABELS.worksheet_ui
        return (Markup('<button type="button" class="kw-speak" data-kw-speak="')
                + escape(" ".join(i for i in ids if i)) + Markup('" hidden>')
                + self.fixed("voorlezen", ui["read_aloud"]) + Markup("</button>"))


def page_texts(cat: Catalogue, ws: models.Worksheet) -> PageTexts:
    return PageTexts(shown_languages(cat, ws))


# The fixed texts the scripts write themselves (speech.js): Dutch, then per language.
SCRIPT_TEXTS = {"voorlezen": "read_aloud", "stop_voorlezen": "stop_reading",
                "geen_stem": "no_voice"}


def script_texts(texts: PageTexts) -> dict:
    """{"nl": {...}, code: {"lang", "dir", key: text}} for the language bar's data attribute."""
    ui = LABELS.worksheet_ui
    out = {"nl": {"lang": "nl", "dir": "ltr",
                  **{k: ui[name] for k, name in SCRIPT_TEXTS.items()}}}
    for lang in texts.languages:
        out[lang.code] = {"lang": lang.tag, "dir": lang.direction,
                          **{k: lang.texts[("teksten", k)] for k in SCRIPT_TEXTS}}
    return out
