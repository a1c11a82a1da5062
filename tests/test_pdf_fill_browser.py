""""Download als ingevulde PDF": the browser fills the worksheet's fillable PDF with the answers
on screen, from a site opened from disk (file://), without any request that leaves the site.
The downloaded PDF is read back with pypdf (the fields hold the answers) and drawn by poppler,
PDFium and MuPDF (every answer shows where it was filled in).

The site is the tiny project with every field type (test_pdf.ALL_FIELDS), built with PDFs.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import mkdocs_build
from test_pdf import _tiny
from test_pdf_forms import NAMES, LONG, RENDERERS, widgets

pytestmark = [pytest.mark.browser, pytest.mark.build]

ANSWERS = {  # web control name -> what is typed
    "naam_datum-naam": NAMES,
    "naam_datum-datum": "2026-03-12",
    "korte": "Kort antwoord",
    "lange": "Regel één\nRegel twee",
    "stappen-1-wat": LONG,
}
EXTRA_ROW = "Een vijfde stap"  # the paper has four rows for 'stappen'


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fill")
    project = _tiny(root / "p")
    result = mkdocs_build(project, root / "site", env={"KRACHTWERK_OFFLINE": "true",
                                                       "KRACHTWERK_PDF_JOBS": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def downloaded(offline_site, browser, tmp_path_factory):
    """Fill the worksheet in the browser from file://, press the button; (PDF path, message,
    requests that left the site folder)."""
    context = browser.new_context(locale="nl-NL", accept_downloads=True)
    page = context.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith(offline_site.as_uri()) and not r.url.startswith("blob:")
            else None)
    page.goto((offline_site / "waaier" / "alles.html").as_uri())
    form = page.locator("form.kw-form")
    for name, value in ANSWERS.items():
        form.locator(f'[name="{name}"]').fill(value)
    form.locator('[name="kies"][value="Nee"]').check()
    form.locator('[name="vink"][value="Buiten"]').check()
    form.locator('[name="cijfer"][value="4"]').check()
    add = page.locator('fieldset[data-kw-list="stappen"]').get_by_role("button",
                                                                       name="Rij toevoegen")
    for _ in range(4):
        add.click()
    form.locator('[name="stappen-5-wat"]').fill(EXTRA_ROW)
    button = page.get_by_role("button", name="Download als ingevulde PDF")
    with page.expect_download() as download:
        button.click()
    path = tmp_path_factory.mktemp("download") / download.value.suggested_filename
    download.value.save_as(path)
    message = page.locator("[data-kw-message]")
    message.get_by_text("ingevulde PDF staat").wait_for()
    yield path, message.inner_text(), outside
    context.close()


def test_the_downloaded_pdf_holds_the_answers(downloaded):
    path, _, outside = downloaded
    assert "-alles-" in path.name and path.name.endswith("-ingevuld.pdf")
    fields = PdfReader(path).get_fields()
    values = {name: field.get("/V") for name, field in fields.items()}
    assert values["naam_datum-naam"] == NAMES
    assert values["naam_datum-datum"] == "12-03-2026"  # as the paper's dag / maand / jaar
    assert values["korte"] == "Kort antwoord"
    assert values["lange"] == "Regel één\nRegel twee"
    assert values["stappen-1-wat"] == LONG
    assert values["kies"] == "/Nee"
    assert values["cijfer"] == "/4"
    # a ticked option exports the option itself (form.py names its "on" state after it)
    assert (values["vink-1"], values["vink-2"], values["vink-3"]) == ("/Off", "/Buiten", "/Off")
    assert outside == []
    root = PdfReader(path).trailer["/Root"]  # still a tagged PDF in Dutch
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"] and root["/Lang"] == "nl"


def test_what_the_paper_has_no_room_for_is_named(downloaded):
    path, message, _ = downloaded
    assert "Mijn stappen, rij 5: Wat" in message
    assert "past niet op het papier" in message
    assert EXTRA_ROW not in "".join(str(f.get("/V")) for f in PdfReader(path).get_fields().values())


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
def test_every_answer_shows_in_the_downloaded_pdf(downloaded, offline_site, tmp_path, renderer):
    """Each filled widget is darker than in the empty PDF, in each renderer: the appearances
    pdf-lib wrote, in the PDF's own form font, draw (a multi-line answer inside its box too)."""
    from PIL import Image

    draw, tool, package = RENDERERS[renderer]
    if tool and not shutil.which(tool):
        if renderer == "mupdf":
            pytest.skip("mutool is not installed (apt-get install mupdf-tools)")
        pytest.fail(f"{tool} is missing: apt-get install {package}")
    path, _, _ = downloaded
    empty = offline_site / "pdf" / "werkbladen" / "alles-invulbaar.pdf"
    (tmp_path / "empty").mkdir()
    (tmp_path / "filled").mkdir()
    before = [Image.open(p).convert("L") for p in draw(empty, tmp_path / "empty")]
    after = [Image.open(p).convert("L") for p in draw(path, tmp_path / "filled")]
    wanted = {*ANSWERS, "kies", "cijfer", "vink-2"}
    blank, seen = [], set()
    for index, widget, field in widgets(PdfReader(path)):
        name = field["/T"]
        state = widget.get("/AS")
        if name not in wanted or (state is not None and state == "/Off"):
            continue
        seen.add(name)
        x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
        height = before[index].height
        box = (int(x0) + 1, int(height - y1) + 1, int(x1) - 1, int(height - y0) - 1)
        darker = sum(1 for a, b in zip(before[index].crop(box).get_flattened_data(),
                                       after[index].crop(box).get_flattened_data())
                     if a - b > 60)
        if darker < 3:
            blank.append(name)
    assert seen == wanted
    assert blank == [], f"{renderer} draws these answers blank"
