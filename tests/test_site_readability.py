"""Gate: client-facing worksheet text is at language level B1, every worksheet is a web form
linked from the handbook; and a readability report for every page (reports/leesbaarheid.md)."""
from __future__ import annotations

import pytest

from conftest import ROOT
from macros.model.load import load_catalogue
from macros.model.routes import page_of
from quality.links import internal_targets
from quality.pages import html_pages, url_path
from quality.readability import Score, article_text, score, worksheet_blocks
from quality.summary import record


REPORT = ROOT / "reports" / "leesbaarheid.md"
# B1, as agreed for text a client reads: Flesch-Douma at least 60, on average at most 15
# words per sentence, and no sentence longer than 25 words.
MIN_FLESCH_DOUMA = 60
MAX_AVERAGE = 15
MAX_SENTENCE = 25


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(ROOT)


def b1_problems(name: str, s: Score) -> list[str]:
    problems = []
    if s.flesch_douma < MIN_FLESCH_DOUMA:
        problems.append(f"{name}: Flesch-Douma {s.flesch_douma} (minimaal {MIN_FLESCH_DOUMA})")
    if s.avg_sentence > MAX_AVERAGE:
        problems.append(f"{name}: gemiddeld {s.avg_sentence} woorden per zin "
                        f"(hoogstens {MAX_AVERAGE})")
    if s.longest_words > MAX_SENTENCE:
        problems.append(f"{name}: zin van {s.longest_words} woorden (hoogstens {MAX_SENTENCE}): "
                        f"‘{s.longest}’")
    return problems


def _row(name: str, s: Score, extra: str = "") -> str:
    return (f"| {name} | {s.words} | {s.sentences} | {s.avg_sentence} | {s.flesch_douma} | "
            f"{s.longest_words} |{extra}")


@pytest.mark.build
def test_readability_report_and_client_worksheets_are_b1(built_site, catalogue):
    pages = {}
    for page in html_pages(built_site):
        text = article_text((built_site / page).read_text(encoding="utf-8"))
        if text:
            pages[url_path(page) or "/"] = score(text)
    sheets, problems = {}, []
    for sheet in catalogue.worksheets.values():
        if "cliënt" not in sheet.audience:
            continue
        for block, text in worksheet_blocks(sheet).items():
            sheets[(sheet.id, block)] = s = score(text)
            problems += b1_problems(f"worksheets/{sheet.id}.yml ({block})", s)

    head = "| {} | woorden | zinnen | woorden per zin | Flesch-Douma | langste zin |"
    lines = [
        "# Leesbaarheid", "",
        "Flesch-Douma (textstat, Nederlands): hoe hoger, hoe makkelijker; 60 of meer is "
        "ongeveer B1. Zinnen eindigen op . ! ? of …; een kop, label of lijstregel zonder "
        "leesteken telt als eigen zin.", "",
        f"## Werkbladen voor de cliënt (eis: Flesch-Douma ≥ {MIN_FLESCH_DOUMA}, gemiddeld ≤ "
        f"{MAX_AVERAGE} woorden per zin, geen zin langer dan {MAX_SENTENCE} woorden)", "",
        "`instructie` is de instructie; `velden` zijn labels, hulpteksten en uitleg samen.", "",
        head.format("werkblad (blok)") + " B1 |", "|---|---:|---:|---:|---:|---:|---|",
    ]
    lines += [_row(f"{sid} ({block})", s, " ja |" if not b1_problems("", s) else " **nee** |")
              for (sid, block), s in sorted(sheets.items())]
    lines += ["", "## Pagina's (tekst van het artikel, moeilijkste eerst)", "",
              head.format("pagina"), "|---|---:|---:|---:|---:|---:|"]
    lines += [_row(path, s) for path, s in sorted(pages.items(), key=lambda i: i[1].flesch_douma)]
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    record("leesbaarheid", f"{len(pages)} pagina's, {len(sheets)} werkbladblokken voor de "
                           f"cliënt, {len(problems)} niet op B1")

    assert len(pages) >= len(html_pages(built_site)) - 1  # only the 404 page may be empty
    assert sheets, "geen enkel werkblad is voor de cliënt"
    assert problems == [], "Tekst voor de cliënt is niet op B1:\n" + "\n".join(problems)


def test_b1_check_rejects_long_and_hard_sentences():
    easy = score("Dit is jouw plan. Schrijf op wat je wilt. Zet een vinkje als het klaar is.")
    assert b1_problems("makkelijk", easy) == []
    long_one = score("Wanneer je samen met je begeleider op een rustig moment terugkijkt op de "
                     "afgelopen weken, schrijf dan op welke stappen volgens jou goed gingen en "
                     "welke stappen minder goed gingen, en waarom dat zo was.")
    assert long_one.longest_words > MAX_SENTENCE
    assert any("zin van" in p for p in b1_problems("lang", long_one))
    hard = score("Institutionele belemmeringen verhinderen maatschappelijke participatie. "
                 "Organisatieontwikkeling vereist implementatiecapaciteit.")
    assert any("Flesch-Douma" in p for p in b1_problems("moeilijk", hard))


@pytest.mark.build
def test_every_worksheet_is_a_web_form_linked_from_the_handbook(built_site, catalogue):
    handbook_links = set()
    for page in html_pages(built_site):
        if page.as_posix().startswith("handleiding/"):
            handbook_links |= internal_targets(built_site, page)
    problems = []
    for sheet_id in sorted(catalogue.worksheets):
        url = page_of("werkblad", sheet_id).removesuffix(".md") + "/"
        html_file = built_site / url / "index.html"
        html = html_file.read_text(encoding="utf-8") if html_file.is_file() else ""
        if not (f'data-kw-worksheet="{sheet_id}"' in html and "<form" in html
                and ("<input" in html or "<textarea" in html)):
            problems.append(f"{sheet_id}: geen invulformulier op {url}")
        if url not in handbook_links:
            problems.append(f"{sheet_id}: geen enkele pagina van de handleiding linkt naar {url}")
    assert catalogue.worksheets
    assert problems == [], "\n".join(problems)
