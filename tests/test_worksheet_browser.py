"""Filling in worksheets in a real browser: autosave, restore, files, print, versions, privacy.

Most tests run on a tiny site built in a temporary folder with one worksheet that has every
field type (version 1) and the same worksheet changed (version 2). Both are served from one
origin, so they share the browser's storage like two releases of the real site would. The
last tests use the real site's actieplan page.
"""
from __future__ import annotations

import json
import re
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import ROOT, mkdocs_build, serve
from test_worksheet_render import ALL_TYPES
from tiny_project import make_project

pytestmark = [pytest.mark.browser, pytest.mark.build]  # tiny sites built with mkdocs

SHEET_V1 = ALL_TYPES

# Version 2: 'kort' renamed, 'kleur' removed, list column 'wie' removed, 'nieuw' added.
SHEET_V2 = (SHEET_V1.replace("versie: 1", "versie: 2")
            .replace("  - id: kort\n", "  - id: kort_nieuw\n")
            .replace("""  - id: kleur
    type: keuze
    label: Een keuze
    hulp: Kies er één.
    opties: [Rood, Groen, Blauw]
""", """  - id: nieuw
    type: tekst
    label: Een nieuwe vraag
""")
            .replace('      - {id: wie, label: "Wie doet het?"}\n', ""))

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
FORM = "form.kw-form"
MESSAGE = "[data-kw-message]"
KEY_V1 = "krachtwerk:map:standaard:werkblad:proef:v1"  # the default client folder

# Answers for every field type; odd characters on purpose.
TEXT_ANSWERS = {
    "naam_datum-naam": "Sam de Vriës",
    "naam_datum-datum": "2026-11-26",
    "kort": "Kort \"antwoord\" & meer",
    "lang": "Regel één\nRegel twee\n\nRegel vier",
    "wanneer": "2026-12-01",
    "aantal": "42",
    "rooster-ochtend-wat": "Boodschappen",
    "rooster-middag-wie": "Buurvrouw",
    "stappen-1-wat": "Bellen",
    "stappen-1-wie": "Ik",
    "stappen-2-wat": "Formulier invullen",
}


def build_tiny(root, name: str, sheet: str, base_url: str) -> None:
    project = make_project(root / f"project-{name}", with_site=True)
    (project / "worksheets" / "proef.yml").write_text(sheet, encoding="utf-8")
    shutil.copy(ROOT / "content" / "privacy.md", project / "content" / "privacy.md")
    config = project / "mkdocs.yml"
    # Material's instant navigation only follows links listed in the sitemap: needs site_url.
    config.write_text(config.read_text(encoding="utf-8").replace(
        "site_dir: site\n", f"site_dir: site\nsite_url: {base_url}{name}/\n"), encoding="utf-8")
    result = mkdocs_build(project, root / "www" / name)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """Base URL of the served tiny sites: <base>v1/ and <base>v2/ (one origin)."""
    assert "kort_nieuw" in SHEET_V2 and "kleur" not in SHEET_V2 and "Wie doet het" not in SHEET_V2
    root = tmp_path_factory.mktemp("tiny")
    (root / "www").mkdir()
    server = serve(root / "www")
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    build_tiny(root, "v1", SHEET_V1, base)
    build_tiny(root, "v2", SHEET_V2, base)
    yield base
    server.shutdown()


@pytest.fixture
def sheet(page, tiny):
    """The all-types worksheet (version 1), opened; page errors make the test fail."""
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{tiny}v1/waaier/proef/")
    expect(page.locator("[data-kw-actions]")).to_be_visible()
    yield page
    assert errors == []


def form_state(page) -> list:
    """Every control of the form: name, type and value (or checked)."""
    return page.evaluate("""(sel) => Array.from(document.querySelector(sel).elements)
        .filter((e) => e.name)
        .map((e) => [e.name, e.type, ["radio", "checkbox"].includes(e.type) ? e.checked : e.value])""",
                         FORM)


