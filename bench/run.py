"""Benchmarks: what a build costs, what the cache and the second core save, how it grows.

Run with `make bench`. Every scenario runs in a scratch copy of the project (the real .cache
and site/ are never touched), at least three times; the table shows median, min and max and
bench/results.json keeps every figure. Nothing here asserts a time: speed is reported, not tested.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import ratios, table, write_readme_figures  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
PDF_LINE = re.compile(r"PDF\s+\d+/\d+\s+(\S+)\s+(.*)$")
PART_LINE = re.compile(r"PDF-deel\s+(\S+)\s+(.*)$")  # a part of the book (print/book_parts.py)


def project_copy(target: Path) -> Path:
    """The tracked files of the project (plus untracked, not ignored ones) in a fresh folder."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.split("\n")
    for rel in filter(None, listed):
        src = ROOT / rel
        if src.is_file():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target / rel)
    return target


def build(project: Path, config: str = "mkdocs.yml", env: dict | None = None,
          strict: bool = True) -> dict:
    """One `mkdocs build`: seconds, peak memory of the largest process, PDF progress lines."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    args = [sys.executable, "-m", "mkdocs", "build", "-f", config]
    if not strict:
        args.append("--no-strict")
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=project, env=full_env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"build failed in {project}:\n{output[-3000:]}")
    pdfs = [m.groups() for m in map(PDF_LINE.search, output.splitlines()) if m]
    parts = [m.groups() for m in map(PART_LINE.search, output.splitlines()) if m]
    return {"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024,
            "rendered": [name for name, rest in pdfs if "cache" not in rest],
            "parts_rendered": [name for name, rest in parts if "cache" not in rest],
            "cached": [name for name, rest in pdfs if "cache" in rest], "log": output}


def summary(values: list[float]) -> dict:
    return {"median": round(statistics.median(values), 3), "min": round(min(values), 3),
            "max": round(max(values), 3), "runs": len(values)}


def touch_text(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- scenarios ------------------------------------------------------------------------------
# Edits a person makes: a sentence reworded (the page keeps its length), a help text of a
# worksheet reworded, and once a chapter made longer (its page count moves the pages after it).
PAGE_EDIT = ("content/handleiding/herstel.md", "Herstel is ook een weg die iemand aflegt",
             "Herstel is ook een pad dat iemand aflegt")
SHEET_EDIT = ("worksheets/weekplan.yml", "welke stap nu aan de beurt is",
              "welke stap nu aan de orde is")
LONGER = "\n\n" + " ".join(["Een alinea die het hoofdstuk langer maakt, zin na zin."] * 150) + "\n"


def full_builds(work: Path) -> dict:
    """One cold build, then RUNS times side by side: a rebuild with nothing changed, one
    handbook page edited, one worksheet edited; then once a page made a page longer."""
    project = project_copy(work / "full")
    result = build(project)
    cold, peak = result["seconds"], result["peak_mb"]
    pdf_pages = pages_of_pdfs(project / "site")
    rendered = result["rendered"] + result["parts_rendered"]
    cold_effect = {"pdfs": len(result["rendered"]) + len(result["cached"]),
                   "rendered_twice": sorted({n for n in rendered if rendered.count(n) > 1}),
                   "book_parts_rendered_alone": len([n for n in result["parts_rendered"]
                                                     if "#deel-" in n])}
    still, page, sheet = [], [], []
    page_effect = sheet_effect = None
    for run in range(RUNS):
        still.append(build(project)["seconds"])
        for edit, times in ((PAGE_EDIT, page), (SHEET_EDIT, sheet)):
            src, old, new = edit
            touch_text(project / src, *((old, new) if run % 2 == 0 else (new, old)))
            result = build(project)
            times.append(result["seconds"])
            effect = {"rendered": sorted(result["rendered"]),
                      "book_parts_rendered": sorted(result["parts_rendered"])}
            if edit is PAGE_EDIT:
                page_effect = effect
            else:
                sheet_effect = effect
    longer_file = project / PAGE_EDIT[0]
    longer_file.write_text(longer_file.read_text(encoding="utf-8") + LONGER, encoding="utf-8")
    result = build(project)
    longer = {"seconds": round(result["seconds"], 3),
              "book_parts_rendered": len(result["parts_rendered"]),
              "one_go": [n for n in result["parts_rendered"] if n.endswith("#in-een-keer")]}
    return {"pdf_count": cold_effect["pdfs"], "pdf_pages": pdf_pages,
            "cold_full_build": summary([cold]), "cold_effect": cold_effect,
            "cold_seconds_per_pdf_page": summary([cold / pdf_pages]),
            "rebuild_no_change_beside_edits": summary(still),
            "rebuild_after_page_edit": summary(page),
            "rebuild_after_worksheet_edit": summary(sheet),
            "page_edit_rerenders": page_effect, "worksheet_edit_rerenders": sheet_effect,
            "rebuild_after_page_made_longer": longer, "peak_memory_mb": summary([peak])}


def pages_of_pdfs(site: Path) -> int:
    from pypdf import PdfReader

    return sum(len(PdfReader(path).pages) for path in (site / "pdf").rglob("*.pdf"))


PLAIN_DROP_PLUGINS = ("krachtwerk", "macros", "offline")


def plain_config(project: Path, docs: Path) -> str:
    """A stock Material build (search plugin only, same Markdown extensions and tooltip
    glossary) of `docs`."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    glossary = Path(f"{docs}.glossary.json").read_text(encoding="utf-8")
    text = text.replace("\n  - abbr\n", f"\n  - abbr:\n      glossary: {glossary}\n", 1)
    text = re.sub(r"^hooks:\n(  - .*\n)+", "", text, flags=re.M)
    text = re.sub(r"^nav:\n(?:[ \-].*\n?)*", "", text, flags=re.M)
    for plugin in PLAIN_DROP_PLUGINS:
        text = re.sub(rf"^  - {plugin}(:\n(?:      .*\n)*|\n)", "", text, flags=re.M)
    text = re.sub(r"^  custom_dir: overrides\n", "", text, flags=re.M)
    text = text.replace("docs_dir: content", f"docs_dir: {docs}")
    (project / "mkdocs-plain.yml").write_text(text, encoding="utf-8")
    return "mkdocs-plain.yml"


