"""Bilingual paper (print/bilingual.py): Dutch with one other language, rendered straight from
the print renderer for the real worksheets (no site build). Read back: the translated texts in
their script and after the Dutch, every font embedded and from the project, the fillable field
names the same as the Dutch PDF's, a tagged PDF in Dutch; drawn by poppler, PDFium and MuPDF."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from conftest import ROOT
from macros.model.load import load_catalogue
from macros.model.routes import worksheet_pdf
from macros.print.bilingual import paper_languages, paper_texts
from macros.print.jobs import site_jobs
from macros.print.pdf import render
from macros.print.publish import print_renderer
from macros.print.render import PrintRenderer
from macros.web.render import WebRenderer

ARABIC = range(0x0600, 0x0700)
CYRILLIC = range(0x0400, 0x0500)
# The page font, the answers' font (fillable) and the script fonts (content/assets/fonts/scripts;
# Arabic on paper from DejaVu Sans, see print/render.py NOT_ON_PAPER).
PROJECT_FONTS = ("Atkinson-Hyperlegible", "Krachtwerk-Formulier", "noto-sans-", "dejavu-sans-arabic",
                 "atkinson-hyperlegible-latin-ext")


@pytest.fixture(scope="module")
def cat():
    return load_catalogue(ROOT)


@pytest.fixture(scope="module")
def pdfs(cat, tmp_path_factory):
    """(worksheet, language or None, fillable) -> the PDF, rendered once per module."""
    out = tmp_path_factory.mktemp("twee-talen")
    renderer = print_renderer(cat, out / "cache")
    made = {}

    def make(ident, code, fillable):
        key = (ident, code, fillable)
        if key not in made:
            ws = cat.worksheets[ident]
            doc = renderer.worksheet_document(
                ws, fillable, paper_texts(cat, ws, code) if code else None)
            data, _, _ = render(doc.html, doc.base_url, doc.field_labels, doc.inputs)
            made[key] = out / f"{ident}-{code or 'nl'}-{int(fillable)}.pdf"
            made[key].write_bytes(data)
        return made[key]
    return make


def text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def fonts(path: Path) -> dict[str, set[str]]:
    found = {}
    for page in PdfReader(path).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            if "/DescendantFonts" in font:
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font["/FontDescriptor"].get_object()
            found[str(font["/BaseFont"])] = {k for k in ("/FontFile", "/FontFile2", "/FontFile3")
                                             if k in descriptor}
    return found


def in_script(s: str, block: range) -> bool:
    return any(ord(c) in block for c in s)


@pytest.mark.build
def test_arabic_sheet_has_the_arabic_after_the_dutch_in_project_fonts(cat, pdfs):
    path = pdfs("krachteninventarisatie", "ar", True)
    tr = cat.translations["ar"]["krachteninventarisatie"]
    body = text(path)
    ws = cat.worksheets["krachteninventarisatie"]
    assert in_script(tr.title, ARABIC)
    assert ws.title in body and tr.title in body
    assert body.index(ws.title) < body.index(tr.title)
    label = tr.fields["de_moeite_waard"].label
    assert label in body and body.index(ws.fields[1].label) < body.index(label)
    found = fonts(path)
    assert any("dejavu-sans-arabic" in name for name in found), found
    assert all(files for files in found.values()), f"niet ingebed: {found}"
    assert all(any(p in name for p in PROJECT_FONTS) for name in found), found
    root = PdfReader(path).trailer["/Root"]
    assert root["/Lang"] == "nl" and "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])


def marked_texts(reader: PdfReader) -> dict[tuple[int, int], str]:
    """(page, MCID) -> the text drawn inside that marked content."""
    out: dict[tuple[int, int], str] = {}
    for number, page in enumerate(reader.pages):
        open_ids: list = []

        def operator(op, args, cm, tm):
            if op == b"BDC":
                props = args[1] if len(args) > 1 else None
                open_ids.append(props.get("/MCID") if isinstance(props, dict) else None)
            elif op == b"BMC":
                open_ids.append(None)
            elif op == b"EMC" and open_ids:
                open_ids.pop()

        def drawn(text, cm, tm, font, size):
            mcid = next((m for m in reversed(open_ids) if m is not None), None)
            if mcid is not None:
                key = (number, int(mcid))
                out[key] = out.get(key, "") + text

        page.extract_text(visitor_operand_before=operator, visitor_text=drawn)
    return out


def marked_languages(reader: PdfReader) -> dict[tuple[int, int], str]:
    """(page, MCID) -> the language its structure element has, itself or from the nearest
    ancestor with /Lang (the document's /Lang at the top), as a screen reader reads it."""
    pages = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages)}
    root = reader.trailer["/Root"]
    out, todo = {}, [(root["/StructTreeRoot"], str(root["/Lang"]), None)]
    while todo:
        node, lang, page = todo.pop()
        node = node.get_object() if isinstance(node, IndirectObject) else node
        if isinstance(node, int):
            out[(page, node)] = lang
            continue
        if not isinstance(node, dict) or node.get("/Type") == "/OBJR":
            continue
        lang = str(node.get("/Lang", lang))
        if "/Pg" in node:
            page = pages[node.raw_get("/Pg").idnum]
        kids = node.get("/K", [])
        todo += [(kid, lang, page) for kid in (kids if isinstance(kids, list) else [kids])]
    return out


