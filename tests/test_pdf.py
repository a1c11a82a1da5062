"""The PDFs, read back: worksheets (blank and fillable), the handbook and the waaier.

One tiny project with every field type, two handbook pages and a logo is built once per module;
its PDFs are checked with pypdf and pdfplumber. A last test builds the real site's worksheets.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pdfplumber
import pytest

from macros.model.controls import PAPER, worksheet_controls
from macros.model.labels import LABELS
from macros.model.load import load_catalogue
from pypdf import PdfReader

from conftest import ROOT, mkdocs_build
from tiny_project import make_project

pytestmark = pytest.mark.build

ALL_FIELDS = """\
id: alles
titel: Alle velden
versie: 3
voor: [cliënt]
fase: focusbepaling
basistaak: doelen-stellen
principes: []
doel: Elk veldtype één keer.
minuten: 10
wanneer: Altijd.
wanneer_niet: Nooit.
begeleiding:
  introduceren: Zo.
  letten_op: Dit.
instructie: Schrijf op wat je fijn vindt en wat flexibel mag blijven.
velden:
  - type: naam-datum
  - id: korte
    type: tekst
    label: Een korte tekst
  - id: lange
    type: lange-tekst
    label: Een lange tekst
    regels: 2
  - id: wanneer
    type: datum
    label: Een datum
  - id: aantal
    type: getal
    label: Een getal
  - id: kies
    type: keuze
    label: Kies er één
    opties: [Ja, Nee]
  - id: vink
    type: meerkeuze
    label: Vink aan wat past
    opties: [Thuis, Buiten, Telefoon]
  - id: cijfer
    type: schaal
    label: Een cijfer
    min: 1
    max: 5
    links: laag
    rechts: hoog
  - id: uitleg_tabel
    type: uitleg
    tekst: Nu een tabel over je leven.
  - id: leven
    type: tabel
    label: Mijn leven
    rijen_uit: leefgebieden
    kolommen:
      - {id: toen, label: Vroeger}
      - {id: nu, label: Nu}
    regels: 4
  - id: stappen
    type: lijst
    label: Mijn stappen
    kolommen:
      - {id: wat, label: Wat}
      - {id: wie, label: Wie}
      - {id: klaar, label: "Klaar?", soort: vinkje}
    afdrukrijen: 4
  - id: totaal_cijfer
    type: totaal
    label: Totaal van het cijfer
    telt: [cijfer]
