"""Bilingual paper: a worksheet in Dutch with a second language under each client-facing text
(easy-read: the easy text in place of the standard Dutch), built from the model like every
other print view.

The texts come from the same `t(...)` the web form uses (web/translations.py), with one
language and shown on paper; the control names, the PDF tooltips and the option values stay
those of the Dutch model (model/controls.py), so a filled-in PDF has the same field names in
every language.
"""
from __future__ import annotations

from ..model import models
from ..model.catalogue import Catalogue
from ..web.translations import PageTexts, shown_languages


def paper_languages(cat: Catalogue, ws: models.Worksheet) -> list[str]:
    """The language folders with a current translation of this worksheet."""
    return [lang.code for lang in shown_languages(cat, ws)]


def paper_texts(cat: Catalogue, ws: models.Worksheet, code: str) -> PageTexts:
    """The worksheet's texts in Dutch and one language, for paper (nothing hidden)."""
    return PageTexts([lang for lang in shown_languages(cat, ws) if lang.code == code],
                     web=False, shown=True)
