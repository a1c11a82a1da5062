"""The cards an exercise needs (role, case, observer and question cards): every box that the
exercise's Markdown gives as `!!! example "Title"` with its text indented under it. The web
view links an exercise's card PDF when it has cards; print/cards.py lays them out."""
from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from . import models

# The title line, then the lines indented by four spaces (and the blank lines between them).
CARD = re.compile(r'^!!! example "(?P<title>[^"\n]+)"[ \t]*\n(?P<body>(?:(?:    .*)?\n)*)',
                  re.M)


@dataclass(frozen=True)
class Card:
    title: str
    body: str  # Markdown, dedented


def _texts(ex: models.Exercise) -> list[str]:
    """The exercise's Markdown in reading order: preparation, steps, trainer notes."""
    steps = [text for step in ex.steps for text in (step.participant, step.trainer) if text]
    return [ex.preparation, *steps, ex.trainer_notes or ""]


def exercise_cards(ex: models.Exercise) -> list[Card]:
    cards = []
    for text in _texts(ex):
        for m in CARD.finditer(str(text) + "\n"):
            body = textwrap.dedent(m["body"]).strip()
            if body:
                cards.append(Card(m["title"].strip(), body))
    return cards
