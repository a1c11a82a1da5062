"""Worksheets for a whole caseload, in a real browser: client folders, storage that keeps its
promises (two tabs, cleared or full storage, hostile data), folder files, and the layouts.

One tiny site (the all-types worksheet, the folder page and the privacy page) is built once
for the module and served on loopback; every test gets a fresh browser context (empty storage).
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import ROOT, mkdocs_build, serve
from test_worksheet_render import ALL_TYPES
from tiny_project import make_project

pytestmark = [pytest.mark.browser, pytest.mark.build]

DATA = Path(__file__).with_name("data")
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
MESSAGE = "[data-kw-message]"
STATUS = "[data-kw-status]"
SELECT = "[data-kw-folder-select]"
# The all-types worksheet plus a list with four columns, like the actieplan's steps.
SHEET = ALL_TYPES + """  - id: plan
    type: lijst
    label: Mijn stappen
    kolommen:
      - {id: wat, label: "Wat ga ik doen?"}
      - {id: wie, label: "Wie doet het?"}
      - {id: wanneer, label: "Wanneer?"}
      - {id: klaar, label: Klaar op}
"""
SHOTS = Path("/tmp/caseload-shots")
DEFAULT_KEY = "krachtwerk:map:standaard:werkblad:proef:v1"


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    root = tmp_path_factory.mktemp("caseload")
    project = make_project(root / "project", with_site=True)
    (project / "worksheets" / "proef.yml").write_text(SHEET, encoding="utf-8")
    for page in ("privacy.md", "mappen.md"):
        shutil.copy(ROOT / "content" / page, project / "content" / page)
    (project / "content" / "waaier").mkdir()
    (project / "content" / "waaier" / "index.md").write_text(
        "# Waaier\n\n{{ waaier_overzicht() }}\n", encoding="utf-8")
    www = root / "www"
    result = mkdocs_build(project, www)
    assert result.returncode == 0, result.stdout + result.stderr
    server = serve(www)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def watch_errors(page) -> list:
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


@pytest.fixture
def sheet(page, tiny):
    errors = watch_errors(page)
    page.goto(f"{tiny}waaier/proef/")
    expect(page.locator("[data-kw-folder-bar]")).to_be_visible()
    yield page
    assert errors == []


def answer_dialogs(page, answers: list) -> list[str]:
    """Answer the next prompts and confirms in order (a string for a prompt, True/False for
    a confirm; accept when nothing is queued). One handler per page; returns what they asked."""
    if getattr(page, "_kw_dialogs", None) is None:
        queue = page._kw_dialogs = {"answers": [], "seen": []}

        def on_dialog(dialog):
            queue["seen"].append(dialog.message)
            answer = queue["answers"].pop(0) if queue["answers"] else True
            if answer is False:
                dialog.dismiss()
            elif isinstance(answer, str):
                dialog.accept(answer)
            else:
                dialog.accept()
        page.on("dialog", on_dialog)
    queue = page._kw_dialogs
    queue["answers"].extend(answers)
    queue["seen"].clear()
    return queue["seen"]


PASSPHRASE = "dialog[data-kw-passphrase]"


def give_passphrase(page, passphrase: str, confirm: str | None = None) -> None:
    """Answer the in-page passphrase dialog: on export both fields (confirm defaults to the
    same passphrase), on import the one field; an empty export passphrase means no protection."""
    dialog = page.locator(PASSPHRASE)
    expect(dialog).to_be_visible()
    fields = dialog.locator("input[type=password], input[type=text]")
    fields.nth(0).fill(passphrase)
    if dialog.get_attribute("data-kw-passphrase") == "export":
        fields.nth(1).fill(passphrase if confirm is None else confirm)
    dialog.locator("button[type=submit]").click()


def give_text(page, text: str) -> None:
    """Answer the in-page question for a text (a folder label)."""
    dialog = page.locator("dialog[data-kw-dialog=text]")
    expect(dialog).to_be_visible()
    dialog.locator("input").fill(text)
    dialog.locator("button[type=submit]").click()


def new_folder(page, label: str) -> None:
    page.click("[data-kw-folder-bar] [data-kw-action=new-folder]")
    give_text(page, label)
    expect(page.locator(SELECT).locator("option:checked")).to_have_text(label)


def stored(page, key: str = DEFAULT_KEY):
    raw = page.evaluate("(k) => localStorage.getItem(k)", key)
    return json.loads(raw) if raw else None


def folder_keys(page) -> dict:
    """folder label -> the worksheet answers stored in it."""
    return page.evaluate("""() => {
        const index = JSON.parse(localStorage.getItem('krachtwerk:mappen') || '{"mappen":[]}');
        const out = {};
        for (const f of [{id: 'standaard', label: ''}, ...index.mappen]) {
            const raw = localStorage.getItem(`krachtwerk:map:${f.id}:werkblad:proef:v1`);
            out[f.label || 'standaard'] = raw ? JSON.parse(raw).antwoorden : null;
        }
        return out; }""")


# --- 1. Client folders -----------------------------------------------------------------
def test_two_folders_are_kept_apart_across_reload(sheet):
    sheet.fill("[name=kort]", "Eigen antwoord")
    new_folder(sheet, "AB")
    expect(sheet.locator("[name=kort]")).to_have_value("")  # a new folder starts empty
    expect(sheet.locator(MESSAGE)).to_contain_text("De map 'AB' is gemaakt")
    sheet.fill("[name=kort]", "Antwoord van AB")
    new_folder(sheet, "K-17")
    sheet.fill("[name=kort]", "Antwoord van K-17")
    sheet.reload()
    # The folder chosen last opens again, with its own answers.
    expect(sheet.locator(SELECT).locator("option:checked")).to_have_text("K-17")
    expect(sheet.locator("[name=kort]")).to_have_value("Antwoord van K-17")
    sheet.select_option(SELECT, label="AB")
    expect(sheet.locator("[name=kort]")).to_have_value("Antwoord van AB")
    sheet.select_option(SELECT, label="Eigen werkbladen")
    expect(sheet.locator("[name=kort]")).to_have_value("Eigen antwoord")
    assert folder_keys(sheet) == {"standaard": {"kort": "Eigen antwoord"},
                                  "AB": {"kort": "Antwoord van AB"},
                                  "K-17": {"kort": "Antwoord van K-17"}}


def test_a_folder_label_must_be_short_and_unique(sheet):
    new_folder(sheet, "AB")
    button = sheet.locator("[data-kw-folder-bar] [data-kw-action=new-folder]")
    button.click()
    dialog = sheet.get_by_role("dialog", name="Nieuwe cliëntmap")
    field = dialog.get_by_label("Naam van de map")
    expect(field).to_be_focused()
    assert Axe().run(sheet, context="dialog", options=WCAG).violations_count == 0
    # What is wrong is said in the dialog, which stays open for a better name.
    for text, says in (("ab", "Er is al een map met die naam"), ("x" * 31, "te lang"),
                       ("  ", "Geef de map een naam")):
        field.fill(text)
        dialog.get_by_role("button", name="Map maken").click()
        expect(dialog.get_by_role("alert")).to_contain_text(says)
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_be_focused()
    sheet.keyboard.press("Escape")  # cancelled: no folder, focus back on the button
    expect(dialog).to_have_count(0)
    expect(button).to_be_focused()
    assert sheet.locator(f"{SELECT} option").count() == 2


def test_old_format_answers_move_into_the_default_folder(page, tiny):
    """tests/data/opslag-voor-mappen.json: localStorage as the worksheet script of main
    (e9d4a01, before folders) left it after filling in this worksheet."""
    dump = json.loads((DATA / "opslag-voor-mappen.json").read_text(encoding="utf-8"))
    errors = watch_errors(page)
    page.goto(f"{tiny}mappen/")
    page.evaluate("""(dump) => { localStorage.clear();
        for (const [k, v] of Object.entries(dump)) localStorage.setItem(k, v); }""", dump)
    page.goto(f"{tiny}waaier/proef/")
    expect(page.locator(STATUS)).to_contain_text("teruggezet")
    old = json.loads(dump["krachtwerk:werkblad:proef:v1"])
    for name in ("naam_datum-naam", "kort", "lang", "aantal", "stappen-2-wat"):
        expect(page.locator(f"[name='{name}']")).to_have_value(old["antwoorden"][name])
    expect(page.locator("input[name=kleur][value=Groen]")).to_be_checked()
    keys = page.evaluate("Object.keys(localStorage).sort()")
    assert "krachtwerk:werkblad:proef:v1" not in keys
    assert stored(page)["antwoorden"] == old["antwoorden"]
    assert "iets-anders" in keys  # not ours: left alone
    assert errors == []


def test_folder_page_lists_opens_renames_and_removes(sheet, tiny):
    new_folder(sheet, "AB")
    sheet.fill("[name=kort]", "Antwoord van AB")
    sheet.goto(f"{tiny}mappen/")
    folder = sheet.locator("[data-kw-folder-item]", has_text="AB")
    expect(folder.locator("a")).to_have_text("Proefblad")
    expect(folder).to_contain_text("versie 1, laatst veranderd op")
    expect(folder.locator(".kw-folder-reminder")).to_have_count(0)  # changed today
    # Open from the overview: the worksheet opens in that folder.
    folder.locator("a").click()
    expect(sheet.locator(SELECT).locator("option:checked")).to_have_text("AB")
    expect(sheet.locator("[name=kort]")).to_have_value("Antwoord van AB")
    sheet.goto(f"{tiny}mappen/")
    seen = answer_dialogs(sheet, [True])
    sheet.locator("[data-kw-folder-item]", has_text="AB").get_by_role(
        "button", name="Naam veranderen").click()
    expect(sheet.locator("dialog[data-kw-dialog=text] input")).to_have_value("AB")
    give_text(sheet, "CD")
    expect(sheet.locator("[data-kw-folders-message]")).to_have_text("De map heet nu 'CD'.")
    sheet.locator("[data-kw-folder-item]", has_text="CD").get_by_role(
        "button", name="Map verwijderen").click()
    assert "'CD'" in seen[0] and "Proefblad" in seen[0] and "1 werkblad" in seen[0]
    expect(sheet.locator("[data-kw-folder-item]")).to_have_count(1)
    assert sheet.evaluate("Object.keys(localStorage).filter((k) => k.includes(':werkblad:'))") == []


def test_folder_page_reminds_to_save_a_folder_that_was_never_saved_as_a_file(sheet, tiny):
    sheet.fill("[name=kort]", "Oud antwoord")
    record = stored(sheet)
    record["datum"] = "2026-10-01T10:00:00.000Z"
    sheet.evaluate("([k, v]) => localStorage.setItem(k, v)", [DEFAULT_KEY, json.dumps(record)])
    sheet.goto(f"{tiny}mappen/")
    reminder = sheet.locator(".kw-folder-reminder")
    expect(reminder).to_contain_text("nog nooit als bestand bewaard")
    expect(reminder).to_contain_text("Safari")
    with sheet.expect_download() as download:
        sheet.get_by_role("button", name="Map bewaren als bestand").click()
        give_passphrase(sheet, "")  # no passphrase
    assert re.fullmatch(r"clientmap-Eigen-werkbladen-\d{4}-\d\d-\d\d\.json",
                        download.value.suggested_filename)
    expect(reminder).to_have_count(0)


# --- 2. Storage that keeps its promises -------------------------------------------------
# Runs before the page's scripts, so it sees storage events first: with the flag set, a tab
# does not hear of the other tab's writes (as when both type at the same moment).
HOLD = """window.addEventListener('storage', (e) => {
    if (window.kwHoldStorageEvents) e.stopImmediatePropagation(); });"""

@pytest.mark.parametrize("first", ["a", "b"])
def test_two_tabs_on_one_worksheet_never_lose_an_answer(page, tiny, first):
    """Both tabs type, in either order, before or after the other's change arrives."""
    errors = watch_errors(page)
    page.context.add_init_script(HOLD)
    other = page.context.new_page()
    errors_b = watch_errors(other)
    page.goto(f"{tiny}waaier/proef/")
    other.goto(f"{tiny}waaier/proef/")
    tabs = {"a": (page, "kort", "Uit tab A"), "b": (other, "lang", "Uit tab B")}
    order = [first, "b" if first == "a" else "a"]
    # The second tab's answer goes in with storage events held back (as when both type at
    # the same moment): it must merge what the first tab stored, not overwrite it.
    tab, name, value = tabs[order[1]]
    tab.evaluate("window.kwHoldStorageEvents = true")
    first_tab, first_name, first_value = tabs[order[0]]
    first_tab.fill(f"[name={first_name}]", first_value)
    tab.fill(f"[name={name}]", value)
    want = {"kort": "Uit tab A", "lang": "Uit tab B"}
    assert stored(page)["antwoorden"] == want
    # The tab that merged shows both answers; the other follows live.
    for t in (page, other):
        expect(t.locator("[name=kort]")).to_have_value("Uit tab A")
        expect(t.locator("[name=lang]")).to_have_value("Uit tab B")
    expect(tabs[order[0]][0].locator(STATUS)).to_contain_text("ander tabblad")
    assert errors == [] and errors_b == []