"""

HANDLEIDING = {
    "handleiding/index.md": "# Over de methode\n\nLees ook [het tweede deel](tweede.md#een-kopje) "
                            "en gebruik [het werkblad](../waaier/alles.md).\n",
    "handleiding/tweede.md": "# Tweede deel\n\nWe vinden het fijn en flexibel.\n\n"
                             "## Een kopje\n\nTerug naar [het begin](index.md).\n",
    "colofon.md": "# Colofon\n\nGemaakt met zorg.\n",
}

LOGO_PNG = bytes.fromhex(  # 1x1 white PNG
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763"
    "f8ffff3f0005fe02fea7d6a9d60000000049454e44ae426082")


def _tiny(root: Path) -> Path:
    project = make_project(root, with_site=True)
    (project / "worksheets" / "alles.yml").write_text(ALL_FIELDS, encoding="utf-8")
    for src, text in HANDLEIDING.items():
        path = project / "content" / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    shutil.copy(ROOT / "content" / "downloads.md", project / "content" / "downloads.md")
    (project / "pyproject.toml").write_text('[project]\nversion = "2.5.0"\n', encoding="utf-8")
    edition = project / "site_config" / "default"
    (edition / "logo.png").write_bytes(LOGO_PNG)
    config = edition / "editie.yml"
    config.write_text(config.read_text(encoding="utf-8") + "logo: logo.png\n", encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """The tiny project, built once; yields (project, site, build output)."""
    project = _tiny(tmp_path_factory.mktemp("pdf") / "p")
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, site, result.stdout + result.stderr


def pdf(site: Path, name: str) -> PdfReader:
    return PdfReader(site / "pdf" / name)


def text_of(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def progress_lines(output: str) -> list[str]:
    return re.findall(r"PDF \d+/\d+ \S+ .*", output)


# --- the site links every PDF -------------------------------------------------------------
EXPECTED = ["handboek.pdf", "hulpmiddelenwaaier.pdf", "werkbladen/alles-leeg.pdf",
            "werkbladen/alles-invulbaar.pdf", "werkbladen/proef-leeg.pdf",
            "werkbladen/proef-invulbaar.pdf"]


def test_every_pdf_is_built_with_one_progress_line_each(tiny):
    _, site, output = tiny
    for name in EXPECTED:
        assert (site / "pdf" / name).read_bytes().startswith(b"%PDF-"), name
    lines = progress_lines(output)
    assert len(lines) == len(EXPECTED)
    assert {line.split()[2] for line in lines} == set(EXPECTED)


def test_downloads_page_lists_every_pdf_with_its_real_size(tiny):
    from macros.print.downloads import human_size

    _, site, _ = tiny
    page = (site / "downloads" / "index.html").read_text(encoding="utf-8")
    assert "data-kw-downloads" not in page
    for name in EXPECTED:
        href = f"../pdf/{name}"
        match = re.search(rf'href="{re.escape(href)}"[^>]*>[^<]*\(PDF, ([^)]+)\)</a>', page)
        assert match, name
        assert match[1] == human_size((site / "pdf" / name).stat().st_size)
        assert re.fullmatch(r"\d+ KB|\d+,\d MB", match[1])


def test_worksheet_pages_link_the_blank_and_fillable_pdf(tiny):
    _, site, _ = tiny
    for page, prefix in ((site / "waaier/alles/index.html", "../../"), (site / "index.html", "")):
        html = page.read_text(encoding="utf-8")
        ident = "alles" if "alles" in str(page) else "proef"
        for variant, label in (("leeg", "Leeg werkblad (PDF)"),
                               ("invulbaar", "Invulbaar werkblad (PDF)")):
            href = f"{prefix}pdf/werkbladen/{ident}-{variant}.pdf"
            assert re.search(rf'href="{re.escape(href)}"[^>]*>{re.escape(label)}</a>', html)
            assert (page.parent / href).resolve().is_file()


# --- worksheets ----------------------------------------------------------------------------
def test_blank_worksheet_has_instruction_fields_edition_and_footer(tiny):
    _, site, _ = tiny
    reader = pdf(site, "werkbladen/alles-leeg.pdf")
    pages = text_of(reader)
    n = len(pages)
    assert n >= 2  # the ten-row table does not fit on the first page
    first = pages[0]
    for expected in ("Alle velden", "Krachtwerk Handboek", "Zo vul je het in",
                     "Schrijf op wat je fijn vindt", "Naam", "Datum", "Een korte tekst",
                     "Kies er één", "Thuis", "1 = laag", "5 = hoog", "Nu een tabel over je leven."):
        assert expected in first, expected
    for i, text in enumerate(pages, 1):
        assert "Alle velden · versie 3" in text
        assert f"pagina {i} van {n}" in text
    assert reader.get_fields() is None  # paper only: no form fields


def test_table_running_over_a_page_repeats_its_header(tiny):
    _, site, _ = tiny
    with pdfplumber.open(site / "pdf/werkbladen/alles-leeg.pdf") as doc:
        table_pages = [p for p in doc.pages
                       if any(d in p.extract_text() for d in ("Wonen", "Geld", "Vrije tijd",
                                                               "Dagelijks leven"))]
        assert len(table_pages) >= 2
        for page in table_pages:
            header = [w["text"] for w in page.extract_words()]
            assert "Vroeger" in header and "Nu" in header


def test_logo_is_on_the_worksheet(tiny):
    _, site, _ = tiny
    page = pdf(site, "werkbladen/alles-leeg.pdf").pages[0]
    xobjects = page["/Resources"].get("/XObject", {})
    assert any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.values())


class _FormNames(HTMLParser):
    """Names of the inputs in a built web page's worksheet form (template rows excluded)."""

    def __init__(self):
        super().__init__()
        self.names: list[tuple[str, str]] = []
        self._template = 0
        self._in_form = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._in_form = "kw-form" in (attrs.get("class") or "").split()
        elif tag == "template":
            self._template += 1
        elif (tag in ("input", "textarea") and self._in_form and not self._template
              and attrs.get("name")):
            kind = "tick" if "data-kw-tick" in attrs else attrs.get("type", "textarea")
            self.names.append((attrs["name"], kind))

    def handle_endtag(self, tag):
        if tag == "template":
            self._template -= 1
        elif tag == "form":
            self._in_form = False


