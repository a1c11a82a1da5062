"""`mkdocs serve`: the browser reloads without waiting for the PDFs, which follow in the
background; one worker pool serves all rebuilds and renders a PDF once even when two rebuilds
ask for it."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from macros.site.plugin import KrachtwerkPlugin
from macros.print.cache import Cache
from macros.print.pdf import PdfJob
from macros.print.rendering import Rendering, SessionPool
from macros.print.render import Document
from tiny_project import edit, make_project


class SlowBuild:
    """Stands in for the Build: finish_pdfs() blocks until the test releases it."""
    settings = SimpleNamespace(cache_dir=None)  # precompress keeps no copies

    def __init__(self):
        self.release, self.finished, self.superseded = (threading.Event(), threading.Event(),
                                                        False)

    def finish_pdfs(self, site_dir, report, **options):
        self.release.wait(30)
        self.finished.set()

    def supersede(self):
        self.superseded = True

    def cancel_pdfs(self):
        pass

    def show_pdfs_pending(self, site_dir):
        pass


def plugin_for(command: str, dirty: bool = False) -> KrachtwerkPlugin:
    plugin = KrachtwerkPlugin()
    plugin.on_startup(command=command, dirty=dirty)
    return plugin


def test_serve_rebuild_does_not_wait_for_the_pdfs(tmp_path):
    plugin = plugin_for("serve")
    build = plugin.build = SlowBuild()
    plugin.on_post_build(config=SimpleNamespace(site_dir=str(tmp_path)))
    assert not build.finished.is_set()  # on_post_build returned while finish_pdfs() waits
    # the next rebuild takes over the site folder: the earlier PDFs only fill the cache now
    plugin.on_pre_build(config=None)
    assert build.superseded
    build.release.set()
    assert build.finished.wait(30)
    plugin.on_shutdown()


def test_build_finishes_the_pdfs_before_it_returns(tmp_path):
    """`mkdocs build` must not exit (or report success) with PDFs still rendering: without a
    serve session, finish_pdfs() runs in on_post_build itself, not in a thread."""
    class Build(SlowBuild):
        def finish_pdfs(self, site_dir, report, **options):
            self.thread = threading.current_thread()
            self.finished.set()

    plugin = plugin_for("build")
    build = plugin.build = Build()
    plugin.on_post_build(config=SimpleNamespace(site_dir=str(tmp_path)))
    assert build.finished.is_set() and build.thread is threading.current_thread()
    assert plugin.finishing is None  # nothing left for a next build to supersede


def job(tmp_path: Path, name: str) -> PdfJob:
    html = (f'<html lang="nl"><head><title>{name}</title></head>'
            f'<body><p>Blad {name}</p></body></html>')
    return PdfJob(f"pdf/{name}.pdf", Document(name, html, tmp_path.as_uri() + "/", ()),
                  "test", name, "leeg")


@pytest.mark.build  # renders PDFs
def test_session_pool_renders_once_for_two_rebuilds(tmp_path):
    session = SessionPool(workers=1)
    try:
        first = Rendering([job(tmp_path, "a")], Cache(tmp_path / "cache"), session=session)
        second = Rendering([job(tmp_path, "a")], Cache(tmp_path / "cache"), session=session)
        assert list(first.futures) == list(second.futures)  # one render, two waiting builds
        first.superseded.set()
        first.finish(tmp_path / "old-site", report=lambda line: None)
        assert not (tmp_path / "old-site").exists()  # a superseded build leaves the site alone
        [result] = second.finish(tmp_path / "site", report=lambda line: None)
        assert result.pages == 1
        assert "Blad a" in PdfReader(tmp_path / "site/pdf/a.pdf").pages[0].extract_text()
    finally:
        session.shutdown()


@pytest.mark.build  # renders PDFs
def test_newer_rebuild_drops_renders_nobody_needs(tmp_path):
    session = SessionPool(workers=1)
    try:
        names = ["a", "b", "c", "d"]
        old = Rendering([job(tmp_path, n) for n in names], Cache(tmp_path / "cache"),
                        session=session)
        new = Rendering([job(tmp_path, "e")], Cache(tmp_path / "cache"), session=session)
        old.superseded.set()
        dropped = [f for f in old.futures if f.cancelled()]
        assert dropped, "the last of four queued renders cannot have started on one worker"
        kept = old.finish(tmp_path / "old-site", report=lambda line: None)
        assert len(kept) == len(names) - len(dropped)
        [result] = new.finish(tmp_path / "site", report=lambda line: None)
        assert (tmp_path / "site/pdf/e.pdf").is_file() and result.pages == 1
    finally:
        session.shutdown()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(check, what: str, seconds: float = 120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = check()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"waited {seconds} s for {what}")


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


@pytest.mark.build
def test_mkdocs_serve_publishes_pdfs_after_an_edit_and_stops_cleanly(tmp_path):
    project = make_project(tmp_path / "p", with_site=True)
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=log, stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        # a shell that runs us in the background ignores SIGINT; mkdocs must get it
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    pdf_url = f"http://127.0.0.1:{port}/pdf/werkbladen/proef-leeg.pdf"

    def pdf_text() -> str:
        from io import BytesIO
        return PdfReader(BytesIO(fetch(pdf_url))).pages[0].extract_text()

    try:
        wait_for(lambda: "Proefblad" in pdf_text(), "the first PDF")
        edit(project / "worksheets/proef.yml", "titel: Proefblad", "titel: Nieuw proefblad")
        wait_for(lambda: "Nieuw proefblad" in pdf_text(), "the PDF after the edit")
    finally:
        server.send_signal(signal.SIGINT)
        code = server.wait(60)
        log.close()
    output = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert code == 0, output
    assert "Traceback" not in output, output


def test_serve_dirty_rebuild_makes_the_book_from_all_pages():
    """`mkdocs serve --dirty` renders only the changed pages on a rebuild: the pages rendered
    before still go into the book."""
    started = []
    sources = ["handleiding/index.md", "handleiding/tweede.md"]
    docs = [SimpleNamespace(src_uri=src, abs_src_path=None) for src in sources]
    files = type("Files", (), {"documentation_pages": lambda self: docs,
                               "__iter__": lambda self: iter(docs)})()
    config = SimpleNamespace(nav=None)

    def rebuild(plugin, changed: list[str]) -> None:
        plugin.build = SimpleNamespace(start_pdfs=lambda pages, *rest, **options: started.append(pages))
        plugin.on_pre_build(config=config)
        for src in changed:
            page = SimpleNamespace(file=SimpleNamespace(src_uri=src, abs_src_path=None), url=src, title=src)
            plugin.on_page_content(f"<p>{src}</p>", page=page, config=config, files=files)
        plugin.on_env(SimpleNamespace(), config=config, files=files)

    dirty = plugin_for("build", dirty=True)
    rebuild(dirty, sources)
    rebuild(dirty, ["handleiding/tweede.md"])
    assert [sorted(pages) for pages in started] == [sources, sources]
    clean = plugin_for("build", dirty=False)
    rebuild(clean, sources)
    rebuild(clean, ["handleiding/tweede.md"])
    assert len(started) == 3  # a normal rebuild that rendered one page makes no PDFs