def test_an_answer_changed_in_both_tabs_is_named(page, tiny):
    page.context.add_init_script(HOLD)
    other = page.context.new_page()
    page.goto(f"{tiny}waaier/proef/")
    other.goto(f"{tiny}waaier/proef/")
    other.evaluate("window.kwHoldStorageEvents = true")
    page.fill("[name=kort]", "Versie A")
    other.fill("[name=kort]", "Versie B")
    expect(other.locator(MESSAGE)).to_contain_text("'Een kort antwoord' ook in een ander tabblad")
    expect(page.locator("[name=kort]")).to_have_value("Versie B")


def test_storage_cleared_midway_is_said_and_answers_are_stored_again(sheet):
    sheet.fill("[name=kort]", "Eerste")
    sheet.evaluate("localStorage.clear()")  # as the browser's "clear site data" would
    sheet.fill("[name=lang]", "Tweede")
    expect(sheet.locator(MESSAGE)).to_contain_text("De opslag van deze browser was gewist")
    assert stored(sheet)["antwoorden"] == {"kort": "Eerste", "lang": "Tweede"}


def test_storage_cleared_in_another_tab_is_said(page, tiny):
    other = page.context.new_page()
    page.goto(f"{tiny}waaier/proef/")
    page.fill("[name=kort]", "Iets")
    other.goto(f"{tiny}mappen/")
    other.evaluate("localStorage.clear()")
    expect(page.locator(MESSAGE)).to_contain_text("zijn gewist, in een ander tabblad")
    expect(page.locator(STATUS)).to_have_text("Niet bewaard op dit apparaat")
    expect(page.locator("[name=kort]")).to_have_value("Iets")  # still on screen


