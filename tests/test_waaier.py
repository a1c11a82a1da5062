"""The hulpmiddelenwaaier's index: a card per worksheet, filters that work in the browser."""
from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from conftest import ROOT
from macros.model.load import load_catalogue


@pytest.fixture(scope="module")
def cat():
    return load_catalogue(ROOT)


@pytest.mark.build
def test_every_worksheet_has_a_card_with_working_links(built_site, cat):
    html = (built_site / "waaier/index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<li class="kw-card"(.*?)</li>', html, re.S)
    assert len(cards) == len(cat.worksheets)
    for card in cards:
        links = re.findall(r'href="([^"]+)"', card)
        assert len(links) == 4  # title, fill in, blank PDF, fillable PDF
        for link in links:
            target = built_site / "waaier" / link
            assert (target / "index.html" if link.endswith("/") else target).resolve().is_file(), link
        assert " minuten · " in card


def nav_links(html: str) -> list[str]:
    """The hrefs in the page's primary navigation (the sidebar on the left)."""
    start = html.index('class="md-nav md-nav--primary"')
    end = html.index('<div class="md-sidebar md-sidebar--secondary"', start)
    return re.findall(r'href="([^"]+)"', html[start:end])


@pytest.mark.build
def test_navigation_lists_only_the_worksheets_of_the_open_fase(built_site, cat):
    """The waaier's nav is grouped by fase and pruned: a page carries its own group only, so
    the nav (and build time per page) does not grow with every worksheet added."""
    home = nav_links((built_site / "index.html").read_text(encoding="utf-8"))
    fases = {ws.phase for ws in cat.worksheets.values()}
    # a closed fase group is one link (to its first worksheet), not the list of its worksheets
    assert len([link for link in home if link.startswith("waaier/") and link != "waaier/"]) \
        == len(fases) == 4
    html = (built_site / "waaier/actieplan/index.html").read_text(encoding="utf-8")
    base = "http://x/waaier/actieplan/"
    listed = {urljoin(base, link).rstrip("/").split("/")[-1] for link in nav_links(html)}
    focus = {ws.id for ws in cat.worksheets.values() if ws.phase == "focusbepaling"}
    others = {ws.id for ws in cat.worksheets.values() if ws.phase != "focusbepaling"}
    assert focus <= listed
    assert len(others & listed) == len(fases) - 1
    assert "Herstelondersteuning" in html and "Implementatie en borging" in html


@pytest.mark.build
@pytest.mark.browser
def test_filters_show_only_matching_cards(page, site_url, cat):
    page.goto(urljoin(site_url, "waaier/"))
    cards = page.locator(".kw-card")
    count = page.locator("[data-kw-filter-count]")
    assert page.locator("[data-kw-filters]").is_visible()
    assert count.inner_text() == f"{len(cat.worksheets)} werkbladen gevonden"

    page.select_option("#kw-filter-fase", "evaluatie")
    expected = [w for w in cat.worksheets.values() if w.phase == "evaluatie"]
    assert cards.locator("visible=true").count() == len(expected)
    assert count.inner_text() == (f"{len(expected)} werkbladen gevonden" if len(expected) != 1
                                  else "1 werkblad gevonden")

    page.select_option("#kw-filter-fase", "")
    page.select_option("#kw-filter-doelgroep", "team")
    page.select_option("#kw-filter-basistaak", "doelen-stellen")
    both = [w for w in cat.worksheets.values() if "team" in w.audience and w.task == "doelen-stellen"]
    assert cards.locator("visible=true").count() == len(both)
    if not both:
        assert "Geen werkbladen gevonden" in count.inner_text()

    page.select_option("#kw-filter-basistaak", "")
    page.select_option("#kw-filter-doelgroep", "")
    assert cards.locator("visible=true").count() == len(cat.worksheets)


@pytest.mark.build
@pytest.mark.browser
def test_filters_work_with_the_keyboard(page, site_url):
    page.goto(urljoin(site_url, "waaier/"))
    page.focus("#kw-filter-fase")
    page.keyboard.press("ArrowDown")  # first real option
    visible = page.locator(".kw-card").locator("visible=true").count()
    assert 0 < visible < page.locator(".kw-card").count()
