"""One pass over every page in a real browser: axe-core, requests to other hosts, JS errors.

One browser context for all pages, with two tabs taking turns (one loads the next page while
the other's axe run keeps its renderer busy); axe-core is injected as an init script so it is
ready on every load. Requests to any host but 127.0.0.1 are recorded and aborted, so a test
run never sends traffic off the machine.

Speed (a page costs ~2.3 s of CPU in chromium, of which axe ~0.9 s and the search index
~0.6 s). Two savings, both limited to pages outside `full` (by default `chrome_pages`: the
home page and each section's index page), which get everything:
- axe's color-contrast rule spends about two thirds of its time on the site navigation
  (Material's primary sidebar, ~150 links, the same on every page apart from which entry is
  active). Every rule runs on the whole of every page, except that color-contrast skips that
  sidebar outside `full`; inside, the sidebar shows the same kinds of links (normal, active,
  section titles).
- Material fetches search/search_index.json on every page load and builds a lunr index from
  it (the same file each time, growing with the site). Outside `full` the page gets that file
  with its own config but no documents: the search scripts still load and run, so their
  errors still show, without rebuilding the full index 150 times. Search itself is tested by
  test_site_search.py.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from axe_playwright_python.base import AXE_SCRIPT

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
NAVIGATION = ".md-sidebar--primary"
SEARCH_INDEX = "**/search/search_index.json"
# One round trip: every rule but color-contrast on the whole page, then color-contrast on the
# whole page or without the navigation.
AXE_RUN = """async ([options, skipNavigation]) => {
  const contrast = {runOnly: {type: "rule", values: ["color-contrast"]}, resultTypes: ["violations"]};
  const wanted = axe.getRules(options.runOnly.values).map(rule => rule.ruleId);
  const others = {...options, runOnly: {type: "rule", values: wanted.filter(id => id !== "color-contrast")}};
  const context = skipNavigation ? {exclude: [[skipNavigation]]} : document;
  const a = await axe.run(document, others);
  const b = wanted.includes("color-contrast") ? await axe.run(context, contrast) : {violations: []};
  return a.violations.concat(b.violations);
}"""
LOCAL_SCHEMES = ("data", "blob", "about")


@dataclass
class SweepReport:
    pages: int = 0
    requests: int = 0
    violations: list[str] = field(default_factory=list)   # axe, one line per rule and page
    foreign: list[str] = field(default_factory=list)      # requests to another host
    errors: list[str] = field(default_factory=list)       # console errors and page errors

    def problems(self) -> list[str]:
        return self.violations + self.foreign + self.errors


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname == "127.0.0.1"


def _describe_violation(page: str, violation: dict) -> str:
    targets = ", ".join(" ".join(map(str, node["target"])) for node in violation["nodes"][:3])
    more = f" (+{len(violation['nodes']) - 3})" if len(violation["nodes"]) > 3 else ""
    return f"{page}: axe {violation['id']} ({violation['impact']}): {violation['help']} — {targets}{more}"


def chrome_pages(paths: list[str]) -> set[str]:
    """The home page and every section index: paths that other paths lie below."""
    return {p for p in paths if p == "" or any(q != p and q.startswith(p) for q in paths)}


class _Tab:
    """A browser tab that loads one page, starts axe on it and is collected later, so that
    while one tab's axe run keeps a renderer busy, the next tab is already loading."""

    def __init__(self, context, report: SweepReport, full: set[str] | None, index: dict):
        self.page = context.new_page()
        self.path: str | None = None
        self.running = False
        self.report = report
        self.full = full
        self.index = index  # shared: the empty search index, once made
        self.page.route(SEARCH_INDEX, self._search_index)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: report.errors.append(
            f"{self.name}: pageerror: {error}"))

    @property
    def name(self) -> str:
        return "(start)" if self.path is None else self.path or "/"

    def _console(self, message):
        if message.type == "error":
            where = (message.location or {}).get("url", "")
            self.report.errors.append(f"{self.name}: console: {message.text} {where}".rstrip())

    def _search_index(self, route):
        if self.full is None or self.path in self.full:
            route.continue_()
            return
        if "empty" not in self.index:
            real = route.fetch()
            if not real.ok:
                route.fulfill(response=real)
                return
            self.index["empty"] = json.dumps({**real.json(), "docs": []})
        route.fulfill(status=200, content_type="application/json", body=self.index["empty"])

    def start(self, base_url: str, path: str) -> None:
        self.path = path
        skip = None if self.full is None or path in self.full else NAVIGATION
        response = self.page.goto(base_url + path, wait_until="load")
        if response is None or not response.ok:
            status = response.status if response else "geen antwoord"
            self.report.errors.append(f"{self.name}: HTTP {status}")
            return
        self.report.pages += 1
        self.page.evaluate(f"args => {{ window.__kwAxe = ({AXE_RUN})(args); }}", [AXE_OPTIONS, skip])
        self.running = True

    def collect(self) -> None:
        if self.running:
            self.running = False
            self.report.violations += [_describe_violation(self.name, v)
                                       for v in self.page.evaluate("() => window.__kwAxe")]


def sweep(browser, base_url: str, paths: list[str], full: set[str] | None = None,
          tabs: int = 2) -> SweepReport:
    """Visit base_url + path for each path; report everything that went wrong, per page.
    Pages in `full` (default: all) get contrast on the navigation and the real search index
    (see the module docstring). `tabs` pages are in flight at once (two: one loading while
    the other runs axe, for a 2-core machine)."""
    report = SweepReport()
    context = browser.new_context(locale="nl-NL")
    context.add_init_script(AXE_SCRIPT)
    workers: list[_Tab] = []

    def on_route(route):
        try:
            owner = next((t.name for t in workers if t.page == route.request.frame.page), "?")
        except Exception:  # a request from a worker has no frame
            owner = "?"
        report.foreign.append(f"{owner}: verzoek naar een andere host: {route.request.url}")
        route.abort()

    def on_request(request):
        report.requests += 1

    context.route(lambda url: not is_local(url), on_route)
    context.on("request", on_request)
    try:
        index: dict = {}
        workers += [_Tab(context, report, full, index) for _ in range(max(1, tabs))]
        for i, path in enumerate(paths):
            tab = workers[i % len(workers)]
            tab.collect()
            tab.start(base_url, path)
        for tab in workers:
            tab.collect()
    finally:
        context.close()
    return report
