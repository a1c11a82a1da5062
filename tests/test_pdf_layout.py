"""The real worksheets on paper: no stranded headings or labels, numbering as in the model,
and the page budgets of the worksheets that used to waste paper.

The blank worksheets are rendered straight from the print renderer (no site build, ~10 s).
The books and course packs are checked on the built site in test_pdf_book.py.
"""
from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest

from macros.model.load import load_catalogue
from macros.print.pdf import render
from macros.print.publish import print_renderer

from conftest import ROOT
from pdf_pages import stranded_lines

pytestmark = pytest.mark.build

# Worksheets that used to take a page more than they need (issue #18), and their budget now.
PAGES = {"lerende-organisatie-scan": 3, "modelgetrouwheid-zelfscan": 3,
         "werkrelatie-check": 2, "actieplan": 1, "successen-en-terugvallen": 1,
         "signaleringsplan": 2}


@pytest.fixture(scope="module")
def blank_sheets(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("sheets")
    cat = load_catalogue(ROOT)
    renderer = print_renderer(cat, out / "cache")
    found = {}
    for ws in cat.worksheets_in_order():
        doc = renderer.worksheet_document(ws)
        data, _, _ = render(doc.html, doc.base_url, inputs=doc.inputs)  # the site's fonts
        found[ws.id] = out / f"{ws.id}-leeg.pdf"
        found[ws.id].write_bytes(data)
    return found


def test_no_page_ends_with_a_heading_or_label(blank_sheets):
    stranded = {ident: lines for ident, path in blank_sheets.items()
                if (lines := stranded_lines(path))}
    assert stranded == {}


def test_parts_are_numbered_as_in_the_model(blank_sheets):
    with pdfplumber.open(blank_sheets["lerende-organisatie-scan"]) as pdf:
        text = " ".join(page.extract_text() for page in pdf.pages)
    parts = re.findall(r"(\d)\. (Casusgeleid|Duidelijke focus|Wederkerige sturing|Lerend|"
                       r"Professionals)", text)
    assert [n for n, _ in parts[:5]] == ["1", "2", "3", "4", "5"]


@pytest.mark.parametrize("ident", sorted(PAGES))
def test_worksheet_fits_its_page_budget(blank_sheets, ident):
    with pdfplumber.open(blank_sheets[ident]) as pdf:
        assert len(pdf.pages) <= PAGES[ident]


def test_books_and_course_packs_strand_no_heading(built_site):
    """Glossary terms, exercise titles with their info line, a part's heading with its table:
    none is left at the foot of a page while what it introduces starts on the next."""
    stranded = {}
    for path in sorted((built_site / "pdf").rglob("*.pdf")):
        if "werkbladen" not in path.parts and (lines := stranded_lines(path)):
            stranded[path.name] = lines
    assert stranded == {}
