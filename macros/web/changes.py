"""The page "Wat is er veranderd" (issue #23): this build compared with the manifest of a
release (model/manifest.py, model/changes.py), for the teams of an organisation that takes a
new release. Every text from the content goes in through plain() (web/safe_text.py)."""
from __future__ import annotations

from ..model.changes import Changes, SheetChange
from ..model.routes import page_of
from .safe_text import plain

CHANGES_PAGE = "wijzigingen.md"
MANIFEST_FILE = "uitgave.json"  # the build's own manifest, published next to the pages
ANSWERS = {"alle": "ja, alle bewaarde antwoorden passen nog",
           "deels": "deels: een deel van de bewaarde antwoorden past niet meer",
           "geen": "nee: geen enkel bewaard antwoord past nog"}
KINDS = {"oefeningen": "Oefeningen", "cursussen": "Cursussen"}
WHAT = {"nieuw": "Nieuw", "weg": "Vervallen", "veranderd": "Veranderd"}


def _sheet(change: SheetChange) -> list[str]:
    version = (f"versie {change.old_version} → {change.new_version}"
               if change.old_version != change.new_version else f"versie {change.new_version}")
    out = [f"### {plain(change.title)}", "",
           f"[Werkblad {plain(change.title)}]({page_of('werkblad', change.ident)}) · {version}",
           ""]
    rows = []
    if change.added:
        rows.append(("Velden erbij", ", ".join(plain(x) for x in change.added)))
    if change.removed:
        rows.append(("Velden weg", ", ".join(plain(x) for x in change.removed)))
    if change.renamed:
        rows.append(("Velden met een nieuwe naam (id)",
                     ", ".join(f"`{a}` → `{b}`" for a, b in change.renamed)))
    if change.relabelled:
        rows.append(("Vraag anders gesteld",
                     "; ".join(f"{plain(a)} → {plain(b)}" for a, b in change.relabelled)))
    if not rows:
        rows.append(("Velden", "dezelfde velden, maar andere rijen in een tabel (zoals andere "
                     "leefgebieden)" if change.lost else
                     "gelijk; alleen de tekst of de uitleg is veranderd"))
    rows.append(("Bewaarde antwoorden", ANSWERS[change.answers]
                 + (f" ({len(change.lost)} invulvakken niet meer)" if change.lost else "")))
    out += ["| Wat | Verschil |", "| --- | --- |"]
    out += [f"| {a} | {b} |" for a, b in rows]
    return out + [""]


def changes_page(changes: Changes | None, edition: str) -> str:
    """The Markdown of the page (with its front matter)."""
    out = ["---", "title: Wat is er veranderd", "tags:", "  - organisatie", "---", "",
           "# Wat is er veranderd", ""]
    if changes is None:
        out += ["Er is nog geen vorige uitgave om mee te vergelijken. Na de eerste uitgave "
                "staat hier wat er sindsdien is veranderd (zie de pagina Het handboek "
                "inrichten, onder Wat is er veranderd).", ""]
        return "\n".join(out)
    out += [f"Deze pagina vergelijkt deze editie ({plain(edition)}) met uitgave "
            f"**{plain(changes.release)}**. Bewaarde antwoorden blijven in de browser staan; een "
            "werkblad laat ze zien zolang het invulvak nog bestaat. Antwoorden die niet meer "
            "passen, toont het werkblad apart, zodat niets verloren gaat. Wat deze editie "
            "weglaat, staat hier niet. Het manifest van deze bouw staat in "
            f"[{MANIFEST_FILE}]({MANIFEST_FILE}).", ""]
    if changes.nothing:
        return "\n".join(out + ["Er is niets veranderd.", ""])
    out += ["## Werkbladen", ""]
    if changes.new_sheets:
        out += ["**Nieuw:** " + ", ".join(f"[{plain(t)}]({page_of('werkblad', i)})"
                                          for i, t in changes.new_sheets), ""]
    if changes.removed_sheets:
        out += ["**Vervallen:** " + ", ".join(plain(t) for _, t in changes.removed_sheets), ""]
    for change in changes.changed_sheets:
        out += _sheet(change)
    if not (changes.new_sheets or changes.removed_sheets or changes.changed_sheets):
        out += ["Geen werkblad is veranderd.", ""]
    for kind, title in KINDS.items():
        found = changes.items.get(kind, {})
        if any(found.values()):
            out += [f"## {title}", ""]
            out += [f"- **{WHAT[w]}:** " + ", ".join(plain(t) for _, t in items)
                    for w, items in found.items() if items]
            out.append("")
    out += ["## Pagina's", ""]
    out += [f"- **{WHAT[w]}:** " + ", ".join(f"`{p}`" for p in paths)
            for w, paths in changes.pages.items() if paths] or ["Geen pagina is veranderd."]
    out += ["", "## PDF's", "",
            "Print opnieuw wat hier staat; andere PDF's zijn gelijk gebleven.", ""]
    out += [f"- **{WHAT[w]}:** " + ", ".join(f"`{p}`" for p in paths)
            for w, paths in changes.pdfs.items() if paths] or ["Geen PDF is veranderd."]
    return "\n".join(out + [""])