def web_form_names(page: Path) -> list[tuple[str, str]]:
    parser = _FormNames()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.names


def paper_controls(cat, ident: str) -> dict[str, str]:
    """name -> label of every control of a worksheet on paper (macros/model/controls.py)."""
    return {c.name: c.label for _, controls in worksheet_controls(cat, cat.worksheets[ident], PAPER)
            for c in controls}


def check_names_match_the_web_form(pdf_names: set[str], web: list[tuple[str, str]]) -> None:
    """A PDF field has the name of the web control it answers, except that each check box of
    a group has its own, and the web list's template row (__N__) has no field. A tick box in
    a table or list is one box, with the same name on paper."""
    boxes = {name for name, kind in web if kind == "checkbox"}
    web_names = {name for name, _ in web} - boxes
    assert web_names <= pdf_names, web_names - pdf_names
    for name in boxes:
        assert f"{name}-1" in pdf_names, name


def test_fillable_worksheet_fields_have_the_web_form_names(tiny):
    project, site, _ = tiny
    fields = pdf(site, "werkbladen/alles-invulbaar.pdf").get_fields()
    web = web_form_names(site / "waaier/alles/index.html")
    assert ("stappen-1-wat", "textarea") in web and ("leven-wonen-nu", "textarea") in web
    expected = paper_controls(load_catalogue(project), "alles")
    assert set(fields) == set(expected)
    assert {name: field.get("/TU") for name, field in fields.items()} == expected
    assert {f"stappen-{n}-wat" for n in range(1, 5)} <= set(fields)  # afdrukrijen: 4
    check_names_match_the_web_form(set(fields), web)
    assert fields["lange"]["/FT"] == "/Tx" and fields["lange"]["/Ff"] & (1 << 12)  # multiline
    assert fields["kies"]["/FT"] == "/Btn" and fields["kies"]["/Opt"] == ["Ja", "Nee"]
    assert len(fields["cijfer"]["/Kids"]) == 5
    assert fields["vink-2"]["/TU"] == "Vink aan wat past: Buiten"
    assert fields["leven-wonen-nu"]["/TU"] == "Mijn leven: Wonen en veiligheid, Nu"
    assert fields["naam_datum-naam"]["/TU"] == "Naam"
    assert ("stappen-1-klaar", "tick") in web and fields["stappen-1-klaar"]["/FT"] == "/Btn"
    assert fields["totaal_cijfer-totaal"]["/FT"] == "/Tx"  # written by hand: none on the web


# --- every PDF: fonts, metadata, tags, text ---------------------------------------------
def fonts_of(reader: PdfReader) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            if "/DescendantFonts" in font:
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font["/FontDescriptor"].get_object()
            found[font["/BaseFont"]] = {k for k in ("/FontFile", "/FontFile2", "/FontFile3")
                                        if k in descriptor}
    return found


# The fonts of other scripts on paper (content/assets/fonts/scripts; Arabic from DejaVu Sans).
SCRIPT_FONTS = ("noto-sans-", "dejavu-sans-arabic", "atkinson-hyperlegible-latin-ext")
BILINGUAL = re.compile(r"-(en|ar|tr|uk|pl|makkelijk)-(leeg|invulbaar)\.pdf$")


def project_font(base: str, pdf_name: str) -> bool:
    """The page font, in a fillable PDF also the answers' font (render.py FORM_FONT), and in a
    bilingual sheet the fonts of the other script."""
    return "Atkinson-Hyperlegible" in base or (
        pdf_name.endswith("-invulbaar.pdf") and "Krachtwerk-Formulier" in base) or (
        BILINGUAL.search(pdf_name) is not None and any(f in base for f in SCRIPT_FONTS))


TITLES = {"handboek.pdf": "Handleiding Krachtwerk", "hulpmiddelenwaaier.pdf": "Hulpmiddelenwaaier",
          "werkbladen/alles": "Alle velden", "werkbladen/proef": "Proefblad"}