def serve_reloads(work: Path) -> dict:
    """`mkdocs serve` with PDFs: a page edit and a worksheet edit, saved to shown in the page."""
    from serve_latency import serve_latency

    # the full builds' project with its PDF cache, as a person's checkout has one: the PDFs an
    # edit touches render in the background, not all of them (a copy elsewhere would not do:
    # the print HTML names its fonts by their place in the cache, so every key would change)
    project = work / "full"
    times = serve_latency(project, min(RUNS, 2), (PAGE_EDIT[0], "Herstel is ook een "),
                          "handleiding/herstel/", ("worksheets/weekplan.yml",
                                                   "Kijk in je actieplan "), "waaier/weekplan/")
    return {key: summary(values) for key, values in times.items()}


def plain_builds(work: Path) -> dict:
    """Baseline: the very Markdown our build renders (generated pages included, macros already
    expanded) built by stock mkdocs-material (with its search and tags plugins, which that
    Markdown uses), without our hooks, macros or PDFs. Each baseline build is followed by our
    rebuild with nothing changed of the full-build project, so a change in the machine's load
    hits both sides of the ratio alike."""
    project = project_copy(work / "plain")
    docs = work / "plain-docs"
    shutil.copytree(project / "content", docs)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        config + "\nhooks:\n  - bench/dump_markdown.py\n", encoding="utf-8")
    build(project, env={"BENCH_DUMP": str(docs), "KRACHTWERK_PDF": "uit"})
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    plain = plain_config(project, docs)
    ours = work / "full"  # its last build (a longer chapter) left nothing to do
    times, warm = [], []
    for _ in range(RUNS):
        times.append(build(project, plain, strict=False)["seconds"])
        warm.append(build(ours)["seconds"])
    pages = sum(1 for _ in docs.rglob("*.md"))
    return {"plain_mkdocs_build": summary(times), "rebuild_no_change": summary(warm),
            "plain_pages": pages}


