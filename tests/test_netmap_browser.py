"""The netwerkkaart in a real browser: add people, place and move them with the keyboard and
the mouse, keep them across a reload and through a file, and pass axe at 390 and 1280 px.

A tiny site with the all-types worksheet (its field 'netwerk' is a netwerkkaart) is built
once for the module; every test gets a fresh browser context (empty storage)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import mkdocs_build, serve
from test_worksheet_render import ALL_TYPES
from tiny_project import make_project

pytestmark = [pytest.mark.browser, pytest.mark.build]

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
MAP = "[data-kw-netmap=netwerk]"
PERSON = f"{MAP} .kw-netmap-person"
KEY = "krachtwerk:map:standaard:werkblad:proef:v1"
SHOTS = Path("/tmp/netmap-shots")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    root = tmp_path_factory.mktemp("netmap")
    project = make_project(root / "project", with_site=True)
    (project / "worksheets" / "proef.yml").write_text(ALL_TYPES, encoding="utf-8")
    result = mkdocs_build(project, root / "www")
    assert result.returncode == 0, result.stdout + result.stderr
    server = serve(root / "www")
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture
def sheet(page, tiny):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{tiny}waaier/proef/")
    expect(page.locator(f"{MAP} [data-kw-netmap-people]")).to_be_visible()
    yield page
    assert errors == []


def add_person(page, n: int, name: str) -> None:
    if n > 1:
        page.locator(f"{MAP} [data-kw-add-row]").click()
    page.fill(f"[name=netwerk-{n}-naam]", name)


def places(page) -> dict:
    """name -> (kring, sector) as the list holds them."""
    return page.evaluate("""() => Object.fromEntries(Array.from(
        document.querySelectorAll('[data-kw-netmap=netwerk] tr[data-kw-row]'), (row) => [
          row.querySelector('[name$=-naam]').value,
          [row.querySelector('[name$=-kring]').value, row.querySelector('[name$=-sector]').value]])
        .filter(([name]) => name))""")


def stored(page):
    raw = page.evaluate("(k) => localStorage.getItem(k)", KEY)
    return json.loads(raw)["antwoorden"] if raw else None


def test_a_name_appears_on_the_map_and_moves_by_keyboard_and_stays_after_reload(sheet):
    add_person(sheet, 1, "Zus")
    person = sheet.locator(PERSON, has_text="Zus")
    # A name without a place goes to the closest ring, first sector, at once.
    expect(person).to_have_attribute("aria-label", "Zus: Dichtbij, Familie")
    assert places(sheet) == {"Zus": ["dichtbij", "familie"]}
    person.focus()
    sheet.keyboard.press("ArrowDown")
    expect(sheet.locator("[data-kw-message]")).to_have_text("Zus staat nu bij Verder weg, Familie.")
    sheet.keyboard.press("ArrowRight")
    assert places(sheet) == {"Zus": ["verder", "vrienden"]}
    # Focus stays on the person that moved, so the arrows can go on.
    assert sheet.evaluate("document.activeElement.textContent") == "Zus"
    sheet.keyboard.press("ArrowDown")
    expect(sheet.locator("[data-kw-message]")).to_have_text("Zus staat al bij Verder weg.")
    sheet.keyboard.press("ArrowLeft")
    sheet.keyboard.press("ArrowLeft")  # from the first sector round to the last
    assert places(sheet) == {"Zus": ["verder", "hulpverleners"]}
    assert stored(sheet)["netwerk-1-sector"] == "hulpverleners"

    sheet.reload()
    expect(sheet.locator(PERSON)).to_have_count(1)
    expect(sheet.locator(PERSON)).to_have_attribute("aria-label", "Zus: Verder weg, Hulpverleners")
    assert places(sheet) == {"Zus": ["verder", "hulpverleners"]}


def test_the_list_beside_the_map_moves_and_removes_people_too(sheet):
    add_person(sheet, 1, "Buurman")
    add_person(sheet, 2, "Huisarts")
    sheet.select_option("[name=netwerk-2-sector]", "hulpverleners")
    sheet.select_option("[name=netwerk-2-kring]", "verder")
    expect(sheet.locator(PERSON, has_text="Huisarts")).to_have_attribute(
        "aria-label", "Huisarts: Verder weg, Hulpverleners")
    # The huisarts now stands in the bottom left quarter, outside the closest ring.
    box = sheet.locator(f"{MAP} [data-kw-netmap-people]").bounding_box()
    spot = sheet.locator(PERSON, has_text="Huisarts").bounding_box()
    cx, cy = spot["x"] + spot["width"] / 2 - box["x"], spot["y"] + spot["height"] / 2 - box["y"]
    assert cx < box["width"] / 2 and cy > box["height"] / 2
    sheet.locator(f"{MAP} tr[data-kw-row='1'] [data-kw-remove-row]").click()
    expect(sheet.locator(PERSON)).to_have_count(1)
    expect(sheet.locator(PERSON)).to_have_text("Huisarts")
    assert stored(sheet) == {"netwerk-1-naam": "Huisarts", "netwerk-1-kring": "verder",
                             "netwerk-1-sector": "hulpverleners"}


def test_a_person_is_dragged_to_another_ring_and_sector(sheet):
    add_person(sheet, 1, "Trainer")
    box = sheet.locator(f"{MAP} [data-kw-netmap-people]").bounding_box()
    spot = sheet.locator(PERSON).bounding_box()
    sheet.mouse.move(spot["x"] + spot["width"] / 2, spot["y"] + spot["height"] / 2)
    sheet.mouse.down()
    # To the bottom right, in the outer ring (the drawing is 240 units; rings end at 58.5, 100).
    target = (box["x"] + box["width"] * (120 + 55) / 240, box["y"] + box["height"] * (120 + 55) / 240)
    sheet.mouse.move(*target, steps=8)
    sheet.mouse.up()
    assert places(sheet) == {"Trainer": ["verder", "buurt"]}
    expect(sheet.locator("[data-kw-message]")).to_have_text("Trainer staat nu bij Verder weg, Buurt.")
    assert stored(sheet)["netwerk-1-kring"] == "verder"


def test_export_then_clear_then_import_gives_the_same_map(sheet, tmp_path):
    sheet.on("dialog", lambda dialog: dialog.accept())
    for n, name in enumerate(["Moeder", "Coach", "Buurvrouw"], 1):
        add_person(sheet, n, name)
    sheet.select_option("[name=netwerk-2-sector]", "vrienden")
    sheet.select_option("[name=netwerk-3-sector]", "buurt")
    sheet.select_option("[name=netwerk-3-kring]", "verder")
    before = places(sheet)
    with sheet.expect_download() as download:
        sheet.click("[data-kw-action=export]")
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert json.loads(path.read_text(encoding="utf-8"))["antwoorden"]["netwerk-3-kring"] == "verder"
    sheet.click("[data-kw-action=clear]")
    expect(sheet.locator(PERSON)).to_have_count(0)
    with sheet.expect_file_chooser() as chooser:
        sheet.click("[data-kw-action=import]")
    chooser.value.set_files(str(path))
    expect(sheet.locator("[data-kw-message]")).to_contain_text("zijn ingevuld")
    assert places(sheet) == before
    expect(sheet.locator(PERSON)).to_have_count(3)


def test_a_file_with_a_place_the_map_does_not_have_is_refused(sheet, tmp_path):
    path = tmp_path / "kaart.json"
    path.write_text(json.dumps({"werkblad": "proef", "versie": 1, "datum": "2026-12-01",
                                "antwoorden": {"netwerk-2-naam": "Oom",
                                               "netwerk-2-kring": "maan",
                                               "netwerk-2-sector": "familie"}}), encoding="utf-8")
    with sheet.expect_file_chooser() as chooser:
        sheet.click("[data-kw-action=import]")
    chooser.value.set_files(str(path))
    expect(sheet.locator("[data-kw-message]")).to_contain_text("passen niet bij dit werkblad")
    expect(sheet.locator(PERSON)).to_have_count(0)


@pytest.mark.parametrize("width", [390, 1280])
def test_the_map_passes_axe_and_its_people_are_big_enough_to_tap(sheet, width):
    sheet.set_viewport_size({"width": width, "height": 900})
    for n, name in enumerate(["Opa", "Vriendin", "Wijkagent", "Buurjongen"], 1):
        add_person(sheet, n, name)
    sheet.select_option("[name=netwerk-3-sector]", "hulpverleners")
    sheet.select_option("[name=netwerk-4-sector]", "buurt")
    expect(sheet.locator(PERSON)).to_have_count(4)
    for i in range(4):
        size = sheet.locator(PERSON).nth(i).bounding_box()
        assert size["width"] >= 24 and size["height"] >= 24, size
    SHOTS.mkdir(exist_ok=True)
    sheet.locator(MAP).screenshot(path=str(SHOTS / f"netwerkkaart-{width}.png"))
    scroll = sheet.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"the page scrolls sideways at {width}px ({scroll})"
    results = Axe().run(sheet, options=WCAG)
    assert results.violations_count == 0, results.generate_report()