@pytest.mark.parametrize("name", EXPECTED)
def test_only_the_project_font_embedded_with_metadata_and_tags(tiny, name):
    _, site, _ = tiny
    reader = pdf(site, name)
    fonts = fonts_of(reader)
    assert fonts and all(project_font(base, name) for base in fonts), fonts
    assert all(files & {"/FontFile2", "/FontFile3"} for files in fonts.values()), fonts
    meta = reader.metadata
    assert meta.author == "Krachtwerk Handboek"
    assert meta.title == TITLES[name.split("-")[0]]
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    text = "".join(text_of(reader))
    assert not re.search("[\ufb00-\ufb06]", text)  # no ligature glyphs
    assert "¶" not in text


def test_text_extracts_in_reading_order(tiny):
    _, site, _ = tiny
    first = text_of(pdf(site, "werkbladen/alles-leeg.pdf"))[0]
    order = ["Alle velden", "Zo vul je het in", "Naam", "Een korte tekst", "Een lange tekst",
             "Een datum", "Een getal", "Kies er één", "Vink aan wat past", "Een cijfer"]
    positions = [first.index(label) for label in order]
    assert positions == sorted(positions)
    assert "fijn" in first and "flexibel" in first


# --- the handbook --------------------------------------------------------------------------
def toc_entries(reader: PdfReader, last_toc_page: int) -> list[tuple[str, int]]:
    entries = []
    for page in reader.pages[1:last_toc_page]:
        for line in page.extract_text().splitlines():
            m = re.fullmatch(r"(.+?)[ .]*\.\s*(\d+)", line.strip())
            if m:
                entries.append((m[1].strip(" ."), int(m[2])))
    return entries


def test_handbook_contents_page_numbers_are_where_chapters_start(tiny):
    _, site, _ = tiny
    reader = pdf(site, "handboek.pdf")
    pages = text_of(reader)
    import datetime as dt

    from macros.print.render import dutch_date

    assert "Handleiding Krachtwerk" in pages[0] and "Krachtwerk Handboek" in pages[0]
    assert f"Versie 2.5.0 · {dutch_date(dt.date.today())}" in pages[0]
    assert "Inhoud" in pages[1]
    entries = toc_entries(reader, 2)
    titles = [t for t, _ in entries]
    assert titles[:3] == ["Over de methode", "Tweede deel", "Colofon"]
    assert "Bijlage: werkbladen" in titles and "Alle velden" in titles
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    outline = {item.title: reader.get_destination_page_number(item) + 1
               for item in _flatten(reader.outline)}
    for title, number in entries:
        lines = pages[number - 1].splitlines()
        assert title in lines[:3] or any(l.startswith(title) for l in lines[:3]), (title, lines)
        assert outline[title] == number
    # each chapter starts a page: the page before ends another chapter, not this one; a
    # phase heading opens the page of its first worksheet
    starts = [n for t, n in entries if t not in LABELS.phase_names.values()]
    assert len(set(starts)) == len(starts)


def _flatten(outline):
    for item in outline:
        if isinstance(item, list):
            yield from _flatten(item)
        else:
            yield item


def test_handbook_running_header_page_numbers_and_internal_links(tiny):
    _, site, _ = tiny
    reader = pdf(site, "handboek.pdf")
    pages = text_of(reader)
    start = {t: n for t, n in toc_entries(reader, 2)}
    with pdfplumber.open(site / "pdf/handboek.pdf") as doc:
        lines = doc.pages[start["Tweede deel"] - 1].extract_text().splitlines()
    assert lines[0] == "Tweede deel"  # running header, above the chapter title
    assert lines[1] == "Tweede deel"
    assert lines[-1] == f"Handleiding Krachtwerk {start['Tweede deel']}"  # footer
    # links in "Over de methode" go to the heading in "Tweede deel" and to the worksheet
    targets = set()
    for annot in reader.pages[start["Over de methode"] - 1].get("/Annots", []):
        annot = annot.get_object()
        if annot.get("/Subtype") != "/Link":
            continue
        action = annot["/A"].get_object() if "/A" in annot else {}
        if action.get("/S") == "/URI":
            continue  # a link out of the book
        dest = annot.get("/Dest") or action.get("/D")
        assert dest is not None, f"a link that goes nowhere: {annot}"
        named = reader.named_destinations.get(str(dest)) if not isinstance(dest, list) else None
        page = reader.get_destination_page_number(named) + 1 if named else \
            reader.get_page_number(dest[0].get_object()) + 1
        targets.add(page)
    assert start["Tweede deel"] in targets
    assert start["Alle velden"] in targets


