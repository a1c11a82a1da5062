"""The print HTML, before WeasyPrint sees it: the files it loads are the ones its cache key
hashes, and every control of a fillable worksheet gets the tooltip its PDF field needs."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from conftest import ROOT
from macros.model.load import load_catalogue
from macros.print.render import PrintRenderer

EXAMPLE = ROOT / "site_config" / "voorbeeld"  # an edition with a logo
REFERENCE = re.compile(r"""url\(\s*["']?([^"')]+)|\b(?:src|href)=["']([^"']+)""")


@pytest.fixture(scope="module")
def cat():
    return load_catalogue(ROOT, EXAMPLE)


@pytest.fixture(scope="module")
def renderer(cat):
    return PrintRenderer(cat)


def local_files(html: str, base_url: str) -> set[Path]:
    """Every project file the document makes WeasyPrint load (not data: or in-page links)."""
    found = set()
    for match in REFERENCE.finditer(html):
        ref = match[1] or match[2]
        if ref.startswith(("data:", "#")):
            continue
        url = urlsplit(urljoin(base_url, ref))
        assert url.scheme == "file", f"the print HTML loads from elsewhere: {ref}"
        found.add(Path(unquote(url.path)))
    return found


def test_every_file_a_print_document_loads_is_in_its_cache_key(cat, renderer):
    documents = [renderer.waaier_document()] + [
        renderer.worksheet_document(ws, fillable)
        for ws in cat.worksheets.values() for fillable in (False, True)]
    for doc in documents:
        loaded = local_files(doc.html, doc.base_url)
        assert loaded, doc.title  # at least the fonts and the logo
        assert cat.edition_dir / cat.edition.logo in loaded, doc.title
        missing = loaded - set(doc.inputs)
        assert missing == set(), f"{doc.title}: loads files its cache key ignores: {missing}"
        assert all(path.is_file() for path in doc.inputs), doc.title


def test_every_control_of_a_fillable_worksheet_has_a_pdf_tooltip(cat, renderer):
    for ws in cat.worksheets.values():
        doc = renderer.worksheet_document(ws, fillable=True)
        names = set(re.findall(r'<(?:input|textarea|select)\b[^>]*\bname="([^"]+)"', doc.html))
        labels = dict(doc.field_labels)
        assert names, ws.id
        assert names == set(labels), f"{ws.id}: {sorted(names ^ set(labels))}"
        assert all(labels.values()), ws.id
        blank = renderer.worksheet_document(ws)
        assert blank.field_labels == () and 'class="kw-blank"' in blank.html, ws.id
