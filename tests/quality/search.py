"""Drive Material's search box the way a reader does and read back the result list.

Material's search listens to key events, so queries are typed key by key (never `fill`).
Results arrive asynchronously from the search worker, so WORKER_PROBE (added as an init
script) counts the queries the page sends to its worker and the results that come back; the
list is read once every query has its answer and the list has stopped changing.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

QUERIES = Path(__file__).with_name("zoekvragen.yml")
BOX = "input.md-search__input"
META = ".md-search-result__meta"
# Material's worker messages: 2 = query, 3 = result (SearchMessageType in its bundle).
WORKER_PROBE = """
(() => {
  const Native = window.Worker;
  window.__kwSearch = {sent: 0, received: 0};
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", e => { if (e.data && e.data.type === 3) window.__kwSearch.received++; });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) window.__kwSearch.sent++;
      return super.postMessage(message, ...rest);
    }
  };
})();
"""
RESULT_ITEMS = "li.md-search-result__item"  # one per page, its first link is the page


@dataclass(frozen=True)
class Query:
    query: str
    pages: tuple[str, ...]  # good answers, as site paths like 'handleiding/herstel/'
    why: str = ""

    def answered_by(self, results: list[str], top: int) -> bool:
        return any(page in self.pages for page in results[:top])


def load_queries(path: Path = QUERIES) -> list[Query]:
    """Each item has `page` (one good answer) or `pages` (several)."""
    queries = []
    for item in yaml.safe_load(path.read_text(encoding="utf-8")):
        pages = item.pop("pages", None) or [item.pop("page")]
        queries.append(Query(pages=tuple(pages), **item))
    return queries


def wait_until_ready(tab, timeout: float = 30) -> None:
    """Wait until the search worker has built its index: Material then replaces the
    'initialising' text with its placeholder (both taken from the page's own config)."""
    tab.wait_for_function(
        """meta => {
          const config = JSON.parse(document.getElementById("__config").textContent);
          const shown = document.querySelector(meta);
          return shown && shown.innerText.trim() === config.translations["search.result.placeholder"];
        }""", arg=META, timeout=timeout * 1000)


def _snapshot(tab) -> tuple[int, bool, str, list[str]]:
    """(queries sent, all answered?, meta text, result links)."""
    return tab.evaluate(
        """([meta, items]) => [window.__kwSearch.sent,
                               window.__kwSearch.sent === window.__kwSearch.received,
                               document.querySelector(meta).innerText,
                               [...document.querySelectorAll(items)]
                                 .map(item => item.querySelector("a").href)]""",
        [META, RESULT_ITEMS])


def search(tab, site_url: str, query: str, settle: float = 0.15, timeout: float = 15) -> list[str]:
    """Type `query` into the search box; return the result pages in order, as site paths.
    The tab must have WORKER_PROBE as init script."""
    box = tab.locator(BOX)
    box.click()
    box.press("Control+a")
    box.press("Delete")
    sent_before = _snapshot(tab)[0]
    box.type(query, delay=10)
    deadline = time.monotonic() + timeout
    last, stable_since = None, time.monotonic()
    while time.monotonic() < deadline:
        now = _snapshot(tab)
        if now != last:
            last, stable_since = now, time.monotonic()
        elif now[0] > sent_before and now[1] and time.monotonic() - stable_since >= settle:
            break
        time.sleep(0.03)
    else:
        raise TimeoutError(f"search for {query!r} did not settle in {timeout} s")
    return [urlsplit(href).path.removeprefix(urlsplit(site_url).path) for href in last[3]]