def test_a_file_with_80000_unknown_answers_is_refused_and_autosave_goes_on(sheet):
    sheet.fill("[name=kort]", "Blijft staan")
    crafted = {"werkblad": "proef", "versie": 1,
               "antwoorden": {f"x{i}": "" for i in range(80000)}}
    with sheet.expect_file_chooser() as chooser:
        sheet.click("[data-kw-action=import]")
    chooser.value.set_files({"name": "groot.json", "mimeType": "application/json",
                             "buffer": json.dumps(crafted, separators=(",", ":")).encode()})
    expect(sheet.locator(MESSAGE)).to_contain_text("te veel antwoorden")
    expect(sheet.locator(MESSAGE)).to_contain_text("Je antwoorden zijn niet veranderd.")
    expect(sheet.locator("[name=kort]")).to_have_value("Blijft staan")
    sheet.fill("[name=lang]", "Autosave werkt nog")
    expect(sheet.locator(STATUS)).to_have_text(re.compile(r"^Bewaard op dit apparaat om"))
    assert stored(sheet)["antwoorden"] == {"kort": "Blijft staan", "lang": "Autosave werkt nog"}


@pytest.mark.parametrize("junk", ["{", "[]", '{"werkblad":"proef","versie":1,"antwoorden":{"x":{"y":1}}}',
                                  json.dumps({"werkblad": "proef", "versie": 1,
                                              "antwoorden": {f"x{i}": "" for i in range(6000)}})])