@pytest.mark.build
def test_arabic_passages_carry_their_own_lang_and_the_dutch_inherit_nl(cat, pdfs):
    """A screen reader switches voice on a structure element's /Lang: every piece of Arabic
    text is under an element with /Lang ar, every Dutch text reads as the document's nl."""
    reader = PdfReader(pdfs("krachteninventarisatie", "ar", True))
    texts, languages = marked_texts(reader), marked_languages(reader)
    arabic = {key for key, value in texts.items() if in_script(value, ARABIC)}
    assert len(arabic) > 40
    assert {languages[key] for key in arabic} == {"ar"}
    ws = cat.worksheets["krachteninventarisatie"]
    dutch = {key for key, value in texts.items()
             if value.strip() in (ws.title, ws.fields[1].label, "Naam", "Datum")}
    assert len(dutch) == 4 and {languages[key] for key in dutch} == {"nl"}
    latin = {key for key, value in texts.items() if value.strip() and key not in arabic}
    assert {languages[key] for key in latin} == {"nl"}


@pytest.mark.build
def test_the_date_hint_is_on_paper_in_both_languages(cat, pdfs):
    body = text(pdfs("actieplan", "tr", False))
    hint = cat.languages["tr"].texts.date_hint
    assert body.count(hint) == 2  # the naam-datum and the date field
    assert " ".join(body.split()).count("dag / maand / jaar " + hint) == 2


def test_the_date_hint_of_a_bilingual_sheet_is_text_with_its_lang(cat):
    """The hint replaces print.css's Dutch-only one on bilingual sheets; Dutch sheets keep
    that one and get no extra text."""
    renderer = PrintRenderer(cat)
    ws = cat.worksheets["actieplan"]
    html = renderer.worksheet_document(ws, False, paper_texts(cat, ws, "ar")).html
    hint = cat.languages["ar"].texts.date_hint
    assert html.count(f'lang="ar" dir="rtl">{hint}</span>') == 2
    assert "input[type=date]::before { content: none; }" in html
    dutch = renderer.worksheet_document(ws, False).html
    assert "kw-date-hint" not in dutch and "content: none" not in dutch


@pytest.mark.build
def test_fillable_field_names_are_those_of_the_dutch_pdf(pdfs):
    dutch = set(PdfReader(pdfs("krachteninventarisatie", None, True)).get_fields())
    arabic = set(PdfReader(pdfs("krachteninventarisatie", "ar", True)).get_fields())
    assert len(dutch) > 40 and arabic == dutch


@pytest.mark.build
def test_ukrainian_in_cyrillic_and_easy_read_replaces_the_dutch(cat, pdfs):
    ws = cat.worksheets["actieplan"]
    uk = cat.translations["uk"]["actieplan"]
    body = text(pdfs("actieplan", "uk", False))
    assert in_script(uk.instruction, CYRILLIC) and uk.instruction.split(".")[0] in body
    assert any("noto-sans-cyrillic" in name for name in fonts(pdfs("actieplan", "uk", False)))
    easy = cat.translations["makkelijk"]["actieplan"]
    body = text(pdfs("actieplan", "makkelijk", False))
    first = lambda s: " ".join(s.split()[:5])  # noqa: E731 (a line break may follow)
    assert first(easy.instruction) in " ".join(body.split())
    assert first(ws.instruction) not in " ".join(body.split())


@pytest.mark.build
@pytest.mark.parametrize("tool", ["pdftoppm", "pdfium", "mutool"])
def test_the_arabic_pdf_draws_in_every_renderer(pdfs, tmp_path, tool):
    from PIL import Image

    path = pdfs("krachteninventarisatie", "ar", True)
    if tool == "pdftoppm":
        subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(path),
                        str(tmp_path / "p")], check=True)
        image = Image.open(next(tmp_path.glob("p-*.png"))).convert("L")
    elif tool == "mutool":
        if not shutil.which("mutool"):
            pytest.skip("mutool is not installed (apt-get install mupdf-tools)")
        subprocess.run(["mutool", "draw", "-q", "-r", "40", "-o", str(tmp_path / "m.png"),
                        str(path), "1"], check=True, capture_output=True)
        image = Image.open(tmp_path / "m.png").convert("L")
    else:
        import pypdfium2
        doc = pypdfium2.PdfDocument(str(path))
        image = doc[0].render(scale=40 / 72).to_pil().convert("L")
        doc.close()
    ink = sum(1 for v in image.get_flattened_data() if v < 128)
    assert ink > 500, f"{tool}: page 1 is (nearly) empty"


