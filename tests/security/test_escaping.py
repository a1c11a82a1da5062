"""Rule 2: every YAML text field is text unless the model types it Markdown; Markdown fields
have no raw HTML and only safe links; edition words are escaped everywhere. Checked on the
HTML a reader gets: the views rendered by Python-Markdown with the site's extensions."""
from __future__ import annotations

import dataclasses
from html.parser import HTMLParser

import markdown
import pytest
import yaml
from pydantic import BaseModel

from helpers import ROOT_DIR, build, edit, make_project, problems_of

from macros.model.load import load_catalogue
from macros.print.render import PrintRenderer
from macros.web.render import WebRenderer
from macros.web.safe_text import SafeLinksExtension

PAYLOAD = ('<script>alert(1)</script><img src=x onerror=alert(2)>'
           '[k](javascript:alert(3)) ![i](data:text/html,x) {: onclick="alert(4)" }')
NOT_TEXT = {"id", "phase", "task", "kind", "audience", "principles", "worksheets", "instruments",
            "exercise", "start", "type", "tags", "version", "columns", "rows"}


def poisoned(value, name=""):
    """A copy of a model with PAYLOAD added to every text in it (Markdown stays Markdown)."""
    if name in NOT_TEXT:
        return value
    if isinstance(value, BaseModel):
        return value.model_copy(update={n: poisoned(getattr(value, n), n)
                                        for n in type(value).model_fields})
    if isinstance(value, list):
        return [poisoned(v, name) for v in value]
    return type(value)(value + PAYLOAD) if isinstance(value, str) else value