def test_stored_data_of_any_shape_never_breaks_autosave(page, tiny, junk):
    errors = watch_errors(page)
    page.goto(f"{tiny}mappen/")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [DEFAULT_KEY, junk])
    page.goto(f"{tiny}waaier/proef/")
    page.fill("[name=kort]", "Nieuw")
    expect(page.locator(STATUS)).to_have_text(re.compile(r"^Bewaard op dit apparaat om"))
    assert stored(page)["antwoorden"] == {"kort": "Nieuw"}
    assert errors == []


def test_a_write_that_does_not_stick_is_not_called_saved(page, tiny):
    """setItem that silently drops the value: 'Bewaard' only after reading it back."""
    page.add_init_script("""Storage.prototype.setItem = function () {};""")
    page.goto(f"{tiny}waaier/proef/")
    page.fill("[name=kort]", "Iets")
    expect(page.locator(STATUS)).to_have_text("Niet bewaard op dit apparaat")
    expect(page.locator(MESSAGE)).to_contain_text("konden niet op dit apparaat worden bewaard")


def test_privacy_page_shows_whether_the_browser_keeps_the_data(page, tiny):
    page.goto(f"{tiny}privacy/")
    expect(page.locator("[data-kw-persist-status]")).to_contain_text("Deze browser")
    page.click("[data-kw-persist-button]")
    expect(page.locator("[data-kw-persist-status]")).not_to_be_empty()


# --- 3. A folder as a file ---------------------------------------------------------------
def export_folder(page, label: str, tmp_path, passphrase: str = "") -> Path:
    with page.expect_download() as download:
        page.locator("[data-kw-folder-item]", has_text=label).get_by_role(
            "button", name="Map bewaren als bestand").click()
        give_passphrase(page, passphrase)
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    return target


def open_folder_file(page, name: str, content: bytes) -> None:
    with page.expect_file_chooser() as chooser:
        page.click("[data-kw-action=import-folder]")
    chooser.value.set_files({"name": name, "mimeType": "application/json", "buffer": content})


def test_folder_export_then_import_asks_merge_or_keep_both(sheet, tiny, tmp_path):
    new_folder(sheet, "AB")
    sheet.fill("[name=kort]", "Antwoord van AB")
    sheet.goto(f"{tiny}mappen/")
    path = export_folder(sheet, "AB", tmp_path)
    assert re.fullmatch(r"clientmap-AB-\d{4}-\d\d-\d\d\.json", path.name)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["label"] == "AB" and data["werkbladen"][0]["antwoorden"] == {"kort": "Antwoord van AB"}
    # Keep both: a second folder "AB (2)" with the same answers.
    open_folder_file(sheet, path.name, path.read_bytes())
    message = sheet.locator("[data-kw-folders-message]")
    expect(message).to_contain_text("Er is al een map 'AB'")
    sheet.get_by_role("button", name="Allebei houden").click()
    expect(message).to_contain_text("De map 'AB (2)' is geopend met 1 werkblad")
    # Merge: the folder's own newer answer stays.
    open_folder_file(sheet, path.name, path.read_bytes())
    sheet.get_by_role("button", name="Samenvoegen").click()
    expect(message).to_contain_text("1 werkblad(en) in de map waren nieuwer en zijn gebleven")
    # Cancel changes nothing.
    open_folder_file(sheet, path.name, path.read_bytes())
    sheet.get_by_role("button", name="Niets doen").click()
    expect(message).to_have_text("Er is niets veranderd aan je mappen.")
    expect(sheet.locator("[data-kw-folder-item]")).to_have_count(3)
    # A new label on a fresh device: the folder comes back with its answers.
    sheet.evaluate("localStorage.clear()")
    sheet.reload()
    open_folder_file(sheet, path.name, path.read_bytes())
    expect(message).to_contain_text("De map 'AB' is geopend met 1 werkblad")
    sheet.locator("[data-kw-folder-item]", has_text="AB").locator("a").click()
    expect(sheet.locator("[name=kort]")).to_have_value("Antwoord van AB")


