"""Building the real site, and what a content mistake does to a build."""
from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import ROOT, mkdocs_build
from macros.model.load import load_catalogue
from tiny_project import edit, make_project


@pytest.mark.build
def test_real_site_has_home_colofon_and_worksheet_pages(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in home
    assert (built_site / "colofon" / "index.html").is_file()
    actieplan = (built_site / "waaier" / "actieplan" / "index.html").read_text(encoding="utf-8")
    assert 'data-kw-worksheet="actieplan"' in actieplan
    assert 'name="stappen-1-wat"' in actieplan
    assert "Voor de begeleider" in actieplan


@pytest.mark.build
def test_glossary_words_carry_their_explanation_on_pages(built_site):
    """data/begrippen.yml reaches every page (generated ones too) as <abbr title=...>."""
    tip = ('<abbr title="Werkagenda met een eigen doel van de cliënt, vertaald in kleine '
           'haalbare stappen">actieplan</abbr>')
    for page in ("handleiding/traject/evaluatie", "handleiding/traject/doelen-stellen",
                 "waaier/actieplan"):
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        assert tip in html or tip.replace(">actieplan<", ">Actieplan<") in html, page


@pytest.mark.build
def test_every_worksheet_has_a_page(built_site):
    for yml in (ROOT / "worksheets").glob("*.yml"):
        assert (built_site / "waaier" / yml.stem / "index.html").is_file(), yml.name


@pytest.mark.build
def test_fonts_are_self_hosted(built_site):
    css = (built_site / "assets/css/fonts.css").read_text(encoding="utf-8")
    for url in re.findall(r'url\("([^"]+)"\)', css):
        assert (built_site / "assets/css" / url).resolve().is_file(), url


EXTERNAL = re.compile(r"""(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//""", re.I)
CSS_EXTERNAL = re.compile(r"""(?:url\(\s*["']?\s*(?:https?:)?//|@import\s+["']?(?:https?:)?//)""",
                          re.I)


def _loads_from_other_host(html: str) -> list[str]:
    """Tags that make the browser fetch something (not plain <a> links, which only navigate)."""
    found = []
    for tag in re.findall(r"<(?:script|link|img|iframe|source|video|audio|embed|object|form)\b[^>]*>",
                          html, re.I):
        if EXTERNAL.search(tag):
            found.append(tag)
    return found


@pytest.mark.build
def test_no_built_file_loads_from_another_host(built_site):
    problems = []
    for path in built_site.rglob("*"):
        if path.suffix == ".html":
            problems += [f"{path.relative_to(built_site)}: {t}"
                         for t in _loads_from_other_host(path.read_text(encoding="utf-8"))]
        elif path.suffix == ".css":
            text = path.read_text(encoding="utf-8")
            problems += [f"{path.relative_to(built_site)}: {m}" for m in CSS_EXTERNAL.findall(text)]
    assert problems == []


def broken(project: Path) -> Path:
    """The tiny project with two mistakes in its worksheet."""
    load_catalogue(project)  # valid before the edit: the mistakes below are what fails
    edit(project / "worksheets/proef.yml", "type: schaal", "type: schaal5")
    edit(project / "worksheets/proef.yml", "versie: 1", "versie: een")
    return project


PROBLEMS = ["2 problemen in de inhoud:",
            "worksheets/proef.yml:3 (versie): verkeerd type",
            "worksheets/proef.yml:21 (velden[1].type): onbekend veldtype 'schaal5'"]


def test_content_mistake_stops_the_plugin_with_every_problem(tmp_path, monkeypatch):
    """Unit level: the plugin turns the problems into MkDocs' Abort (no traceback)."""
    from mkdocs.exceptions import Abort

    from macros.site.plugin import KrachtwerkPlugin

    project = broken(make_project(tmp_path / "p"))
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    for name in ("KRACHTWERK_EDITIE", "KRACHTWERK_PDF", "KRACHTWERK_OFFLINE"):
        monkeypatch.delenv(name, raising=False)
    plugin = KrachtwerkPlugin()
    with pytest.raises(Abort) as stop:
        plugin.on_config(SimpleNamespace(config_file_path=str(project / "mkdocs.yml"),
                                         use_directory_urls=True))
    for expected in PROBLEMS:
        assert expected in str(stop.value)


@pytest.mark.build
def test_content_mistake_stops_build_with_file_line_and_no_traceback(tmp_path):
    project = broken(make_project(tmp_path / "p", with_site=True))
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for expected in PROBLEMS:
        assert expected in output
    assert "Traceback" not in output
    assert not (tmp_path / "site").exists()


def test_schema_files_are_up_to_date():
    from macros.model.schema import SCHEMAS, schema_text
    for name, model in SCHEMAS.items():
        committed = (ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")
        assert committed == schema_text(model), f"run `make schema` ({name})"


def test_worksheets_reference_their_schema():
    for yml in (ROOT / "worksheets").glob("*.yml"):
        first = yml.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/werkblad.schema.json", yml.name