def test_waaier_has_contents_and_every_worksheet(tiny):
    _, site, _ = tiny
    reader = pdf(site, "hulpmiddelenwaaier.pdf")
    pages = text_of(reader)
    entries = dict(toc_entries(reader, 2))
    assert {"Focusbepaling", "Alle velden", "Proefblad"} <= set(entries)
    assert pages[entries["Proefblad"] - 1].startswith("Proefblad")


# --- the cache -----------------------------------------------------------------------------
def test_second_build_renders_nothing_and_a_change_renders_only_its_pdfs(tiny, tmp_path):
    project, _, _ = tiny
    again = mkdocs_build(project, tmp_path / "again")
    lines = progress_lines(again.stdout + again.stderr)
    assert len(lines) == len(EXPECTED) and all(line.endswith("(cache)") for line in lines)
    assert (tmp_path / "again/pdf/handboek.pdf").is_file()

    sheet = project / "worksheets" / "proef.yml"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("Vul het in.", "Vul het nu in."),
                     encoding="utf-8")
    changed = mkdocs_build(project, tmp_path / "changed")
    rendered = {line.split()[2] for line in progress_lines(changed.stdout + changed.stderr)
                if not line.endswith("(cache)")}
    assert rendered == {"werkbladen/proef-leeg.pdf", "werkbladen/proef-invulbaar.pdf",
                        "handboek.pdf", "hulpmiddelenwaaier.pdf"}
    assert "Vul het nu in." in text_of(PdfReader(tmp_path / "changed/pdf/werkbladen/proef-leeg.pdf"))[0]


def test_dirty_build_keeps_the_whole_book(tmp_path):
    """`mkdocs build --dirty` renders only changed pages; a book of those alone must not
    replace the whole one."""
    project = _tiny(tmp_path / "p")
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    book = (site / "pdf/handboek.pdf").read_bytes()
    page = project / "content/handleiding/tweede.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    # --no-strict: MkDocs itself warns about every dirty build
    dirty = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--dirty", "--no-strict",
                            "--site-dir", str(site)], cwd=project, capture_output=True,
                           text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert dirty.returncode == 0, dirty.stderr
    assert "PDF's niet bijgewerkt" in dirty.stderr
    assert (site / "pdf/handboek.pdf").read_bytes() == book
    assert "Over de methode" in "".join(text_of(PdfReader(site / "pdf/handboek.pdf")))


# --- the real handbook ---------------------------------------------------------------------
def test_real_worksheets_have_both_pdfs_with_the_web_form_names(built_site):
    cat = load_catalogue(ROOT)
    for ws in cat.worksheets.values():
        blank = PdfReader(built_site / f"pdf/werkbladen/{ws.id}-leeg.pdf")
        assert blank.get_fields() is None, ws.id
        assert ws.title in blank.pages[0].extract_text()
        fields = PdfReader(built_site / f"pdf/werkbladen/{ws.id}-invulbaar.pdf").get_fields()
        web = web_form_names(built_site / f"waaier/{ws.id}/index.html")
        assert set(fields) == set(paper_controls(cat, ws.id)), ws.id
        check_names_match_the_web_form(set(fields), web)
    downloads = (built_site / "downloads/index.html").read_text(encoding="utf-8")
    # two per worksheet, the two books, a trainer script and handout per course, two per
    # worksheet per language it has on paper, and the cards of each exercise that has them
    from macros.model.cards import exercise_cards
    from macros.print.bilingual import paper_languages
    bilingual = sum(2 * len(paper_languages(cat, ws)) for ws in cat.worksheets.values())
    cards = sum(1 for ex in cat.exercises.values() if exercise_cards(ex))
    expected = 2 * len(cat.worksheets) + 2 + 2 * len(cat.courses) + bilingual + cards
    assert len(re.findall(r'href="\.\./pdf/[^"]+\.pdf"', downloads)) == expected
    for course in cat.courses:
        script = PdfReader(built_site / f"pdf/training/{course}-draaiboek.pdf")
        handout = PdfReader(built_site / f"pdf/training/{course}-deelnemers.pdf")
        assert cat.courses[course].title in " ".join(script.pages[0].extract_text().split())
        assert len(handout.pages) < len(script.pages)  # no trainer notes for participants
        text = lambda r: " ".join(p.extract_text() for p in r.pages)
        trainer_only = LABELS.training["pitfalls"]  # a section only trainers get
        assert trainer_only in text(script) and trainer_only not in text(handout)


