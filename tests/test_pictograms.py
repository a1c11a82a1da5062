"""Pictograms (data/pictogrammen.yml, content/assets/pictogrammen/): checked like content,
shown beside their text in the web form and on paper, hidden from screen readers, and only
the shape of a drawing is kept."""
from __future__ import annotations

import re
import shutil

import pytest

from conftest import ROOT
from macros.model.load import load_catalogue
from macros.model.pictograms import DRAWINGS, PICTOGRAMS, read_drawing
from macros.print.render import PrintRenderer
from macros.web.render import WebRenderer
from tiny_project import edit, make_project, problems_of

SVG = re.compile(r"<svg\b[^>]*>")


@pytest.fixture(scope="module")
def cat():
    return load_catalogue(ROOT)


@pytest.fixture
def project(tmp_path):
    root = make_project(tmp_path / "p")
    shutil.copy(ROOT / PICTOGRAMS, root / PICTOGRAMS)
    shutil.copytree(ROOT / DRAWINGS, root / DRAWINGS)
    return root


def test_every_leefgebied_and_the_scale_ends_have_a_pictogram(cat):
    for domain in cat.life_domains:
        assert cat.pictogram("leefgebied", domain.id), domain.id
    assert cat.pictogram("schaal", "links") and cat.pictogram("schaal", "rechts")
    assert cat.pictogram("instructie") and cat.pictogram("uitleg")


def test_the_web_form_and_the_paper_show_pictograms_hidden_from_screen_readers(cat):
    ws = cat.worksheets["krachteninventarisatie"]
    web = WebRenderer(cat).worksheet_form(ws, "waaier/krachteninventarisatie.md")
    paper = str(PrintRenderer(cat).sheet(ws))
    for html in (web, paper):
        tags = SVG.findall(html)
        # the instruction, four parts, ten leefgebieden
        assert len(tags) >= 15
        assert all('aria-hidden="true"' in t and 'class="kw-picto' in t for t in tags)
        row = re.search(r'<th scope="row"[^>]*>(.*?)</th>', html, re.S).group(1)
        assert row.startswith("<svg") and cat.life_domains[0].name in row
    scale = WebRenderer(cat).worksheet_form(cat.worksheets["actieplan"], "waaier/actieplan.md")
    ends = re.search(r'<p class="kw-scale-ends".*?</p>', scale, re.S).group(0)
    assert ends.count("<svg") == 2 and "heel weinig" in ends
    assert 'data-kw-pictograms' in web  # the switch to turn them off


def test_a_drawing_keeps_only_its_shape(tmp_path):
    svg = tmp_path / "x.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" '
                   'onload="alert(1)"><script>alert(2)</script>'
                   '<path d="M0 0h24v24H0z" onclick="x()"/></svg>', encoding="utf-8")
    out = str(read_drawing(svg).svg())
    assert "alert" not in out and "onclick" not in out and "script" not in out
    assert '<path d="M0 0h24v24H0z"/>' in out


def test_an_unknown_pictogram_is_a_content_error_with_file_and_line(project):
    edit(project / "worksheets" / "proef.yml", "velden:\n",
         "velden:\n  - type: uitleg\n    pictogram: olifant\n    tekst: Deel 1.\n")
    problems = problems_of(project)
    assert any(p.startswith("worksheets/proef.yml:") and "onbekend pictogram 'olifant'" in p
               for p in problems), problems


def test_a_missing_drawing_is_a_content_error(project):
    (project / DRAWINGS / "home-outline.svg").unlink()
    problems = problems_of(project)
    assert any(p.startswith(f"{PICTOGRAMS}:") and "home-outline.svg bestaat niet" in p
               for p in problems), problems


def test_without_the_pictogram_file_a_project_still_loads(tmp_path):
    cat = load_catalogue(make_project(tmp_path / "p"))
    assert str(cat.pictogram("schaal", "links")) == ""
