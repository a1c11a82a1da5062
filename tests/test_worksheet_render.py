"""The worksheet form as rendered HTML: labels, help, names, links and what the script needs."""
from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT
from macros.model.load import load_catalogue
from macros.model.routes import Routes
from macros.web.render import WebRenderer
from macros.model.labels import LABELS
from tiny_project import make_project

# One worksheet with every field type (also served by test_worksheet_browser.py).
ALL_TYPES = """\
id: proef
titel: Proefblad
versie: 1
voor: [cliënt]
fase: focusbepaling
basistaak: doelen-stellen
principes: []
doel: Alle veldtypen in één werkblad.
minuten: 10
wanneer: Altijd.
wanneer_niet: Nooit.
begeleiding:
  introduceren: Leg uit wat de bedoeling is.
  letten_op: Let op de woorden van de cliënt.
instructie: Vul alles in.
velden:
  - type: naam-datum
  - type: uitleg
    tekst: Eerst een **uitleg**.
  - id: kort
    type: tekst
    label: Een kort antwoord
    hulp: Een paar woorden.
  - id: lang
    type: lange-tekst
    label: Een lang antwoord
    regels: 3
  - id: wanneer
    type: datum
    label: Een datum
  - id: aantal
    type: getal
    label: Een getal
    min: 0
    max: 100
  - id: kleur
    type: keuze
    label: Een keuze
    hulp: Kies er één.
    opties: [Rood, Groen, Blauw]
  - id: dagen
    type: meerkeuze
    label: Meer keuzes
    opties: [Maandag, Dinsdag, Woensdag]
  - id: cijfer
    type: schaal
    label: Een cijfer
    links: slecht
    rechts: goed
  - id: rooster
    type: tabel
    label: Een tabel
    hulp: Vul de cellen in.
    rijen:
      - {id: ochtend, label: Ochtend}
      - {id: middag, label: Middag}
    kolommen:
      - {id: wat, label: Wat}
      - {id: wie, label: Wie}
      - {id: gedaan, label: Gedaan, soort: vinkje}
  - id: domeinen
    type: tabel
    label: Per leefgebied
    rijen_uit: leefgebieden
    kolommen:
      - {id: nu, label: Nu}
  - id: stappen
    type: lijst
    label: Een lijst
    hulp: Voeg rijen toe.
    kolommen:
      - {id: wat, label: "Wat ga ik doen?"}
      - {id: wie, label: "Wie doet het?"}
      - {id: klaar, label: "Klaar?", soort: vinkje}
  - id: samen
    type: totaal
    label: Het totaal
    telt: [cijfer, aantal]
  - id: netwerk
    type: netwerkkaart
    label: Mijn netwerk
    hulp: Zet de mensen om je heen op de kaart.
    afdrukrijen: 3
"""

JS = ROOT / "content" / "assets" / "js" / "worksheet"
VOID = {"input", "br", "img", "hr", "meta", "link", "col", "source", "wbr", "area", "base"}


class Node:
    def __init__(self, tag: str, attrs: dict, parent: "Node | None"):
        self.tag, self.attrs, self.parent, self.children, self.texts = tag, attrs, parent, [], []

    def text(self) -> str:
        parts = list(self.texts) + [c.text() for c in self.children]
        return " ".join(p.strip() for p in parts if p.strip())

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def walk(self):
        for child in self.children:
            yield child
            yield from child.walk()


