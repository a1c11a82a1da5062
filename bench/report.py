"""What bench/run.py reports: the ratios against the issue's targets, the terminal table and
the figures in the README (between <!-- bench --> and <!-- /bench -->)."""
from __future__ import annotations

import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ratios(r: dict) -> dict:
    base = r["growth"]["1x"]["build"]["median"]
    full = r["full"]
    still = full["rebuild_no_change_beside_edits"]["median"]
    return {
        "page_edit_vs_no_change_rebuild": round(full["rebuild_after_page_edit"]["median"] / still, 2),
        "worksheet_edit_vs_no_change_rebuild": round(
            full["rebuild_after_worksheet_edit"]["median"] / still, 2),
        "serve_page_edit_reload_s": r["serve"]["page_edit_reload"]["median"],
        "serve_worksheet_edit_reload_s": r["serve"]["worksheet_edit_reload"]["median"],
        "cold_seconds_per_pdf_page": full["cold_seconds_per_pdf_page"]["median"],
        "no_change_rebuild_vs_plain_mkdocs": round(
            r["plain"]["rebuild_no_change"]["median"] / r["plain"]["plain_mkdocs_build"]["median"], 2),
        "pdf_pipeline_vs_raw_weasyprint": round(
            r["pdf"]["pipeline_1_workers"]["median"] / r["pdf"]["raw_weasyprint"]["median"], 2),
        "parallel_speedup_2_cores": round(
            r["pdf"]["pipeline_1_workers"]["median"] / r["pdf"]["pipeline_2_workers"]["median"], 2),
        "growth_4x_time_ratio": round(r["growth"]["4x"]["build"]["median"] / base, 2),
        "growth_4x_seconds_per_page_ratio": round(
            r["growth"]["4x"]["seconds_per_page"] / r["growth"]["1x"]["seconds_per_page"], 2),
        "worksheet_edit_rerenders_only_its_pdfs": r["full"]["worksheet_edit_rerenders"],
    }


TARGETS = {  # issue 22
    "page_edit_vs_no_change_rebuild": ("≤", 2.0),
    "worksheet_edit_vs_no_change_rebuild": ("≤", 2.5),
    "serve_page_edit_reload_s": ("≤", 1.5),
    "serve_worksheet_edit_reload_s": ("≤", 2.5),
    "no_change_rebuild_vs_plain_mkdocs": ("≤", 1.0),
    "pdf_pipeline_vs_raw_weasyprint": ("≤", 1.0),
    "parallel_speedup_2_cores": ("≥", 1.8),
    "growth_4x_time_ratio": ("≤", 4),
}


def table(results: dict) -> str:
    rows = [("scenario", "median s", "min s", "max s")]
    for group in ("full", "serve", "plain", "pdf"):
        for name, value in results[group].items():
            if isinstance(value, dict) and "median" in value:
                rows.append((name, value["median"], value["min"], value["max"]))
    for factor, value in results["growth"].items():
        rows.append((f"growth {factor} ({value['pages']} pages)", value["build"]["median"],
                     value["build"]["min"], value["build"]["max"]))
    lines = [f"{a:<42} {b:>9} {c:>9} {d:>9}" for a, b, c, d in rows]
    lines.append("")
    for name, value in results["ratios"].items():
        target = TARGETS.get(name)
        mark = ""
        if target:
            op, limit = target
            ok = value <= limit if op == "≤" else value >= limit
            mark = f"  (doel {op} {limit}: {'gehaald' if ok else 'NIET gehaald'})"
        lines.append(f"{name}: {value}{mark}")
    return "\n".join(lines)


README_BLOCK = re.compile(r"(<!-- bench -->\n).*?(<!-- /bench -->)", re.S)
FIGURES = [  # (label in the README, group, key)
    ("koude bouw, alle PDF's (s)", "full", "cold_full_build"),
    ("koude bouw per PDF-pagina (s)", "full", "cold_seconds_per_pdf_page"),
    ("herbouw zonder wijziging (s)", "full", "rebuild_no_change_beside_edits"),
    ("herbouw na een zin in een handboekpagina (s)", "full", "rebuild_after_page_edit"),
    ("herbouw na een hulptekst in een werkblad (s)", "full", "rebuild_after_worksheet_edit"),
    ("serve: paginawijziging tot herladen (s)", "serve", "page_edit_reload"),
    ("serve: werkbladwijziging tot herladen (s)", "serve", "worksheet_edit_reload"),
    ("gewone mkdocs-material, zelfde Markdown (s)", "plain", "plain_mkdocs_build"),
]


def readme_figures(results: dict) -> str:
    """The README's table of the latest figures, from results.json."""
    day = time.strftime("%d-%m-%Y")
    lines = [f"Laatste `make bench` ({day}, {results['machine']['cores']} kernen, "
             f"{results['runs']} keer per scenario, mediaan; {results['total_seconds']:.0f} s "
             "in totaal):", "", "| meting | waarde | doel |", "|---|---|---|"]
    for label, group, key in FIGURES:
        value = results[group][key]
        lines.append(f"| {label} | {value['median']} ({value['min']}–{value['max']}) | |")
    longer = results["full"]["rebuild_after_page_made_longer"]
    lines.append(f"| herbouw na een hoofdstuk dat een pagina langer wordt (s, 1 keer) | "
                 f"{longer['seconds']} ({longer['book_parts_rendered']} boekdelen) | |")
    for name, value in results["ratios"].items():
        target = TARGETS.get(name)
        if target and not isinstance(value, dict):
            op, limit = target
            ok = value <= limit if op == "≤" else value >= limit
            lines.append(f"| {name} | {value} | {op} {limit}: "
                         f"{'gehaald' if ok else 'niet gehaald'} |")
    return "\n".join(lines) + "\n"


def write_readme_figures(results: dict) -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    if README_BLOCK.search(text):
        readme.write_text(README_BLOCK.sub(lambda m: m[1] + readme_figures(results) + m[2],
                                           text, count=1), encoding="utf-8")
