"""Check step: cross-references between loaded models and from Markdown pages to the data."""
from __future__ import annotations

import re

import yaml

from .catalogue import Catalogue
from .timetable import DAY, clock, minutes_of
from .colour import contrast_ratio
from .models import fold, word_forms
from .limits import outside, read_source, symlinks_out
from .markdown_links import unsafe_link_problems
from .page_source import page_problems
from .details import page_problems as detail_problems
from .problems import Problem

CONTENT = "content"

# Macros whose first argument names something in the catalogue: macro -> (kind, attribute).
REFERENCE_MACROS = {
    "werkblad": ("werkblad", "worksheets"),
    "werkblad_link": ("werkblad", "worksheets"),
    "principe": ("principe", "principles"),
    "oefening": ("oefening", "exercises"),
    "cursus": ("cursus", "courses"),
    "cursus_pakket": ("cursus", "courses"),
    "basistaak": ("basistaak", "tasks"),
}
MACRO_CALL = re.compile(r"\b(" + "|".join(REFERENCE_MACROS) + r")\(\s*[\"']([^\"']*)[\"']")


def _refs(cat: Catalogue, kind: str, ident: str, loc_key: str, values, known: dict,
          what: str) -> list[Problem]:
    source = cat.source(kind, ident)
    problems = []
    for i, value in enumerate(values):
        if value not in known and value not in cat.failed:
            problems.append(Problem(source.file, source.line_of((loc_key, i)), f"{loc_key}[{i}]",
                                    f"onbekende {what} '{value}'; kies uit: "
                                    f"{', '.join(sorted(known)) or '(nog geen)'}"))
    return problems


def _check_worksheets(cat: Catalogue) -> list[Problem]:
    problems = []
    for ws in cat.worksheets.values():
        problems += _refs(cat, "werkblad", ws.id, "principes", ws.principles, cat.principles,
                          "principe")
        allowed = {t for tags in cat.method.tag_vocabulary().values() for t in tags} \
            if cat.method else set()
        problems += _refs(cat, "werkblad", ws.id, "tags", ws.tags, allowed, "trefwoord")
        if ws.task and ws.task not in cat.tasks:
            src = cat.source("werkblad", ws.id)
            problems.append(Problem(src.file, src.line_of(("basistaak",)), "basistaak",
                                    f"onbekende basistaak '{ws.task}'; kies uit: "
                                    f"{', '.join(cat.tasks)}"))
    return problems


def _check_totals(cat: Catalogue) -> list[Problem]:
    """A total (type totaal) adds up scale and number fields of its own worksheet, each once."""
    problems = []
    for ws in cat.worksheets.values():
        scored = [f.id for f in ws.fields if f.type in ("schaal", "getal")]
        src = cat.source("werkblad", ws.id)
        for i, field in enumerate(ws.fields):
            if field.type != "totaal":
                continue
            for j, name in enumerate(field.sums):
                loc = ("velden", i, "telt", j)
                where = f"velden[{i}].telt[{j}]"
                if name not in scored:
                    problems.append(Problem(src.file, src.line_of(loc), where,
                                            f"totaal '{field.id}' telt '{name}', maar dat is geen "
                                            f"schaal- of getalveld van dit werkblad; kies uit: "
                                            f"{', '.join(scored) or '(geen)'}"))
                elif name in field.sums[:j]:
                    problems.append(Problem(src.file, src.line_of(loc), where,
                                            f"totaal '{field.id}' telt '{name}' twee keer"))
    return problems


def _check_exercises(cat: Catalogue) -> list[Problem]:
    problems = []
    for ex in cat.exercises.values():
        problems += _refs(cat, "oefening", ex.id, "principes", ex.principles, cat.principles,
                          "principe")
        problems += _refs(cat, "oefening", ex.id, "werkbladen", ex.worksheets, cat.worksheets,
                          "werkblad")
    return problems


