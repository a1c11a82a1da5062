"""Checks on the text itself, without building: one spelling per term, casus names used once,
no sentences shared with the source brochure, and worksheet ids that exist.

Each check takes the project root and returns a list of problems as `file:line: what`, so the
same functions report on an older checkout too (for before/after numbers)."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SPELLING_RULES = HERE / "taalregels.yml"
CASUS_NAMES = HERE / "casusnamen.yml"
TEXT_DIRS = ("content", "data", "worksheets")


TRANSLATIONS = "worksheets/vertalingen"
DUTCH_TRANSLATION = "makkelijk"  # easy-read Dutch: the Dutch rules apply to it


def text_files(root: Path, dirs=TEXT_DIRS) -> list[Path]:
    """Dutch Markdown and YAML that authors write (not the site's scripts and styles, and not
    the translations into other languages: Dutch spelling rules and the casus-name check would
    read a Turkish 'Kim' (who) as a name)."""
    found = []
    for d in dirs:
        found += [p for p in sorted((root / d).rglob("*"))
                  if p.suffix in (".md", ".yml", ".yaml") and "assets" not in p.parts
                  and not _other_language(p.relative_to(root).as_posix())]
    return found


def _other_language(rel: str) -> bool:
    return (rel.startswith(TRANSLATIONS + "/") and rel.count("/") == 3
            and not rel.startswith(f"{TRANSLATIONS}/{DUTCH_TRANSLATION}/"))


def source_of(rel: str) -> str:
    """An easy-read translation holds the same people as the worksheet it translates."""
    prefix = f"{TRANSLATIONS}/{DUTCH_TRANSLATION}/"
    return "worksheets/" + rel[len(prefix):] if rel.startswith(prefix) else rel


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


# (a) One spelling per term ------------------------------------------------------------------

def load_spelling_rules(path: Path = SPELLING_RULES) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["regels"]


def _pattern(phrase: str) -> re.Pattern:
    """A phrase as a whole-word pattern; a space also matches a line break (wrapped Markdown)."""
    body = r"\s+".join(re.escape(w) for w in phrase.split())
    return re.compile(rf"(?<![\wÀ-ÿ-]){body}(?![\wÀ-ÿ-])", re.IGNORECASE)


def spelling_problems(root: Path, rules: list[dict] | None = None) -> list[str]:
    rules = load_spelling_rules() if rules is None else rules
    compiled = [(rule, _pattern(rule["fout"]), {a.strip() for a in rule.get("behalve", [])})
                for rule in rules]
    problems = []
    for path in text_files(root):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        rel = path.relative_to(root).as_posix()
        for rule, pattern, allowed in compiled:
            for m in pattern.finditer(text):
                n = _line(text, m.start())
                if lines[n - 1].strip() in allowed:
                    continue
                problems.append(f"{rel}:{n}: '{m.group(0)}' → schrijf '{rule['goed']}'")
    return problems


# (b) Casus names ----------------------------------------------------------------------------

class _UniqueKeyLoader(yaml.SafeLoader):
    pass


def _no_duplicate_keys(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise ValueError(f"{CASUS_NAMES.name}:{key_node.start_mark.line + 1}: "
                             f"de naam '{key}' staat er twee keer in")
        seen.add(key)
    return loader.construct_mapping(node, deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                                 _no_duplicate_keys)


def load_casus_names(path: Path = CASUS_NAMES) -> dict:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    as_list = lambda v: [v] if isinstance(v, str) else list(v)  # noqa: E731
    return {section: {name: as_list(files) for name, files in (data.get(section) or {}).items()}
            for section in ("namen", "dubbel_elders")}


# Where a name in a casus shows itself: "Naam (42)", "Naam, 42 jaar" on a role card, or after a
# role word ("begeleider Naam", "haar zus Naam").
ROLE_WORDS = ("begeleider|begeleidster|welzijnswerker|wijkteammedewerker|medewerker|"
              "reclasseringswerker|trajectbegeleider|collega|teamleider|zus|broer|moeder|"
              "vader|zoon|dochter|nicht|neef|oom|tante|oma|opa|zwager|schoonzus|buurman|"
              "buurvrouw|vriend|vriendin|oud-collega|partner|ex|kleinzoon|kleindochter|"
              "maatje|vrijwilliger|mentor|behandelaar|bewindvoerder|ouderenadviseur|rolkaart")
NAME = r"[A-Z][a-zà-ÿ]+"
NAME_SPOTS = [
    re.compile(rf"\b({NAME})(?: van {NAME})? \(\d{{2}}\)"),
    re.compile(rf"\b({NAME}),\s+\d{{2}}(?: jaar)?\b"),
    re.compile(rf"\b({NAME}) is \d{{2}}\b"),
    re.compile(rf"\b(?i:{ROLE_WORDS})(?: is)? ({NAME})\b"),
]
NOT_NAMES = {"Een", "De", "Het", "Veilig", "Thuis", "Krachtwerk", "Zie", "Ze", "Hij", "Zij"}


def names_in_casus(root: Path) -> dict[str, set[str]]:
    """Every name that looks like a person in a casus, with the files it is in."""
    found: dict[str, set[str]] = {}
    for path in text_files(root):
        text = path.read_text(encoding="utf-8")
        for spot in NAME_SPOTS:
            for m in spot.finditer(text):
                if m.group(1) not in NOT_NAMES:
                    found.setdefault(m.group(1), set()).add(
                        source_of(path.relative_to(root).as_posix()))
    return found


def files_with_word(root: Path, word: str) -> set[str]:
    pattern = re.compile(rf"(?<![\wÀ-ÿ]){re.escape(word)}(?![\wÀ-ÿ])")
    return {source_of(p.relative_to(root).as_posix()) for p in text_files(root)
            if pattern.search(p.read_text(encoding="utf-8"))}


def casus_name_problems(root: Path, registry: dict | None = None) -> tuple[list[str], list[str]]:
    """(problems, warnings). A name in `namen` lives in exactly the files listed for it; a name
    in `dubbel_elders` is a known clash in files this check does not own (reported, not failed),
    and may never involve content/."""
    registry = load_casus_names() if registry is None else registry
    problems, warnings = [], []
    own, elsewhere = registry["namen"], registry["dubbel_elders"]
    for name in sorted(set(own) & set(elsewhere)):
        problems.append(f"{name}: staat zowel onder 'namen' als onder 'dubbel_elders'")
    for name, files in sorted({**own, **elsewhere}.items()):
        actual = files_with_word(root, name)
        for f in files:
            if f not in actual:
                problems.append(f"{name}: komt niet (meer) voor in {f}")
        extra = sorted(actual - set(files))
        if extra:
            problems.append(f"{name}: ook gebruikt in {', '.join(extra)}; kies daar een andere "
                            f"naam (de naam hoort bij {', '.join(files)})")
    for name, files in sorted(elsewhere.items()):
        if any(f.startswith("content/") for f in files):
            problems.append(f"{name}: content/ mag geen naam delen met een ander bestand")
        else:
            warnings.append(f"{name}: nog twee verschillende personen in {', '.join(files)}")
    problems += near_duplicate_names({*own, *elsewhere})
    for name, files in sorted(names_in_casus(root).items()):
        if name not in own and name not in elsewhere:
            problems.append(f"{name}: naam in een casus ({', '.join(sorted(files))}) staat niet "
                            f"in {CASUS_NAMES.name}")
    return problems, warnings


def near_duplicate_names(names) -> list[str]:
    """Two persons whose names are easily taken for one when a reader meets both: one name
    is the start of the other (Mo, Mohamed), its end (Ineke, Tineke), or its end after the same
    first letter (Mieke, Marieke). Refuse the pair."""
    found = []
    for short in sorted(names):
        for long in sorted(names):
            if short == long or len(short) > len(long):
                continue
            tail = short[1:].lower()
            if (long.startswith(short) or long.endswith(short.lower())
                    or (len(tail) >= 3 and long[0] == short[0] and long.endswith(tail))):
                found.append(f"{short} en {long}: lijken te veel op elkaar (de een is het begin "
                             f"of het eind van de ander); kies voor één van beide een andere naam")
    return found


# (c) No sentences from the source brochure ---------------------------------------------------

def _words(text: str) -> list[str]:
    return re.findall(r"[a-zà-ÿ0-9]+", text.lower())


def project_files(root: Path) -> list[str]:
    """The files /work/shared/tools/overlap.py reads: what git tracks or would track."""
    try:
        listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=root,
                                capture_output=True, text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        listed = [p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()]
    return [rel for rel in listed
            if re.search(r"\.(md|ya?ml|html|j2|txt|json)$", rel)
            and not rel.startswith(("site/", ".venv/")) and (root / rel).is_file()]


def overlap_problems(root: Path, seed_dir: Path, n: int = 8) -> list[str]:
    """Runs of n or more words that a project file shares with the seed text (same rule and
    word split as overlap.py)."""
    seed = []
    for f in sorted(seed_dir.glob("*.txt")):
        seed += _words(f.read_text(encoding="utf-8", errors="replace"))
    grams = {tuple(seed[i:i + n]) for i in range(len(seed) - n + 1)}
    problems = []
    for rel in project_files(root):
        w = _words((root / rel).read_text(encoding="utf-8", errors="replace"))
        i = 0
        while i <= len(w) - n:
            if tuple(w[i:i + n]) in grams:
                j = i + n
                while j < len(w) and tuple(w[j - n + 1:j + 1]) in grams:
                    j += 1
                problems.append(f"{rel}: \"{' '.join(w[i:j])}\"")
                i = j
            else:
                i += 1
    return problems


# (d) Worksheet ids named in content exist ----------------------------------------------------

SHEET_MACRO = re.compile(r"\bwerkblad(?:_link)?\(\s*[\"']([^\"']*)[\"']")
SHEET_LINK = re.compile(r"\bwaaier/([a-z0-9][a-z0-9-]*)(?=\.md|/|\)|#|\"|$)")


def worksheet_reference_problems(root: Path) -> tuple[list[str], int]:
    """(problems, number of references checked)."""
    known = {p.stem for p in (root / "worksheets").glob("*.yml")}
    problems, count = [], 0
    for path in text_files(root, ("content",)):
        rel = path.relative_to(root).as_posix()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for kind, pattern in (("macro", SHEET_MACRO), ("link", SHEET_LINK)):
                for ident in pattern.findall(line):
                    if kind == "link" and ident == "index":
                        continue
                    count += 1
                    if ident not in known:
                        problems.append(f"{rel}:{n}: werkblad '{ident}' ({kind}) bestaat niet "
                                        "in worksheets/")
    return problems, count


def shared_names(root: Path) -> dict[str, set[str]]:
    """Names seen in a casus that also occur in another file: a quick count without the list
    (used for before/after numbers)."""
    return {name: files for name in names_in_casus(root)
            if len(files := files_with_word(root, name)) > 1}