def fill_everything(page) -> None:
    page.click("[data-kw-add-row]")  # a second list row
    for name, value in TEXT_ANSWERS.items():
        page.fill(f"[name='{name}']", value)
    page.check("input[name=kleur][value=Groen]")
    page.check("input[name=dagen][value=Maandag]")
    page.check("input[name=dagen][value=Woensdag]")
    page.check("input[name=cijfer][value='7']")


def stored(page, key: str = KEY_V1):
    raw = page.evaluate("(k) => localStorage.getItem(k)", key)
    return json.loads(raw) if raw else None


def choose_file(page, name: str, content: bytes) -> None:
    with page.expect_file_chooser() as chooser:
        page.click("[data-kw-action=import]")
    chooser.value.set_files({"name": name, "mimeType": "application/json", "buffer": content})


def accept_dialogs(page) -> list[str]:
    seen = []

    def on_dialog(dialog):
        seen.append(dialog.message)
        dialog.accept()
    page.on("dialog", on_dialog)
    return seen


# --- Autosave and restore -------------------------------------------------------------
def test_every_field_type_is_saved_on_change_and_restored_after_reload(sheet):
    fill_everything(sheet)
    filled = form_state(sheet)
    expect(sheet.locator("[data-kw-status]")).to_have_text(
        re.compile(r"^Bewaard op dit apparaat om \d\d:\d\d$"))
    record = stored(sheet)
    assert record["werkblad"] == "proef" and record["versie"] == 1
    assert record["antwoorden"]["dagen"] == ["Maandag", "Woensdag"]
    assert record["antwoorden"]["cijfer"] == "7"
    assert record["antwoorden"]["stappen-2-wat"] == "Formulier invullen"

    sheet.reload()
    expect(sheet.locator("[data-kw-status]")).to_contain_text("teruggezet")
    assert form_state(sheet) == filled
    # The long text grew to show all four lines.
    heights = sheet.evaluate("""() => { const t = document.querySelector('[name=lang]');
        return [t.scrollHeight, t.clientHeight]; }""")
    assert heights[1] >= heights[0]


def test_answers_come_back_after_closing_and_reopening_the_tab(sheet, tiny):
    fill_everything(sheet)
    filled = form_state(sheet)
    context = sheet.context
    sheet.close()
    again = context.new_page()
    again.goto(f"{tiny}v1/waaier/proef/")
    expect(again.locator("[data-kw-status]")).to_contain_text("teruggezet")
    assert form_state(again) == filled


def test_answers_come_back_after_instant_navigation_away_and_back(sheet, tiny):
    fill_everything(sheet)
    filled = form_state(sheet)
    sheet.evaluate("window.kwSamePage = true")
    sheet.click(".kw-shared-notice a")  # the privacy page, through instant navigation
    expect(sheet.locator("h1")).to_contain_text("Privacy en gegevens")
    assert sheet.url.startswith(f"{tiny}v1/privacy/")
    sheet.go_back()
    expect(sheet.locator("[data-kw-status]")).to_contain_text("teruggezet")
    assert sheet.evaluate("window.kwSamePage") is True, "the page was reloaded, not swapped"
    assert form_state(sheet) == filled
    # Wired once, even when Material announces the same document again.
    sheet.evaluate("window.document$.next(document)")
    sheet.click("[data-kw-add-row]")
    assert sheet.locator("[data-kw-list=stappen] tr[data-kw-row]").count() == 3


def test_storage_that_refuses_to_save_is_told_plainly(page, tiny):
    page.add_init_script("""Storage.prototype.setItem = function () {
        throw new DOMException('vol', 'QuotaExceededError'); };""")
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{tiny}v1/waaier/proef/")
    page.fill("[name=kort]", "Iets")
    # A full storage is named as such (quota), with what to do now.
    expect(page.locator(MESSAGE)).to_contain_text("konden niet worden bewaard: de opslag van deze browser is vol")
    expect(page.locator("[data-kw-status]")).to_have_text("Niet bewaard: de opslag van deze browser is vol")
    page.fill("[name=lang]", "Het formulier werkt gewoon door")
    assert page.input_value("[name=lang]") == "Het formulier werkt gewoon door"
    assert errors == []