def _check_courses(cat: Catalogue) -> list[Problem]:
    problems = []
    for course in cat.courses.values():
        src = cat.source("cursus", course.id)
        for s, session in enumerate(course.sessions):
            total = 0
            for i, item in enumerate(session.items):
                loc = ("dagdelen", s, "onderdelen", i)
                if item.exercise is not None:
                    ex = cat.exercises.get(item.exercise)
                    if ex is None:
                        if item.exercise in cat.failed or cat.is_left_out("oefening",
                                                                          item.exercise):
                            continue  # reported already (model/selection.py)
                        problems.append(Problem(src.file, src.line_of(loc + ("oefening",)),
                                                f"dagdelen[{s}].onderdelen[{i}]",
                                                f"onbekende oefening '{item.exercise}'; kies uit: "
                                                f"{', '.join(sorted(cat.exercises))}"))
                        continue
                    total += ex.minutes
                else:
                    total += item.pause or item.minutes or 0
            if total > session.length:
                problems.append(Problem(src.file, src.line_of(("dagdelen", s, "lengte")),
                                        f"dagdelen[{s}]",
                                        f"'{session.title}' duurt {total} minuten, maar het "
                                        f"dagdeel is {session.length} minuten lang; haal "
                                        f"{total - session.length} minuten weg"))
            start = minutes_of(session.start)
            if start + session.length > DAY:
                problems.append(Problem(src.file, src.line_of(("dagdelen", s, "start")),
                                        f"dagdelen[{s}].start",
                                        f"'{session.title}' begint om {session.start} en duurt "
                                        f"{session.length} minuten: dat loopt over middernacht; "
                                        f"begin uiterlijk om {clock(DAY - session.length)}"))
    return problems


def _check_edition(cat: Catalogue) -> list[Problem]:
    ed = cat.edition
    if ed is None:
        return []
    src = cat.source("editie", "editie")
    problems = []
    def escapes(name: str) -> bool:  # an absolute path, ../, or a symlink out of the folder
        return outside(cat.edition_dir / name, cat.edition_dir)

    if ed.logo and escapes(ed.logo):
        problems.append(Problem(src.file, src.line_of(("logo",)), "logo",
                                f"logo '{ed.logo}' ligt buiten de map {cat.edition_dir.name}/; "
                                "zet het bestand in de map van de editie"))
    elif ed.logo and not (cat.edition_dir / ed.logo).is_file():
        problems.append(Problem(src.file, src.line_of(("logo",)), "logo",
                                f"logo '{ed.logo}' niet gevonden in {cat.edition_dir.name}/"))
    for i, page in enumerate(ed.extra_pages):
        if escapes(page.file):
            problems.append(Problem(src.file, src.line_of(("extra_paginas", i, "bestand")),
                                    f"extra_paginas[{i}].bestand",
                                    f"pagina '{page.file}' ligt buiten de map "
                                    f"{cat.edition_dir.name}/; extra pagina's moeten in de map "
                                    "van de editie staan"))
        elif not (cat.edition_dir / page.file).is_file():
            problems.append(Problem(src.file, src.line_of(("extra_paginas", i, "bestand")),
                                    f"extra_paginas[{i}].bestand",
                                    f"pagina '{page.file}' niet gevonden in "
                                    f"{cat.edition_dir.name}/"))
        else:  # the edition's own page gets the checks of a content/ page
            path = cat.edition_dir / page.file
            rel = path.relative_to(cat.root).as_posix() if path.is_relative_to(cat.root) \
                else str(path)
            text, found = read_source(path, rel, cat.edition_dir)
            problems += found + (page_problems(rel, text) + detail_problems(rel, text, cat.details)
                                 if text is not None else [])
    for key, colour in (("primair", ed.colours.primary), ("accent", ed.colours.accent)):
        ratio = contrast_ratio(colour, "#ffffff")
        if ratio < 4.5:
            problems.append(Problem(src.file, src.line_of(("kleuren", key)), f"kleuren.{key}",
                                    f"witte tekst op {colour} heeft contrast {ratio:.2f}:1; "
                                    "WCAG AA vraagt minstens 4.5:1, kies een donkerder kleur"))
    ids = [d.id for d in ed.life_domains]
    for i, ident in enumerate(ids):
        if ident in ids[:i]:
            problems.append(Problem(src.file, src.line_of(("leefgebieden", i)),
                                    f"leefgebieden[{i}]",
                                    f"leefgebied '{ident}' staat er twee keer in"))
    return problems


def front_matter_tags(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, tag) for each tag in a page's YAML front matter."""
    if not lines or lines[0].strip() != "---":
        return []
    end = next((i for i, l in enumerate(lines[1:], 1) if l.strip() == "---"), None)
    if end is None:
        return []
    try:
        data = yaml.safe_load("\n".join(lines[1:end])) or {}
        tags = (data.get("tags") if isinstance(data, dict) else None) or []
    except yaml.YAMLError:
        return []  # MkDocs reports broken front matter itself
    found, start = [], next((i for i in range(1, end) if lines[i].startswith("tags:")), 1)
    for tag in tags:
        line = next((i for i in range(start, end) if str(tag) in lines[i]), start)
        found.append((line + 1, str(tag)))
    return found


