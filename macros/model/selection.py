"""What an edition shows (issue #23): its own items next to the shared ones, the shared items
it replaces on purpose, and the worksheets, exercises and courses it leaves out.

Runs after loading, before the check step: a left-out item is taken out of the catalogue (so
no page, nav entry, search entry, PDF or book chapter is made for it) and kept in
`cat.left_out`, so that a page that still names it gets its text without a link (web/) and
the build can say where that happened."""
from __future__ import annotations

from .catalogue import Catalogue
from .problems import Problem

# kind -> the folder in an edition (and the key under weglaten/alleen/vervangt)
OWN_FOLDERS = {"werkblad": "werkbladen", "principe": "principes", "oefening": "oefeningen",
               "cursus": "cursussen"}
# the kinds an edition may leave out, with the catalogue attribute that holds them
CHOOSABLE = {"werkblad": "worksheets", "oefening": "exercises", "cursus": "courses"}
NOUNS = {"werkblad": "werkblad", "oefening": "oefening", "cursus": "cursus",
         "principe": "principe"}


def _line(cat: Catalogue, *loc) -> int:
    return cat.source("editie", "editie").line_of(loc)


def _check_replaces(cat: Catalogue) -> list[Problem]:
    problems = []
    file = cat.source("editie", "editie").file
    for kind, key in OWN_FOLDERS.items():
        for i, ident in enumerate(cat.edition.replaces.ids()[key]):
            if (kind, ident) in cat.replaced or ident in cat.failed:
                continue
            if (kind, ident) in cat.own:
                why = f"er is geen gedeeld {NOUNS[kind]} '{ident}' om te vervangen; haal het weg"
            else:
                why = (f"de editie heeft geen eigen {NOUNS[kind]} '{ident}'; zet het bestand "
                       f"{key}/{ident}.yml in de map van de editie")
            problems.append(Problem(file, _line(cat, "vervangt", key, i),
                                    f"vervangt.{key}[{i}]", why))
    return problems


def _chosen(cat: Catalogue, setting: str, selection) -> dict[str, set[str]]:
    """The ids a weglaten/alleen list names, by kind; a problem for each unknown one."""
    chosen, problems = {}, []
    file = cat.source("editie", "editie").file
    for kind, attr in CHOOSABLE.items():
        key = OWN_FOLDERS[kind]
        known = getattr(cat, attr)
        chosen[kind] = set()
        for i, ident in enumerate(selection.ids()[key]):
            if ident in cat.failed:
                continue
            if ident not in known:
                problems.append(Problem(file, _line(cat, setting, key, i), f"{setting}.{key}[{i}]",
                                        f"onbekend {NOUNS[kind]} '{ident}'; kies uit: "
                                        f"{', '.join(sorted(known))}"))
            chosen[kind].add(ident)
    return chosen, problems


def _strip_references(cat: Catalogue) -> list[Problem]:
    """An exercise keeps its text but no longer names a left-out worksheet; a course whose
    timetable holds a left-out exercise is a mistake: the day would have a hole."""
    problems = []
    gone_sheets = set(cat.left_out.get("werkblad", {}))
    for ident, ex in list(cat.exercises.items()):
        if gone_sheets & set(ex.worksheets):
            cat.exercises[ident] = ex.model_copy(update={
                "worksheets": [w for w in ex.worksheets if w not in gone_sheets]})
    gone_exercises = set(cat.left_out.get("oefening", {}))
    for course in cat.courses.values():
        src = cat.source("cursus", course.id)
        for s, session in enumerate(course.sessions):
            for i, item in enumerate(session.items):
                if item.exercise in gone_exercises:
                    problems.append(Problem(
                        src.file, src.line_of(("dagdelen", s, "onderdelen", i, "oefening")),
                        f"dagdelen[{s}].onderdelen[{i}]",
                        f"de editie laat oefening '{item.exercise}' weg, maar deze cursus "
                        f"gebruikt hem; laat ook cursus '{course.id}' weg (weglaten.cursussen) "
                        "of houd de oefening"))
    return problems


def select_content(cat: Catalogue) -> list[Problem]:
    """Apply the edition's weglaten/alleen and check its vervangt list."""
    ed = cat.edition
    if ed is None:
        return []
    problems = _check_replaces(cat)
    leave, found = _chosen(cat, "weglaten", ed.leave_out)
    problems += found
    if ed.keep_only is not None:
        if any(leave.values()):
            return problems + [Problem(cat.source("editie", "editie").file,
                                       _line(cat, "alleen"), "alleen",
                                       "kies weglaten of alleen, niet allebei: alleen noemt "
                                       "wat blijft, weglaten wat weg moet")]
        keep, found = _chosen(cat, "alleen", ed.keep_only)
        problems += found
        # the edition's own items stay: it made them to be shown
        leave = {kind: (set(getattr(cat, CHOOSABLE[kind])) - ids
                        - {i for k, i in cat.own if k == kind}) if ids else set()
                 for kind, ids in keep.items()}
    for kind, ids in leave.items():
        target = getattr(cat, CHOOSABLE[kind])
        for ident in sorted(ids & set(target)):
            cat.left_out.setdefault(kind, {})[ident] = target.pop(ident)
    return problems + _strip_references(cat)
