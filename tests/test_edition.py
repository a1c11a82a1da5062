"""Organisation editions: the example edition's brand, sections, own pages, hosting and offline use."""
from __future__ import annotations

import functools
import http.server
import json
import re
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build
from tiny_project import edit, make_project, problems_of

EXAMPLE = ROOT / "site_config" / "voorbeeld"
NGINX = ROOT / "hosting" / "nginx.conf"


@pytest.fixture(scope="module")
def example_site(tmp_path_factory) -> Path:
    """The real handbook in the example edition, with its PDFs (a `build` test's fixture)."""
    site = tmp_path_factory.mktemp("voorbeeld-site")
    result = mkdocs_build(ROOT, site, env={"KRACHTWERK_EDITIE": str(EXAMPLE)})
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _html_pages(site: Path):
    return [p for p in site.rglob("*.html")]


# --- brand -----------------------------------------------------------------------------
@pytest.mark.build
def test_brand_in_header_footer_favicon_and_colours(example_site):
    home = (example_site / "index.html").read_text(encoding="utf-8")
    assert "Handboek Krachtwerk – Stichting De Overstap</title>" in home
    assert 'href="assets/editie/logo.svg"' in home  # favicon
    assert 'src="assets/editie/logo.svg"' in home  # header logo
    assert "Interne uitgave van Stichting De Overstap" in home
    assert "handboek@deoverstap.example" in home
    css = (example_site / "assets/editie/editie.css").read_text(encoding="utf-8")
    assert "--kw-primary: #5b2a86" in css and "--kw-accent: #a3411c" in css
    assert 'href="assets/editie/editie.css"' in home


@pytest.mark.build
def test_edition_life_domains_reach_the_krachteninventarisatie(example_site):
    page = (example_site / "waaier/krachteninventarisatie/index.html").read_text(encoding="utf-8")
    assert "Familie, vrienden en buren" in page
    assert "Veiligheid" in page


