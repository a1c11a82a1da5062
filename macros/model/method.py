"""The method: basistaken, werkvelden, the glossary and the principles (notendop)."""
from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .base import AUDIENCES, PHASES, Phase, Slug, Markdown, Strict, Text


class Task(Strict):
    id: Slug
    number: int = Field(ge=1, le=7)
    title: Text
    phase: Phase
    description: Text


class Method(Strict):
    tasks: list[Task] = Field(min_length=1)
    fields_of_work: list[Text] = Field(min_length=1, description="Werkvelden, ook als trefwoord")
    extra_audiences: list[Text] = Field(default_factory=list,
                                        description="Doelgroepen naast cliënt, begeleider, ...")

    def tag_vocabulary(self) -> dict[str, list[str]]:
        """Allowed page tags per category; tags are lowercase so one spelling wins."""
        return {
            "fase": list(PHASES),
            "basistaak": [t.title.lower() for t in self.tasks],
            "werkveld": [w.lower() for w in self.fields_of_work],
            "doelgroep": list(AUDIENCES) + [a.lower() for a in self.extra_audiences],
        }


class Term(Strict):
    words: list[Annotated[str, Field(min_length=1, max_length=60)]] = Field(
        min_length=1, description="De woordvormen die de uitleg krijgen, zoals 'actieplan' "
                                  "en 'actieplannen'; een hoofdletter aan het begin hoeft niet")
    explanation: Annotated[str, Field(min_length=1, max_length=160)]


class Glossary(Strict):
    """Short explanations shown as a tooltip wherever a word appears on the site."""
    terms: list[Term] = Field(default_factory=list)

    def tooltips(self) -> dict[str, str]:
        """Every word form with its explanation, also with a capital at the start of a
        sentence."""
        found: dict[str, str] = {}
        for term in self.terms:
            for word in term.words:
                for form in word_forms(word):
                    found.setdefault(form, term.explanation)
        return found


def word_forms(word: str) -> list[str]:
    capital = word[:1].upper() + word[1:]
    return [word] if capital == word else [word, capital]


class Practice(Strict):
    field_of_work: Text
    case: Text


class Principle(Strict):
    id: Slug
    number: int = Field(ge=1, le=9)
    title: Text
    summary: Text
    meaning: Markdown
    why: Text
    practice: Practice
    pitfalls: list[Text] = Field(min_length=1)
    questions: list[Text] = Field(min_length=3, max_length=5)