# --- Lists ------------------------------------------------------------------------------
def test_list_rows_are_added_and_removed_by_keyboard_and_renumbered(sheet):
    sheet.focus("[data-kw-add-row]")
    sheet.keyboard.press("Enter")
    assert sheet.evaluate("document.activeElement.name") == "stappen-2-wat"
    sheet.keyboard.type("Twee")
    sheet.focus("[data-kw-add-row]")
    sheet.keyboard.press("Enter")
    sheet.keyboard.type("Drie")
    expect(sheet.locator(MESSAGE)).to_have_text("Rij 3 is toegevoegd.")

    sheet.focus("[data-kw-list=stappen] tr[data-kw-row='2'] [data-kw-remove-row]")
    sheet.keyboard.press("Space")
    expect(sheet.locator(MESSAGE)).to_have_text("Rij 2 is verwijderd.")
    # Row 3 is now row 2, with every name, id and label renumbered; focus went there.
    assert sheet.evaluate("document.activeElement.name") == "stappen-2-wat"
    assert sheet.input_value("[name=stappen-2-wat]") == "Drie"
    assert sheet.locator("[name=stappen-3-wat]").count() == 0
    row = sheet.locator("[data-kw-list=stappen] tr[data-kw-row='2']")
    expect(row.locator("th")).to_have_text("2")
    expect(row.locator("[data-kw-remove-row]")).to_have_attribute("aria-label", "Rij 2 verwijderen")
    expect(sheet.get_by_role("textbox", name="Wat ga ik doen? 2")).to_have_value("Drie")
    assert stored(sheet)["antwoorden"] == {"stappen-2-wat": "Drie"}

    sheet.reload()
    assert sheet.input_value("[name=stappen-2-wat]") == "Drie"
    sheet.click("[data-kw-list=stappen] tr[data-kw-row='1'] [data-kw-remove-row]")
    # The last row left cannot be removed.
    expect(sheet.locator("[data-kw-list=stappen] tr[data-kw-row='1'] [data-kw-remove-row]")).to_be_hidden()


