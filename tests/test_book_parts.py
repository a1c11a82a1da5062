"""The books (handbook, hulpmiddelenwaaier) rendered by parts and joined (print/book_parts.py, print/join.py) is the book a
one-go render of the same print HTML makes: pages, text, outline, contents numbers, links,
named destinations, a valid structure tree and the PDF/UA entries.

A small project with chapters, a section, links between chapters and worksheets is built once;
the build writes the joined book, and the same print HTML is rendered in one go beside it.
"""
from __future__ import annotations

import re
import subprocess
import sys
import os
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from conftest import ROOT
from tiny_project import make_project

pytestmark = pytest.mark.build

FILLER = "\n\n".join(f"Alinea {n}: we werken samen aan wat iemand zelf wil bereiken, stap "
                     "voor stap, met de krachten die er al zijn." for n in range(40))
PAGES = {
    "handleiding/index.md": "# Over de methode\n\nLees [het tweede deel](tweede.md#een-kopje), "
                            "[de sectie](deel/stuk.md) en [het werkblad](../waaier/proef.md)."
                            f"\n\n{FILLER}\n",
    "handleiding/tweede.md": f"# Tweede deel\n\n{FILLER}\n\n## Een kopje\n\n"
                             "Terug naar [het begin](index.md) of [hier](#een-kopje).\n",
    "handleiding/deel/index.md": f"# Een deel\n\n{FILLER}\n",
    "handleiding/deel/stuk.md": "# Een stuk\n\nZie [het tweede deel](../tweede.md).\n\n"
                                f"## Onderweg\n\n{FILLER}\n",
    "colofon.md": "# Colofon\n\nGemaakt met zorg.\n",
}

BOTH = """\
import os, sys
from pathlib import Path
project, onego = Path(sys.argv[1]), Path(sys.argv[2])
os.chdir(project)
import macros.print.publish as publish
from macros.print.pdf import render
from mkdocs.commands.build import build
from mkdocs.config import load_config
books = []
real_start = publish.start
def start(*args, **kwargs):
    started = real_start(*args, **kwargs)
    # every book: also one published from the memo (print/memo.py), which is not parted
    books.extend(job for job in started.jobs if job.output in publish.PARTED)
    return started
publish.start = start
build(load_config("mkdocs.yml", site_dir=str(project / "site")))
for book in books:
    name = book.output.rsplit("/", 1)[-1]
    (onego / name).write_bytes(render(book.document.html, book.document.base_url)[0])
"""


def mkdocs_build(project: Path) -> str:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KRACHTWERK_PDF_JOBS": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The project built cold (each book in one go, cut into its parts for the cache), then
    one page edited and built again: the books are now joined from one re-rendered part and
    the parts cut from the cold build. One-go renders of the edited books lie beside it."""
    project = make_project(tmp_path_factory.mktemp("boek") / "p", with_site=True)
    for src, text in PAGES.items():
        path = project / "content" / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    cold = mkdocs_build(project)
    page = project / "content" / "handleiding" / "deel" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Alinea 3:", "Alinea drie:"),
                    encoding="utf-8")
    edited = mkdocs_build(project)
    onego = project.parent / "in-een-keer"
    onego.mkdir()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KRACHTWERK_PDF_JOBS": "1",
           "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", BOTH, str(project), str(onego)], env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return project, onego, cold, edited


@pytest.fixture(params=["handboek.pdf", "hulpmiddelenwaaier.pdf"])
def books(built, request):
    """(joined, one-go, build project): the two renders of one book's print HTML."""
    project, onego, _, _ = built
    return project / "site" / "pdf" / request.param, onego / request.param, project


def outline(path: Path) -> list[tuple[int, str, int]]:
    reader = PdfReader(path)
    found = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title, reader.get_destination_page_number(item)))
    walk(reader.outline, 0)
    return found


def named_pages(pdf: pikepdf.Pdf) -> dict[str, int]:
    pages = {page.objgen: n for n, page in enumerate(pdf.pages)}
    return {str(name): pages[dest[0].objgen]
            for name, dest in pikepdf.NameTree(pdf.Root.Names.Dests).items()}


def links(pdf: pikepdf.Pdf) -> list[tuple[int, tuple, object]]:
    """(page, rectangle, target page or URI) of every link annotation."""
    names = named_pages(pdf)
    found = []
    for n, page in enumerate(pdf.pages):
        for annot in page.obj.get("/Annots", []):
            if annot.get("/Subtype") != "/Link":
                continue
            rect = tuple(round(float(v)) for v in annot.Rect)
            target = (names.get(str(annot.Dest)) if "/Dest" in annot
                      else str(annot.A.get("/URI")))
            found.append((n, rect, target))
    return found


MCID = re.compile(rb"/MCID\s+(\d+)")


