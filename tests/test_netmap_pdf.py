"""The netwerkkaart on paper, read back from the PDFs of a tiny built site: the blank sheet
has the drawing (rings as curves, the words of the model) to draw on by hand; the fillable
one has a form field for every name, ring and sector of its list."""
from __future__ import annotations

import pdfplumber
import pytest
from pypdf import PdfReader

from conftest import mkdocs_build
from test_worksheet_render import ALL_TYPES
from tiny_project import make_project

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("netmap-pdf") / "p", with_site=True)
    (project / "worksheets" / "proef.yml").write_text(ALL_TYPES, encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site" / "pdf" / "werkbladen"


def test_blank_pdf_draws_the_map_with_its_rings_and_sectors(pdfs):
    with pdfplumber.open(pdfs / "proef-leeg.pdf") as pdf:
        pages = [p for p in pdf.pages if "Hulpverleners" in (p.extract_text() or "")]
        assert len(pages) == 1, "the drawing is on one page"
        page = pages[0]
        words = {w["text"] for w in page.extract_words()}
        assert {"Ik", "Dichtbij", "Familie", "Vrienden", "Buurt", "Hulpverleners"} <= words
        # Three circles ('ik' and two rings), the biggest about 13 cm across: room to write.
        rings = sorted({round(c["width"]) for c in page.curves if abs(c["width"] - c["height"]) < 1})
        assert len(rings) == 3, rings
        assert 340 < rings[-1] < 400, rings  # points; 150 mm drawing, outer ring 100/120 of it
        # The four sector borders are drawn as dashed lines from 'ik' outwards.
        assert len([e for e in page.edges if e["orientation"] in ("h", "v")
                    and e["height" if e["orientation"] == "v" else "width"] > 100]) >= 4


def test_fillable_pdf_has_a_field_for_every_place_in_the_list(pdfs):
    fields = PdfReader(pdfs / "proef-invulbaar.pdf").get_fields() or {}
    wanted = {f"netwerk-{n}-{part}" for n in (1, 2, 3) for part in ("naam", "kring", "sector")}
    assert wanted <= set(fields)
    assert not {name for name in fields if name.startswith("netwerk-4")}


def test_the_drawing_uses_the_project_font_only(pdfs):
    """SVG text does not take the page's font; without its own it would embed DejaVu."""
    fonts = set()
    for page in PdfReader(pdfs / "proef-leeg.pdf").pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    assert fonts and all(f.startswith("Atkinson-Hyperlegible") for f in fonts), fonts