# --- Files --------------------------------------------------------------------------------
def test_export_then_clear_then_import_gives_the_same_answers(sheet, tmp_path):
    dialogs = accept_dialogs(sheet)
    fill_everything(sheet)
    filled = form_state(sheet)
    with sheet.expect_download() as download:
        sheet.click("[data-kw-action=export]")
    name = download.value.suggested_filename
    assert re.fullmatch(r"Eigen-werkbladen-proef-\d{4}-\d{2}-\d{2}\.json", name)
    path = tmp_path / name
    download.value.save_as(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {"werkblad", "versie", "datum", "antwoorden"} <= data.keys()
    assert data["werkblad"] == "proef" and data["versie"] == 1
    assert data["antwoorden"]["kort"] == TEXT_ANSWERS["kort"]
    expect(sheet.locator(MESSAGE)).to_contain_text(name)

    sheet.click("[data-kw-action=clear]")
    assert "wissen" in dialogs[-1].lower()
    assert all(not value for _, _, value in form_state(sheet))
    assert stored(sheet) is None
    assert sheet.locator("[data-kw-list=stappen] tr[data-kw-row]").count() == 1

    choose_file(sheet, name, path.read_bytes())
    expect(sheet.locator(MESSAGE)).to_contain_text(f"De antwoorden uit {name} zijn ingevuld")
    assert form_state(sheet) == filled
    assert stored(sheet)["antwoorden"] == data["antwoorden"]
    assert len(dialogs) == 1, "an empty worksheet is filled without asking"


def test_import_asks_before_replacing_answers(sheet):
    sheet.fill("[name=kort]", "Van mij")
    file = json.dumps({"werkblad": "proef", "versie": 1, "datum": "2026-11-26T10:00:00Z",
                       "antwoorden": {"kort": "Uit het bestand"}}).encode()
    asked = []
    sheet.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    choose_file(sheet, "proef.json", file)
    expect(sheet.locator(MESSAGE)).to_have_text("Je antwoorden zijn niet veranderd.")
    assert "vervangen" in asked[0]
    assert sheet.input_value("[name=kort]") == "Van mij"

    sheet.once("dialog", lambda d: d.accept())
    choose_file(sheet, "proef.json", file)
    expect(sheet.locator(MESSAGE)).to_contain_text("zijn ingevuld")
    assert sheet.input_value("[name=kort]") == "Uit het bestand"


def _file(**changes) -> bytes:
    data = {"werkblad": "proef", "versie": 1, "datum": "2026-11-26T10:00:00Z",
            "antwoorden": {"kort": "Ander antwoord"}}
    data.update(changes)
    return json.dumps(data).encode()


REFUSED = {
    "another worksheet": (_file(werkblad="actieplan"), "hoort bij een ander werkblad (actieplan)"),
    "broken JSON": (b'{"werkblad": "proef", "versie": 1, "antwoorden": {', "kan niet worden gelezen"),
    "not JSON at all": (b"\x89PNG\r\n\x1a\n", "kan niet worden gelezen"),
    "over 1 MB": (_file(opvulling="x" * (1024 * 1024)), "te groot"),
    "answers not an object": (_file(antwoorden=["kort", "x"]), "passen niet"),
    "number instead of text": (_file(antwoorden={"kort": 5}), "passen niet"),
    "choice that is no option": (_file(antwoorden={"kleur": "<img src=x onerror=alert(1)>"}),
                                 "passen niet bij dit werkblad (bij 'Een keuze')"),
    "text where a list is due": (_file(antwoorden={"dagen": "Maandag"}), "passen niet"),
    "bad date": (_file(antwoorden={"wanneer": "morgen"}), "passen niet"),
    "odd field name": (_file(antwoorden={"__proto__": "x"}), "passen niet"),
}


@pytest.mark.parametrize("content, message", REFUSED.values(), ids=list(REFUSED))
def test_refused_files_leave_the_answers_alone(sheet, content, message):
    fill_everything(sheet)
    before, saved = form_state(sheet), stored(sheet)
    dialogs = accept_dialogs(sheet)
    choose_file(sheet, "verkeerd.json", content)
    expect(sheet.locator(MESSAGE)).to_contain_text(message)
    expect(sheet.locator(MESSAGE)).to_contain_text("Je antwoorden zijn niet veranderd.")
    expect(sheet.locator(MESSAGE)).to_have_attribute("data-kind", "error")
    assert form_state(sheet) == before
    assert stored(sheet)["antwoorden"] == saved["antwoorden"]
    assert dialogs == [], "refused before asking anything"


def test_hostile_values_are_shown_as_plain_text_and_never_run(sheet):
    script = "<script>window.kwPwned = 1</script>"
    image = '<img src=x onerror="window.kwPwned = 2">'
    file = json.dumps({
        "werkblad": "proef", "versie": 1, "datum": "2026-11-26T10:00:00Z",
        "antwoorden": {"kort": script, "lang": image, "stappen-1-wat": image, "oud_veld": image},
        "labels": {"oud_veld": script},
        "eerdere_antwoorden": [{"naam": "nog_ouder", "label": image, "waarde": [script]}],
    }).encode()
    choose_file(sheet, "gevaarlijk.json", file)
    expect(sheet.locator(MESSAGE)).to_contain_text("zijn ingevuld")
    assert sheet.input_value("[name=kort]") == script
    assert sheet.input_value("[name=lang]") == image
    assert sheet.input_value("[name=stappen-1-wat]") == image
    # Unknown names are answers of another version: shown apart, as text.
    orphans = sheet.locator("[data-kw-orphans]")
    expect(orphans).to_be_visible()
    expect(orphans.locator("dt")).to_have_text([image, script])
    expect(orphans.locator("dd")).to_have_text([script, image])
    assert sheet.locator(".kw-worksheet img, .kw-worksheet script").count() == 0
    sheet.wait_for_load_state("networkidle")
    assert sheet.evaluate("window.kwPwned") is None


# --- Print ---------------------------------------------------------------------------------
def test_print_button_and_print_layout(sheet):
    sheet.evaluate("window.print = () => { window.kwPrinted = true; }")
    # An empty date is marked, so paper shows a line instead of "dd-mm-jjjj".
    expect(sheet.locator("[name=wanneer]")).to_have_attribute("data-kw-empty", "")
    fill_everything(sheet)
    expect(sheet.locator("[name=wanneer]")).not_to_have_attribute("data-kw-empty", "")
    sheet.click("[data-kw-action=print]")
    assert sheet.evaluate("window.kwPrinted") is True

    sheet.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", "[data-kw-actions]",
                   ".kw-shared-notice", "[data-kw-add-row]", "[data-kw-list=stappen] tr[data-kw-row='1'] [data-kw-remove-row]",
                   ".kw-guidance"):
        expect(sheet.locator(hidden).first).to_be_hidden()
    # A one-line box prints as its copy (ui.js mirrorForPrint), which wraps instead of cutting.
    expect(sheet.locator("[name=kort]")).to_be_hidden()
    expect(sheet.locator("[name=kort] + .kw-print-value")).to_have_text(TEXT_ANSWERS["kort"])
    for shown in ("[name=lang]", "[name=stappen-2-wat]", "[name=rooster-ochtend-wat]",
                  "input[name=kleur][value=Groen]", ".kw-instruction"):
        expect(sheet.locator(shown)).to_be_visible()
    expect(sheet.locator("[name=kort]")).to_have_value(TEXT_ANSWERS["kort"])
    # Long answers are printed whole, not cut off at the box.
    assert sheet.evaluate("""() => { const t = document.querySelector('[name=lang]');
        return t.scrollHeight <= t.clientHeight; }""")
    # The page fits A4 portrait (210 mm minus margins): nothing sticks out sideways.
    assert sheet.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    sheet.emulate_media(media="screen")
    sheet.check("[data-kw-print-guidance]")
    sheet.emulate_media(media="print")
    expect(sheet.locator(".kw-guidance")).to_be_visible()
    pdf = sheet.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