@pytest.mark.parametrize("content, says", [
    (b"niet json", "kan niet worden gelezen als cliëntmap"),
    (json.dumps({"werkblad": "proef", "versie": 1, "antwoorden": {}}).encode(), "bevat één werkblad"),
    (json.dumps({"krachtwerk_map": 1, "label": "", "werkbladen": []}).encode(), "geen bruikbare naam"),
    (json.dumps({"krachtwerk_map": 1, "label": "XY", "werkbladen": [
        {"werkblad": "proef", "versie": 1, "antwoorden": {"kort": 5}}]}).encode(), "past het werkblad 'proef' niet"),
])
def test_refused_folder_files_change_nothing_and_say_why(sheet, tiny, content, says):
    sheet.fill("[name=kort]", "Blijft")
    sheet.goto(f"{tiny}mappen/")
    before = sheet.evaluate("JSON.stringify(Object.entries(localStorage).sort())")
    open_folder_file(sheet, "map.json", content)
    message = sheet.locator("[data-kw-folders-message]")
    expect(message).to_contain_text(says)
    expect(message).to_contain_text("Er is niets veranderd aan je mappen.")
    assert sheet.evaluate("JSON.stringify(Object.entries(localStorage).sort())") == before


# --- 4. Layouts ---------------------------------------------------------------------------
WIDER_THAN_VIEWPORT = """() => {
    const width = document.documentElement.clientWidth;
    const out = [];
    // Material's navigation drawer is off screen on purpose (until opened), so not counted.
    for (const el of document.querySelectorAll('body *:not(.md-sidebar, .md-sidebar *, .md-search, .md-search *)')) {
        const box = el.getBoundingClientRect();
        if (!box.width || getComputedStyle(el).visibility === 'hidden') continue;
        if (el.closest('thead')) continue;  // visually hidden header row (screen readers)
        if (box.left < -1 || box.right > width + 1) out.push(el.tagName + '.' + el.className + ' ' + Math.round(box.right));
    }
    return { scroll: document.documentElement.scrollWidth, width, out: out.slice(0, 10) }; }"""

# The visible label of every box: its <label>, or in a table or list card the text the card
# shows above it (row and column), read from the computed ::before.
VISIBLE_LABELS = """() => Array.from(document.querySelectorAll('form.kw-form input, form.kw-form textarea'))
    .filter((el) => el.type !== 'radio' && el.type !== 'checkbox')
    .map((el) => {
        const label = el.id && document.querySelector(`label[for="${el.id}"]`);
        if (label && label.getBoundingClientRect().height > 0) return label.textContent.trim();
        const cell = el.closest('td');
        const before = cell ? getComputedStyle(cell, '::before').content : 'none';
        return before === 'none' ? '' : before; })"""


def fill_lists(page) -> None:
    for n in (1, 2, 3):
        if n > 1:
            page.locator("[data-kw-list=plan] [data-kw-add-row]").click()
        for col in ("wat", "wie", "wanneer", "klaar"):
            page.fill(f"[name=plan-{n}-{col}]", f"Een nogal lang antwoord in {col} van rij {n}")


def test_cards_at_390px_fit_the_screen_and_keep_every_label(sheet, tiny):
    sheet.set_viewport_size({"width": 390, "height": 844})
    sheet.reload()
    SHOTS.mkdir(exist_ok=True)
    sheet.evaluate("window.scrollTo(0, document.querySelector('[data-kw-folder-bar]').getBoundingClientRect().top + scrollY - 80)")
    sheet.screenshot(path=str(SHOTS / "werkblad-390-top.png"))
    fill_lists(sheet)
    measured = sheet.evaluate(WIDER_THAN_VIEWPORT)
    assert measured["scroll"] <= 390 and measured["out"] == [], measured
    labels = sheet.evaluate(VISIBLE_LABELS)
    assert all(labels), labels
    assert any("Wonen" in l and "Nu" in l for l in labels), labels  # a table cell: row and column
    assert '"Wie doet het?"' in labels  # a list cell: its column (the card shows "Nr. 2")
    SHOTS.mkdir(exist_ok=True)
    sheet.screenshot(path=str(SHOTS / "werkblad-390.png"), full_page=True)
    sheet.locator(".kw-field--tabel").first.screenshot(path=str(SHOTS / "werkblad-390-tabel.png"))
    sheet.locator("[data-kw-list=plan]").screenshot(path=str(SHOTS / "werkblad-390-lijst.png"))
    results = Axe().run(sheet, options=WCAG)
    assert results.violations_count == 0, results.generate_snapshot()


