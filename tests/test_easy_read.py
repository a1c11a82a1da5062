"""Gate: the Makkelijk lezen (easy-read, about A2) translations meet a rule stricter than B1
(tests/quality/easy_read.py says what it measures), with a report in reports/makkelijk-lezen.md.
Reads only YAML, so it runs with the fast tests."""
from __future__ import annotations

import pytest

from conftest import ROOT
from quality import easy_read as er
from quality.readability import join_blocks
from quality.summary import record

REPORT = ROOT / "reports" / "makkelijk-lezen.md"


def _dutch_source_score(sheet_file):
    """The same measures on the Dutch (B1) worksheet, for comparison in the report."""
    import yaml
    node = yaml.compose(sheet_file.read_text(encoding="utf-8"))
    strings = [s for k, v in node.value if k.value in ("titel", "instructie", "velden")
               for s in er._strings(v, k.value)]
    return er.easy_score(join_blocks([t for t, _ in strings]))


def test_makkelijk_translations_are_easy_read():
    scores, problems = er.check_folder(ROOT)
    lines = [
        "# Makkelijk lezen", "",
        f"Eisen per werkblad (strenger dan B1, zie `reports/leesbaarheid.md`): Flesch-Douma ≥ "
        f"{er.MIN_FLESCH_DOUMA} (B1: 60), gemiddeld ≤ {er.MAX_AVERAGE} woorden per zin (B1: 15), "
        f"geen zin langer dan {er.MAX_SENTENCE} woorden (B1: 25), hoogstens "
        f"{er.MAX_LONG_SHARE:.0%} woorden van {er.LONG_SYLLABLES} lettergrepen of meer, en geen "
        "vakwoord uit `tests/quality/makkelijk.yml`. De kolom 'B1-bron' zegt of het Nederlandse "
        "werkblad zelf aan de meetbare eisen (zonder de vakwoorden) voldoet.", "",
        "| bestand | woorden | zinnen | woorden per zin | Flesch-Douma | langste zin | lange "
        "woorden | makkelijk | B1-bron |",
        "|---|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for rel, s in scores.items():
        source = ROOT / "worksheets" / rel.rsplit("/", 1)[1]
        src_ok = ("ja" if source.is_file() and not er.easy_problems("", _dutch_source_score(source))
                  else "nee")
        ok = "nee" if any(p.startswith(rel) for p in problems) else "ja"
        lines.append(f"| {rel.rsplit('/', 1)[1]} | {s.words} | {s.sentences} | {s.avg_sentence} "
                     f"| {s.flesch_douma} | {s.longest_words} | {s.long_share:.1%} | {ok} | "
                     f"{src_ok} |")
    if problems:
        lines += ["", "## Problemen", ""] + [f"- {p}" for p in problems]
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    record("makkelijk lezen", f"{len(scores)} werkbladen, {len(problems)} problemen")
    if not scores:
        pytest.skip(f"nog geen vertalingen in {er.FOLDER}")
    assert problems == [], "Makkelijk lezen is niet makkelijk genoeg:\n" + "\n".join(problems)


def test_easy_read_rule_is_stricter_than_b1():
    # B1 allows this (one sentence of 18 words, Flesch-Douma above 60); easy-read does not.
    b1_text = ("Schrijf op welke mensen je helpen als het even niet goed gaat met je en "
               "met je gezin.")
    s = er.easy_score(b1_text)
    assert s.longest_words == 18 and s.flesch_douma >= 60
    assert any("zin van 18 woorden" in p for p in er.easy_problems("x", s))
    easy = er.easy_score("Wie helpt jou? Schrijf de namen op. Het mag kort.")
    assert er.easy_problems("x", easy) == []


def test_easy_read_rule_finds_long_words_and_jargon(tmp_path):
    hard = er.easy_score("Zorgverzekeringsformulieren. Organisatieontwikkeling. Wat wil je.")
    assert any("lange woorden" in p for p in er.easy_problems("x", hard))
    folder = tmp_path / er.FOLDER
    folder.mkdir(parents=True)
    (folder / "blad.yml").write_text(
        "versie: 1\nnagekeken: nee\ntitel: Mijn plan\nvelden:\n  a:\n    label: Wat wil je?\n"
        "    hulp: Kijk naar elk leefgebied.\n", encoding="utf-8")
    _, problems = er.check_folder(tmp_path)
    assert problems == [f"{er.FOLDER}/blad.yml:7: vakwoord 'leefgebied'; schrijf liever "
                        "deel van je leven"]
