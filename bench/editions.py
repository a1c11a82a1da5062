"""`make editions` against separate builds (issue #23): two editions, cold (no .cache) and
warm, with PDFs. Run from the project root: `.venv/bin/python bench/editions.py [EDITIE ...]`.
Writes bench/editions-results.json. Counts how many PDFs each build took from the cache."""
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


def main() -> None:
    editions = sys.argv[1:] or ["site_config/default", "site_config/voorbeeld"]
    python = sys.executable
    results = {"edities": editions, "kernen": os.cpu_count()}
    for state in ("koud", "warm"):
        if state == "koud":
            shutil.rmtree(ROOT / ".cache", ignore_errors=True)
        seconds, log = run([python, "-m", "macros", "edities", *editions])
        results[f"make editions, {state}"] = {"s": round(seconds, 1), **pdf_counts(log)}
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
    out = ROOT / "bench" / "editions-results.json"
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
