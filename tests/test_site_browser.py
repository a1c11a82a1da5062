"""Gate: every built page in chromium has no axe-core (WCAG 2.1 A/AA) violations, requests
nothing from another host, and logs no console or page errors."""
from __future__ import annotations

import pytest

from quality.pages import html_pages, url_path
from quality.summary import record
from quality.sweep import chrome_pages, sweep


@pytest.mark.build
@pytest.mark.browser
def test_every_page_is_accessible_local_and_error_free(browser, site_url, built_site):
    paths = [url_path(p) for p in html_pages(built_site)]
    full = chrome_pages(paths)
    report = sweep(browser, site_url, paths, full)
    problems = report.problems()
    record("browser", f"{report.pages} pagina's ({len(full)} ook met contrast van de "
                      f"navigatie en de echte zoekindex), "
                      f"{report.requests} verzoeken, {len(report.violations)} axe-overtredingen, "
                      f"{len(report.foreign)} naar een andere host, {len(report.errors)} fouten")
    assert report.pages == len(paths) and report.requests > report.pages
    assert problems == [], (f"{len(problems)} problemen op {report.pages} pagina's "
                            f"({len(report.violations)} axe, {len(report.foreign)} andere host, "
                            f"{len(report.errors)} fouten):\n" + "\n".join(problems))


@pytest.mark.browser
def test_sweep_reports_violations_foreign_requests_and_errors(browser, tmp_path):
    """The sweep itself notices each kind of problem (and never lets a request leave)."""
    from conftest import serve
    (tmp_path / "goed").mkdir()
    (tmp_path / "goed" / "index.html").write_text(
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Goed</title></head>'
        '<body><main><h1>Goed</h1><p>Niets mis.</p></main></body></html>', encoding="utf-8")
    (tmp_path / "fout.html").write_text(
        '<!doctype html><html><head><meta charset="utf-8"><title>Fout</title>'
        '<script src="http://example.invalid/x.js"></script></head>'
        '<body><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        '<p style="color:#bbb;background:#fff">nauwelijks leesbaar</p>'
        '<script>console.error("kapot"); nietGedefinieerd();</script></body></html>',
        encoding="utf-8")
    server = serve(tmp_path)
    try:
        # full=set(): every page takes the quick path (no contrast check on the navigation)
        report = sweep(browser, f"http://127.0.0.1:{server.server_address[1]}/",
                       ["goed/", "fout.html", "weg.html"], full=set())
    finally:
        server.shutdown()
    assert report.pages == 2
    assert not any(p.startswith("goed/") for p in report.problems())
    rules = {v.split("axe ")[1].split(" ")[0] for v in report.violations}
    assert {"html-has-lang", "image-alt", "color-contrast"} <= rules
    assert report.foreign == ["fout.html: verzoek naar een andere host: http://example.invalid/x.js"]
    assert any("console: kapot" in e for e in report.errors)
    assert any("pageerror" in e and "nietGedefinieerd" in e for e in report.errors)
    assert "weg.html: HTTP 404" in report.errors


def test_full_checks_cover_home_and_section_indexes():
    paths = ["", "404.html", "handleiding/", "handleiding/herstel/", "handleiding/traject/",
             "handleiding/traject/afronden/", "waaier/actieplan/"]
    assert chrome_pages(paths) == {"", "handleiding/", "handleiding/traject/"}
