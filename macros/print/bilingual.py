"""Bilingual paper: a worksheet in Dutch with a second language under each client-facing text
(easy-read: the easy text in place of the standard Dutch), built from the model like every
other print view.

The worksheet is not changed; a *view* of it is: a copy whose texts are Markup holding the
Dutch and, in a span with its own lang and dir, the translation (or the Dutch alone where a
text has no translation yet). The field partials render that view as they render Dutch, while
the control names, the PDF tooltips and the option values still come from the Dutch model
(model/controls.py), so a filled-in PDF has the same field names in every language.
"""
from __future__ import annotations

from markupsafe import Markup

from ..model import models
from ..model.catalogue import Catalogue
from ..model.translation import EASY_READ, LANGUAGE_TAGS, Language, translated_texts
from ..model.translation_load import current_translation
from ..web.safe_text import markdown_html

# Fields whose texts move to the view (the rest of a field stays as the model has it).
PLAIN = {"label": "label", "help": "hulp", "placeholder": "voorbeeld",
         "min_label": "links", "max_label": "rechts"}


class BilingualView:
    """The texts of one worksheet in one language, as Markup for the print templates."""

    def __init__(self, cat: Catalogue, ws: models.Worksheet, code: str):
        self.language: Language = cat.languages[code]
        self.code, self.ws = code, ws
        self.tag = LANGUAGE_TAGS[code]
        self.dir = self.language.direction
        self.easy = code == EASY_READ
        self.texts = translated_texts(self.language, current_translation(cat, code, ws), ws)

    def _span(self, text: str, block: bool = False) -> Markup:
        tag = "div" if block else "span"
        return Markup('<{0} class="kw-tr" lang="{1}" dir="{2}">{3}</{0}>').format(
            Markup(tag), self.tag, self.dir, text)

    def pair(self, path: tuple, dutch: str) -> Markup:
        """Dutch, then the translation; easy-read replaces the Dutch. A missing translation
        leaves the Dutch alone (the build's translation report lists it)."""
        other = self.texts.get(path)
        if other is None or other == dutch:
            return Markup("{}").format(dutch)
        if self.easy:
            return self._span(other)
        return Markup('{}<span class="kw-tr-sep"> </span>{}').format(dutch, self._span(other))

    def fixed(self, key: str, dutch: str) -> Markup:
        return self.pair(("teksten", key), dutch)

    def markdown(self, path: tuple, dutch: str) -> Markup:
        other = self.texts.get(path)
        if other is None:
            return markdown_html(dutch)
        if self.easy:
            return self._span(markdown_html(other), block=True)
        return Markup("{}{}").format(markdown_html(dutch),
                                     self._span(markdown_html(other), block=True))

    # --- the view of a field ---------------------------------------------------------
    def field(self, field):
        if isinstance(field, models.NameDate) or field.id is None:
            return field
        base = ("velden", field.id)
        update = {}
        if isinstance(field, models.Explanation):
            update["text"] = self.markdown(base + ("tekst",), field.text)
        for attr, key in PLAIN.items():
            value = getattr(field, attr, None)
            if value:
                update[attr] = self.pair(base + (key,), value)
        if isinstance(field, (models.Choice, models.MultiChoice)):
            update["options"] = [self.pair(base + ("opties", o), o) for o in field.options]
        if isinstance(field, (models.Table, models.RowList)):
            update["columns"] = [c.model_copy(update={"label": self.pair(
                base + ("kolommen", c.id), c.label)}) for c in field.columns]
        if isinstance(field, models.Table) and field.rows is not None:
            update["rows"] = [r.model_copy(update={"label": self.pair(
                base + ("rijen", r.id), r.label)}) for r in field.rows]
        return field.model_copy(update=update)

    def rows(self, field, rows):
        """A table's rows (the edition's leefgebieden too) with their translations."""
        if rows is None:
            return None
        return [r.model_copy(update={"label": self.pair(("velden", field.id, "rijen", r.id),
                                                        r.label)}) for r in rows]