# --- Versions ------------------------------------------------------------------------------
def test_answers_survive_a_new_version_and_removed_fields_are_kept_apart(page, tiny, tmp_path):
    page.goto(f"{tiny}v1/waaier/proef/")
    fill_everything(page)
    page.goto(f"{tiny}v2/waaier/proef/")
    expect(page.locator("[data-kw-actions]")).to_be_visible()
    # Unchanged fields keep their answers.
    assert page.input_value("[name=lang]") == TEXT_ANSWERS["lang"]
    assert page.input_value("[name=stappen-2-wat]") == "Formulier invullen"
    assert page.is_checked("input[name=dagen][value=Woensdag]")
    assert page.is_checked("input[name=cijfer][value='7']")
    assert page.input_value("[name=kort_nieuw]") == ""
    # Removed or renamed ones are shown apart, read-only, with the label they had.
    orphans = page.locator("[data-kw-orphans]")
    expect(orphans.locator("h2")).to_have_text("Antwoorden uit een eerdere versie")
    expect(orphans.locator("dt")).to_have_text(
        ["Een kort antwoord", "Een keuze", "Een lijst, rij 1: Wie doet het?"])
    expect(orphans.locator("dd")).to_have_text([TEXT_ANSWERS["kort"], "Groen", "Ik"])
    assert orphans.locator("input, textarea").count() == 0
    # Moved to the new version's key; the old key is gone.
    assert stored(page, "krachtwerk:map:standaard:werkblad:proef:v2")["antwoorden"]["lang"] == TEXT_ANSWERS["lang"]
    assert stored(page) is None
    # ... and the old answers go along in an export.
    with page.expect_download() as download:
        page.click("[data-kw-action=export]")
    path = tmp_path / "v2.json"
    download.value.save_as(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["versie"] == 2
    assert {o["naam"]: o["waarde"] for o in data["eerdere_antwoorden"]} == {
        "kort": TEXT_ANSWERS["kort"], "kleur": "Groen", "stappen-1-wie": "Ik"}
    page.reload()
    expect(orphans.locator("dt")).to_have_count(3)


def test_a_file_of_an_older_version_is_accepted_with_old_answers_apart(page, tiny):
    page.goto(f"{tiny}v2/waaier/proef/")
    file = json.dumps({"werkblad": "proef", "versie": 1, "datum": "2026-11-26T10:00:00Z",
                       "antwoorden": {"lang": "Blijft", "kleur": "Rood"},
                       "labels": {"kleur": "Een keuze"}}).encode()
    choose_file(page, "oud.json", file)
    expect(page.locator(MESSAGE)).to_contain_text("versie 1")
    assert page.input_value("[name=lang]") == "Blijft"
    expect(page.locator("[data-kw-orphans] dd")).to_have_text(["Rood"])


# --- Privacy -------------------------------------------------------------------------------
def test_privacy_page_removes_only_this_sites_saved_worksheets(page, tiny):
    page.goto(f"{tiny}v1/privacy/")
    page.evaluate("""() => {
        localStorage.setItem('krachtwerk:werkblad:proef:v1', '{}');
        localStorage.setItem('krachtwerk:werkblad:actieplan:v3', '{}');
        localStorage.setItem('iets-anders', 'blijft'); }""")
    page.reload()
    expect(page.locator("[data-kw-clear-count]")).to_have_text(
        "Bewaarde werkbladen in deze browser: 2.")
    accept_dialogs(page)
    page.click("[data-kw-clear-button]")
    expect(page.locator("[data-kw-clear-status]")).to_contain_text("verwijderd (2)")
    keys = page.evaluate("Object.keys(localStorage)")
    assert keys == ["iets-anders"]


def test_worksheet_page_has_no_accessibility_violations(sheet, tiny):
    fill_everything(sheet)
    sheet.goto(f"{tiny}v2/waaier/proef/")  # with answers of an earlier version shown
    expect(sheet.locator("[data-kw-orphans]")).to_be_visible()
    results = Axe().run(sheet, options=WCAG)
    assert results.violations_count == 0, results.generate_snapshot()


def test_every_action_button_is_reachable_by_keyboard(sheet):
    sheet.focus(".kw-shared-notice a")
    reached = []
    for _ in range(7):
        sheet.keyboard.press("Tab")
        reached.append(sheet.evaluate("document.activeElement.textContent.trim()"))
    assert reached[:6] == ["Afdrukken", "Download als ingevulde PDF", "Bewaren als bestand",
                           "Bewaren met wachtwoord", "Openen", "Wissen"]


# --- The real site ---------------------------------------------------------------------------
def test_real_actieplan_page_restores_answers_and_passes_axe(page, site_url, built_site):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{site_url}waaier/actieplan/")
    page.fill("[name=doel]", "Weer zelf boodschappen doen")
    page.click("[data-kw-add-row]")
    page.fill("[name=stappen-2-wat]", "Lijstje maken")
    page.check("input[name=vertrouwen][value='6']")
    filled = form_state(page)
    page.reload()
    expect(page.locator("[data-kw-status]")).to_contain_text("teruggezet")
    assert form_state(page) == filled
    # The notice links to the privacy page from this depth (../../privacy/ in the file).
    html = (built_site / "waaier" / "actieplan" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../privacy/">' in html
    assert page.eval_on_selector(".kw-shared-notice a", "a => a.href") == f"{site_url}privacy/"
    assert (built_site / "privacy" / "index.html").is_file()
    results = Axe().run(page, options=WCAG)
    assert results.violations_count == 0, results.generate_snapshot()
    assert errors == []
