"""A stand-in for rendering.render (no WeasyPrint): for tests of the PDF cache and its memo."""
from __future__ import annotations

import pytest

from macros.print import rendering

GOOD = b"%PDF-1.7\n% rendered\n" + b"x" * 100


@pytest.fixture
def fake_render(monkeypatch):
    """Every render returns GOOD; the list holds the HTML of each render asked for."""
    rendered = []

    def render(html, base_url, labels=(), inputs=()):
        rendered.append(html)
        return GOOD, 1, 0.01, {"pages": 1, "anchors": {}, "bookmarks": []}
    monkeypatch.setattr(rendering, "render", render)
    return rendered
