"""A worksheet beside another language in a real browser: the picker, right-to-left, the
choice remembered, answers that stay the same file in every language, read aloud with a
stubbed speechSynthesis, and axe on krachteninventarisatie in Arabic, English and easy Dutch.

The real site is built once without PDFs; a tiny site with site_url checks Material's
instant navigation."""
from __future__ import annotations

import json
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import ROOT, mkdocs_build, serve
from tiny_project import make_project
from translation_fixture import add_arabic

pytestmark = [pytest.mark.browser, pytest.mark.build]

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
SHEET = "waaier/krachteninventarisatie/"
PICKER = "[data-kw-language]"


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    site = tmp_path_factory.mktemp("site-talen")
    result = mkdocs_build(ROOT, site, env={"KRACHTWERK_PDF": "uit"})
    assert result.returncode == 0, result.stdout + result.stderr
    server = serve(site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    root = tmp_path_factory.mktemp("tiny-talen")
    (root / "www").mkdir()
    server = serve(root / "www")
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    project = make_project(root / "project", with_site=True)
    add_arabic(project)
    shutil.copy(ROOT / "content" / "privacy.md", project / "content" / "privacy.md")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "site_dir: site\n", f"site_dir: site\nsite_url: {base}\n"), encoding="utf-8")
    result = mkdocs_build(project, root / "www")
    assert result.returncode == 0, result.stdout + result.stderr
    yield base
    server.shutdown()


@pytest.fixture
def errors(page):
    seen = []
    page.on("pageerror", lambda e: seen.append(str(e)))
    yield seen
    assert seen == []


def form_state(page) -> list:
    return page.evaluate("""() => Array.from(document.querySelector("form.kw-form").elements)
        .filter((e) => e.name)
        .map((e) => [e.name, e.type, ["radio", "checkbox"].includes(e.type) ? e.checked : e.value])""")


def test_arabic_is_shown_right_to_left_and_remembered_after_reload(page, real, errors):
    page.goto(real + SHEET)
    arabic = page.locator(".kw-instruction > p [data-kw-tr=ar]")
    expect(arabic).to_be_hidden()
    page.select_option(PICKER, "ar")
    expect(arabic).to_be_visible()
    assert arabic.get_attribute("dir") == "rtl" and arabic.get_attribute("lang") == "ar"
    assert page.evaluate("(el) => getComputedStyle(el).direction", arabic.element_handle()) == "rtl"
    # the Dutch stays, left to right
    dutch = page.locator(".kw-instruction p > .kw-nl")
    expect(dutch).to_be_visible()
    assert page.evaluate("(el) => getComputedStyle(el).direction", dutch.element_handle()) == "ltr"
    # the review status is told near the picker, in Dutch and in Arabic
    expect(page.locator(".kw-review[data-kw-when=ar]")).to_contain_text("nog niet nagekeken")
    # options keep their Dutch value; a translated row label is visible
    expect(page.locator("th[id$='-r-wonen'] [data-kw-tr=ar]")).to_be_visible()
    page.reload()
    assert page.input_value(PICKER) == "ar"
    expect(arabic).to_be_visible()
    page.select_option(PICKER, "")
    expect(arabic).to_be_hidden()
    page.reload()
    expect(arabic).to_be_hidden()


def test_easy_dutch_replaces_the_standard_text_with_a_way_back(page, real, errors):
    page.goto(real + SHEET)
    standard = page.locator(".kw-instruction p > .kw-nl")
    page.select_option(PICKER, "makkelijk")
    expect(page.locator(".kw-instruction > p [data-kw-tr=makkelijk]")).to_be_visible()
    expect(standard).to_be_hidden()
    page.click("[data-kw-easy-back]")
    expect(standard).to_be_visible()
    assert page.input_value(PICKER) == ""


