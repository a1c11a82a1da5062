"""Pages generated from data (one per worksheet, exercise and course) and their nav entries."""
from __future__ import annotations

import yaml

from ..model.catalogue import Catalogue
from ..model.labels import LABELS
from ..model.routes import pack_page, page_of
from .changes import CHANGES_PAGE


# libyaml's writer when there is one: the pure-Python one took 40 ms for the 49 pages.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _page(title: str, tags: list[str], body: str, searched: bool = True) -> str:
    meta = {"title": title, "tags": tags}
    if not searched:
        meta["search"] = {"exclude": True}
    front = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n# {title}\n\n{body}\n"


def generated_pages(cat: Catalogue) -> dict[str, str]:
    pages = {}
    for ws in cat.worksheets.values():
        tags = [ws.phase] + ([cat.tasks[ws.task].title.lower()] if ws.task else [])
        tags += list(ws.audience) + list(ws.tags)
        pages[page_of("werkblad", ws.id)] = _page(ws.title, tags, f'{{{{ werkblad("{ws.id}") }}}}')
    for pr in own_principles(cat):  # a shared one has its page in content/
        pages[page_of("principe", pr.id)] = _page(pr.title, [], f'{{{{ principe("{pr.id}") }}}}')
    if cat.edition.sections.training:
        for ex in cat.exercises.values():
            pages[page_of("oefening", ex.id)] = _page(ex.title, ["trainer"],
                                                       f'{{{{ oefening("{ex.id}") }}}}')
        for course in cat.courses.values():
            pages[page_of("cursus", course.id)] = _page(course.title, ["trainer"],
                                                         f'{{{{ cursus("{course.id}") }}}}')
            for trainer, label in ((True, LABELS.training["script"]),
                                   (False, LABELS.training["handout"])):
                # Not searched: a pack repeats its exercises, whose own pages are the better
                # hit, and the packs were a third of the search index every visit loads.
                pages[pack_page(course.id, trainer)] = _page(
                    f"{label}: {course.title}", ["trainer"],
                    f'{{{{ cursus_pakket("{course.id}", {trainer}) }}}}', searched=False)
    return pages


def own_principles(cat: Catalogue) -> list:
    """The edition's own principles that replace none: they need a page of their own."""
    return sorted((p for p in cat.principles.values()
                   if ("principe", p.id) in cat.own and ("principe", p.id) not in cat.replaced),
                  key=lambda p: p.number)


def _section_of(nav, index_page: str):
    """Find the nav list that holds index_page (a section's index), searching depth-first."""
    if isinstance(nav, list):
        if index_page in nav or any(isinstance(i, dict) and index_page in i.values() for i in nav):
            return nav
        for item in nav:
            found = _section_of(item, index_page)
            if found is not None:
                return found
    elif isinstance(nav, dict):
        for value in nav.values():
            found = _section_of(value, index_page)
            if found is not None:
                return found
    return None


def _worksheets_by_phase(cat: Catalogue) -> list[dict]:
    """The waaier's nav: one collapsible group per fase, as in the waaier itself. With
    navigation.prune a page carries only its own group's items, so the nav on every page (and
    the build time per page) does not grow with the number of worksheets."""
    groups = []
    for phase, name in LABELS.phase_names.items():
        sheets = sorted((w.title, page_of("werkblad", w.id)) for w in cat.worksheets.values()
                        if w.phase == phase)
        if sheets:
            groups.append({name: [{title: path} for title, path in sheets]})
    return groups


def add_to_nav(nav, cat: Catalogue):
    """Append generated pages to the sections whose index pages the nav names."""
    if nav is None:
        return nav
    additions = {
        "waaier/index.md": _worksheets_by_phase(cat),
        "training/oefeningen/index.md": [{e.title: page_of("oefening", e.id)} for e in
                                         sorted(cat.exercises.values(), key=lambda e: e.title)],
        "training/cursussen/index.md": [{c.title: page_of("cursus", c.id)} for c in
                                        sorted(cat.courses.values(), key=lambda c: c.title)],
        "handleiding/notendop/index.md": [{p.title: page_of("principe", p.id)}
                                          for p in own_principles(cat)],
        # the page "Wat is er veranderd" (web/changes.py), next to the guide for managers
        "inrichten.md": [{"Wat is er veranderd": CHANGES_PAGE}],
    }
    for index_page, entries in additions.items():
        section = _section_of(nav, index_page)
        if section is not None:  # right after the index page (the end, in a section of its own)
            at = next(n for n, item in enumerate(section) if item == index_page
                      or (isinstance(item, dict) and index_page in item.values()))
            section[at + 1:at + 1] = entries
    return nav