class Danger(HTMLParser):
    """Collects what would run in a browser: script elements, on* attributes, unsafe URLs."""
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        given = dict(attrs)
        if tag in ("iframe", "object", "embed") or (
                tag == "script" and not given.get("src")
                and given.get("type") != "application/json"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{name}=")
            if name in ("href", "src") and value and value.replace(" ", "").lower().startswith(
                    ("javascript:", "data:", "vbscript:")):
                self.found.append(f"{name}={value}")


def danger(html: str) -> list[str]:
    parser = Danger()
    parser.feed(html)
    return parser.found


def site_markdown(text: str) -> str:
    config = yaml.safe_load((ROOT_DIR / "mkdocs.yml").read_text(encoding="utf-8")
                            .split("\nnav:")[0].split("\nplugins:")[0] + "\n" +
                            "markdown_extensions:" +
                            (ROOT_DIR / "mkdocs.yml").read_text(encoding="utf-8")
                            .split("markdown_extensions:")[1].split("\nextra:")[0])
    names = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    return markdown.markdown(text, extensions=names + [SafeLinksExtension()])


@pytest.fixture(scope="module")
def views():
    cat = load_catalogue(ROOT_DIR)
    cat = dataclasses.replace(
        cat, method=poisoned(cat.method),
        **{kind: {k: poisoned(v) for k, v in getattr(cat, kind).items()}
           for kind in ("worksheets", "principles", "exercises", "courses")})
    web, page = WebRenderer(cat), "training/x.md"
    out = {"tags": web.tag_overview(), "exercises": web.exercise_overview(page),
           "courses": web.course_overview(page), "waaier": web.waaier_overview(page)}
    for ident in cat.worksheets:
        out[ident] = web.worksheet(page, ident)
        out[f"link {ident}"] = web.worksheet_link(page, ident)
    for ident in cat.principles:
        out[ident] = web.principle(page, ident)
    for ident in cat.tasks:
        out[ident] = web.task(page, ident)
    for ident in cat.exercises:
        out[ident] = web.training.exercise(page, ident, trainer=True)
    for ident in cat.courses:
        out[ident] = web.course(page, ident)
        out[f"pack {ident}"] = web.training.course_pack(page, ident, trainer=True)
    printed = PrintRenderer(cat)
    for ident, ws in cat.worksheets.items():
        out[f"print {ident}"] = printed.worksheet_document(ws).html
    return out


def test_no_field_of_any_content_type_makes_html_or_links(views):
    for name, text in views.items():
        html = text if name.startswith("print ") else site_markdown(text)
        assert danger(html) == [], f"{name}: {danger(html)}"
        assert "<script>" not in html and "alert(1)" in html, name  # shown, as text


def test_markdown_fields_keep_their_markdown():
    from macros.model.base import MarkdownText
    from macros.web.safe_text import markdown_html, yaml_text
    text = MarkdownText("**vet** en [een site](https://a.nl) <b>geen tag</b>")
    html = site_markdown(str(yaml_text(text)))
    assert "<strong>vet</strong>" in html and 'href="https://a.nl"' in html
    assert "&lt;b&gt;geen tag" in html
    assert markdown_html(text).count("<strong>") == 1  # print and web: one rule
    assert "&lt;b&gt;geen tag" in markdown_html(text)


def test_plain_fields_show_markdown_characters_as_typed():
    from macros.web.safe_text import yaml_text
    import html as entities
    out = site_markdown("Doel: " + str(yaml_text("**niet vet** [geen link](https://a.nl)")))
    assert "<strong>" not in out and "<a " not in out
    assert "**niet vet** [geen link]" in entities.unescape(out)


EDITION_PAYLOAD = "</title><script>alert(1)</script>"


def poison_edition(project):
    settings = project / "site_config/default/editie.yml"
    edit(settings, "naam: Krachtwerk Handboek", f'naam: "Org {EDITION_PAYLOAD}"')
    edit(settings, "korte_naam: Krachtwerk", f'korte_naam: "K {EDITION_PAYLOAD}"')
    edit(settings, "voettekst: Onafhankelijke", f'voettekst: "{EDITION_PAYLOAD} Onafhankelijke')
    edit(settings, "basismethodiek.", 'basismethodiek."')
    (project / "site_config/default/eigen.md").write_text("# Eigen\n", encoding="utf-8")
    with settings.open("a", encoding="utf-8") as f:
        f.write(f'extra_paginas:\n  - titel: "Pagina {EDITION_PAYLOAD}"\n    bestand: eigen.md\n')
    return project


def test_edition_words_are_escaped_in_print(tmp_path):
    cat = load_catalogue(poison_edition(make_project(tmp_path / "p")))
    html = PrintRenderer(cat).worksheet_document(cat.worksheets["proef"]).html
    assert "<script>" not in html and "&lt;script&gt;" in html


@pytest.mark.parametrize("key, value, expected", [
    ("email", "x@y.nl<script>", "is geen e-mailadres"),
    ("telefoon", "<b>112</b>", "is geen telefoonnummer"),
    ("website", "javascript:alert(1)", "is geen webadres"),
])
def test_edition_contact_must_be_what_it_says(tmp_path, key, value, expected):
    project = make_project(tmp_path / "p")
    with (project / "site_config/default/editie.yml").open("a", encoding="utf-8") as f:
        f.write(f"contact:\n  {key}: \"{value}\"\n")
    assert any(f"(contact.{key})" in p and expected in p for p in problems_of(project))


@pytest.mark.build
def test_edition_words_are_escaped_in_every_web_page(tmp_path):
    project = poison_edition(make_project(tmp_path / "p", with_site=True))
    code, output = build(project, tmp_path / "site")
    assert code == 0, output
    for path in (tmp_path / "site").rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html, path
        assert danger(html) == [], (path, danger(html))
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in home  # shown as text: header, footer
    css = (tmp_path / "site/assets/editie/editie.css").read_text(encoding="utf-8")
    assert "</" not in css and css.count("*/") == 1


@pytest.mark.parametrize("link", ["javascript:alert(1)", "JaVa&#x53;cript:alert(1)",
                                  "data:text/html,x", "//andere-site.example/",
                                  "<vbscript:msgbox(1)>"])
def test_an_unsafe_link_in_a_markdown_field_is_reported_not_only_dropped(tmp_path, link):
    project = make_project(tmp_path / "p")
    edit(project / "worksheets" / "proef.yml", "  - id: cijfer\n",
         f"  - id: uitleg_deel\n    type: uitleg\n    tekst: Lees [dit]({link}) eerst.\n"
         "  - id: cijfer\n")
    problems = problems_of(project)
    assert any(p.startswith("worksheets/proef.yml:22 (velden.1.tekst): link ") and
               "is niet toegestaan; gebruik http(s)://" in p for p in problems), problems


def test_safe_links_in_markdown_fields_are_fine(tmp_path):
    project = make_project(tmp_path / "p")
    edit(project / "worksheets" / "proef.yml", "  - id: cijfer\n",
         "  - id: uitleg_deel\n    type: uitleg\n    tekst: >-\n      Zie [de waaier](../waaier/),"
         " [mail](mailto:a@b.nl), [bel](tel:0800-0113)\n      en [113](https://www.113.nl).\n"
         "  - id: cijfer\n")
    load_catalogue(project)
