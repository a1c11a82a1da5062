"""Live preview latency: `mkdocs serve` on a project copy, a file edited, the seconds until the
served page shows the edit (polled over HTTP). PDFs keep rendering in the background; they must
not hold up the reload. Used by bench/run.py."""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

POLL = 0.05
ROOT = Path(__file__).resolve().parent.parent


def serve_flags() -> list[str]:
    """The flags `make serve` passes (the Makefile's SERVE_FLAGS): the bench times what a
    person runs."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return re.search(r"^SERVE_FLAGS := (.*)$", makefile, re.M).group(1).split()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _wait_for(url: str, text: str, limit: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if text in _get(url):
            return time.perf_counter() - start
        time.sleep(POLL)
    raise SystemExit(f"serve: {text!r} not on {url} after {limit:.0f} s")


def serve_latency(project: Path, runs: int, page_edit: tuple[str, str], page_url: str,
                  sheet_edit: tuple[str, str], sheet_url: str) -> dict[str, list[float]]:
    """Seconds from saving the file to the served page showing it, `runs` times each. An edit
    is (file, text after which a marker word is written)."""
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = open(project / "serve.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr",
                             f"127.0.0.1:{port}", *serve_flags()], cwd=project, env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    out = {"page_edit_reload": [], "worksheet_edit_reload": []}
    try:
        _wait_for(base + page_url, "</html>", 600)
        for run in range(runs):
            for key, (src, old), url in (("page_edit_reload", page_edit, page_url),
                                         ("worksheet_edit_reload", sheet_edit, sheet_url)):
                path = project / src
                marker = f"Bewerking{run}x{key[0]}"
                text = path.read_text(encoding="utf-8")
                assert old in text, f"{old!r} not in {src}"
                text = text.replace(old, f"{old}{marker} ", 1)
                time.sleep(1.5)  # the watcher's debounce: edits apart, as a person makes them
                path.write_text(text, encoding="utf-8")
                out[key].append(_wait_for(base + url, marker, 120))
    finally:
        # the whole process group: serve's PDF workers would otherwise go on rendering and
        # slow down whatever is measured next
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()
    return out
