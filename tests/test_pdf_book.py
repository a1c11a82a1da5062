"""Making one book from the site's pages, without rendering: order, ids, in-book links."""
from __future__ import annotations

from macros.print.book import RenderedPage, book_sources, make_chapters
from macros.print.downloads import human_size
from macros.model.routes import Routes, href
from macros.web.templates import template_environment
from macros.web.views import Views, worksheet_pdfs

page_url = Routes().page_url


def page(src: str, title: str, html: str) -> RenderedPage:
    return RenderedPage(src=src, url=page_url(src), title=title, html=html)


PAGES = {p.src: p for p in [
    page("index.md", "Home", "<h1>Home</h1>"),
    page("colofon.md", "Colofon", "<h1>Colofon</h1>"),
    page("handleiding/b.md", "Bee", '<h1 id="bee">Bee<a class="headerlink" href="#bee" '
         'title="Link naar dit gedeelte">¶</a></h1>\n<h2 id="kop">Kop</h2>'
         '<p><a href="../a/">A</a>, <a href="../a/#deel">A, deel</a>, <a href="#kop">hier</a>, '
         '<a href="../../waaier/actieplan/">blad</a>, <a href="../../training/">training</a>, '
         '<a href="https://example.org/">buiten</a></p>'),
    page("handleiding/a.md", "Aa", '<p id="deel">Zonder kop.</p>'),
    page("handleiding/deel/index.md", "Deel", "<h1>Deel</h1>"),
    page("handleiding/deel/sub.md", "Sub", "<h1>Sub</h1>"),
]}


def test_book_order_follows_nav_then_folders_and_ends_with_colofon():
    nav = [{"Home": "index.md"}, {"Handleiding": ["handleiding/b.md", "handleiding/deel/sub.md"]}]
    assert book_sources(PAGES, nav) == ["handleiding/b.md", "handleiding/deel/sub.md",
                                        "handleiding/a.md", "handleiding/deel/index.md",
                                        "colofon.md"]


def test_chapters_get_unique_ids_and_in_book_links():
    chapters = {c.title: c for c in make_chapters(PAGES, None, ["actieplan"])}
    bee = chapters["Bee"].html
    assert "¶" not in bee and "headerlink" not in bee
    assert 'id="h-handleiding-b--kop"' in bee
    assert '<a href="#h-handleiding-a">A</a>' in bee
    assert '<a href="#h-handleiding-a--deel">A, deel</a>' in bee
    assert '<a href="#h-handleiding-b--kop">hier</a>' in bee
    assert '<a href="#werkblad-actieplan">blad</a>' in bee
    assert "<a>training</a>" in bee  # not in the book, no site address: plain text
    assert '<a href="https://example.org/">buiten</a>' in bee
    assert chapters["Aa"].html.startswith("<h1>Aa</h1>")  # a page without a heading gets one
    assert [chapters[t].level for t in ("Aa", "Deel", "Sub", "Colofon")] == [1, 1, 2, 1]


def test_links_to_pages_outside_the_book_use_the_site_address_when_known():
    chapters = make_chapters(PAGES, None, [], site_url="https://handboek.example.nl")
    bee = next(c for c in chapters if c.title == "Bee").html
    assert '<a href="https://handboek.example.nl/training/">training</a>' in bee
    assert '<a href="https://handboek.example.nl/waaier/actieplan/">blad</a>' in bee


def test_pdf_links_are_relative_to_the_page():
    assert href(page_url("waaier/actieplan.md"), "pdf/handboek.pdf") == "../../pdf/handboek.pdf"
    assert href(page_url("index.md"), "pdf/handboek.pdf") == "pdf/handboek.pdf"
    assert href(page_url("a/index.md"), "pdf/x.pdf") == "../pdf/x.pdf"
    links = Views(template_environment(), Routes()).block(
        "_pdf-links", "waaier/actieplan.md", pdfs=worksheet_pdfs("actieplan"))
    assert 'href="../../pdf/werkbladen/actieplan-leeg.pdf"' in links
    assert ">Invulbaar werkblad (PDF)</a>" in links


def test_sizes_are_written_the_dutch_way():
    assert human_size(300) == "1 KB"
    assert human_size(45_000) == "44 KB"
    assert human_size(1_300_000) == "1,2 MB"


def test_short_tables_and_timetables_are_kept_whole():
    from macros.print.book import _keep_tables

    rows = lambda n: "".join(f"<tr><td>{i}</td></tr>" for i in range(n))
    short = f"<table><thead><tr><th>X</th></tr></thead><tbody>{rows(4)}</tbody></table>"
    long = f"<table><thead><tr><th>X</th></tr></thead><tbody>{rows(5)}</tbody></table>"
    timetable = (f"<p>09:00–12:00</p>\n<table><thead><tr><th>Tijd</th></tr></thead>"
                 f"<tbody>{rows(9)}</tbody></table>")
    assert _keep_tables(short).startswith('<table class="kw-keep">')
    assert _keep_tables(long) == long
    assert _keep_tables(timetable).startswith('<p class="kw-with-next">09:00–12:00</p>\n'
                                              '<table class="kw-keep">')
