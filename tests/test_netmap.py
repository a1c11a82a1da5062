"""The netwerkkaart field, without a build: its model, its controls and the drawing that the
web and print partials make from the model (web/netmap.py)."""
from __future__ import annotations

import json
import re

import pytest
from pydantic import ValidationError

from macros.model import models
from macros.model.controls import PAPER, WEB, field_controls
from macros.model.load import load_catalogue
from macros.print.render import PrintRenderer
from macros.web.netmap import network_drawing
from macros.web.render import WebRenderer
from test_worksheet_render import ALL_TYPES
from tiny_project import make_project

THREE = """  - id: drie
    type: netwerkkaart
    label: Drie kringen
    kringen:
      - {id: heel, label: Heel dichtbij}
      - {id: wat, label: Wat verder}
      - {id: ver, label: Ver weg}
    sectoren:
      - {id: thuis, label: Thuis}
      - {id: werk, label: Werk}
      - {id: club, label: Club}
"""


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("netmap") / "p")
    (project / "worksheets" / "proef.yml").write_text(ALL_TYPES + THREE, encoding="utf-8")
    return load_catalogue(project)


def field(catalogue, ident):
    sheet = catalogue.worksheets["proef"]
    return sheet, next(f for f in sheet.fields if f.id == ident)


def test_default_map_has_two_rings_and_the_four_sectors(catalogue):
    _, f = field(catalogue, "netwerk")
    assert [r.id for r in f.rings] == ["dichtbij", "verder"]
    assert [s.label for s in f.sectors] == ["Familie", "Vrienden", "Buurt", "Hulpverleners"]


@pytest.mark.parametrize("key", ["kringen", "sectoren"])
def test_a_ring_or_sector_id_twice_is_refused(key):
    items = [{"id": "a", "label": "A"}, {"id": "a", "label": "B"}]
    with pytest.raises(ValidationError, match="twee keer"):
        models.NetworkMap.model_validate({"id": "n", "type": "netwerkkaart", "label": "N",
                                          key: items})


def test_a_person_is_a_row_of_name_ring_and_sector(catalogue):
    _, f = field(catalogue, "netwerk")
    web = field_controls(catalogue, f, WEB)
    assert [(c.name, c.kind) for c in web if c.row == "1"] == [
        ("netwerk-1-naam", "text"), ("netwerk-1-kring", "choice"), ("netwerk-1-sector", "choice")]
    paper = field_controls(catalogue, f, PAPER)
    assert paper.rows() == ["1", "2", "3"]  # afdrukrijen: 3
    assert paper.label(row="2", column="kring") == "Mijn netwerk: persoon 2, Kring"


@pytest.mark.parametrize("ident, rings, sectors", [("netwerk", 2, 4), ("drie", 3, 3)])
def test_paper_draws_the_rings_and_sectors_of_the_model(catalogue, ident, rings, sectors):
    sheet, f = field(catalogue, ident)
    html = str(PrintRenderer(catalogue).field_html(sheet, f))
    svg = re.search(r"<svg.*?</svg>", html, re.S)[0]
    assert svg.count("<circle") == rings + 1  # every ring, and 'ik' in the middle
    assert svg.count("<line") == sectors
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert texts == ["Ik", *(r.label for r in f.rings), *(s.label for s in f.sectors)]
    # Writing space for who is where, with the controls' names.
    assert len(re.findall(r'<input type="text"', html)) == 3 * f.print_rows


def test_web_draws_the_same_and_gives_the_script_the_same_geometry(catalogue):
    sheet, f = field(catalogue, "netwerk")
    web = str(WebRenderer(catalogue).field_html(sheet, f))
    paper = str(PrintRenderer(catalogue).field_html(sheet, f))
    svg = lambda html: re.search(r"<svg.*?</svg>", html, re.S)[0]  # noqa: E731
    assert svg(web) == svg(paper)
    geometry = json.loads(re.search(r'data-kw-geometry="([^"]*)"', web)[1].replace("&#34;", '"'))
    drawing = network_drawing(f)
    assert geometry["radii"] == list(drawing.radii)
    assert geometry["rings"] == ["dichtbij", "verder"]
    assert geometry["sectors"] == ["familie", "vrienden", "buurt", "hulpverleners"]
    # Four sectors are the four quarters: the borders run left, up, right and down.
    ends = [(round(x2), round(y2)) for _, _, x2, y2 in drawing.spokes]
    c, r = drawing.centre, drawing.outer
    assert ends == [(c - r, c), (c, c - r), (c + r, c), (c, c + r)]


def test_the_help_says_first_name_or_role_only(catalogue):
    sheet, f = field(catalogue, "netwerk")
    for html in (WebRenderer(catalogue).field_html(sheet, f),
                 PrintRenderer(catalogue).field_html(sheet, f)):
        assert "alleen een voornaam of een rol" in str(html)
        assert "nooit een achternaam" in str(html)


def test_the_web_drawing_has_every_language_hidden_the_svg_way():
    """Each name of the drawing once per language, not shown until chosen: with
    display="none" (the HTML checker refuses `hidden` on SVG elements), and each option of
    the list with its translations for the script."""
    from conftest import ROOT
    cat = load_catalogue(ROOT)
    sheet = cat.worksheets["netwerkkaart"]
    f = next(x for x in sheet.fields if x.id == "netwerk")
    html = str(WebRenderer(cat).worksheet("waaier/netwerkkaart.md", sheet.id))
    svg = re.search(r'<svg class="kw-netmap-svg".*?</svg>', html, re.S)[0]
    names = 1 + len(f.rings) + len(f.sectors)
    translated = re.findall(r"<text [^>]*data-kw-tr=[^>]*>", svg)
    assert len(translated) == names * len(cat.languages)
    assert all('display="none"' in tag and " hidden" not in tag for tag in translated)
    arabic = cat.translations["ar"]["netwerkkaart"].fields["netwerk"].rings["verder"]
    assert f'<option value="verder" data-kw-text-en="Further away"' in html
    assert f'data-kw-text-ar="{arabic}"' in html
