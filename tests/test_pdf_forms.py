"""Fillable PDFs work in every viewer: filled in programmatically, then drawn by independent
renderers (poppler's pdftoppm, PDFium through pypdfium2, and MuPDF's mutool when installed),
every filled value and every ticked box shows in each.

The worksheet with every field type (test_pdf.ALL_FIELDS) is rendered straight from the
print renderer, without a site build.
"""
from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

from macros.model.load import load_catalogue
from macros.print.pdf import render
from macros.print.publish import print_renderer

from test_pdf import _tiny

pytestmark = pytest.mark.build

NAMES = "Şükrü Łukasz Nguyễn Thị Ánh"  # Latin Extended-A, Latin-1 and Vietnamese
LONG = "een antwoord dat veel langer is dan het smalle vakje van een tabelcel breed is"
RESOLUTION = 72  # one pixel per point: a field's /Rect is its place in the picture


@pytest.fixture(scope="module")
def fillable(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("forms")
    project = _tiny(root / "p")
    cat = load_catalogue(project)
    doc = print_renderer(cat, root / "cache").worksheet_document(cat.worksheets["alles"], True)
    data, _, _ = render(doc.html, doc.base_url, doc.field_labels, doc.inputs)
    path = root / "alles-invulbaar.pdf"
    path.write_bytes(data)
    return path


def widgets(reader) -> list[tuple[int, dict, dict]]:
    """(page index, widget, its field) for every widget; a radio button's field is its group."""
    found = []
    for index, page in enumerate(reader.pages):
        for annot in page.get("/Annots", []):
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Widget":
                field = annot if "/T" in annot else annot["/Parent"].get_object()
                found.append((index, annot, field))
    return found


def test_every_widget_has_a_default_appearance_and_an_accessible_name(fillable):
    reader = PdfReader(fillable)
    form = reader.trailer["/Root"]["/AcroForm"]
    zapf = form["/DR"]["/Font"]["/ZaDb"].get_object()
    assert zapf["/BaseFont"] == "/ZapfDingbats"
    for _, widget, field in widgets(reader):
        assert widget.get("/DA") or field.get("/DA"), widget
        assert widget.get("/TU"), widget
        if field["/FT"] == "/Btn":
            states = set(widget["/AP"]["/N"])
            assert "/Off" in states and len(states) == 2, states  # checked and unchecked


def test_radio_buttons_are_named_by_their_option_and_each_has_its_own_name(fillable):
    fields = PdfReader(fillable).get_fields()
    kies = fields["kies"]
    kids = [k.get_object() for k in kies["/Kids"]]
    assert [set(k["/AP"]["/N"]) - {"/Off"} for k in kids] == [{"/Ja"}, {"/Nee"}]
    assert [k["/TU"] for k in kids] == ["Kies er één: Ja", "Kies er één: Nee"]
    cijfer = [k.get_object() for k in fields["cijfer"]["/Kids"]]
    assert [next(iter(set(k["/AP"]["/N"]) - {"/Off"})) for k in cijfer] == \
        ["/1", "/2", "/3", "/4", "/5"]


def test_a_tick_column_is_a_check_box_that_exports_ja(fillable):
    fields = PdfReader(fillable).get_fields()
    klaar = [fields[f"stappen-{n}-klaar"] for n in range(1, 5)]  # every printed row has one
    assert {f["/FT"] for f in klaar} == {"/Btn"}
    assert [set(f["/_States_"]) for f in klaar] == [{"/Ja", "/Off"}] * 4
    assert fields["stappen-1-klaar"]["/TU"] == "Mijn stappen: rij 1, Klaar?"
    # A multiple choice exports its option, not "on".
    assert set(fields["vink-2"]["/_States_"]) == {"/Buiten", "/Off"}


def test_a_total_has_boxes_to_write_in(fillable):
    fields = PdfReader(fillable).get_fields()
    assert fields["totaal_cijfer-totaal"]["/FT"] == "/Tx"
    assert fields["totaal_cijfer-gemiddelde"]["/TU"] == "Totaal van het cijfer: Gemiddeld"


def test_check_boxes_export_ja_when_ticked(fillable, tmp_path):
    """Not WeasyPrint's "on": what a ticked box's value is called is the name of its "on"
    state (pdf.js and poppler report that name: "Ja" for a tick, the option for a multiple
    choice); PDFium reads it back after filling."""
    import pypdfium2
    import pypdfium2.raw as raw

    boxes = [(w, f) for _, w, f in widgets(PdfReader(fillable))
             if f["/FT"] == "/Btn" and "/T" in w and "/Kids" not in f]
    assert boxes
    states = set()
    for w, _ in boxes:
        [on] = set(w["/AP"]["/N"]) - {"/Off"}
        states.add(on[1:])
    assert "on" not in states and "Ja" in states
    filled = tmp_path / "filled.pdf"
    fill(fillable, filled)
    doc = pypdfium2.PdfDocument(str(filled))
    doc.init_forms()
    exported = set()
    for page in doc:
        count = raw.FPDFPage_GetAnnotCount(page)
        for i in range(count):
            annot = raw.FPDFPage_GetAnnot(page, i)
            if raw.FPDFAnnot_GetFormFieldType(doc.formenv, annot) == raw.FPDF_FORMFIELD_CHECKBOX:
                size = raw.FPDFAnnot_GetFormFieldExportValue(doc.formenv, annot, None, 0)
                buffer = (raw.FPDF_WCHAR * (size // 2))()
                raw.FPDFAnnot_GetFormFieldExportValue(doc.formenv, annot, buffer, size)
                exported.add(bytes(buffer)[:-2].decode("utf-16-le"))
                assert raw.FPDFAnnot_IsChecked(doc.formenv, annot)
            raw.FPDFPage_CloseAnnot(annot)
    doc.close()
    assert exported == states


def test_one_line_table_cells_shrink_text_to_fit(fillable):
    fields = PdfReader(fillable).get_fields()
    da = lambda name: next(w for _, w, f in widgets(PdfReader(fillable))
                           if f["/T"] == name)["/DA"]
    assert " 0 Tf" in da("stappen-1-wat")  # a list row: one line in a table cell
    assert " 0 Tf" not in da("korte")      # a text line of its own keeps the page's size
    assert fields["korte"]["/FT"] == "/Tx"


def test_the_form_font_has_every_letter_of_the_names(fillable):
    reader = PdfReader(fillable)
    form = reader.trailer["/Root"]["/AcroForm"]
    _, widget, _ = next(w for w in widgets(reader) if w[2]["/T"] == "korte")
    font_name = widget["/DA"].split()[-3]
    font = form["/DR"]["/Font"][font_name].get_object()
    descendant = font["/DescendantFonts"][0].get_object()
    data = descendant["/FontDescriptor"]["/FontFile2"].get_object().get_data()
    cmap = TTFont(io.BytesIO(data)).getBestCmap()
    missing = {c for c in NAMES + LONG if c != " " and ord(c) not in cmap}
    assert not missing
    # the whole of Latin-1, Latin Extended-A and B and the Vietnamese letters
    wanted = [*range(0xC0, 0x100), *range(0x100, 0x250), *range(0x1EA0, 0x1EFA)]
    assert [hex(c) for c in wanted if c not in cmap] == []


# --- filled in, then drawn ---------------------------------------------------------------
def fill(source: Path, target: Path) -> list[tuple[int, tuple[float, ...], str]]:
    """Every text field gets a value, every check box a tick and each radio group its first
    option; returns (page, rectangle, field name) of every widget that shows a value.

    Radio groups are set as a viewer does (group /V, button /AS): pypdf 7 also writes a /V
    on every button of the group, /Off on the others, which poppler takes as the group's."""
    writer = PdfWriter(clone_from=PdfReader(source))
    shown = []
    for index, page in enumerate(writer.pages):
        values = {}
        for annot in page.get("/Annots", []):
            widget = annot.get_object()
            if widget.get("/Subtype") != "/Widget":
                continue
            rect = tuple(float(v) for v in widget["/Rect"])
            if "/T" not in widget:  # a radio button
                group = widget["/Parent"].get_object()
                if group.get("/V", "/Off") == "/Off":
                    state = next(s for s in widget["/AP"]["/N"] if s != "/Off")
                    group[NameObject("/V")] = NameObject(state)
                    widget[NameObject("/AS")] = NameObject(state)
                    shown.append((index, rect, group["/T"]))
                continue
            name = widget["/T"]
            if widget["/FT"] == "/Btn":  # ticked: its own "on" state (form.py names it)
                values[name] = next(s for s in widget["/AP"]["/N"] if s != "/Off")
            else:
                values[name] = "12-03-2026" if name.endswith(("datum", "wanneer")) else (
                    LONG if name.startswith("stappen") else NAMES)
            shown.append((index, rect, name))
        writer.update_page_form_field_values(page, values, auto_regenerate=True)
    writer.write(target)
    return shown


def poppler(path: Path, out: Path) -> list[Path]:
    subprocess.run(["pdftoppm", "-r", str(RESOLUTION), "-png", str(path), str(out / "p")],
                   check=True)
    return sorted(out.glob("p-*.png"), key=lambda p: int(p.stem.split("-")[1]))


def pdfium(path: Path, out: Path) -> list[Path]:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(path))
    doc.init_forms()
    pages = []
    for i in range(len(doc)):
        pages.append(out / f"f-{i}.png")
        doc[i].render(scale=RESOLUTION / 72, may_draw_forms=True).to_pil().save(pages[-1])
    doc.close()
    return pages


def mupdf(path: Path, out: Path) -> list[Path]:
    subprocess.run(["mutool", "draw", "-q", "-r", str(RESOLUTION), "-o", str(out / "m-%d.png"),
                    str(path)], check=True, capture_output=True)
    return sorted(out.glob("m-*.png"), key=lambda p: int(p.stem.split("-")[1]))


RENDERERS = {"poppler": (poppler, "pdftoppm", "poppler-utils"),
             "pdfium": (pdfium, None, None),
             "mupdf": (mupdf, "mutool", "mupdf-tools")}


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
def test_every_filled_value_and_ticked_box_shows(fillable, tmp_path, renderer):
    from PIL import Image

    draw, tool, package = RENDERERS[renderer]
    if tool and not shutil.which(tool):
        if renderer == "mupdf":
            pytest.skip("mutool is not installed (apt-get install mupdf-tools)")
        pytest.fail(f"{tool} is missing: apt-get install {package}")
    filled = tmp_path / "filled.pdf"
    shown = fill(fillable, filled)
    assert len(shown) > 20
    (tmp_path / "empty").mkdir()
    (tmp_path / "filled").mkdir()
    before = [Image.open(p).convert("L") for p in draw(fillable, tmp_path / "empty")]
    after = [Image.open(p).convert("L") for p in draw(filled, tmp_path / "filled")]
    blank = []
    for index, (x0, y0, x1, y1), name in shown:
        height = before[index].height
        x0, x1 = sorted((x0, x1))
        y0, y1 = sorted((y0, y1))
        box = (int(x0) + 1, int(height - y1) + 1, int(x1) - 1, int(height - y0) - 1)
        darker = sum(1 for a, b in zip(before[index].crop(box).get_flattened_data(),
                                       after[index].crop(box).get_flattened_data())
                     if a - b > 60)
        if darker < 3:
            blank.append(name)
    assert blank == [], f"{renderer} draws these filled fields blank"