def structure(pdf: pikepdf.Pdf) -> list[str]:
    """The structure element types in reading order; asserts every marked content id on every
    page belongs to an element reachable from the root."""
    root = pdf.Root.StructTreeRoot
    reachable, order = set(), []
    todo = [root.K]
    while todo:
        node = todo.pop()
        if isinstance(node, pikepdf.Array):
            todo.extend(reversed(list(node)))
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            reachable.add(node.objgen)
            order.append(str(node.S))
            if "/K" in node:
                todo.append(node.K)
    parents = dict(pikepdf.NumberTree(root.ParentTree).items())
    for n, page in enumerate(pdf.pages):
        mcids = {int(m) for m in MCID.findall(page.obj.Contents.read_bytes())}
        if not mcids:
            continue
        owners = parents[int(page.obj.StructParents)]
        for mcid in mcids:
            owner = owners[mcid]
            assert isinstance(owner, pikepdf.Dictionary), f"page {n + 1}, MCID {mcid}: no owner"
            assert owner.objgen in reachable, f"page {n + 1}, MCID {mcid}: not in the tree"
        for annot in page.obj.get("/Annots", []):
            if "/StructParent" in annot:
                assert parents[int(annot.StructParent)].objgen in reachable
    return order


def test_same_pages_and_text(books):
    joined, onego, _ = books
    a, b = PdfReader(joined), PdfReader(onego)
    assert len(a.pages) == len(b.pages) > 2
    assert [p.extract_text() for p in a.pages] == [p.extract_text() for p in b.pages]


def test_same_outline(books):
    joined, onego, _ = books
    assert outline(joined) == outline(onego)
    assert any(depth == 1 for depth, _, _ in outline(joined))  # a section or sheet nests


def test_contents_numbers_and_page_references_are_the_real_pages(built):
    project, _, _, _ = built
    joined = project / "site" / "pdf" / "handboek.pdf"
    text = [p.extract_text() for p in PdfReader(joined).pages]
    pages = named_pages(pikepdf.open(joined))
    second = pages["h-handleiding-tweede"] + 1
    assert re.search(rf"Tweede deel[ .]*{second}\b", text[1])  # the contents
    assert f"(blz. {second})" in "\n".join(text) or f"(pagina {second})" in "\n".join(text)


def test_same_links_and_named_destinations(books):
    joined, onego, _ = books
    a, b = pikepdf.open(joined), pikepdf.open(onego)
    assert named_pages(a) == named_pages(b)
    assert links(a) == links(b)
    assert not any(str(t).startswith("kwboek:") for _, _, t in links(a))


def test_one_valid_structure_tree_like_the_one_go_book(books):
    joined, onego, _ = books
    a, b = pikepdf.open(joined), pikepdf.open(onego)
    in_joined, in_onego = structure(a), structure(b)
    assert [s for s in in_joined if s != "/Div"] == [s for s in in_onego if s != "/Div"]
    assert in_joined.count("/Document") == 1


def test_same_catalogue_entries_for_pdf_ua(books):
    joined, onego, _ = books
    a, b = pikepdf.open(joined), pikepdf.open(onego)
    for key in ("/Lang", "/MarkInfo", "/ViewerPreferences", "/PageMode"):
        assert repr(a.Root.get(key)) == repr(b.Root.get(key)), key
    assert str(a.docinfo.get("/Title")) == str(b.docinfo.get("/Title"))
    meta_a, meta_b = a.open_metadata(), b.open_metadata()
    assert meta_a.get("dc:title") == meta_b.get("dc:title")
    assert meta_a.get("pdfuaid:part") == meta_b.get("pdfuaid:part") == "1"


def test_a_cold_build_renders_each_book_once_and_an_edit_one_part(built):
    _, _, cold, edited = built
    assert re.findall(r"PDF-deel (\S+#deel-\d+)", cold) == []  # no part rendered alone...
    once = re.findall(r"PDF-deel (\S+#in-een-keer) (\d+) p\.", cold)
    assert sorted(name for name, _ in once) == ["handboek.pdf#in-een-keer",
                                               "hulpmiddelenwaaier.pdf#in-een-keer"]
    assert len(re.findall(r"in één keer gemaakt, in [1-9]\d* delen gesneden", cold)) == 2
    assert re.search(r"PDF 1/1 handboek.pdf in één keer", cold)  # ...it is the book
    parts = re.findall(r"PDF-deel (\S+) (.*)", edited)
    rendered = [name for name, how in parts if "cache" not in how]
    assert len(rendered) == 1 and "handboek.pdf#deel-" in rendered[0], parts
    assert re.search(r"PDF 1/1 handboek.pdf uit \d+ delen", edited)  # joined from its parts


def test_a_rebuild_without_changes_publishes_both_books_from_the_memo(built):
    """Nothing changed since the last build: both books come from the cache by the memo of
    their inputs (print/memo.py), no part is looked at or rendered."""
    project, _, _, _ = built
    unchanged = mkdocs_build(project)
    assert re.findall(r"PDF-deel \S+", unchanged) == []
    for book in ("handboek.pdf", "hulpmiddelenwaaier.pdf"):
        assert re.search(rf"PDF \d+/\d+ {book} \(cache\)", unchanged), unchanged[-2000:]
