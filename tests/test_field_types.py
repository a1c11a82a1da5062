"""Everything a field type needs, checked for every type in the worksheet model's union.

A new field type means: its model class (macros/model/worksheet.py), its web partial, a print
override when paper differs, and CSS for what its partials use. Each test below names what is
missing for which type, and the rendered web and print HTML must carry exactly the control
names that macros/model/controls.py gives.
"""
from __future__ import annotations

import re

import pytest

from conftest import ROOT
from macros.model import models
from macros.model.controls import KINDS, PAPER, SHAPES, WEB, field_controls
from macros.model.load import load_catalogue
from macros.print.render import PrintRenderer
from macros.web.render import WebRenderer
from test_worksheet_render import ALL_TYPES, Tree
from tiny_project import make_project

TEMPLATES = ROOT / "macros" / "templates"
CSS = ROOT / "content" / "assets" / "css"
WEB_CSS = (CSS / "site.css", CSS / "worksheet.css")
PRINT_CSS = tuple(TEMPLATES / "print" / name for name in ("print.css", "fillable.css"))
TYPES = {models.FIELD_TYPES[i]: cls for i, cls in enumerate(models.FIELD_CLASSES)}


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("types") / "p")
    (project / "worksheets" / "proef.yml").write_text(ALL_TYPES, encoding="utf-8")
    return load_catalogue(project)


@pytest.fixture(scope="module")
def sheet(catalogue):
    return catalogue.worksheets["proef"]


def fields_of_type(sheet, type_: str) -> list:
    fields = [f for f in sheet.fields if f.type == type_]
    assert fields, (f"the ALL_TYPES worksheet in tests/test_worksheet_render.py has no field of "
                    f"type '{type_}': add one, so that the tests here cover it")
    return fields


def styled_classes(paths) -> set[str]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in paths)
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return set(re.findall(r"\.(kw-[\w-]+)", text))


def classes_in(html: str) -> list[str]:
    return [c for value in re.findall(r'class="([^"]*)"', html) for c in value.split()
            if c.startswith("kw-")]


def names_in(html: str) -> set[str]:
    """Every name= in the HTML, the web list's row template included."""
    return {n.attrs["name"] for n in Tree(html).root.walk() if "name" in n.attrs}


@pytest.mark.parametrize("type_", models.FIELD_TYPES)
def test_type_has_its_partials(type_):
    web = TEMPLATES / "fields" / f"{type_}.html"
    assert web.is_file(), f"'{type_}': no web partial macros/templates/fields/{type_}.html"
    # Print uses the web partial unless print/fields/<type>.html overrides it; both are fine.


@pytest.mark.parametrize("type_", models.FIELD_TYPES)
def test_type_defines_its_controls(type_):
    cls = TYPES[type_]
    if cls in SHAPES:
        return
    kind = getattr(cls, "answer_kind", "missing")
    assert kind is None or kind in KINDS, (
        f"'{type_}' ({cls.__name__}): set `answer_kind` on the model class to the kind of "
        f"answer its control takes ({', '.join(KINDS)}; None for no control), or give it a "
        f"shape of its own in macros/model/controls.py (SHAPES)")


@pytest.mark.parametrize("type_", models.FIELD_TYPES)
@pytest.mark.parametrize("medium", [WEB, PAPER])
def test_rendered_names_are_the_controls_names(catalogue, sheet, type_, medium):
    render = (WebRenderer(catalogue) if medium == WEB else PrintRenderer(catalogue)).field_html
    for field in fields_of_type(sheet, type_):
        controls = field_controls(catalogue, field, medium)
        assert all(c.kind in KINDS for c in controls), (type_, [c.kind for c in controls])
        assert all(c.label for c in controls), f"'{type_}': a control without a label"
        assert len({c.name for c in controls}) == len(controls), f"'{type_}': a name twice"
        html = render(sheet, field)
        assert names_in(html) == {c.name for c in controls}, (
            f"'{type_}' ({medium}): the partial's name= attributes differ from the controls "
            f"(macros/model/controls.py): take them from `controls`")


@pytest.mark.parametrize("type_", models.FIELD_TYPES)
@pytest.mark.parametrize("medium", [WEB, PAPER])
def test_type_has_css_for_what_its_partial_uses(catalogue, sheet, type_, medium):
    """The partial marks its root with kw-field--<type> (kw-<type> for a field without
    controls), and every other kw-* class it uses is styled: on the web by site.css or
    worksheet.css; on paper by the print CSS, or by the web CSS for a class that only marks
    the same structure there (kw-list: the paper table is styled as .kw-table). A type that
    looks like others needs no rule of its own, so the root class need not have one."""
    render = WebRenderer(catalogue).field_html if medium == WEB else PrintRenderer(
        catalogue).field_html
    css = WEB_CSS if medium == WEB else PRINT_CSS
    styled = styled_classes(css) | (styled_classes(WEB_CSS) if medium == PAPER else set())
    for field in fields_of_type(sheet, type_):
        used = classes_in(render(sheet, field))
        root = {f"kw-field--{type_}", f"kw-{type_}"} & set(used[:2])
        assert root, f"'{type_}' ({medium}): the partial's root has no class kw-field--{type_}"
        missing = sorted(set(used) - styled - root)
        assert not missing, (f"'{type_}' ({medium}): no CSS for {missing} in "
                             f"{', '.join(p.name for p in css)}")


def test_whole_sheet_names_on_web_and_paper_are_the_controls(catalogue, sheet):
    """The same, through the whole worksheet as the site and the PDFs render it."""
    web = Tree(WebRenderer(catalogue).worksheet_form(sheet)).all("form")[0]
    web_names = {n.attrs["name"] for n in web.walk() if "name" in n.attrs}
    paper = Tree(str(PrintRenderer(catalogue).sheet(sheet))).all("form")[0]
    paper_names = {n.attrs["name"] for n in paper.walk() if "name" in n.attrs}
    expected = {medium: {c.name for f in sheet.fields
                         for c in field_controls(catalogue, f, medium)} for medium in (WEB, PAPER)}
    assert web_names == expected[WEB]
    assert paper_names == expected[PAPER]
