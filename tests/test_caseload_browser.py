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
DEFAULT_KEY = "krachtwerk:map:standaard:werkblad:proef:v1"


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    root = tmp_path_factory.mktemp("caseload")
    project = make_project(root / "project", with_site=True)
    (project / "worksheets" / "proef.yml").write_text(ALL_TYPES, encoding="utf-8")
    for page in ("privacy.md", "mappen.md"):
        shutil.copy(ROOT / "content" / page, project / "content" / page)
    (project / "content" / "waaier").mkdir()
    (project / "content" / "waaier" / "index.md").write_text("# Waaier\n", encoding="utf-8")
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


def new_folder(page, label: str) -> None:
    answer_dialogs(page, [label])
    page.click("[data-kw-folder-bar] [data-kw-action=new-folder]")
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
    answer_dialogs(sheet, ["ab"])
    sheet.click("[data-kw-folder-bar] [data-kw-action=new-folder]")
    expect(sheet.locator(MESSAGE)).to_contain_text("Er is al een map met die naam")
    answer_dialogs(sheet, ["x" * 31])
    sheet.click("[data-kw-folder-bar] [data-kw-action=new-folder]")
    expect(sheet.locator(MESSAGE)).to_contain_text("te lang")
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
    seen = answer_dialogs(sheet, ["CD", True])
    sheet.locator("[data-kw-folder-item]", has_text="AB").get_by_role(
        "button", name="Naam veranderen").click()
    expect(sheet.locator("[data-kw-folders-message]")).to_have_text("De map heet nu 'CD'.")
    sheet.locator("[data-kw-folder-item]", has_text="CD").get_by_role(
        "button", name="Map verwijderen").click()
    assert "'CD'" in seen[1] and "Proefblad" in seen[1] and "1 werkblad" in seen[1]
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
    assert re.fullmatch(r"clientmap-Eigen-werkbladen-\d{4}-\d\d-\d\d\.json",
                        download.value.suggested_filename)
    expect(reminder).to_have_count(0)