@pytest.mark.build
def test_site_url_from_edition(example_site):
    sitemap = (example_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://intranet.deoverstap.example/handboek/" in sitemap


# --- sections and own pages ---------------------------------------------------------------
@pytest.mark.build
def test_switched_off_training_leaves_no_page_link_or_search_hit(example_site):
    assert not (example_site / "training").exists()
    for page in _html_pages(example_site):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'href="[^"]*training/', html), page
    index = json.loads((example_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if d["location"].startswith("training/")]
    texts = " ".join(d["text"] + d["title"] for d in index["docs"])
    assert "Wijkwandeling" not in texts and "Oefeningen voor training" not in texts


@pytest.mark.build
def test_extra_pages_are_built_and_in_the_nav(example_site):
    kaart = example_site / "organisatie/sociale-kaart/index.html"
    assert "Buurthuis De Linde" in kaart.read_text(encoding="utf-8")
    home = (example_site / "index.html").read_text(encoding="utf-8")
    assert 'href="organisatie/sociale-kaart/"' in home
    assert 'href="organisatie/contact/"' in home


# --- validation ---------------------------------------------------------------------------
@pytest.fixture
def edition(tmp_path) -> Path:
    project = make_project(tmp_path / "p")
    return project


def test_edition_unknown_key_missing_logo_bad_colour_and_low_contrast(edition):
    settings = edition / "site_config/default/editie.yml"
    edit(settings, "korte_naam: Krachtwerk\n", "korte_naam: Krachtwerk\nslogan: Samen sterk\n")
    [problem] = problems_of(edition)
    assert problem.startswith("site_config/default/editie.yml:4 (slogan): onbekende sleutel "
                              "'slogan'; toegestaan: naam, korte_naam, logo")

    edit(settings, "slogan: Samen sterk\n", "logo: weg.svg\n")
    [problem] = problems_of(edition)
    assert problem.startswith("site_config/default/editie.yml:4 (logo): logo 'weg.svg' niet "
                              "gevonden")

    edit(settings, "logo: weg.svg\n", "")
    edit(settings, '"#1d5c63"', '"groen"')
    [problem] = problems_of(edition)
    assert problem == ("site_config/default/editie.yml:5 (kleuren.primair): 'groen' is geen "
                       "kleur; schrijf #rrggbb, bijvoorbeeld #1d5c63")

    edit(settings, '"groen"', '"#1d5c63"')
    edit(settings, '"#9c3b37"', '"#f0c000"')
    [problem] = problems_of(edition)
    assert problem.startswith("site_config/default/editie.yml:6 (kleuren.accent): witte tekst "
                              "op #f0c000 heeft contrast 1.7")
    assert "WCAG AA vraagt minstens 4.5:1" in problem


# --- hosting: sub-path with the documented Content-Security-Policy --------------------------
def _documented_headers() -> dict[str, str]:
    headers = {}
    for name, value in re.findall(r'add_header\s+(\S+)\s+"([^"]*)"\s+always;',
                                  NGINX.read_text(encoding="utf-8")):
        headers[name] = value
    assert "Content-Security-Policy" in headers
    return headers


def _serve_under(prefix_root: Path, headers: dict[str, str]):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def end_headers(self):
            for name, value in headers.items():
                self.send_header(name, value)
            super().end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(prefix_root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.mark.build
@pytest.mark.browser
def test_site_served_under_subpath_with_documented_csp_has_no_violation(
        example_site, tmp_path, browser):
    root = tmp_path / "www"
    root.mkdir()
    (root / "handboek").symlink_to(example_site, target_is_directory=True)
    server = _serve_under(root, _documented_headers())
    base = f"http://127.0.0.1:{server.server_address[1]}/handboek/"
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(VIOLATIONS)
    console = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    try:
        violations = []
        for path in ["", "waaier/actieplan/", "handleiding/herstel/", "organisatie/sociale-kaart/"]:
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            violations += page.evaluate("window.__cspViolations")
        # search (web worker, index fetch) and instant navigation under the policy
        box = page.locator("input.md-search__input")
        box.click()
        box.type("hulpbronnen")
        page.locator(".md-search-result__item").first.wait_for()
        page.locator(".md-search-result__item a").first.click()
        page.wait_for_load_state("networkidle")
        violations += page.evaluate("window.__cspViolations")
        assert violations == []
        assert [c for c in console if "Content Security Policy" in c] == []
    finally:
        context.close()
        server.shutdown()


# --- offline: a zip that works from file:// ---------------------------------------------------
@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory) -> Path:
    """Run the real `make offline` steps and unzip the result, as a user would."""
    out = tmp_path_factory.mktemp("offline")
    result = subprocess.run(["make", "--no-print-directory", "offline", f"OFFLINE_ZIP={out}/h.zip",
                             f"BIN={Path(sys.executable).parent}"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(out / "h.zip") as z:
        z.extractall(out / "uitgepakt")
    return out / "uitgepakt" / "handboek"


@pytest.mark.build
def test_every_link_of_the_offline_copy_names_a_file(offline_copy):
    """Opened from disk there is no web server to turn a folder into its index.html."""
    from quality.links import check_site

    report = check_site(offline_copy, from_disk=True)
    assert report.pages > 100 and report.pdfs
    assert report.broken == [], "\n".join(report.broken[:20])


@pytest.mark.build
@pytest.mark.browser
def test_offline_zip_search_and_worksheet_work_from_file_url(offline_copy, browser):
    assert (offline_copy / "index.html").is_file()
    assert (offline_copy / "search/search_index.js").is_file()
    from macros.site.csp import POLICY
    for name in ("index.html", "waaier/actieplan.html", "mappen.html"):
        text = (offline_copy / name).read_text(encoding="utf-8")
        # the policy holds offline too, and nothing is fetched from a CDN (iframe-worker)
        assert f'http-equiv="Content-Security-Policy" content="{POLICY}"' in \
            text.replace("&#39;", "'"), name
        assert "unpkg" not in text and "https://" not in text.split("<body")[0], name
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto((offline_copy / "index.html").as_uri())
        box = page.locator("input.md-search__input")
        box.click()
        box.type("hulpbronnen")
        page.locator(".md-search-result__item").first.wait_for(timeout=15000)
        assert page.locator(".md-search-result__item").count() >= 3

        sheet = (offline_copy / "waaier/actieplan.html").as_uri()
        page.goto(sheet)
        page.fill("textarea[name=doel]", "Zelf boodschappen doen")
        page.wait_for_timeout(300)
        page.reload()
        page.wait_for_function("document.querySelector('textarea[name=doel]').value !== ''",
                               timeout=5000)
        assert page.input_value("textarea[name=doel]") == "Zelf boodschappen doen"
        assert errors == []
    finally:
        context.close()


@pytest.mark.build
def test_brand_reaches_the_pdfs(example_site):
    from pypdf import PdfReader
    sheet = PdfReader(example_site / "pdf/werkbladen/actieplan-leeg.pdf")
    assert sheet.metadata.author == "Handboek Krachtwerk – Stichting De Overstap"
    assert "Handboek Krachtwerk – Stichting De Overstap" in sheet.pages[0].extract_text()
    assert any("/XObject" in (page.get("/Resources") or {}) for page in sheet.pages)  # the logo
    book = PdfReader(example_site / "pdf/handboek.pdf")
    assert "Stichting De Overstap" in book.pages[0].extract_text()  # the cover
    assert not (example_site / "pdf/training").exists()  # training is switched off