def test_every_translated_sheet_has_two_pdfs_per_language_linked_from_its_page(cat):
    ws = cat.worksheets["krachteninventarisatie"]
    codes = paper_languages(cat, ws)
    assert {"ar", "en", "makkelijk"} <= set(codes)
    page = WebRenderer(cat).worksheet("waaier/krachteninventarisatie.md", ws.id)
    for code in codes:
        for fillable in (False, True):
            name = worksheet_pdf(ws.id, fillable, code).split("/")[-1]
            assert f"pdf/werkbladen/{name}" in page, name
    assert 'lang="ar" dir="rtl"' in page


@pytest.mark.build  # makes the print HTML of every PDF of the site
def test_downloads_group_the_bilingual_pdfs_per_language(cat):
    jobs = site_jobs(cat, [])
    outputs = {job.output for job in jobs}
    for ws in cat.worksheets.values():
        for code in paper_languages(cat, ws):
            assert worksheet_pdf(ws.id, True, code) in outputs
    arabic = [job for job in jobs if job.output.endswith("-ar-leeg.pdf")]
    assert arabic and {job.group for job in arabic} == {
        "Werkbladen in het Nederlands en het Arabisch (العربية)"}


def test_every_character_of_every_translation_has_a_project_glyph():
    """A character no project font has (a ✓ in an instruction) makes WeasyPrint take a system
    font, which the PDF then embeds: found by the real-PDF font test, guarded here fast."""
    from fontTools.ttLib import TTFont
    fonts = ROOT / "content/assets/fonts"
    files = [*fonts.glob("*.woff2"), *(fonts / "scripts/ttf").glob("*.ttf"),
             *(p for p in (fonts / "scripts").glob("*.woff2") if "arabic" not in p.name)]
    covered = set().union(*(TTFont(f).getBestCmap() for f in files))
    missing = {f"{path.parent.name}/{path.name}: {ch!r}"
               for path in (ROOT / "worksheets/vertalingen").glob("*/*.yml")
               for ch in path.read_text(encoding="utf-8") if ord(ch) > 127 and ord(ch) not in covered}
    assert not missing, sorted(missing)


def test_netwerkkaart_names_in_arabic_are_html_over_the_drawing_not_svg_text(cat):
    """WeasyPrint 70 draws SVG text letter by letter, without shaping or bidi: Arabic in the
    drawing came out backwards. On paper the second language's names are HTML over it."""
    ws = cat.worksheets["netwerkkaart"]
    html = PrintRenderer(cat).worksheet_document(ws, False, paper_texts(cat, ws, "ar")).html
    drawing = html[html.index('<svg class="kw-netmap-svg"'):]
    drawing = drawing[:drawing.index("</svg>")]
    assert not in_script(drawing, ARABIC) and "Familie" in drawing
    words = html.count('class="kw-netmap-word" data-kw-tr="ar" lang="ar" dir="rtl"')
    assert words == 7  # ik, two rings, four sectors
    tr = cat.translations["ar"]["netwerkkaart"].fields["netwerk"]
    assert f'>{tr.sectors["familie"]}</span>' in html and f'>{tr.rings["verder"]}</span>' in html


@pytest.mark.build
def test_netwerkkaart_on_paper_has_every_name_in_arabic_tagged_ar(cat, pdfs):
    reader = PdfReader(pdfs("netwerkkaart", "ar", True))
    texts, languages = marked_texts(reader), marked_languages(reader)
    tr = cat.translations["ar"]["netwerkkaart"].fields["netwerk"]
    names = [*tr.rings.values(), *tr.sectors.values(), cat.languages["ar"].texts.map_me]
    found = {name: [key for key, value in texts.items() if value.strip() == name]
             for name in names}
    assert all(found.values()), found
    assert {languages[key] for keys in found.values() for key in keys} == {"ar"}


def test_a_bilingual_sheet_numbers_its_pages_in_the_language_too(cat):
    renderer = PrintRenderer(cat)
    ws = cat.worksheets["actieplan"]
    texts = cat.languages["ar"].texts
    html = renderer.worksheet_document(ws, False, paper_texts(cat, ws, "ar")).html
    assert f'"\\A {texts.page} " counter(page) " {texts.of} " counter(pages)' in html
    easy = renderer.worksheet_document(ws, False, paper_texts(cat, ws, "makkelijk")).html
    assert "\\A " not in easy and "\\A " not in renderer.worksheet_document(ws, False).html


def test_a_text_in_a_css_string_cannot_end_the_string_or_the_style():
    from macros.print.render import css_string
    escaped = css_string('pagina "1" \\ </style><script>')
    assert '"' not in escaped and "<" not in escaped and "\\\\" not in escaped
    assert escaped.startswith("pagina \\22 1\\22  \\5c  \\3c /style")


@pytest.mark.build
def test_the_page_numbers_of_an_arabic_sheet_are_in_arabic_too(cat, pdfs):
    reader = PdfReader(pdfs("krachteninventarisatie", "ar", True))
    word = cat.languages["ar"].texts.page
    assert all(word in page.extract_text() for page in reader.pages)
