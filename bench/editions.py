"""`make editions` against separate builds (issue #23): two editions, cold (no .cache) and
warm, with PDFs. Run from the project root: `.venv/bin/python bench/editions.py [EDITIE ...]`.
Writes bench/editions-results.json. Counts how many PDFs each build took from the cache.

`--locaties`: two locations of one organisation instead, the example edition and a copy
that differs only in its local details (made for the run, removed after): the PDFs without
local details are the same in both and should be rendered once."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path.cwd()


def run(command: list[str], env: dict | None = None) -> tuple[float, str]:
    start = time.monotonic()
    done = subprocess.run(command, cwd=ROOT, env={**os.environ, **(env or {})},
                          capture_output=True, text=True)
    seconds = time.monotonic() - start
    if done.returncode != 0:
        sys.exit(done.stdout[-3000:] + done.stderr[-3000:])
    return seconds, done.stdout + done.stderr


def pdf_counts(log: str) -> dict:
    lines = [l for l in log.splitlines() if " PDF " in l and "/" in l]
    cached = sum("(cache)" in l for l in lines)
    return {"pdfs": len(lines), "uit_cache": cached, "gerenderd": len(lines) - cached}


def location_copy() -> str:
    """site_config/voorbeeld-noord: the example edition with other local details."""
    copy = ROOT / "site_config" / "voorbeeld-noord"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(ROOT / "site_config" / "voorbeeld", copy)
    config = copy / "editie.yml"
    config.write_text(config.read_text(encoding="utf-8")
                      .replace("012-345 67 00", "012-999 88 77")
                      .replace("Wijkteam Oostwijk, Marktplein 4", "Wijkteam Noord, Kerkplein 1"),
                      encoding="utf-8")
    return "site_config/voorbeeld-noord"


def main() -> None:
    args = sys.argv[1:]
    locations = "--locaties" in args
    separate_first = "--apart-eerst" in args  # the other order, against a machine that warms up
    args = [a for a in args if a not in ("--locaties", "--apart-eerst")]
    if locations:
        args = ["site_config/voorbeeld", location_copy()]
    try:
        measure(args or ["site_config/default", "site_config/voorbeeld"], locations,
                separate_first)
    finally:
        if locations:
            shutil.rmtree(ROOT / "site_config" / "voorbeeld-noord", ignore_errors=True)


def measure(editions: list[str], locations: bool, separate_first: bool) -> None:
    python = sys.executable
    results = {"edities": editions, "kernen": os.cpu_count(),
               "volgorde": "los eerst" if separate_first else "make editions eerst"}
    if not separate_first:
        together(editions, results)
    separate(editions, results)
    if separate_first:
        together(editions, results)
    name = "editions-locaties" if locations else "editions-results"
    out = ROOT / "bench" / f"{name}{'-omgekeerd' if separate_first else ''}.json"
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=1, ensure_ascii=False))


def together(editions: list[str], results: dict) -> None:
    for state in ("koud", "warm"):
        if state == "koud":
            shutil.rmtree(ROOT / ".cache", ignore_errors=True)
        seconds, log = run([sys.executable, "-m", "macros", "edities", *editions])
        results[f"make editions, {state}"] = {"s": round(seconds, 1), **pdf_counts(log)}


def separate(editions: list[str], results: dict) -> None:
    python = sys.executable
    for state in ("koud", "warm"):
        if state == "koud":
            shutil.rmtree(ROOT / ".cache", ignore_errors=True)
        total, counts = 0.0, []
        for edition in editions:
            seconds, log = run([python, "-m", "mkdocs", "build", "--site-dir",
                                f"/tmp/apart-{Path(edition).name}"],
                               env={"KRACHTWERK_EDITIE": str((ROOT / edition).resolve())})
            total += seconds
            counts.append({"editie": edition, "s": round(seconds, 1), **pdf_counts(log)})
        results[f"twee losse builds, {state}"] = {"s": round(total, 1), "builds": counts}


if __name__ == "__main__":
    main()
