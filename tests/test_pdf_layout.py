"""The real worksheets on paper: no stranded headings or labels, numbering as in the model,
the page budgets of the worksheets that used to waste paper, and no near-empty last page
(with a report of every sheet's pages and last-page fill, reports/werkbladen-paginas.md).

The blank worksheets are rendered straight from the print renderer (no site build, ~10 s).
The books and course packs are checked on the built site in test_pdf_book.py.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pdfplumber
import pytest

from macros.model.load import load_catalogue
from macros.print import pdf as pdf_module
from macros.print.pdf import render
from macros.print.publish import print_renderer

from conftest import ROOT
from pdf_pages import page_fill, stranded_lines

pytestmark = pytest.mark.build

# Worksheets that used to take a page more than they need (issue #18), and their budget now.
PAGES = {"lerende-organisatie-scan": 3, "modelgetrouwheid-zelfscan": 3,
         "werkrelatie-check": 2, "actieplan": 1, "successen-en-terugvallen": 1,
         "signaleringsplan": 2}


REPORT = ROOT / "reports" / "werkbladen-paginas.md"
# Every sheet's page fills before issue #18's print work (commit e9d4a01), measured once with
# page_fill on PDFs that commit's code rendered in a throw-away worktree.
BEFORE = Path(__file__).parent / "data" / "werkbladen-paginas-voor-18.json"
MIN_LAST_PAGE = 0.25  # a multi-page worksheet's last page is at least this full
# Worksheets whose last page may be emptier, each with why a tighter layout would cut writing
# room. None now: pdf.py balanced_sheet moves a whole part onto a near-empty last page.
SPARSE_LAST_PAGE: dict[str, str] = {}


def _render_all(out: Path, fillable: bool) -> dict[str, Path]:
    cat = load_catalogue(ROOT)
    renderer = print_renderer(cat, out / "cache")
    found = {}
    for ws in cat.worksheets_in_order():
        doc = renderer.worksheet_document(ws, fillable)
        data, _, _ = render(doc.html, doc.base_url, doc.field_labels,
                            inputs=doc.inputs)  # the site's fonts
        found[ws.id] = out / f"{ws.id}-{'invulbaar' if fillable else 'leeg'}.pdf"
        found[ws.id].write_bytes(data)
    return found


@pytest.fixture(scope="module")
def blank_sheets(tmp_path_factory) -> dict[str, Path]:
    return _render_all(tmp_path_factory.mktemp("sheets"), fillable=False)


@pytest.fixture(scope="module")
def fillable_sheets(tmp_path_factory) -> dict[str, Path]:
    return _render_all(tmp_path_factory.mktemp("forms"), fillable=True)


def sparse_last_pages(fills: dict[str, list[float]]) -> dict[str, float]:
    """PDF name -> last-page fill of each multi-page PDF whose last page is under
    MIN_LAST_PAGE full, unless its worksheet is a justified exception."""
    return {name: pages[-1] for name, pages in fills.items()
            if len(pages) > 1 and pages[-1] < MIN_LAST_PAGE
            and name.rsplit("-", 1)[0] not in SPARSE_LAST_PAGE}


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


# --- last pages: measured, reported, guarded ----------------------------------------------
def _percent(pages: list[float] | None) -> str:
    return f"{pages[-1]:.0%}" if pages else "–"


def _renderer_lines() -> list[str]:
    """Which renderers the tests of fillable PDFs draw with (the same lists the tests use)."""
    from test_pdf_forms import RENDERERS

    def names(renderers):
        missing = " (niet geïnstalleerd: overgeslagen)"
        return ", ".join(r + ("" if not tool or shutil.which(tool) else missing)
                         for r, (_, tool, _) in sorted(renderers.items()))
    return [
        "| test | wat | tekent of leest met |", "|---|---|---|",
        f"| `test_pdf_forms.py::test_every_filled_value_and_ticked_box_shows` | ingevuld met "
        f"pypdf, elk veld en elk vinkje zichtbaar | {names(RENDERERS)} |",
        "| `test_pdf_forms.py::test_check_boxes_export_ja_when_ticked` | waarde van een aangevinkt "
        "vakje | pypdf (namen van de standen), PDFium (exportwaarde na invullen) |",
        f"| `test_pdf_fill_browser.py::test_every_answer_shows_in_the_downloaded_pdf` | door de "
        f"browser (pdf-lib) ingevulde PDF, elk antwoord zichtbaar | {names(RENDERERS)} |",
        "| `test_pdf_bilingual.py::test_the_arabic_pdf_draws_in_every_renderer` | invulbare "
        "Arabisch-Nederlandse PDF, pagina 1 getekend | "
        f"{'mupdf, pdfium, poppler' if shutil.which('mutool') else 'pdfium, poppler'} |",
        "| overige tests van invulbare PDF's (`test_pdf.py`, `test_pdf_forms.py`, "
        "`test_netmap_pdf.py`) | namen, /DA, /TU, standen, lettertype | pypdf (lezen, "
        "geen tekening) |",
    ]


def write_report(blank: dict[str, list[float]], fillable: dict[str, list[float]]) -> None:
    before = json.loads(BEFORE.read_text(encoding="utf-8"))
    exceptions = ("uitzonderingen: " + ", ".join(SPARSE_LAST_PAGE) if SPARSE_LAST_PAGE
                  else "geen uitzonderingen")
    lines = [
        "# Werkbladen op papier: pagina's en hoe vol de laatste is", "",
        "Gemeten met `tests/pdf_pages.py` `page_fill`: per pagina het laagste dat getekend is "
        "(tekst, lijn, vak, tekening, invulveld) tussen de boven- en ondermarge, als deel van "
        "de hoogte daartussen; voettekst en kopregel tellen niet mee. De eis: de laatste "
        f"pagina van een werkblad met meer pagina's is minstens {MIN_LAST_PAGE:.0%} vol "
        f"({exceptions}). "
        f"'Voor' is commit {before['commit']}, de laatste vóór het printwerk van issue #18, "
        "met dezelfde functie gemeten.", "",
        "| werkblad | pagina's voor | laatste pagina voor | pagina's nu | laatste pagina nu "
        "| alle pagina's nu | invulbaar nu |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    for ident, pages in blank.items():
        old = before["werkbladen"].get(ident, {}).get("leeg")
        form = fillable.get(ident)
        same = "gelijk" if form and [round(f, 2) for f in form] == [round(f, 2) for f in pages] \
            else (f"{len(form)} p., laatste {_percent(form)}" if form else "–")
        lines.append(f"| {ident} | {len(old) if old else '– (nieuw)'} | {_percent(old)} | "
                     f"{len(pages)} | {_percent(pages)} | "
                     f"{' · '.join(f'{f:.0%}' for f in pages)} | {same} |")
    total_old = sum(len(v["leeg"]) for v in before["werkbladen"].values())
    lines += ["", f"Samen (blanco): {sum(len(p) for p in blank.values())} pagina's voor "
              f"{len(blank)} werkbladen; voor #18 {total_old} pagina's voor "
              f"{len(before['werkbladen'])} werkbladen.", "",
              "## Renderers per test van invulbare PDF's", "", *_renderer_lines()]
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_no_worksheet_has_a_near_empty_last_page(blank_sheets, fillable_sheets):
    blank = {ident: page_fill(path) for ident, path in blank_sheets.items()}
    fillable = {ident: page_fill(path) for ident, path in fillable_sheets.items()}
    write_report(blank, fillable)
    fills = {path.stem: blank[i] for i, path in blank_sheets.items()}
    fills |= {path.stem: fillable[i] for i, path in fillable_sheets.items()}
    assert sparse_last_pages(fills) == {}


def test_a_near_empty_last_page_is_found_and_balancing_removes_it(tmp_path, monkeypatch):
    """The same sheet laid out without pdf.py's balancing: voortgangsgesprek then spills its
    steps table and a date onto page 2 (about a fifth full, though the footer sits at its
    foot), which the check reports; with the balancing both pages are over half full."""
    cat = load_catalogue(ROOT)
    doc = print_renderer(cat, tmp_path / "cache").worksheet_document(
        cat.worksheets["voortgangsgesprek"])
    balanced = tmp_path / "voortgangsgesprek-leeg.pdf"
    balanced.write_bytes(render(doc.html, doc.base_url, inputs=doc.inputs)[0])
    monkeypatch.setattr(pdf_module, "balanced_sheet", lambda html, document, lay_out: document)
    spilled = tmp_path / "voortgangsgesprek-ongebalanceerd.pdf"
    spilled.write_bytes(render(doc.html, doc.base_url, inputs=doc.inputs)[0])
    fills = page_fill(spilled)
    assert len(fills) == 2 and fills[0] > 0.95 and 0.1 < fills[1] < MIN_LAST_PAGE
    assert sparse_last_pages({spilled.stem: fills}) == {spilled.stem: fills[1]}
    fills = page_fill(balanced)
    assert len(fills) == 2 and min(fills) > 0.5
