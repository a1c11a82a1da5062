"""`make editions` with two editions of a tiny project (issue #23): each its own site, the
own worksheet with its web form, PDFs and search entry, the left-out worksheet absent
everywhere with its links made text, local details in pages and PDFs, and PDFs that are the
same in both editions rendered once."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from test_editions import OWN, SECOND, edition, own_sheet
from tiny_project import make_project

PAGE = """\
# Hulp

Bel [[crisislijn|de huisarts]]. Zie het werkblad {{ werkblad_link("tweede") }} en ook
[het tweede blad](waaier/tweede.md) of [het proefblad](waaier/proef.md).
"""


LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
        '<rect width="10" height="10" fill="#1d5c63"/></svg>\n')


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    """Two editions built with `python -m macros edities`; yields (project, output)."""
    project = make_project(tmp_path_factory.mktemp("edities") / "p", with_site=True)
    (project / "worksheets" / "tweede.yml").write_text(SECOND, encoding="utf-8")
    (project / "content" / "hulp.md").write_text(PAGE, encoding="utf-8")
    # a location of the same organisation: the same brand (its logo a copy in its own folder),
    # its own sheet, details and choice
    default = project / "site_config" / "default"
    (default / "logo.svg").write_text(LOGO, encoding="utf-8")
    with (default / "editie.yml").open("a", encoding="utf-8") as config:
        config.write("logo: logo.svg\n")
    folder = edition(project, "logo: logo.svg\nweglaten:\n  werkbladen: [tweede]\n"
                              "gegevens:\n  crisislijn: Crisisdienst Noord 0800-1234\n")
    (folder / "logo.svg").write_text(LOGO, encoding="utf-8")
    own_sheet(folder, OWN)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KRACHTWERK_PDF_JOBS": "1"}
    env.pop("KRACHTWERK_EDITIE", None)
    done = subprocess.run([sys.executable, "-m", "macros", "edities"], cwd=project, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = done.stdout
    assert done.returncode == 0, output
    return project, output


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.mark.build
def test_every_edition_folder_gets_its_own_site(editions):
    project, output = editions
    sites = project / "site-edities"
    assert sorted(p.name for p in sites.iterdir()) == ["default", "noord"]
    assert "default: klaar" in output and "noord: klaar" in output
    assert (sites / "default" / "waaier" / "tweede" / "index.html").is_file()
    assert not (sites / "default" / "waaier" / "eigen").exists()


@pytest.mark.build
def test_own_worksheet_has_form_pdfs_and_search_entry(editions):
    project, _ = editions
    site = project / "site-edities" / "noord"
    page = _text(site / "waaier" / "eigen" / "index.html")
    assert "Huisregels Noord" in page and 'name="doel"' in page
    assert "Crisisdienst Noord 0800-1234" in page and "[[" not in page
    index = json.loads(_text(site / "search" / "search_index.json"))
    assert any(doc["location"].startswith("waaier/eigen/") for doc in index["docs"])
    for variant in ("leeg", "invulbaar"):
        reader = PdfReader(site / "pdf" / "werkbladen" / f"eigen-{variant}.pdf")
        text = " ".join(p.extract_text() for p in reader.pages)
        assert "Huisregels Noord" in text and "0800-1234" in text


@pytest.mark.build
def test_left_out_worksheet_is_nowhere_and_its_links_are_text(editions):
    project, output = editions
    site = project / "site-edities" / "noord"
    assert not (site / "waaier" / "tweede").exists()
    assert not list(site.rglob("tweede-*.pdf"))
    # only the page that named it (as text) and the change report mention it
    mentions = {"hulp", "wijzigingen"}
    for path in site.rglob("*"):
        if path.suffix in (".html", ".xml") and not mentions & set(path.parts):
            assert "tweede" not in _text(path).lower(), path
    for doc in json.loads(_text(site / "search" / "search_index.json"))["docs"]:
        if doc["location"].split("/")[0] not in mentions:
            assert "tweede" not in (doc["location"] + doc["title"] + doc["text"]).lower(), doc
    hulp = _text(site / "hulp" / "index.html")
    assert "Zie het werkblad Tweede blad en ook\nhet tweede blad of" in hulp
    assert re.search(r'<a href="\.\./waaier/proef/">het proefblad</a>', hulp)
    assert "Bel Crisisdienst Noord 0800-1234." in hulp
    assert "content/hulp.md:3: werkblad 'tweede' zit niet in deze editie" in output
    assert "content/hulp.md:4: werkblad 'tweede' zit niet in deze editie" in output
    # the default edition keeps the link and has its own neutral value
    default = _text(project / "site-edities" / "default" / "hulp" / "index.html")
    assert "Bel je huisarts, en" in default and 'href="../waaier/tweede/"' in default


@pytest.mark.build
def test_a_pdf_that_is_the_same_in_both_editions_is_rendered_once(editions):
    _, output = editions
    default, noord = output.split("Editie noord:")
    assert re.search(r"PDF \d+/\d+ werkbladen/proef-leeg\.pdf \d+ p\.", default)
    assert re.search(r"PDF \d+/\d+ werkbladen/proef-leeg\.pdf \(cache\)", noord)
    assert re.search(r"PDF \d+/\d+ werkbladen/eigen-leeg\.pdf \d+ p\.", noord)