def test_export_in_arabic_imports_unchanged_in_dutch(page, real, errors, tmp_path):
    page.on("dialog", lambda d: d.accept())
    page.goto(real + SHEET)
    page.select_option(PICKER, "ar")
    page.fill("[name=de_moeite_waard]", "مرحبا en Dutch")
    page.fill("[name=leefgebieden-wonen-nu]", "Een kamer")
    page.click("[data-kw-add-row]")  # a row copied from the template, in the Arabic view
    expect(page.locator("tr[data-kw-row='2'] .kw-remove-row [data-kw-tr=ar]")).to_be_visible()
    page.fill("[name=prioriteiten-2-wat]", "Werk zoeken")
    filled = form_state(page)
    with page.expect_download() as download:
        page.click("[data-kw-action=export]")
    path = tmp_path / "antwoorden.json"
    download.value.save_as(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["antwoorden"]["leefgebieden-wonen-nu"] == "Een kamer"
    page.click("[data-kw-action=clear]")
    page.select_option(PICKER, "")
    page.reload()
    assert all(not v for _, _, v in form_state(page))
    with page.expect_file_chooser() as chooser:
        page.click("[data-kw-action=import]")
    chooser.value.set_files({"name": "antwoorden.json", "mimeType": "application/json",
                             "buffer": path.read_bytes()})
    expect(page.locator("[data-kw-message]")).to_contain_text("zijn ingevuld")
    assert form_state(page) == filled


STUB = """
window.__spoken = [];
const voices = %s;
Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
  getVoices: () => voices, speak: (u) => window.__spoken.push({text: u.text, lang: u.lang}),
  cancel: () => {}, addEventListener: () => {} } });
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
"""


def test_read_aloud_speaks_the_chosen_language_with_a_local_voice(page, real, errors):
    page.add_init_script(STUB % json.dumps([
        {"lang": "ar-SA", "localService": True, "default": False, "name": "lokaal"},
        {"lang": "nl-NL", "localService": True, "default": True, "name": "nl"},
        {"lang": "ar-EG", "localService": False, "default": True, "name": "op afstand"}]))
    page.goto(real + SHEET)
    button = page.locator(".kw-instruction .kw-speak")
    expect(button).to_be_visible()
    assert button.evaluate("b => b.tagName") == "BUTTON"
    box = button.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    button.click()
    spoken = page.evaluate("window.__spoken")
    assert spoken[-1]["lang"] == "nl-NL" and spoken[-1]["text"].startswith("Op dit blad")
    page.select_option(PICKER, "ar")
    question = page.locator("#krachteninventarisatie-de_moeite_waard-vraag + .kw-speak")
    question.focus()
    page.keyboard.press("Enter")
    spoken = page.evaluate("window.__spoken")
    assert spoken[-1]["lang"] == "ar-SA", "the local voice, never the remote one"
    expected = page.locator("#krachteninventarisatie-de_moeite_waard-vraag [data-kw-tr=ar]")
    assert spoken[-1]["text"].startswith(expected.inner_text().strip())
    assert not any("مرحبا" in t["text"] for t in spoken)
    assert page.evaluate("localStorage.length") >= 1  # the preference; no answers were typed
    assert not page.evaluate("Object.keys(localStorage).some(k => k.includes('werkblad'))")


def test_without_a_local_voice_the_button_says_so(page, real, errors):
    page.add_init_script(STUB % json.dumps([
        {"lang": "ar-SA", "localService": False, "default": True, "name": "op afstand"}]))
    page.goto(real + SHEET)
    page.select_option(PICKER, "ar")
    page.click(".kw-instruction .kw-speak")
    note = page.locator(".kw-instruction .kw-speak-note")
    expect(note).to_contain_text("geen stem")
    expect(note.locator("[lang=ar]")).to_be_visible()
    assert page.evaluate("window.__spoken") == []


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("language", ["ar", "en", "makkelijk"])
def test_krachteninventarisatie_in_each_view_passes_axe(page, real, errors, language, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(real + SHEET)
    page.select_option(PICKER, language)
    expect(page.locator(f".kw-instruction > p [data-kw-tr={language}]")).to_be_visible()
    results = Axe().run(page, options=WCAG)
    assert results.violations_count == 0, results.generate_snapshot()


def test_a_dutch_page_downloads_no_font_for_other_scripts(page, real, errors):
    page.goto(real)
    page.wait_for_load_state("networkidle")
    loaded = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert not [u for u in loaded if "/fonts/scripts/" in u]
    assert any("/fonts/atkinson" in u for u in loaded), "the check sees font requests at all"


def test_the_choice_holds_across_instant_navigation(page, tiny, errors):
    page.goto(tiny + "waaier/proef/")
    page.select_option(PICKER, "ar")
    page.evaluate("window.kwSamePage = true")
    page.click(".kw-shared-notice a")
    expect(page.locator("h1")).to_contain_text("Privacy")
    page.go_back()
    expect(page.locator(".kw-instruction > p [data-kw-tr=ar]")).to_be_visible()
    assert page.evaluate("window.kwSamePage") is True, "the page was swapped, not reloaded"
    assert page.input_value(PICKER) == "ar"


MAP = "waaier/netwerkkaart/"


def test_netwerkkaart_names_rings_and_sectors_in_the_chosen_language(page, real, errors):
    """The drawing's names are SVG text, the list's rings and sectors options: neither can
    hold a span per language, so the script shows the SVG line and writes the option."""
    page.goto(real + MAP)
    arabic = page.locator(".kw-netmap-svg text[data-kw-tr=ar]")
    assert arabic.count() == 7  # ik, two rings, four sectors
    expect(arabic.first).to_be_hidden()
    ring = page.locator("[name=netwerk-1-kring] option[value=verder]")
    assert ring.text_content() == "Verder weg"
    page.select_option(PICKER, "ar")
    for n in range(7):
        expect(arabic.nth(n)).to_be_visible()
    expect(page.locator(".kw-netmap-svg text[data-kw-tr=en]").first).to_be_hidden()
    expect(page.locator(".kw-netmap-svg text.kw-nl", has_text="Familie")).to_be_visible()
    assert arabic.nth(0).get_attribute("lang") == "ar"
    assert ring.text_content() == "Verder weg · أبعد"
    expect(page.locator("[id$=netwerk-privacy] [data-kw-tr=ar]")).to_be_visible()
    # the answer is the ring's id, whatever the language shows
    page.fill("[name=netwerk-1-naam]", "Samira")
    page.select_option("[name=netwerk-1-kring]", "verder")
    assert page.input_value("[name=netwerk-1-kring]") == "verder"
    expect(page.locator(".kw-netmap-person")).to_have_count(1)
    # easy Dutch takes the place of the standard name, in the drawing and in the list
    page.select_option(PICKER, "makkelijk")
    expect(page.locator(".kw-netmap-svg text.kw-nl", has_text="Hulpverleners")).to_be_hidden()
    expect(page.locator(".kw-netmap-svg text[data-kw-tr=makkelijk]",
                        has_text="Mensen die helpen")).to_be_visible()
    sector = page.locator("[name=netwerk-1-sector] option[value=hulpverleners]")
    assert sector.text_content() == "Mensen die helpen"
    page.select_option(PICKER, "")
    assert sector.text_content() == "Hulpverleners" and ring.text_content() == "Verder weg"
    expect(arabic.first).to_be_hidden()


@pytest.mark.parametrize("width", [390, 1280])
def test_netwerkkaart_in_arabic_passes_axe(page, real, errors, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(real + MAP)
    page.select_option(PICKER, "ar")
    expect(page.locator(".kw-netmap-svg text[data-kw-tr=ar]").first).to_be_visible()
    results = Axe().run(page, options=WCAG)
    assert results.violations_count == 0, results.generate_snapshot()


PICTOGRAMS = "[data-kw-pictograms]"


def test_pictograms_switch_off_and_the_sheet_stays_whole(page, real, errors):
    """Pictograms are a help beside the text, never instead of it: off, every label is still
    there and the form still works; the choice is this device's, for every worksheet."""
    page.goto(real + SHEET)
    pictos = page.locator(".kw-form .kw-picto")
    assert pictos.count() > 10
    expect(pictos.first).to_be_visible()
    row = page.locator("th[id$='-r-wonen']")
    expect(row).to_contain_text("Wonen en veiligheid")
    page.focus(PICTOGRAMS)  # by keyboard, as a switch
    page.keyboard.press("Space")
    assert not page.is_checked(PICTOGRAMS)
    for n in range(pictos.count()):
        expect(pictos.nth(n)).to_be_hidden()
    expect(row).to_be_visible()
    expect(row).to_contain_text("Wonen en veiligheid")
    page.fill("[name=leefgebieden-wonen-nu]", "Een kamer")
    assert page.input_value("[name=leefgebieden-wonen-nu]") == "Een kamer"
    page.goto(real + MAP)  # another worksheet: off there too
    assert not page.is_checked(PICTOGRAMS)
    expect(page.locator(".kw-picto").first).to_be_hidden()
    page.goto(real + SHEET)
    assert page.input_value("[name=leefgebieden-wonen-nu]") == "Een kamer"
    page.check(PICTOGRAMS)
    expect(pictos.first).to_be_visible()


@pytest.mark.parametrize("width", [390, 1280])
def test_a_worksheet_without_pictograms_passes_axe(page, real, errors, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(real + SHEET)
    page.uncheck(PICTOGRAMS)
    expect(page.locator(".kw-form .kw-picto").first).to_be_hidden()
    results = Axe().run(page, options=WCAG)
    assert results.violations_count == 0, results.generate_snapshot()
