"""Easy-read (Makkelijk lezen, about A2): a rule stricter than the B1 rule, for the `makkelijk`
translations in worksheets/vertalingen/makkelijk/.

What it measures, per worksheet (all client-facing text of the translation together):
- Flesch-Douma at least MIN_FLESCH_DOUMA (B1: 60);
- on average at most MAX_AVERAGE words per sentence (B1: 15), no sentence over MAX_SENTENCE
  words (B1: 25);
- at most MAX_LONG_SHARE of the words long: LONG_SYLLABLES syllables or more (textstat's Dutch
  syllable count), Dutch compounds being what makes a text hard;
- no word from the jargon list (tests/quality/makkelijk.yml), each with a plainer word to use.

The text is read from the YAML itself (every string under titel, instructie, velden; the `teksten`
and `leefgebieden` of _taal.yml), cut into blocks like the B1 check (readability.py), so it
does not depend on how the site shows it. Problems are `file:line: what`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import textstat
import yaml

from .readability import join_blocks, score, words

HERE = Path(__file__).resolve().parent
JARGON_FILE = HERE / "makkelijk.yml"
FOLDER = "worksheets/vertalingen/makkelijk"

MIN_FLESCH_DOUMA = 80
MAX_AVERAGE = 7
MAX_SENTENCE = 12
LONG_SYLLABLES = 4
MAX_LONG_SHARE = 0.05
# Keys whose strings the client does not read (bookkeeping of the translation file).
NOT_TEXT = {"versie", "nagekeken", "naam", "naam_nl", "richting"}


@dataclass(frozen=True)
class EasyScore:
    words: int
    sentences: int
    flesch_douma: float
    avg_sentence: float
    longest: str
    longest_words: int
    long_share: float
    long_words: tuple[str, ...]


def long_words(text: str) -> list[str]:
    return [w for w in words(text) if textstat.syllable_count(w) >= LONG_SYLLABLES]


def easy_score(text: str) -> EasyScore:
    s = score(text)
    found = long_words(text)
    return EasyScore(words=s.words, sentences=s.sentences, flesch_douma=s.flesch_douma,
                     avg_sentence=s.avg_sentence, longest=s.longest,
                     longest_words=s.longest_words,
                     long_share=round(len(found) / s.words, 3) if s.words else 0.0,
                     long_words=tuple(sorted(set(found))))


def easy_problems(name: str, s: EasyScore) -> list[str]:
    problems = []
    if s.flesch_douma < MIN_FLESCH_DOUMA:
        problems.append(f"{name}: Flesch-Douma {s.flesch_douma} (minimaal {MIN_FLESCH_DOUMA})")
    if s.avg_sentence > MAX_AVERAGE:
        problems.append(f"{name}: gemiddeld {s.avg_sentence} woorden per zin (hoogstens "
                        f"{MAX_AVERAGE})")
    if s.longest_words > MAX_SENTENCE:
        problems.append(f"{name}: zin van {s.longest_words} woorden (hoogstens {MAX_SENTENCE}): "
                        f"‘{s.longest}’")
    if s.long_share > MAX_LONG_SHARE:
        problems.append(f"{name}: {s.long_share:.0%} lange woorden (hoogstens "
                        f"{MAX_LONG_SHARE:.0%}; {LONG_SYLLABLES} lettergrepen of meer): "
                        + ", ".join(s.long_words))
    return problems


def load_jargon(path: Path = JARGON_FILE) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["vakwoorden"]


def _strings(node, key: str = "") -> list[tuple[str, int]]:
    """Every client-facing string in a YAML node, with its line (1-based)."""
    if isinstance(node, yaml.MappingNode):
        found = []
        for k, v in node.value:
            # under `opties` the key is the Dutch option: only its translation is read
            if k.value not in NOT_TEXT:
                found += _strings(v, k.value)
        return found
    if isinstance(node, yaml.SequenceNode):
        return [s for item in node.value for s in _strings(item, key)]
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str") and node.value.strip():
        return [(node.value, node.start_mark.line + 1)]
    return []


def file_strings(path: Path) -> list[tuple[str, int]]:
    return _strings(yaml.compose(path.read_text(encoding="utf-8")))


def jargon_problems(rel: str, strings: list[tuple[str, int]],
                    jargon: list[dict] | None = None) -> list[str]:
    jargon = load_jargon() if jargon is None else jargon
    compiled = [(j, re.compile(rf"(?<![\wÀ-ÿ]){j['woord']}(?![\wÀ-ÿ])", re.IGNORECASE))
                for j in jargon]
    problems = []
    for text, line in strings:
        for j, pattern in compiled:
            for m in pattern.finditer(text):
                problems.append(f"{rel}:{line}: vakwoord '{m.group(0)}'; schrijf liever "
                                f"{j['liever']}")
    return problems


def check_folder(root: Path) -> tuple[dict[str, EasyScore], list[str]]:
    """Scores per file and every problem, for each YAML file in the makkelijk folder."""
    scores, problems = {}, []
    for path in sorted((root / FOLDER).glob("*.yml")):
        rel = path.relative_to(root).as_posix()
        strings = file_strings(path)
        problems += jargon_problems(rel, strings)
        if path.name == "_taal.yml":
            continue  # short fixed words (Naam, Datum): a score means nothing there
        scores[rel] = s = easy_score(join_blocks([t for t, _ in strings]))
        problems += easy_problems(rel, s)
    return scores, problems
