"""The built site served by the real nginx with hosting/nginx.conf under /handboek/: what a
first and a second visit move over the wire, that nginx sends the precompressed copies, and
that instant navigation works there (sub-path and a port) with the worksheet scripts."""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from quality.search import WORKER_PROBE, wait_until_ready

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "hosting" / "nginx.conf"
FIRST_VISIT = 450_000   # bytes over the wire: home page or a worksheet, with the search index
SECOND_PAGE = 60_000    # bytes over the wire for the next page, through instant navigation
SERVER_BLOCK = "# --- in het server-blok"


def nginx_config(folder: Path, port: int) -> str:
    """The project's own map and location blocks inside a minimal http/server wrapper."""
    http_part, server_part = CONFIG.read_text(encoding="utf-8").split(SERVER_BLOCK)
    server_part = server_part.split("\n", 1)[1].replace("root /srv;", f"root {folder};")
    temp = folder / "temp"
    temps = "\n".join(f"    {kind}_temp_path {temp / kind};"
                      for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (f"{user}daemon off;\npid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'};\n"
            f"events {{}}\nhttp {{\n    include /etc/nginx/mime.types;\n    access_log off;\n"
            f"{temps}\n{http_part}\n    server {{\n        listen 127.0.0.1:{port};\n"
            f"{server_part}\n    }}\n}}\n")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def nginx_url(built_site, tmp_path_factory):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        pytest.skip("nginx ontbreekt: `make test` installeert het (Debian-pakket nginx) als root")
    folder = tmp_path_factory.mktemp("nginx")
    (folder / "temp").mkdir()
    (folder / "handboek").symlink_to(built_site, target_is_directory=True)
    port = free_port()
    conf = folder / "nginx.conf"
    conf.write_text(nginx_config(folder, port), encoding="utf-8")
    server = subprocess.Popen([nginx, "-c", str(conf), "-p", str(folder)],
                              stderr=subprocess.PIPE, text=True)
    for _ in range(100):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                break
        if server.poll() is not None:
            pytest.fail(f"nginx stopte: {server.stderr.read()}")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/handboek/"
    server.terminate()
    server.wait(timeout=10)


class Wire:
    """Bytes over the wire (headers and encoded bodies) of every response in a context."""

    def __init__(self, context):
        self.responses = []
        context.on("requestfinished", lambda request: self.responses.append(request))

    def mark(self) -> int:
        return len(self.responses)

    def since(self, start: int = 0) -> tuple[int, list[str]]:
        done = self.responses[start:]
        total = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in done)
        return total, [r.url for r in done]


def fresh(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.add_init_script(WORKER_PROBE)
    return context, Wire(context)


@pytest.mark.build
def test_nginx_sends_the_precompressed_index_and_keeps_fingerprinted_files(nginx_url, built_site):
    import urllib.request
    request = urllib.request.Request(nginx_url + "search/search_index.json",
                                     headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        body = response.read()
        assert response.headers["Content-Encoding"] == "gzip"
        assert response.headers["Vary"] == "Accept-Encoding"
    assert body == (built_site / "search/search_index.json.gz").read_bytes()
    [bundle] = (built_site / "assets/javascripts").glob("bundle.*.min.js")
    with urllib.request.urlopen(nginx_url + f"assets/javascripts/{bundle.name}") as response:
        assert "max-age=31536000" in response.headers["Cache-Control"]
    with urllib.request.urlopen(nginx_url) as response:
        assert response.headers["Cache-Control"] == "no-cache"


@pytest.mark.build
@pytest.mark.browser
@pytest.mark.parametrize("first", ["", "waaier/actieplan/"])
def test_first_visit_and_next_page_stay_light(browser, nginx_url, first):
    context, wire = fresh(browser)
    tab = context.new_page()
    tab.goto(nginx_url + first)
    wait_until_ready(tab)
    tab.wait_for_load_state("networkidle")
    first_bytes, urls = wire.since()
    assert any(u.endswith("search/search_index.json") for u in urls), urls
    start = wire.mark()
    tab.evaluate("window.kwSamePage = true")
    tab.locator("a[href$='handleiding/herstel/']:visible").first.click()
    expect(tab.locator("h1")).to_contain_text("Herstel")
    tab.wait_for_load_state("networkidle")
    assert tab.evaluate("window.kwSamePage") is True, "full page load, not instant navigation"
    second_bytes, second_urls = wire.since(start)
    print(f"\n{first or 'home'}: eerste bezoek {first_bytes / 1000:.0f} kB, "
          f"volgende pagina {second_bytes / 1000:.1f} kB ({len(second_urls)} verzoeken)")
    assert first_bytes <= FIRST_VISIT, f"eerste bezoek {first_bytes} bytes"
    assert second_bytes <= SECOND_PAGE, f"volgende pagina {second_bytes} bytes: {second_urls}"
    context.close()


@pytest.mark.build
@pytest.mark.browser
def test_worksheet_reached_by_instant_navigation_saves_and_restores(browser, nginx_url):
    context, _ = fresh(browser)
    tab = context.new_page()
    tab.goto(nginx_url + "waaier/")
    tab.evaluate("window.kwSamePage = true")
    tab.click("article a[href$='actieplan/']")
    expect(tab.locator("h1")).to_contain_text("actieplan")
    assert tab.evaluate("window.kwSamePage") is True, "full page load, not instant navigation"
    box = tab.locator("form textarea").first
    box.fill("Elke dinsdag naar de buurtmoestuin")
    box.dispatch_event("change")
    expect(tab.locator("[data-kw-status]")).not_to_have_text(re.compile(r"^$"))
    tab.go_back()
    expect(tab.locator("h1")).to_contain_text("Hulpmiddelenwaaier")
    tab.go_forward()
    expect(tab.locator("form textarea").first).to_have_value("Elke dinsdag naar de buurtmoestuin")
    assert tab.evaluate("window.kwSamePage") is True
    context.close()


@pytest.mark.build
def test_a_build_without_site_url_lists_every_page_under_the_placeholder(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<loc>https://handboek.invalid/") > 100
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in home
    assert home.index("sitemap-base.js") < home.index("assets/javascripts/bundle.")
