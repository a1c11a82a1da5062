"""Rule 1: a page's Jinja reaches our macros and `editie`, nothing else; a mistake is a Dutch
file:line and the build stops."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import build, make_project, page

from macros.model.load import load_catalogue
from macros.model.problems import ContentError
from macros.web.page_templates import PageTemplates
from macros.web.render import WebRenderer

# Every attack writes a marker file if it gets to run code on the build machine.
ATTACKS = {
    "cycler": '{{ cycler.__init__.__globals__.os.popen("touch MARK").read() }}',
    "joiner": '{{ joiner.__init__.__globals__.os.system("touch MARK") }}',
    "namespace": "{{ namespace.__init__.__globals__ }}",
    "lipsum": '{{ lipsum.__globals__["os"].system("touch MARK") }}',
    "range": "{{ range.__class__.__mro__ }}",
    "str-mro": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "str-format": "{{ '{0.__class__.__mro__}'.format(editie) }}",
    "macro-globals": '{{ werkblad.__globals__["os"].system("touch MARK") }}',
    "macro-code": "{% set f = werkblad %}{{ f.__code__ }}",
    "editie-class": "{{ editie.__class__.__init__.__globals__ }}",
    "editie-pydantic": "{{ editie.model_config }}",
    "editie-private": "{{ editie._fields }}",
    "attr-filter": "{{ editie|attr('__class__') }}",
    "map-filter": "{{ [editie]|map(attribute='__class__')|list }}",
    "self": "{{ self._TemplateReference__context }}",
    "loop": "{% for d in editie.life_domains %}{{ loop.__class__ }}{% endfor %}",
    "config": "{{ config }}",
    "config-extra": "{{ config.extra }}",
    "environment": "{{ environment }}",
    "page": "{{ page.file.abs_src_path }}",
    "git": "{{ git }}",
    "extra": "{{ extra }}",
    "macros-info": "{{ macros_info() }}",
    "include": "{% include 'index.md' %}",
    "import": "{% import 'mkdocs.yml' as m %}",
    "extends": "{% extends '/etc/passwd' %}",
    "string-bomb": "{{ 'a' * 1000000000 }}",
    "power-bomb": "{{ 2 ** 100000000 }}",
}


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("sandbox") / "p")
    cat = load_catalogue(project)
    return PageTemplates(cat, WebRenderer(cat), lambda: "index.md")


def problem(templates, text: str, first_line: int = 1) -> str:
    with pytest.raises(ContentError) as info:
        templates.render(text, "content/index.md", first_line)
    [found] = info.value.problems
    return str(found)


@pytest.mark.parametrize("name", ATTACKS)
def test_attack_is_refused_with_file_and_line(templates, name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = problem(templates, "# Titel\n\n" + ATTACKS[name], first_line=4)
    assert text.startswith("content/index.md:6: "), text
    assert "pagina" in text or "te lang" in text or "tekst langer" in text
    assert not (tmp_path / "MARK").exists()


def test_only_macros_and_edition_are_in_reach(templates):
    assert set(templates.env.globals) == {
        "werkblad", "werkblad_link", "principe", "basistaak", "oefening", "cursus",
        "cursus_pakket", "oefeningen_overzicht", "cursussen_overzicht", "waaier_overzicht",
        "trefwoorden_overzicht", "clientmappen", "bewaarstatus", "standaardmap", "editie"}
    assert "attr" not in templates.env.filters and "map" not in templates.env.filters


def test_public_edition_settings_still_work(templates):
    out = templates.render("{% if editie.sections.training %}ja{% endif %} {{ editie.name }}",
                           "content/index.md")
    assert out.startswith("ja ") and "{{" not in out


@pytest.mark.parametrize("call, expected", [
    ("werkblad('bestaat-niet')", "werkblad 'bestaat-niet' is onbekend; kies uit: proef"),
    ("werkblad(3)", "werkblad 3 (int) is geen tekst; kies uit: proef"),
    ("werkblad()", "werkblad mist het argument 'werkblad'; schrijf werkblad(werkblad)"),
    ("werkblad('proef', 'x')", "werkblad krijgt 2 argumenten, maar neemt er 1"),
    ("werkblad(id='proef')", "werkblad kent geen argument 'id'"),
    ("principe('x')", "principe 'x' is onbekend; kies uit: "),
    ("basistaak('x')", "basistaak 'x' is onbekend; kies uit: afronden, doelen-stellen"),
    ("cursus_pakket('terugkomdag', 'nee')", "trainer is 'nee', maar moet true of false zijn"),
    ("cursus_pakket('terugkomdag')", "cursus_pakket mist het argument 'trainer'"),
    ("cursus_pakket('terugkomdag', true)", "cursus 'terugkomdag' is onbekend; kies uit: "),
])
def test_wrong_macro_arguments_name_line_and_allowed_values(templates, call, expected):
    text = problem(templates, "a\n{{ " + call + " }}")
    assert text.startswith("content/index.md:2: ")
    assert expected in text


def test_syntax_error_is_dutch(templates):
    assert "content/index.md:3: de pagina houdt op" in problem(templates, "a\n\n{% if x %}")


@pytest.mark.build
@pytest.mark.parametrize("payload", [ATTACKS["cycler"], "{{ config }}",
                                     "{{ werkblad('proef', trainer=true) }}"])
def test_build_stops_on_a_page_attack_with_file_line(tmp_path, payload):
    project = make_project(tmp_path / "p", with_site=True)
    page(project, "---\ntitel: x\n---\n# Start\n\n" + payload + "\n")
    code, output = build(project, tmp_path / "site")
    assert code != 0
    assert "content/index.md:6: " in output
    assert "Traceback" not in output
    assert not (project / "MARK").exists()
    assert not (tmp_path / "site" / "index.html").exists()
