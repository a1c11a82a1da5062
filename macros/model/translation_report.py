"""What the translations lack: the build writes this as reports/vertalingen.md and logs one line
per language. Nothing here is an error: each missing text shows in Dutch on the page."""
from __future__ import annotations

from dataclasses import dataclass, field

from .catalogue import Catalogue
from .translation import EASY_READ, translatable_texts, translated_texts, \
    uses_life_domains
from .translation_load import current_translation


@dataclass
class LanguageReport:
    code: str
    name_nl: str
    reviewed: int = 0                      # worksheets whose translation says nagekeken: ja
    complete: list[str] = field(default_factory=list)
    incomplete: dict[str, list[str]] = field(default_factory=dict)  # ws id -> missing keys
    outdated: dict[str, tuple[int, int]] = field(default_factory=dict)  # ws -> (tr, ws) versie
    missing: list[str] = field(default_factory=list)   # client worksheets without a file
    missing_other: int = 0                 # worksheets not for clients, without a file
    life_domains: list[str] = field(default_factory=list)  # edition ids not in _taal.yml

    @property
    def shown(self) -> int:
        return len(self.complete) + len(self.incomplete)

    def summary(self, total: int) -> str:
        parts = [f"{self.shown} van {total} werkbladen vertaald"]
        if self.incomplete:
            parts.append(f"{len(self.incomplete)} met ontbrekende teksten")
        if self.outdated:
            parts.append(f"{len(self.outdated)} verouderd")
        if self.missing:
            parts.append(f"{len(self.missing)} werkbladen voor cliënten ontbreken")
        if self.life_domains:
            parts.append(f"leefgebieden zonder vertaling: {', '.join(self.life_domains)}")
        return f"{self.code} ({self.name_nl}): " + "; ".join(parts)


def _dotted(path: tuple) -> str:
    return ".".join(str(p) for p in path)


def translation_report(cat: Catalogue) -> list[LanguageReport]:
    reports = []
    used = any(uses_life_domains(ws) for ws in cat.worksheets.values())
    domains = [d.id for d in cat.life_domains] if used else []
    for code, language in cat.languages.items():
        rep = LanguageReport(code, language.name_nl)
        rep.life_domains = [d for d in domains if d not in language.life_domains]
        for ws in cat.worksheets_in_order():
            tr = cat.translations.get(code, {}).get(ws.id)
            if tr is None:
                if "cliënt" in ws.audience:
                    rep.missing.append(ws.id)
                else:
                    rep.missing_other += 1
                continue
            if current_translation(cat, code, ws) is None:
                rep.outdated[ws.id] = (tr.version, ws.version)
                continue
            rep.reviewed += tr.reviewed == "ja"
            have = translated_texts(language, tr, ws)
            lacking = [_dotted(p) for p, _ in translatable_texts(ws) if p not in have]
            if lacking:
                rep.incomplete[ws.id] = lacking
            else:
                rep.complete.append(ws.id)
        reports.append(rep)
    return reports


def report_markdown(cat: Catalogue, reports: list[LanguageReport]) -> str:
    total = len(cat.worksheets)
    lines = ["# Vertalingen van de werkbladen", "",
             "Wat hier staat, verschijnt op de pagina in het Nederlands. Het is geen fout.", ""]
    if not reports:
        lines.append("Er zijn nog geen vertalingen (worksheets/vertalingen/).")
    for rep in reports:
        kind = "Makkelijk lezen" if rep.code == EASY_READ else rep.name_nl
        lines += [f"## {kind} (`{rep.code}`)", "", f"- {rep.summary(total)}",
                  f"- nagekeken: {rep.reviewed} van {rep.shown}"]
        if rep.missing:
            lines.append(f"- werkbladen voor cliënten zonder vertaling: {', '.join(rep.missing)}")
        if rep.missing_other:
            lines.append(f"- andere werkbladen (voor begeleider, team of organisatie) zonder "
                         f"vertaling: {rep.missing_other}")
        for ws_id, (tr_version, ws_version) in rep.outdated.items():
            lines.append(f"- `{ws_id}`: vertaald voor versie {tr_version}, het werkblad is "
                         f"versie {ws_version}; de pagina toont alleen Nederlands")
        for ws_id, keys in rep.incomplete.items():
            lines.append(f"- `{ws_id}` mist: {', '.join(keys)}")
        if rep.life_domains:
            lines.append(f"- leefgebieden van deze editie zonder vertaling in _taal.yml: "
                         f"{', '.join(rep.life_domains)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"

