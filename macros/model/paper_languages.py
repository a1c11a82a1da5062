"""Which languages a worksheet is on paper in: those with a current translation (one that is
made for this version of the worksheet), in the picker's order. The web page links the PDFs and
the print step makes them, both from this list."""
from __future__ import annotations

from .catalogue import Catalogue
from .translation import LANGUAGE_TAGS
from .translation_load import current_translation


def paper_languages(cat: Catalogue, ws) -> list[str]:
    return [code for code in LANGUAGE_TAGS
            if code in cat.languages and current_translation(cat, code, ws) is not None]