class Tree(HTMLParser):
    """A small DOM: enough to follow labels, ids and fieldsets."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#root", {}, None)
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v if v is not None else "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.texts.append(data)

    def all(self, tag=None, **attrs):
        return [n for n in self.root.walk() if (tag is None or n.tag == tag)
                and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())]

    def by_id(self) -> dict:
        return {n.attrs["id"]: n for n in self.root.walk() if "id" in n.attrs}


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("render") / "p")
    (project / "worksheets" / "proef.yml").write_text(ALL_TYPES, encoding="utf-8")
    return load_catalogue(project)


@pytest.fixture(scope="module")
def rendered(catalogue) -> str:
    return WebRenderer(catalogue).worksheet("waaier/proef.md", "proef")


@pytest.fixture(scope="module")
def tree(rendered) -> Tree:
    return Tree(rendered)


def form_controls(tree: Tree):
    form = tree.all("form")[0]
    return [n for n in form.walk() if n.tag in ("input", "textarea", "select")
            and not any(a.tag == "template" for a in n.ancestors())]


def test_every_control_has_a_visible_label(tree):
    ids = tree.by_id()
    labelled = {n.attrs.get("for"): n.text() for n in tree.all("label")}
    controls = form_controls(tree)
    assert len(controls) > 20
    for control in controls:
        name = control.attrs["name"]
        if control.attrs.get("aria-labelledby"):
            parts = [ids[i].text() for i in control.attrs["aria-labelledby"].split()]
            assert all(parts), f"{name}: aria-labelledby points at empty text"
        else:
            assert labelled.get(control.attrs.get("id")), f"{name}: no <label for=...>"
        if "data-kw-tick" in control.attrs:  # one box in a table cell: named by row and column
            assert len(control.attrs["aria-labelledby"].split()) == 2, name
            assert control.attrs.get("value") == "Ja", name
        elif control.attrs.get("type") in ("radio", "checkbox"):
            fieldset = next(a for a in control.ancestors() if a.tag == "fieldset")
            legend = next(c for c in fieldset.children if c.tag == "legend")
            assert legend.text(), f"{name}: group without a legend"


def test_help_text_is_tied_to_its_field_with_aria_describedby(tree, catalogue):
    ids = tree.by_id()
    described = {i for n in tree.root.walk() for i in n.attrs.get("aria-describedby", "").split()}
    for field in catalogue.worksheets["proef"].fields:
        if getattr(field, "help", None):
            help_id = f"proef-{field.id}-hulp"
            assert help_id in described, f"{field.id}: help not referenced"
            assert ids[help_id].text() == field.help
    # The scale's end labels (1 = slecht, 10 = goed) are read with the group too.
    assert "proef-cijfer-ends" in described


def test_control_names_follow_the_scheme_the_pdf_uses(tree, catalogue):
    names = {c.attrs["name"] for c in form_controls(tree)}
    domains = [d.id for d in catalogue.life_domains]
    assert names == {
        "naam_datum-naam", "naam_datum-datum", "kort", "lang", "wanneer", "aantal", "kleur",
        "dagen", "cijfer", "rooster-ochtend-wat", "rooster-ochtend-wie", "rooster-middag-wat",
        "rooster-middag-wie", "stappen-1-wat", "stappen-1-wie",
        "rooster-ochtend-gedaan", "rooster-middag-gedaan", "stappen-1-klaar",  # tick boxes
        "netwerk-1-naam", "netwerk-1-kring", "netwerk-1-sector",
        *(f"domeinen-{d}-nu" for d in domains)}
    template = tree.all("template")[0]
    # List cells are text areas, so long answers wrap; a tick column is a check box.
    assert {n.attrs["name"] for n in template.walk() if n.tag == "textarea"} == {
        "stappen-__N__-wat", "stappen-__N__-wie"}
    assert [(n.attrs["name"], n.attrs["type"]) for n in template.walk() if n.tag == "input"] \
        == [("stappen-__N__-klaar", "checkbox")]


def test_outline_for_the_script_names_exactly_the_form_controls(tree):
    sheet = tree.all("div", data_kw_worksheet="proef")[0]
    outline = json.loads(sheet.attrs["data-kw-outline"])
    names = {c.attrs["name"] for c in form_controls(tree)}
    # A list is given by its row template: the script puts the row number in the slot.
    slot = outline["slot"]
    list_names = {pattern.replace(slot, "1") for cells in outline["lists"].values()
                  for pattern in cells}
    assert set(outline["fields"]) | list_names == names
    assert outline["fields"]["dagen"] == ["multi", "Meer keuzes"]
    assert outline["fields"]["cijfer"] == ["choice", "Een cijfer"]
    assert outline["fields"]["rooster-middag-wie"] == ["text", "Een tabel: Middag, Wie"]
    assert outline["lists"]["stappen"] == {
        "stappen-__N__-wat": ["text", "Een lijst, rij __N__: Wat ga ik doen?"],
        "stappen-__N__-wie": ["text", "Een lijst, rij __N__: Wie doet het?"],
        "stappen-__N__-klaar": ["tick", "Een lijst, rij __N__: Klaar?"]}
    assert outline["fields"]["rooster-middag-gedaan"] == ["tick", "Een tabel: Middag, Gedaan"]
    assert outline["ticked"] == "Ja"
    template = tree.all("template")[0]
    assert template.attrs["data-kw-row-template"] == slot
    assert sheet.attrs["data-kw-version"] == "1"


def test_list_rows_carry_the_ids_the_script_renumbers(tree):
    # lists.js numbers each row by filling the slot in the template's names, ids and labels.
    template = tree.all("template")[0]
    row = next(n for n in template.walk() if n.tag == "tr")
    assert row.attrs["data-kw-row"] == "__N__"
    cell = next(n for n in row.walk() if n.attrs.get("name") == "stappen-__N__-wat")
    assert cell.attrs["id"] == "proef-stappen-__N__-wat"
    assert cell.attrs["aria-labelledby"] == "proef-stappen-c-wat proef-stappen-r-__N__"
    assert next(n for n in row.walk() if n.tag == "th").attrs["id"] == "proef-stappen-r-__N__"
    assert any("data-kw-remove-row" in n.attrs for n in row.walk())
    assert tree.all("button", data_kw_add_row="")


def test_actions_status_and_message_regions_are_in_place(tree):
    actions = tree.all("div", data_kw_actions="")[0]
    assert "hidden" in actions.attrs, "without the script the buttons would do nothing"
    texts = {b.attrs["data-kw-action"]: b.text() for b in actions.walk() if b.tag == "button"}
    assert texts == {"print": "Afdrukken", "fill-pdf": "Download als ingevulde PDF",
                     "export": "Bewaren als bestand",
                     "export-protected": "Bewaren met wachtwoord", "import": "Openen",
                     "clear": "Wissen"}
    assert all(b.attrs.get("type") == "button" for b in actions.walk() if b.tag == "button")
    assert tree.all(data_kw_status="")[0].attrs["role"] == "status"
    assert tree.all(data_kw_message="")[0].attrs["aria-live"] == "polite"
    orphans = tree.all("section", data_kw_orphans="")[0]
    assert "hidden" in orphans.attrs
    assert orphans.children[0].text() == "Antwoorden uit een eerdere versie"


def test_ui_strings_reach_the_script_and_cover_every_key_it_uses(tree):
    sheet = tree.all("div", data_kw_worksheet="proef")[0]
    strings = json.loads(sheet.attrs["data-kw-ui"])
    assert strings == LABELS.worksheet_ui
    used = set()
    for path in JS.glob("*.js"):
        used |= set(re.findall(r"\bt\(\s*\"([a-z_]+)\"", path.read_text(encoding="utf-8")))
        used |= set(re.findall(r"refuse\(\s*\"([a-z_]+)\"", path.read_text(encoding="utf-8")))
        used |= set(re.findall(r"error: \"([a-z_]+)\"", path.read_text(encoding="utf-8")))
    assert used, "no strings found: did the script's way of asking for them change?"
    assert used <= set(strings), used - set(strings)


@pytest.mark.parametrize("page, expected", [
    ("waaier/proef.md", "../../privacy/"),
    ("index.md", "privacy/"),
    ("waaier/index.md", "../privacy/"),
    ("handleiding/instrumenten/actieplan.md", "../../../privacy/"),
])
def test_privacy_link_works_from_any_page_depth(catalogue, page, expected):
    assert Routes().link(page, "privacy.md") == expected
    out = WebRenderer(catalogue).worksheet(page, "proef")
    assert f'<a href="{expected}">{LABELS.worksheet_ui["shared_link"]}</a>' in out


@pytest.mark.parametrize("page, expected", [
    ("waaier/proef.md", "../privacy.html"),
    ("index.md", "privacy.html"),
    ("handleiding/instrumenten/actieplan.md", "../../privacy.html"),
])
def test_privacy_link_works_in_the_offline_copy(catalogue, page, expected):
    """`make offline` publishes pages as files (a/b.html): a link to a folder would open a
    directory listing from disk."""
    out = WebRenderer(catalogue, Routes(directory_urls=False)).worksheet(page, "proef")
    assert f'<a href="{expected}">{LABELS.worksheet_ui["shared_link"]}</a>' in out


def test_no_inline_scripts_or_event_handlers(rendered):
    privacy = (ROOT / "content" / "privacy.md").read_text(encoding="utf-8")
    for text in (rendered, privacy):
        assert "<script" not in text.lower()
        assert not re.search(r"\son[a-z]+\s*=", text, re.I)
        assert "javascript:" not in text.lower()


def test_script_never_turns_data_into_html():
    for path in JS.glob("*.js"):
        source = path.read_text(encoding="utf-8")
        for risky in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                      "new Function", "http://", "https://", "import("):
            assert risky not in source, f"{path.name}: {risky}"


def test_privacy_page_explains_storage_and_has_the_remove_button():
    text = (ROOT / "content" / "privacy.md").read_text(encoding="utf-8")
    assert "title: Privacy en gegevens" in text
    for must in ("op dit apparaat", "niet over internet", "gedeelde computer",
                 "gegevens van een cliënt"):
        assert must in text
    assert "data-kw-clear-all" in text and "data-kw-clear-button" in text
    # The page goes through the page templates (Jinja): only the macro of the storage box.
    assert "{%" not in text
    assert re.findall(r"\{\{.*?\}\}", text) == ["{{ bewaarstatus() }}"]
    attrs = Tree(text).all("div", data_kw_clear_all="")[0].attrs
    assert "{aantal}" in html.unescape(attrs["data-kw-done"])


def test_a_total_is_a_polite_live_region_that_is_not_saved(tree, catalogue):
    [box] = [n for n in tree.root.walk() if "data-kw-total" in n.attrs]
    # It adds up the controls of the fields it names, and knows the highest total (10 + 100).
    assert box.attrs["data-kw-total"] == "aantal cijfer"  # in form order
    assert (box.attrs["data-kw-total-count"], box.attrs["data-kw-total-max"]) == ("2", "110")
    [output] = [n for n in box.walk() if n.tag == "output"]
    assert output.attrs["aria-live"] == "polite"
    assert tree.by_id()[output.attrs["aria-labelledby"]].text() == "Het totaal"
    assert "name" not in output.attrs  # no answer of its own: nothing to save or restore


def test_on_paper_a_total_has_boxes_for_the_total_and_the_average(catalogue):
    from macros.model.controls import PAPER, WEB, field_controls
    from macros.print.render import PrintRenderer

    sheet = catalogue.worksheets["proef"]
    total = next(f for f in sheet.fields if f.type == "totaal")
    assert field_controls(catalogue, total, WEB) == ()
    html = Tree(PrintRenderer(catalogue).field_html(sheet, total))
    boxes = [(n.attrs["name"], n.attrs["type"]) for n in html.root.walk() if n.tag == "input"]
    assert boxes == [("samen-totaal", "text"), ("samen-gemiddelde", "text")]
    assert "van 110" in html.root.text()
