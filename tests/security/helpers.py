"""Tiny projects for the security tests (issue #17): the real code, one worksheet."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from conftest import mkdocs_build  # noqa: E402
from tiny_project import edit, make_project, problems_of  # noqa: E402,F401

ROOT_DIR = Path(__file__).resolve().parent.parent.parent
NO_PDF = {"KRACHTWERK_PDF": "uit"}


def page(project: Path, text: str, name: str = "index.md") -> Path:
    path = project / "content" / name
    path.write_text(text, encoding="utf-8")
    return path


def build(project: Path, site: Path, pdfs: bool = False):
    """mkdocs build of the tiny project; returns (exit code, stdout + stderr)."""
    result = mkdocs_build(project, site, env=None if pdfs else NO_PDF)
    return result.returncode, result.stdout + result.stderr
