"""While `mkdocs serve` renders PDFs after a reload, the Downloads page says so; the list of
PDFs replaces that line once they are done (print/downloads.py)."""
from __future__ import annotations

from macros.model.labels import LABELS
from macros.print.book import RenderedPage
from macros.print.downloads import fill_in, show_pending
from macros.print.pdf import PdfJob, Result
from macros.print.render import Document

MARKER = '<div class="kw-downloads" data-kw-downloads></div>'


def test_the_status_shows_until_the_list_replaces_it(tmp_path):
    built = tmp_path / "downloads" / "index.html"
    built.parent.mkdir()
    built.write_text(f"<main>{MARKER}</main>", encoding="utf-8")
    pages = {"downloads.md": RenderedPage("downloads.md", "downloads/", "Downloads", MARKER)}
    show_pending(tmp_path, pages)
    html = built.read_text(encoding="utf-8")
    assert 'role="status"' in html and "opnieuw gemaakt" in html
    job = PdfJob("pdf/a.pdf", Document("A", "<p>a</p>", "file:///", ()), "Boeken", "A", "PDF")
    fill_in(tmp_path, pages, [job], [Result("pdf/a.pdf", 2048, 1, 0.1)])
    html = built.read_text(encoding="utf-8")
    assert "opnieuw gemaakt" not in html and 'href="../pdf/a.pdf"' in html
    assert LABELS.print["downloads_pending"] not in html