@pytest.mark.parametrize("width", [1024, 1280, 1920])
def test_every_list_column_and_button_is_visible_on_wide_screens(sheet, width):
    sheet.set_viewport_size({"width": width, "height": 900})
    if width == 1280:
        SHOTS.mkdir(exist_ok=True)
        sheet.evaluate("window.scrollTo(0, document.querySelector('[data-kw-folder-bar]').getBoundingClientRect().top + scrollY - 80)")
        sheet.screenshot(path=str(SHOTS / "werkblad-1280-top.png"))
    fill_lists(sheet)
    hidden = sheet.evaluate("""() => {
        const out = [];
        for (const wrap of document.querySelectorAll('.kw-table-wrap')) {
            if (wrap.scrollWidth > wrap.clientWidth + 1) out.push('scrolls: ' + wrap.parentElement.className);
            const edge = wrap.getBoundingClientRect().right + 1;
            for (const el of wrap.querySelectorAll('tbody textarea, tbody input, tbody button:not([hidden])')) {
                const box = el.getBoundingClientRect();
                if (box.width < 24 || box.right > edge) out.push(el.name || el.textContent);
            }
        }
        return out; }""")
    assert hidden == []
    # Long text in a list cell wraps: the box grows instead of hiding it.
    box = sheet.locator("[name=plan-1-wat]")
    assert box.evaluate("(el) => el.scrollHeight <= el.clientHeight + 2")
    if width == 1280:
        SHOTS.mkdir(exist_ok=True)
        sheet.screenshot(path=str(SHOTS / "werkblad-1280.png"), full_page=True)
        sheet.locator("[data-kw-list=plan]").screenshot(path=str(SHOTS / "werkblad-1280-lijst.png"))
        sheet.locator(".kw-field--tabel").first.screenshot(path=str(SHOTS / "werkblad-1280-tabel.png"))
        results = Axe().run(sheet, options=WCAG)
        assert results.violations_count == 0, results.generate_snapshot()


def test_touch_targets_are_at_least_24px_and_focus_is_visible(sheet):
    small = sheet.evaluate("""() => Array.from(document.querySelectorAll(
            '.kw-worksheet button:not([hidden]), .kw-worksheet input[type=checkbox], .kw-worksheet input[type=radio], .kw-worksheet select'))
        .filter((el) => el.offsetParent)
        .map((el) => [el.name || el.id || el.textContent.trim(), el.getBoundingClientRect()])
        .filter(([, b]) => b.width < 23.5 || b.height < 23.5).map(([n]) => n)""")
    assert small == []
    box = sheet.locator("[data-kw-print-guidance]")
    box.focus()
    sheet.keyboard.press("Shift+Tab")
    sheet.keyboard.press("Tab")  # focus by keyboard, so :focus-visible applies
    outline = box.evaluate("(el) => [getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineWidth]")
    assert outline == ["solid", "3px"]


def test_a_long_one_line_answer_is_printed_whole(sheet, tmp_path):
    from pypdf import PdfReader
    long = " ".join(f"woord{i}" for i in range(60)) + " EINDE"
    sheet.fill("[name=kort]", long)
    sheet.emulate_media(media="print")
    pdf = tmp_path / "afdruk.pdf"
    sheet.pdf(path=str(pdf), format="A4")
    text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "woord59 EINDE" in " ".join(text.split())
    assert "woord0" in text


def test_folder_page_fits_and_passes_axe_at_both_widths(sheet, tiny):
    new_folder(sheet, "AB")
    sheet.fill("[name=kort]", "Iets")
    sheet.goto(f"{tiny}mappen/")
    SHOTS.mkdir(exist_ok=True)
    for width in (390, 1280):
        sheet.set_viewport_size({"width": width, "height": 900})
        expect(sheet.locator("[data-kw-folder-item]")).to_have_count(2)
        # Material lays the page out again after a resize (sidebars, header); measure once
        # that is done, so a width left over from the narrower layout does not count.
        try:
            sheet.wait_for_function("w => document.documentElement.scrollWidth <= w",
                                    arg=width, timeout=5000)
        except PlaywrightTimeout:
            pass  # the measurement below then says what is too wide
        measured = sheet.evaluate(WIDER_THAN_VIEWPORT)
        assert measured["scroll"] <= width and measured["out"] == [], measured
        sheet.screenshot(path=str(SHOTS / f"mappen-{width}.png"), full_page=True)
        results = Axe().run(sheet, options=WCAG)
        assert results.violations_count == 0, results.generate_snapshot()


# --- 5. Small things -----------------------------------------------------------------------
def test_a_number_above_the_max_is_refused_as_you_type(sheet):
    box = sheet.locator("[name=aantal]")  # min 0, max 100
    box.press_sequentially("100")
    box.press_sequentially("7")
    expect(box).to_have_value("100")
    expect(sheet.locator(MESSAGE)).to_have_text("Hier past een getal tot en met 100.")
    assert stored(sheet)["antwoorden"]["aantal"] == "100"


