"""Gate: Dutch search finds the right page for the queries counsellors type
(tests/quality/zoekvragen.yml), typed key by key into the built site's search box."""
from __future__ import annotations

import pytest

from quality.pages import file_of
from quality.search import WORKER_PROBE, load_queries, search, wait_until_ready
from quality.summary import record

TOP = 5


@pytest.fixture(scope="module")
def search_tab(browser, site_url):
    context = browser.new_context(locale="nl-NL")
    context.add_init_script(WORKER_PROBE)
    tab = context.new_page()
    tab.goto(site_url)
    wait_until_ready(tab)
    yield tab
    context.close()


@pytest.mark.build
def test_query_list_covers_what_counsellors_type(built_site):
    queries = load_queries()
    assert len(queries) >= 30
    texts = {q.query for q in queries}
    for pair in [("hulpbron", "hulpbronnen"), ("doel", "doelen"),
                 ("cliëntenraad", "clientenraad")]:
        assert set(pair) <= texts
    assert {"krachteninventarisatie", "netwerkkaart", "terugval", "vastlopen"} <= texts
    missing = [q.page for q in queries if file_of(built_site, q.page) is None]
    assert missing == [], f"verwachte pagina's bestaan niet: {missing}"


@pytest.mark.build
@pytest.mark.browser
def test_dutch_search_finds_the_expected_page(search_tab, site_url):
    failures = []
    queries = load_queries()
    for q in queries:
        results = list(dict.fromkeys(search(search_tab, site_url, q.query)))
        if q.page not in results[:TOP]:
            failures.append(f"‘{q.query}’ → verwacht {q.page} in de eerste {TOP}, kreeg: "
                            + (", ".join(results[:TOP]) or "niets"))
    record("zoeken", f"{len(queries) - len(failures)} van {len(queries)} zoekvragen vinden "
                     f"hun pagina in de eerste {TOP}")
    assert failures == [], f"{len(failures)} van {len(queries)} zoekvragen:\n" + "\n".join(failures)


@pytest.mark.build
@pytest.mark.browser
def test_search_reads_nothing_for_nonsense(search_tab, site_url):
    """The reader of the result list is not fooled by a stale list: nonsense finds nothing."""
    assert search(search_tab, site_url, "hulpbronnen")
    assert search(search_tab, site_url, "qzxwvjk") == []
