"""`make serve` (mkdocs serve --dirty with our plan, build/preview.py) on a small project: an
edit shows, every other page, search entry and PDF stays right, and a change that other
pages show (a title) renders everything."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from io import BytesIO

import pytest
from pypdf import PdfReader

from test_pdf_serve import fetch, free_port, wait_for
from tiny_project import ROOT, edit, make_project, real_project_copy


def serve_flags() -> list[str]:
    """What `make serve` passes to mkdocs serve (the Makefile's SERVE_FLAGS)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return re.search(r"^SERVE_FLAGS := (.*)$", makefile, re.M).group(1).split()


def rebuilt_pages(log: str) -> list[str]:
    """The pages named by the last 'alleen opnieuw' line of the serve log."""
    lines = re.findall(r"alleen opnieuw: \d+ pagina's \(([^)]*)\)", log)
    return lines[-1].split(", ") if lines else []


@pytest.mark.build
def test_serve_renders_what_an_edit_touched_and_keeps_the_rest(tmp_path):
    project = make_project(tmp_path / "p", with_site=True)
    (project / "content/a.md").write_text(
        '# Eerste pagina\n\nZie {{ werkblad_link("proef") }}.\n\nAlinea een.\n',
        encoding="utf-8")
    (project / "content/b.md").write_text("# Tweede pagina\n\nGewone tekst over bananen.\n",
                                          encoding="utf-8")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log_path = tmp_path / "serve.log"
    log_file = log_path.open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
         *serve_flags()], cwd=project, stdout=log_file, stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))

    def page(url: str) -> str:
        return fetch(base + url).decode("utf-8")

    def log() -> str:
        return log_path.read_text(encoding="utf-8")

    def search_text() -> str:
        return " ".join(doc["text"] for doc in
                        json.loads(page("search/search_index.json"))["docs"])

    def pdf_text() -> str:
        reader = PdfReader(BytesIO(fetch(base + "pdf/werkbladen/proef-leeg.pdf")))
        return " ".join(p.extract_text() for p in reader.pages)

    try:
        wait_for(lambda: "Wat wil je?" in pdf_text(), "the first build and its PDFs")

        # a paragraph: that page alone, the others' search entries kept
        edit(project / "content/a.md", "Alinea een.", "Alinea twee.")
        wait_for(lambda: "Alinea twee" in page("a/"), "the edited page")
        wait_for(lambda: "a.md" in rebuilt_pages(log()), "the build to finish")
        assert rebuilt_pages(log()) == ["a.md"]
        wait_for(lambda: "Alinea twee" in search_text(), "the search index")
        assert "bananen" in search_text() and "Alinea een" not in search_text()
        assert "Tweede pagina" in page("a/")  # the nav as before

        # a worksheet's label: its page and the page that shows the whole sheet; the page
        # that only links to it (by its unchanged title) is not rendered again
        edit(project / "worksheets/proef.yml", "label: Wat wil je?",
             "label: Wat wil je bereiken?")
        wait_for(lambda: "Wat wil je bereiken?" in page("waaier/proef/"), "the worksheet page")
        wait_for(lambda: "Wat wil je bereiken?" in page(""), "the page that shows the sheet")
        assert sorted(rebuilt_pages(log())) == ["index.md", "waaier/proef.md"]
        wait_for(lambda: "Wat wil je bereiken?" in pdf_text(), "the PDF after the edit", 180)
        assert "Alinea twee" in page("a/") and "bananen" in search_text()

        # a title: every page's nav names it, so everything is rendered
        edit(project / "content/b.md", "# Tweede pagina", "# Andere pagina")
        wait_for(lambda: "Andere pagina" in page("a/"), "the new title in another page's nav")
        assert "alles opnieuw: b.md: titel of kop" in log() or "alles opnieuw: content/b.md" \
            in log()
        assert "Alinea twee" in page("a/") and "bananen" in search_text()
    finally:
        server.send_signal(signal.SIGINT)
        code = server.wait(60)
        log_file.close()
    output = log()
    assert code == 0, output
    assert "Traceback" not in output and "ERROR" not in output, output
    assert "dirty" not in output.lower().replace("--dirty", ""), output  # MkDocs' warning


def _session_build(config_file, site_dir, session=None):
    """One build as `mkdocs serve --dirty` makes it (session: the config of an earlier build
    in the same serve session, whose plugins carry on)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    config = load_config(str(config_file), site_dir=str(site_dir))
    if session is None:
        config.plugins.on_startup(command="serve", dirty=True)
    # else: MkDocs' plugin cache hands this config the session's krachtwerk plugin
    build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
    return config


@pytest.mark.build
def test_a_live_rebuild_gives_the_site_a_full_build_gives(tmp_path, monkeypatch):
    """After a page edit and a worksheet edit, the site the serve session has (most pages
    kept from its first build) is the site a full build of the edited project makes: every
    HTML file and the search index, byte for byte."""
    monkeypatch.setenv("KRACHTWERK_PDF", "uit")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    project = real_project_copy(tmp_path / "p")
    live, full = tmp_path / "live", tmp_path / "full"
    first = _session_build(project / "mkdocs.yml", live)
    edit(project / "content/handleiding/herstel.md", "Herstel is ook een ",
         "Herstel is ook, zo merkten we, een ")
    edit(project / "worksheets/weekplan.yml", "Kijk in je actieplan ",
         "Kijk eerst in je actieplan ")
    _session_build(project / "mkdocs.yml", live, session=first)
    rebuilt = first.plugins["krachtwerk"].live.rebuilt
    assert rebuilt and len(rebuilt) < 30  # a live rebuild, not a full one
    first.plugins.on_shutdown()
    fresh = _session_build(project / "mkdocs.yml", full)  # a new session: a full build
    assert fresh.plugins["krachtwerk"].live.rebuilt is None
    fresh.plugins.on_shutdown()
    pages = sorted(p.relative_to(full) for p in full.rglob("*.html"))
    assert pages == sorted(p.relative_to(live) for p in live.rglob("*.html"))
    different = [str(p) for p in pages if (live / p).read_bytes() != (full / p).read_bytes()]
    assert different == []
    index = "search/search_index.json"
    assert json.loads((live / index).read_text()) == json.loads((full / index).read_text())
    assert "zo merkten we" in (live / "handleiding/herstel/index.html").read_text()
    assert "Kijk eerst in je actieplan" in (live / "waaier/weekplan/index.html").read_text()