def test_waaier_filters_keep_their_state_in_the_address(page, tiny):
    errors = watch_errors(page)
    page.goto(f"{tiny}waaier/")
    select = page.locator("select[data-kw-filter]").first
    key = select.get_attribute("data-kw-filter")
    value = select.locator("option").nth(1).get_attribute("value")
    select.select_option(value)
    assert f"{key}={value}" in page.url
    page.reload()
    expect(select).to_have_value(value)
    page.go_back()
    expect(select).to_have_value("")
    page.go_forward()
    expect(select).to_have_value(value)
    assert errors == []


def test_a_protected_folder_file_opens_only_with_its_passphrase(sheet, tiny, tmp_path):
    # 127.0.0.1 counts as a secure context; plain http on an intranet and file:// have no
    # crypto.subtle, so take it away: the protection must not need it.
    sheet.context.add_init_script("Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined })")
    sheet.reload()
    assert sheet.evaluate("crypto.subtle === undefined")
    new_folder(sheet, "AB")
    sheet.fill("[name=kort]", "Geheim antwoord")
    sheet.goto(f"{tiny}mappen/")
    path = export_folder(sheet, "AB", tmp_path, passphrase="paard batterij niet")
    expect(sheet.locator("[data-kw-folders-message]")).to_contain_text("beveiligd met je wachtwoord")
    content = path.read_text(encoding="utf-8")
    assert "Geheim" not in content and json.loads(content)["krachtwerk_beveiligd"] == 1
    sheet.evaluate("localStorage.clear()")
    sheet.reload()
    message = sheet.locator("[data-kw-folders-message]")
    # Wrong passphrase: said plainly, nothing changes, no error on the page.
    open_folder_file(sheet, path.name, path.read_bytes())
    give_passphrase(sheet, "fout")
    expect(message).to_contain_text("Het wachtwoord klopt niet", timeout=15000)
    expect(message).to_contain_text("Er is niets veranderd aan je mappen.")
    expect(sheet.locator("[data-kw-folder-item]")).to_have_count(1)
    # A damaged file (its parameters changed) is refused too.
    damaged = json.loads(content)
    damaged["N"] = 2 ** 30
    open_folder_file(sheet, path.name, json.dumps(damaged).encode())
    give_passphrase(sheet, "paard batterij niet")
    expect(message).to_contain_text("kan niet worden gelezen", timeout=15000)
    # The right one opens the folder with its answers.
    open_folder_file(sheet, path.name, path.read_bytes())
    give_passphrase(sheet, "paard batterij niet")
    expect(message).to_contain_text("De map 'AB' is geopend met 1 werkblad", timeout=15000)
    sheet.locator("[data-kw-folder-item]", has_text="AB").locator("a").click()
    expect(sheet.locator("[name=kort]")).to_have_value("Geheim antwoord")


# --- 5. Tick boxes, totals and a worksheet file with a passphrase ---------------------------
def test_a_tick_column_is_a_check_box_saved_as_ja_and_restored(sheet):
    box = sheet.get_by_role("checkbox", name="Ochtend Gedaan")
    box.check()
    sheet.locator("[data-kw-list=stappen] [data-kw-add-row]").click()
    sheet.get_by_role("checkbox", name="Klaar? 2").check()  # column, then row number
    answers = stored(sheet)["antwoorden"]
    assert (answers["rooster-ochtend-gedaan"], answers["stappen-2-klaar"]) == ("Ja", "Ja")
    assert "stappen-1-klaar" not in answers and "rooster-middag-gedaan" not in answers
    sheet.reload()
    expect(sheet.get_by_role("checkbox", name="Ochtend Gedaan")).to_be_checked()
    expect(sheet.get_by_role("checkbox", name="Klaar? 2")).to_be_checked()
    expect(sheet.get_by_role("checkbox", name="Klaar? 1")).not_to_be_checked()
    sheet.get_by_role("checkbox", name="Ochtend Gedaan").uncheck()
    assert "rooster-ochtend-gedaan" not in stored(sheet)["antwoorden"]


def open_sheet_file(page, content: bytes, name: str = "proef.json") -> None:
    with page.expect_file_chooser() as chooser:
        page.click("[data-kw-action=import]")
    chooser.value.set_files({"name": name, "mimeType": "application/json", "buffer": content})


def test_a_written_answer_in_a_column_that_is_now_a_tick_box_is_kept_apart(sheet):
    """An earlier version had text in "Klaar?" ("12 maart"): it is shown with the answers of
    an earlier version, the box stays empty; in a file of this very version it is refused."""
    old = {"werkblad": "proef", "versie": 2, "antwoorden": {"kort": "Oud", "stappen-1-klaar": "12 maart"},
           "labels": {"stappen-1-klaar": "Een lijst, rij 1: Klaar op"}}
    open_sheet_file(sheet, json.dumps(old).encode())
    expect(sheet.locator(MESSAGE)).to_contain_text("andere versie van dit werkblad")
    expect(sheet.locator("[name=kort]")).to_have_value("Oud")
    expect(sheet.get_by_role("checkbox", name="Klaar? 1")).not_to_be_checked()
    orphans = sheet.locator("[data-kw-orphans]")
    expect(orphans).to_be_visible()
    expect(orphans).to_contain_text("Een lijst, rij 1: Klaar op")
    expect(orphans).to_contain_text("12 maart")
    same = {"werkblad": "proef", "versie": 1, "antwoorden": {"stappen-1-klaar": "on"}}
    open_sheet_file(sheet, json.dumps(same).encode())
    expect(sheet.locator(MESSAGE)).to_contain_text("passen niet bij dit werkblad")