def pdf_phase(work: Path) -> dict:
    """The worksheet PDFs, captured once, then rendered RUNS times in fresh processes."""
    project = project_copy(work / "pdf")
    jobs_file = work / "pdf-jobs.pickle"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    script = str(ROOT / "bench" / "pdf_phase.py")

    def run(*args: str) -> dict:
        result = subprocess.run([sys.executable, script, *args], capture_output=True, text=True,
                                env=env)
        if result.returncode != 0:
            raise SystemExit(f"PDF benchmark failed:\n{result.stderr[-3000:]}")
        return json.loads(result.stdout.strip().splitlines()[-1])

    run("capture", str(project), str(jobs_file))
    runs = []
    for n in range(1):  # three renders of every blank worksheet in one run: 10 minutes in all
        scratch = work / f"pdf-scratch-{n}"
        scratch.mkdir()
        runs.append(run("time", str(jobs_file), str(scratch)))
    keys = ["raw_weasyprint", "pipeline_1_workers", "pipeline_2_workers", "pipeline_cached"]
    out = {k: summary([r[k] for r in runs]) for k in keys}
    out["pdf_jobs"] = runs[0]["jobs"]
    out["pdf_set"] = "blank worksheet PDFs; all PDFs, books included, are timed in the full builds"
    out["pdf_pages"] = runs[0]["pages"]
    out["seconds_per_pdf_page"] = summary([r["pipeline_1_workers"] / r["pages"] for r in runs])
    return out


def grown_project(work: Path, factor: int) -> Path:
    """The real content `factor` times: copies of the handbook pages and of every worksheet."""
    project = project_copy(work / f"grow-{factor}")
    for k in range(1, factor):
        shutil.copytree(project / "content/handleiding", project / f"content/kopie{k}/handleiding")
        for sheet in sorted((ROOT / "worksheets").glob("*.yml")):
            text = sheet.read_text(encoding="utf-8").replace(f"id: {sheet.stem}\n",
                                                              f"id: {sheet.stem}-{k}\n", 1)
            (project / "worksheets" / f"{sheet.stem}-{k}.yml").write_text(text, encoding="utf-8")
    return project


def growth(work: Path) -> dict:
    out = {}
    for factor in (1, 4):
        project = grown_project(work, factor)
        # once each: the time per page is the figure that counts (16x took minutes of the
        # 10 the whole bench may take)
        runs = factor_runs = 1
        times, pages = [], 0
        for _ in range(factor_runs):
            # from scratch every time: with .cache kept, the repeated 1x runs would reuse the
            # catalogue and pages that the larger copy makes afresh
            shutil.rmtree(project / "site", ignore_errors=True)
            shutil.rmtree(project / ".cache", ignore_errors=True)
            result = build(project, env={"KRACHTWERK_PDF": "uit"}, strict=False)
            times.append(result["seconds"])
        pages = sum(1 for _ in (project / "site").rglob("index.html"))
        out[f"{factor}x"] = {"pages": pages, "build": summary(times),
                             "seconds_per_page": round(statistics.median(times) / pages, 4),
                             "runs": runs}
    return out


def main() -> None:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kw-bench-") as tmp:
        work = Path(tmp)
        results = {"machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]},
                   "runs": RUNS}
        # serve last: its background PDFs must not run into another scenario's timing
        for name, scenario in (("full", full_builds), ("plain", plain_builds),
                               ("pdf", pdf_phase), ("growth", growth),
                               ("serve", serve_reloads)):
            t = time.perf_counter()
            print(f"bench: {name} ...", flush=True)
            results[name] = scenario(work)
            print(f"bench: {name} klaar in {time.perf_counter() - t:.0f} s", flush=True)
        results["ratios"] = ratios(results)
        results["total_seconds"] = round(time.perf_counter() - started, 1)
    out = ROOT / "bench" / "results.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    write_readme_figures(results)
    print(table(results))
    print(f"\nresultaten: {out.relative_to(ROOT)} ({results['total_seconds']} s)")


if __name__ == "__main__":
    main()