def _check_pages(cat: Catalogue) -> list[Problem]:
    problems = []
    # a left-out item may still be named: the page shows its text without a link (web/)
    known = {attr: set(getattr(cat, attr)) | set(cat.left_out.get(kind, {}))
             for kind, attr in REFERENCE_MACROS.values()}
    details = cat.details if cat.edition else None
    vocabulary = cat.method.tag_vocabulary() if cat.method else {}
    allowed_tags = {t for tags in vocabulary.values() for t in tags}
    for path in sorted((cat.root / CONTENT).rglob("*.md")):
        rel = path.relative_to(cat.root).as_posix()
        text, found = read_source(path, rel, cat.root)
        if text is None:
            problems += found
            continue
        problems += page_problems(rel, text)
        if details is not None:
            problems += detail_problems(rel, text, details)
        lines = text.splitlines()
        for n, tag in front_matter_tags(lines) if allowed_tags else []:
            if tag not in allowed_tags:
                problems.append(Problem(rel, n, "tags", f"onbekend trefwoord '{tag}'; kies uit: "
                                        f"{'; '.join(', '.join(v) for v in vocabulary.values())}"))
        for n, line in enumerate(lines, start=1):
            for macro, ident in MACRO_CALL.findall(line):
                kind, attr = REFERENCE_MACROS[macro]
                if ident not in known[attr] and ident not in cat.failed:
                    problems.append(Problem(rel, n, macro, f"onbekende {kind} '{ident}'; kies "
                                            f"uit: {', '.join(sorted(known[attr]))}"))
    return problems


def _check_glossary(cat: Catalogue) -> list[Problem]:
    """A word form may have one explanation only: the tooltip would otherwise depend on order."""
    if ("begrippen", "begrippen") not in cat.sources:
        return []
    source = cat.source("begrippen", "begrippen")
    first: dict[str, int] = {}
    problems = []
    for i, term in enumerate(cat.glossary.terms):
        for j, word in enumerate(term.words):
            line = source.line_of(("begrippen", i, "woorden", j))
            for form in word_forms(word):
                if form in first and first[form] != line:
                    problems.append(Problem(source.file, line, f"begrippen[{i}].woorden[{j}]",
                                            f"'{form}' heeft al een uitleg op regel "
                                            f"{first[form]}; geef elk woord één uitleg"))
                    break
                first.setdefault(form, line)
    return problems


def _check_search_words(cat: Catalogue) -> list[Problem]:
    """A typed phrase leads to one set of words: two entries for it would hide one of them."""
    if ("zoekwoorden", "zoekwoorden") not in cat.sources:
        return []
    source = cat.source("zoekwoorden", "zoekwoorden")
    first: dict[str, int] = {}
    problems = []
    for i, entry in enumerate(cat.search_words.entries):
        for j, phrase in enumerate(entry.searched):
            line = source.line_of(("zoekwoorden", i, "zoekt", j))
            folded = fold(phrase)
            if folded in first:
                problems.append(Problem(source.file, line, f"zoekwoorden[{i}].zoekt[{j}]",
                                        f"'{phrase}' staat al in 'zoekt' op regel "
                                        f"{first[folded]}; noem elk woord één keer"))
            first.setdefault(folded, line)
    return problems


def _check_symlinks(cat: Catalogue) -> list[Problem]:
    """Nothing outside the project is published or read: MkDocs copies what a symlink in
    content/ points to, and the load step would read it."""
    problems = []
    for folder in (CONTENT, "data", "worksheets", "site_config"):
        problems += symlinks_out(cat.root / folder, cat.root)
    if not cat.edition_dir.is_relative_to(cat.root):
        problems += symlinks_out(cat.edition_dir, cat.root, cat.root, cat.edition_dir)
    return problems


def check_catalogue(cat: Catalogue) -> list[Problem]:
    return (_check_symlinks(cat) + _check_worksheets(cat) + _check_totals(cat)
            + _check_exercises(cat) + _check_courses(cat) + _check_edition(cat)
            + _check_glossary(cat) + _check_search_words(cat) + _check_pages(cat)
            + unsafe_link_problems(cat))