def test_real_pdfs_use_only_the_project_font(built_site):
    # a character missing from Atkinson Hyperlegible would pull in a system font
    for path in sorted((built_site / "pdf").rglob("*.pdf")):
        fonts = fonts_of(PdfReader(path))
        assert fonts and all(project_font(base, path.name) for base in fonts), (path.name, fonts)


# --- paper navigation ------------------------------------------------------------------------
def test_worksheet_footer_names_the_edition_and_the_date(tiny):
    import datetime as dt

    from macros.print.render import dutch_date

    _, site, _ = tiny
    for text in text_of(pdf(site, "werkbladen/alles-leeg.pdf")):
        assert f"Alle velden · versie 3 · Krachtwerk Handboek · {dutch_date(dt.date.today())}" \
            in " ".join(text.split())


def test_book_cross_references_give_the_page(tiny):
    _, site, _ = tiny
    reader = pdf(site, "handboek.pdf")
    start = dict(toc_entries(reader, 2))
    text = " ".join(reader.pages[start["Over de methode"] - 1].extract_text().split())
    assert f"het tweede deel (pagina {start['Tweede deel']})" in text
    assert f"het werkblad (pagina {start['Alle velden']})" in text


def test_waaier_and_appendix_bookmarks_are_grouped_by_phase(tiny):
    _, site, _ = tiny
    waaier = pdf(site, "hulpmiddelenwaaier.pdf").outline
    assert waaier[0].title == "Focusbepaling"
    assert {item.title for item in waaier[1]} == {"Alle velden", "Proefblad"}
    book = pdf(site, "handboek.pdf").outline
    appendix = [i for i, item in enumerate(book)
                if not isinstance(item, list) and item.title == "Bijlage: werkbladen"][0]
    assert book[appendix + 1][0].title == "Focusbepaling"


def test_covers_stay_within_the_printable_area(tiny):
    _, site, _ = tiny
    for name in ("handboek.pdf", "hulpmiddelenwaaier.pdf"):
        with pdfplumber.open(site / "pdf" / name) as doc:
            cover = doc.pages[0]
            margin = 10 * 72 / 25.4  # office printers leave about 5 mm at each edge
            assert all(r["x0"] >= margin and r["top"] >= margin for r in cover.rects), name


# --- tags ----------------------------------------------------------------------------------
def structure_headings(reader: PdfReader) -> list[int]:
    """The levels of the H1–H6 structure elements, in tree order."""
    levels = []

    def walk(node):
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            for kid in node:
                walk(kid)
        elif isinstance(node, dict) and "/S" in node:
            if re.fullmatch(r"/H[1-6]", node["/S"]):
                levels.append(int(node["/S"][2]))
            if "/K" in node:
                walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"]["/K"])
    return levels


@pytest.mark.parametrize("name", ["handboek.pdf", "hulpmiddelenwaaier.pdf",
                                  "werkbladen/alles-leeg.pdf"])
def test_running_heads_and_footers_are_artifacts(tiny, name):
    _, site, _ = tiny
    for page in pdf(site, name).pages[1:]:  # the cover has no footer
        content = page.get_contents().get_data()
        assert re.search(rb"/Artifact\s*<<\s*/Type\s*/Pagination\s*>>\s*BDC", content)


def test_heading_levels_follow_the_book(tiny):
    _, site, _ = tiny
    levels = structure_headings(pdf(site, "handboek.pdf"))
    assert levels[0] == 1 and 2 in levels and 3 in levels  # a section, a worksheet
    jumps = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
    assert jumps == []
    waaier = structure_headings(pdf(site, "hulpmiddelenwaaier.pdf"))
    assert [b for a, b in zip(waaier, waaier[1:]) if b > a + 1] == []


def test_one_link_per_contents_line(tiny):
    _, site, _ = tiny
    reader = pdf(site, "handboek.pdf")
    entries = toc_entries(reader, 2)
    links = [a.get_object() for a in reader.pages[1].get("/Annots", [])
             if a.get_object().get("/Subtype") == "/Link"]
    assert len(links) == len(entries)
