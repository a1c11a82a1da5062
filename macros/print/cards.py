"""Cut-out cards for an exercise: every role, case, observer and question card that the
exercise's text gives as a box (`!!! example "Rolkaart ..."` in its Markdown), four to an A4
page with dashed cut lines. Made from the model like the other print HTML; the cards are
listed on the exercise page and the downloads page (print/jobs.py)."""
from __future__ import annotations

import markdown as md
from markupsafe import Markup

from ..model import models
from ..model.cards import exercise_cards
from ..model.labels import LABELS
from ..web.safe_text import SafeLinksExtension, markdown_source
from .render import Document, PrintRenderer

CARDS_PER_PAGE = 4


def card_html(body: str) -> Markup:
    """A card's Markdown as HTML, made safe as every Markdown field is (web/safe_text.py);
    with tables, because some cards are an actieplan in a table."""
    return Markup(md.markdown(str(markdown_source(body)),
                              extensions=["sane_lists", "tables", SafeLinksExtension()],
                              output_format="html"))


def cards_document(r: PrintRenderer, ex: models.Exercise) -> Document:
    cards = [{"title": c.title, "html": card_html(c.body)}
             for c in exercise_cards(ex)]
    pages = [cards[i:i + CARDS_PER_PAGE] for i in range(0, len(cards), CARDS_PER_PAGE)]
    title = f"{LABELS.print['cards_title']}: {ex.title}"
    return r._document("print/kaarten.html", title=title, description=ex.title,
                       css=r._css(("print.css", "cards.css")), body_class="kw-cards-doc",
                       pages=pages, exercise=ex)