def test_a_total_follows_the_scores_live_and_is_not_saved(sheet):
    output = sheet.locator("[data-kw-total] output")
    expect(output).to_have_attribute("aria-live", "polite")
    expect(output).to_have_text("Nog geen score ingevuld (2 uitspraken).")
    sheet.check("[name=cijfer][value='7']")
    expect(output).to_have_text("Totaal 7 van 110. Gemiddeld 7. 1 van 2 uitspraken ingevuld.")
    sheet.fill("[name=aantal]", "20")
    expect(output).to_have_text("Totaal 27 van 110. Gemiddeld 13,5. 2 van 2 uitspraken ingevuld.")
    assert set(stored(sheet)["antwoorden"]) == {"cijfer", "aantal"}  # the total is not an answer
    sheet.reload()  # worked out again from the restored scores
    expect(output).to_have_text("Totaal 27 van 110. Gemiddeld 13,5. 2 van 2 uitspraken ingevuld.")
    sheet.fill("[name=aantal]", "")
    expect(output).to_have_text("Totaal 7 van 110. Gemiddeld 7. 1 van 2 uitspraken ingevuld.")


NO_SUBTLE = "Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined })"


def test_a_worksheet_file_with_a_passphrase_asked_in_an_accessible_dialog(sheet, tmp_path):
    sheet.context.add_init_script(NO_SUBTLE)  # as on plain http and file://
    sheet.reload()
    sheet.fill("[name=kort]", "Geheim antwoord")
    button = sheet.get_by_role("button", name="Bewaren met wachtwoord")
    button.click()
    dialog = sheet.get_by_role("dialog", name="Bestand beveiligen met een wachtwoord")
    expect(dialog).to_be_visible()
    first = dialog.get_by_label("Wachtwoord", exact=True)
    expect(first).to_be_focused()
    assert Axe().run(sheet, context="dialog", options=WCAG).violations_count == 0
    # Two different passphrases: said in the dialog, which stays open.
    first.fill("paard batterij niet")
    dialog.get_by_label("Typ het wachtwoord nog een keer").fill("paard batterij")
    dialog.get_by_role("button", name="Bewaren").click()
    expect(dialog.get_by_role("alert")).to_have_text(
        "De twee wachtwoorden zijn niet hetzelfde. Typ het wachtwoord nog een keer.")
    # Show the passphrase; Escape cancels and focus goes back to the button.
    dialog.get_by_label("Wachtwoord laten zien").check()
    expect(first).to_have_attribute("type", "text")
    sheet.keyboard.press("Escape")
    expect(sheet.locator(PASSPHRASE)).to_have_count(0)
    expect(button).to_be_focused()
    expect(sheet.locator(MESSAGE)).to_have_text("Er is geen bestand gemaakt.")
    # Saved with a passphrase: the file holds no answer in plain text.
    with sheet.expect_download() as download:
        button.click()
        give_passphrase(sheet, "paard batterij niet")
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert re.fullmatch(r"Eigen-werkbladen-proef-\d{4}-\d\d-\d\d\.json", path.name)
    content = path.read_text(encoding="utf-8")
    assert "Geheim" not in content and json.loads(content)["krachtwerk_beveiligd"] == 1
    expect(sheet.locator(MESSAGE)).to_contain_text("beveiligd met je wachtwoord")
    # A wrong passphrase: refused with a message, the answers here stay as they are.
    sheet.fill("[name=kort]", "Nieuw antwoord")
    open_sheet_file(sheet, path.read_bytes(), path.name)
    give_passphrase(sheet, "fout wachtwoord")
    expect(sheet.locator(MESSAGE)).to_contain_text("Het wachtwoord klopt niet", timeout=15000)
    expect(sheet.locator(MESSAGE)).to_contain_text("Je antwoorden zijn niet veranderd.")
    expect(sheet.locator("[name=kort]")).to_have_value("Nieuw antwoord")
    assert stored(sheet)["antwoorden"]["kort"] == "Nieuw antwoord"
    # Cancelled: nothing changes either.
    open_sheet_file(sheet, path.read_bytes(), path.name)
    expect(sheet.locator(PASSPHRASE)).to_be_visible()
    sheet.keyboard.press("Escape")
    expect(sheet.locator(MESSAGE)).to_have_text("Je antwoorden zijn niet veranderd.")
    # The right passphrase opens it (after the usual "replace your answers?").
    answer_dialogs(sheet, [True])
    open_sheet_file(sheet, path.read_bytes(), path.name)
    give_passphrase(sheet, "paard batterij niet")
    expect(sheet.locator("[name=kort]")).to_have_value("Geheim antwoord", timeout=15000)
