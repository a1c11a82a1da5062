"""The Downloads page: every PDF of the build with its real size.

The page (content/downloads.md) holds an empty `<div data-kw-downloads>`; after the PDFs are
in the built site, fill_in() writes the list into the built page. Groups with one variant per
title become a list, groups with several (blank and fillable worksheets) a table.
"""
from __future__ import annotations

import re
from pathlib import Path

from markupsafe import escape

from ..model.labels import LABELS
from ..model.routes import href
from .book import RenderedPage
from .pdf import PdfJob, Result

L = LABELS.print
# The empty list, or the list with the status shown while `mkdocs serve` renders the PDFs.
MARKER = re.compile(r'<div\b[^>]*\bdata-kw-downloads\b[^>]*>\s*'
                    r'(?:<p class="kw-pdf-status"[^>]*>[^<]*</p>\s*)?</div>')


def human_size(size: int) -> str:
    """Dutch notation: 45 KB, 1,2 MB."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f}".replace(".", ",") + f" {L['mb']}"
    return f"{max(1, round(size / 1024))} {L['kb']}"


def _link(url: str, job: PdfJob, result: Result, text: str) -> str:
    visible = f"{text} (PDF, {human_size(result.size)})"
    label = visible if text == job.title else f"{job.title}: {visible}"
    return (f'<a href="{escape(href(url, job.output))}" type="application/pdf" '
            f'aria-label="{escape(label)}">{escape(visible)}</a>')


def downloads_html(url: str, jobs: list[PdfJob], results: list[Result]) -> str:
    """The list of PDFs, with links relative to the page at `url`."""
    result_of = {r.output: r for r in results}
    groups: dict[str, list[PdfJob]] = {}
    for job in jobs:
        groups.setdefault(job.group, []).append(job)
    out = ['<div class="kw-downloads">']
    for group, members in groups.items():
        out.append(f"<h2>{escape(group)}</h2>")
        variants = list(dict.fromkeys(job.variant for job in members))
        if len(variants) == 1:
            out.append("<ul>" + "".join(
                f"<li>{_link(url, job, result_of[job.output], job.title)}</li>"
                for job in members) + "</ul>")
            continue
        rows: dict[str, dict[str, PdfJob]] = {}
        for job in members:
            rows.setdefault(job.title, {})[job.variant] = job
        head = "".join(f'<th scope="col">{escape(v)}</th>' for v in variants)
        body = "".join(
            f'<tr><th scope="row">{escape(title)}</th>' + "".join(
                f"<td>{_link(url, row[v], result_of[row[v].output], v)}</td>" if v in row
                else "<td></td>" for v in variants) + "</tr>"
            for title, row in rows.items())
        out.append(f'<table><thead><tr><th scope="col">{escape(L["downloads_document"])}</th>'
                   f"{head}</tr></thead><tbody>{body}</tbody></table>")
    out.append("</div>")
    return "\n".join(out)


def _built_file(site_dir: Path, url: str) -> Path:
    return site_dir / (url + "index.html" if url == "" or url.endswith("/") else url)


def show_pending(site_dir: Path, pages: dict[str, RenderedPage]) -> None:
    """Under `mkdocs serve`, while PDFs render after the reload: say so where they are listed
    (fill_in replaces it with the list)."""
    status = (f'<div class="kw-downloads" data-kw-downloads><p class="kw-pdf-status" '
              f'role="status">{escape(L["downloads_pending"])}</p></div>')
    for page in pages.values():
        if MARKER.search(page.html):
            path = _built_file(site_dir, page.url)
            html = path.read_text(encoding="utf-8")
            path.write_text(MARKER.sub(lambda _: status, html, count=1), encoding="utf-8")


def fill_in(site_dir: Path, pages: dict[str, RenderedPage], jobs: list[PdfJob],
            results: list[Result]) -> list[Path]:
    """Write the PDF list into every built page whose content has the marker."""
    patched = []
    for page in pages.values():
        if not MARKER.search(page.html):
            continue
        path = _built_file(site_dir, page.url)
        html = path.read_text(encoding="utf-8")
        listing = downloads_html(page.url, jobs, results)
        path.write_text(MARKER.sub(lambda _: listing, html, count=1), encoding="utf-8")
        patched.append(path)
    return patched
