"""Where a book's print HTML is cut into parts (print/book_parts.py split): at the cover, the
contents, each chapter and each worksheet, with every element's HTML kept once."""
from __future__ import annotations

import re

from macros.print.book_parts import split

SHEET = ('<section class="kw-sheet" id="werkblad-{0}" data-footer="{0}">\n'
         '<div class="kw-field"><div>{0}</div></div>\n</section>\n')
GROUP = ('<div class="kw-group" id="fase-{0}" data-title="Fase {0}">\n'
         '<h2 class="kw-group-title">Fase {0}</h2>\n\n{1}</div>\n')
HTML = ('<html><head><style>body {{}}</style></head>\n<body class="kw-book">\n'
        '<section class="kw-cover"><h1>Boek</h1></section>\n'
        '<nav class="kw-toc" id="inhoud"><h1>Inhoud</h1></nav>\n'
        '<article class="kw-chapter " id="h-een"><h1>Een</h1><div>tekst</div></article>\n'
        '<section class="kw-appendix" id="bijlage"><h1>Bijlage</h1></section>\n'
        '<div class="kw-appendix-groups">\n{0}{1}</div>\n</body>\n</html>\n').format(
            GROUP.format("a", SHEET.format("a1") + SHEET.format("a2") + SHEET.format("a3")),
            GROUP.format("b", SHEET.format("b1")))


def test_each_worksheet_is_a_part_of_its_own():
    _, parts = split(HTML)
    assert [p.name for p in parts] == ["deel-1", "inhoud", "h-een", "bijlage", "fase-a",
                                       "werkblad-a2", "werkblad-a3", "fase-b"]
    assert parts[4].ids == {"fase-a", "werkblad-a1"}  # the first sheet stays under the title


def test_a_worksheet_part_is_wrapped_like_its_phase_without_repeating_its_id():
    _, parts = split(HTML)
    second = parts[5].html
    assert second.startswith('<div class="kw-appendix-groups">\n'
                             '<div class="kw-group" data-title="Fase a">\n')
    for part in parts[4:]:  # balanced: every part closes what it opens
        assert part.html.count("<div") == part.html.count("</div>"), part.name
    ids = [i for p in parts for i in re.findall(r'\bid="([^"]+)"', p.html)]
    assert len(ids) == len(set(ids))


def test_no_text_is_lost_or_doubled():
    _, parts = split(HTML)
    text = "".join(p.html for p in parts)
    for word in ("a1", "a2", "a3", "b1", "tekst", "Fase a</h2>", "Fase b</h2>"):
        assert text.count(f">{word}") + text.count(f"{word}<") >= 1
        assert text.count(f"<div>{word}</div>") <= 1
