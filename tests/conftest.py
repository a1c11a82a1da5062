"""Shared fixtures: the real site built once per test run, served on loopback, and chromium.

The markers say what a test costs (pyproject.toml): `build` runs mkdocs or renders PDFs,
`browser` drives chromium, and `pytest -m "not build and not browser"` is the quick run.
A test that uses a fixture below without the marker it needs, or runs mkdocs unmarked, fails
and says which marker is missing.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("KRACHTWERK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


# The marker each fixture needs: they build a site (here, or in the test modules that define
# example_site, offline_copy and tiny) or start chromium.
NEEDS_MARKER = {"built_site": "build", "site_url": "build", "example_site": "build",
                "offline_copy": "build", "tiny": "build", "browser": "browser", "page": "browser"}
_running: list[pytest.Item] = []  # the test now running, for mkdocs_build's check


def pytest_collection_modifyitems(config, items):
    def uses(item, fixture: str) -> bool:  # a parametrized argument of that name is no fixture
        callspec = getattr(item, "callspec", None)
        return fixture in item.fixturenames and fixture not in (callspec.params if callspec else {})

    unmarked = []
    for item in items:
        for marker in sorted(set(NEEDS_MARKER.values())):
            fixtures = [f for f, m in NEEDS_MARKER.items() if m == marker and uses(item, f)]
            if fixtures and item.get_closest_marker(marker) is None:
                unmarked.append(f"{item.nodeid} uses {', '.join(fixtures)} but is not marked "
                                f"@pytest.mark.{marker}")
    if unmarked:
        raise pytest.UsageError("Markers missing (see tests/conftest.py):\n"
                                + "\n".join(unmarked))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    _running[:] = [item]
    try:
        return (yield)
    finally:
        _running.clear()


def mkdocs_build(project: Path, site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build` as a user would; returns the finished process (output captured)."""
    if _running and _running[0].get_closest_marker("build") is None:
        pytest.fail(f"{_running[0].nodeid} runs mkdocs but is not marked @pytest.mark.build",
                    pytrace=False)
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)],
                          cwd=project, env=full_env, capture_output=True, text=True)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real handbook, built once into a temporary folder."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path):
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def site_url(built_site):
    server = serve(built_site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail("Debian's chromium is missing: run `make test`, which installs it")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL", accept_downloads=True)
    p = context.new_page()
    yield p
    context.close()
