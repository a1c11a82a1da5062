"""Gate: Dutch search finds the right page for the queries counsellors type
(tests/quality/zoekvragen.yml), typed key by key into the built site's search box."""
from __future__ import annotations

import pytest

from quality.pages import file_of
from quality.search import WORKER_PROBE, load_queries, search, wait_until_ready
from quality.summary import REPORTS, record

TOP = 3
GOOD_ENOUGH = 0.9  # share of the queries with a good answer in the first TOP results
MISSES = REPORTS / "zoekvragen-missers.md"


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
    assert len(queries) >= 80
    missing = [page for q in queries for page in q.pages if file_of(built_site, page) is None]
    assert missing == [], f"verwachte pagina's bestaan niet: {missing}"


@pytest.mark.build
@pytest.mark.browser
def test_dutch_search_finds_a_good_answer_in_the_top_three(search_tab, site_url):
    failures = []
    queries = load_queries()
    for q in queries:
        results = list(dict.fromkeys(search(search_tab, site_url, q.query)))
        if not q.answered_by(results, TOP):
            failures.append(f"- ‘{q.query}’ ({q.why}): goed is {', '.join(q.pages)}; "
                            f"de eerste {TOP}: " + (", ".join(results[:TOP]) or "niets"))
    passed = len(queries) - len(failures)
    summary = (f"{passed} van {len(queries)} zoekvragen ({passed / len(queries):.0%}) hebben een "
               f"goed antwoord in de eerste {TOP}")
    record("zoeken", summary)
    REPORTS.mkdir(exist_ok=True)
    MISSES.write_text(f"# Zoekvragen zonder goed antwoord in de eerste {TOP}\n\n{summary}.\n\n"
                      + ("\n".join(failures) or "Geen.") + "\n", encoding="utf-8")
    assert passed >= GOOD_ENOUGH * len(queries), f"{summary}; missers:\n" + "\n".join(failures)


@pytest.mark.build
@pytest.mark.browser
def test_search_reads_nothing_for_nonsense(search_tab, site_url):
    """The reader of the result list is not fooled by a stale list: nonsense finds nothing."""
    assert search(search_tab, site_url, "hulpbronnen")
    assert search(search_tab, site_url, "qzxwvjk") == []


@pytest.mark.build
def test_translations_and_course_packs_stay_out_of_the_search_index(built_site):
    """The site searches in Dutch: the worksheets' translations would triple the index that
    every first visit loads, and a course pack repeats its exercises, whose own pages are the
    better hit."""
    import json
    import re
    docs = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    text = " ".join(d["title"] + " " + d["text"] for d in docs)
    assert len(re.findall("[\u0600-\u06ff\u0400-\u04ff]", text)) < 3000  # language names only
    assert "ماذا أريد" not in text and "Моя" not in text
    assert not [d for d in docs if "-draaiboek/" in d["location"] or "-deelnemers/" in d["location"]]
    assert any(d["location"].startswith("waaier/krachteninventarisatie/") for d in docs)
