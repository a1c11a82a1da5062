"""Every PDF a site build makes, as a list of jobs. New kinds of PDF (a trainer script or a
participant handout per course) are one more loop here plus a document in render.py.

Each job makes its print HTML only when asked, and carries the digest of its inputs (memo.py):
a rebuild in which nothing changed then makes none of it."""
from __future__ import annotations

from functools import partial

from ..model.catalogue import Catalogue
from ..model.labels import LABELS
from ..model.routes import BOOK_PDF, WAAIER_PDF, cards_pdf, course_pdf, worksheet_pdf
from ..model.translation import EASY_READ, LANGUAGE_TAGS
from .bilingual import paper_languages, paper_texts
from .book import sections_of
from ..model.cards import exercise_cards
from .cards import cards_document
from .memo import job_digest, renderer_digest
from .pdf import PdfJob
from .render import Chapter, PrintRenderer

L = LABELS.print


def site_jobs(cat: Catalogue, chapters: list[Chapter],
              renderer: PrintRenderer | None = None,
              packs: dict[tuple[str, bool], Chapter] | None = None) -> list[PdfJob]:
    """Biggest first, so the book is not the last one left running on a single core."""
    r = renderer or PrintRenderer(cat)
    digests = renderer_digest(r)
    common = digests.whole
    books, sheets = L["downloads_books"], L["downloads_worksheets"]
    jobs = []
    if chapters:
        jobs.append(PdfJob(BOOK_PDF, partial(r.book_document, chapters), books,
                           L["book_title"], "PDF",
                           inputs_digest=job_digest(common, BOOK_PDF, *chapters)))
    if cat.worksheets:
        jobs.append(PdfJob(WAAIER_PDF, r.waaier_document, books, L["waaier_title"], "PDF",
                           inputs_digest=job_digest(common, WAAIER_PDF)))
    for (course_id, trainer), chapter in sorted((packs or {}).items()):
        course = cat.courses[course_id]
        label = LABELS.training["script" if trainer else "handout"]
        output = course_pdf(course_id, trainer)
        jobs.append(PdfJob(output, partial(r.pack_document, f"{label}: {course.title}",
                                           course.audience_group, chapter, sections_of(chapter)),
                           L["downloads_training"], course.title, label,
                           inputs_digest=job_digest(common, output, chapter)))
    if cat.edition.sections.training:
        for ex in sorted(cat.exercises.values(), key=lambda e: e.title):
            if exercise_cards(ex):
                output = cards_pdf(ex.id)
                jobs.append(PdfJob(output, partial(cards_document, r, ex), L["downloads_cards"],
                                   ex.title, L["variant_cards"],
                                   inputs_digest=job_digest(common, output)))
    variants = ((False, L["variant_blank"]), (True, L["variant_fillable"]))
    for ws in cat.worksheets_in_order():
        for fillable, variant in variants:
            output = worksheet_pdf(ws.id, fillable)
            jobs.append(PdfJob(output, partial(r.worksheet_document, ws, fillable), sheets,
                               ws.title, variant,
                               inputs_digest=job_digest(digests.of_sheet(ws.id), output)))
    # Dutch with a second language (or easy-read), grouped per language on Downloads.
    for code in [c for c in LANGUAGE_TAGS if c in cat.languages]:
        language = cat.languages[code]
        group = (L["downloads_easy_read"] if code == EASY_READ
                 else L["downloads_bilingual"].format(taal=language.name_nl) +
                 f" ({language.name})")
        for ws in cat.worksheets_in_order():
            if code not in paper_languages(cat, ws):
                continue
            texts = partial(paper_texts, cat, ws, code)
            for fillable, variant in variants:
                output = worksheet_pdf(ws.id, fillable, code)
                jobs.append(PdfJob(output, partial(_bilingual, r, ws, fillable, texts), group,
                                   ws.title, variant,
                                   inputs_digest=job_digest(digests.of_sheet(ws.id), output)))
    return jobs


def _bilingual(r: PrintRenderer, ws, fillable: bool, texts):
    return r.worksheet_document(ws, fillable, texts())
