"""Search words (data/zoekwoorden.yml): what people type in the search box, and the words the
handbook uses for it. The search worker looks for both (macros/site/assets/krachtwerk-search.js)."""
from __future__ import annotations

import unicodedata
from typing import Annotated

from pydantic import Field

from .base import Strict

Phrase = Annotated[str, Field(min_length=2, max_length=60, pattern=r"^[\w\- ]+$")]


class SearchWord(Strict):
    searched: list[Phrase] = Field(
        min_length=1, description="Wat mensen typen: een woord, een woordgroep, een meervoud "
                                  "of een andere spelling")
    finds: list[Phrase] = Field(
        min_length=1, description="De woorden van het handboek die daarop antwoorden; bij een "
                                  "woordgroep staan alle woorden op de gevonden pagina")


class SearchWords(Strict):
    """Everyday words and phrasings that lead to the handbook's own terms."""
    entries: list[SearchWord] = Field(default_factory=list)

    def for_worker(self) -> list[list[list[str]]]:
        """[[searched phrases], [found phrases]] per entry, folded like the worker folds a query."""
        return [[[fold(p) for p in e.searched], [fold(p) for p in e.finds]] for e in self.entries]


def fold(phrase: str) -> str:
    """Lower case, no accents, single spaces: 'Cliënt  wil' and 'client wil' are the same."""
    plain = unicodedata.normalize("NFD", phrase.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(plain.replace("-", " ").split())
