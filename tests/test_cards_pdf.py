"""Printable cards for an exercise, read back from the PDF of a tiny built site: every card
of the exercise's Markdown, four to a page, listed on the exercise page and the downloads
page, and taken from the cache on a second build. Plus fast checks of what counts as a card."""
from __future__ import annotations

import shutil
import textwrap

import pytest
from pypdf import PdfReader

from conftest import ROOT, mkdocs_build
from macros.model.cards import exercise_cards
from macros.model.load import load_catalogue
from tiny_project import make_project

CARDS = [("Rolkaart cliënt: Joram (52)", "Je bent Joram en je wilt je eigen boodschappen doen."),
         ("Rolkaart begeleider", "Je vraagt naar wat Joram al kan."),
         ("Waarnemerskaart", "Noteer elke vraag naar krachten."),
         ("Vraagkaart 1", "Wat lukte vroeger wel?"),
         ("Vraagkaart 2", "Wie kan je hierbij helpen?")]


def card_block(title: str, text: str) -> str:
    return f'!!! example "{title}"\n\n    {text}\n'


EXERCISE = f"""\
id: kaartjes
titel: Oefenen met kaartjes
soort: rollenspel
doelen: [Vragen naar krachten oefenen]
minuten: 20
groep: {{min: 3, max: 12}}
voorbereiding: |-
  Print de kaarten.

{textwrap.indent(chr(10).join(card_block(t, x) for t, x in CARDS[:3]), '  ')}
stappen:
  - titel: Spelen
    minuten: 20
    deelnemers: Speel het gesprek.
    trainer: |-
      Deel de vraagkaarten uit.

{textwrap.indent(chr(10).join(card_block(t, x) for t, x in CARDS[3:]), '      ')}
nabespreking: ["Welke vraag hielp?"]
varianten: {{kleine_groep: Zo., grote_groep: Zo., online: Zo.}}
valkuilen: [Te snel.]
deelnemerstekst: Je oefent vragen naar krachten.
"""


def project_with_exercise(root):
    project = make_project(root, with_site=True)
    (project / "data" / "oefeningen").mkdir(parents=True)
    (project / "data" / "oefeningen" / "kaartjes.yml").write_text(EXERCISE, encoding="utf-8")
    shutil.copy(ROOT / "content" / "downloads.md", project / "content" / "downloads.md")
    training = project / "content" / "training"
    shutil.copytree(ROOT / "content" / "training" / "oefeningen", training / "oefeningen")
    (training / "index.md").write_text("# Training\n", encoding="utf-8")
    return project


def test_every_box_of_the_exercise_is_a_card_in_reading_order(tmp_path):
    cat = load_catalogue(project_with_exercise(tmp_path / "p"))
    cards = exercise_cards(cat.exercises["kaartjes"])
    assert [(c.title, c.body) for c in cards] == CARDS


def test_real_exercises_that_ask_for_cards_have_them():
    cat = load_catalogue(ROOT)
    with_cards = [ex.id for ex in cat.exercises.values() if exercise_cards(ex)]
    assert len(with_cards) >= 20
    for ex in cat.exercises.values():
        asks = any("kaart" in m.lower() and "print" in m.lower() for m in ex.materials)
        assert not asks or ex.id in with_cards, f"{ex.id}: materials ask for printed cards"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = project_with_exercise(tmp_path_factory.mktemp("cards") / "p")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project, result.stdout + result.stderr


@pytest.mark.build
def test_cards_pdf_has_every_card_four_to_a_page(site):
    project, _ = site
    reader = PdfReader(project / "site" / "pdf" / "training" / "kaarten" / "kaartjes.pdf")
    assert len(reader.pages) == 2  # five cards: four, then one
    pages = [page.extract_text() for page in reader.pages]
    for title, text in CARDS[:4]:
        assert title in pages[0] and text in pages[0].replace("\n", " ")
    assert CARDS[4][0] in pages[1] and CARDS[4][0] not in pages[0]
    assert "Knip langs de stippellijnen" in pages[0]


@pytest.mark.build
def test_cards_are_listed_on_the_exercise_and_downloads_pages_and_cached(site):
    project, output = site
    page = (project / "site" / "training" / "oefeningen" / "kaartjes" / "index.html").read_text(
        encoding="utf-8")
    assert 'href="../../../pdf/training/kaarten/kaartjes.pdf"' in page
    downloads = (project / "site" / "downloads" / "index.html").read_text(encoding="utf-8")
    assert "Kaarten bij de oefeningen" in downloads
    assert "pdf/training/kaarten/kaartjes.pdf" in downloads
    again = mkdocs_build(project, project / "site")
    assert again.returncode == 0, again.stdout + again.stderr
    line = [l for l in (again.stdout + again.stderr).splitlines() if "kaarten/kaartjes.pdf" in l]
    assert line and "cache" in line[0].lower(), line
