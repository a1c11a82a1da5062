"""Gate: every internal link, resource, #anchor and linked PDF in the built site resolves."""
from __future__ import annotations

import pytest

from quality.links import check_site
from quality.summary import record


@pytest.fixture(scope="module")
def link_report(built_site):
    return check_site(built_site)


@pytest.mark.build
def test_every_internal_link_and_anchor_resolves(link_report):
    report = link_report
    record("links", f"{report.pages} pagina's, {report.links} interne links, waarvan "
                    f"{report.anchors} met anker, {len(report.pdfs)} PDF's gelinkt, "
                    f"{len(report.broken)} kapot")
    assert report.pages > 0 and report.links > report.pages
    assert report.broken == [], (f"{len(report.broken)} kapotte links in {report.pages} "
                                 "pagina's:\n" + "\n".join(report.broken))


@pytest.mark.build
def test_every_linked_pdf_is_a_pdf(built_site, link_report):
    """PDFs (site/pdf/) are linked from the pages; each linked file is a real PDF."""
    pdfs = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.pdf")}
    assert link_report.pdfs <= pdfs
    if pdfs:
        assert link_report.pdfs, "de site bevat PDF's, maar geen enkele pagina linkt ernaar"
    not_pdf = [p for p in sorted(link_report.pdfs)
               if not (built_site / p).read_bytes()[:5] == b"%PDF-"]
    assert not_pdf == []


def test_link_checker_finds_what_is_broken(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "pdf").mkdir()
    (site / "pdf" / "er.pdf").write_bytes(b"%PDF-1.7\n")
    (site / "index.html").write_text(
        '<h1 id="top">x</h1>'
        '<a href="a/">ok: map</a> <a href="a/#deel">ok: anker</a> <a href="#top">ok: hier</a>'
        '<a href="pdf/er.pdf">ok: pdf</a> <a href="https://example.org/">ander domein</a>'
        '<a href="mailto:x@example.org">mail</a>'
        '<a href="b/">weg</a> <a href="a/#nergens">geen anker</a> <a href="pdf/weg.pdf">geen pdf</a>'
        '<img src="plaatje.png" alt="">', encoding="utf-8")
    (site / "a" / "index.html").write_text(
        '<h2 id="deel">deel</h2><a href="../">terug</a><a href="../#top">terug naar boven</a>'
        '<a href="../index.html#weg">kapot anker</a>', encoding="utf-8")
    report = check_site(site)
    assert report.pages == 2
    assert report.links == 11
    assert report.pdfs == {"pdf/er.pdf"}
    broken = sorted(report.broken)
    assert len(broken) == 5, broken
    assert broken[0].startswith("a/index.html:1 <a> '../index.html#weg': anker #weg")
    assert any("'b/'" in b for b in broken)
    assert any("'a/#nergens'" in b for b in broken)
    assert any("'pdf/weg.pdf'" in b for b in broken)
    assert any("'plaatje.png'" in b for b in broken)
