"""The PDF part of the benchmark, in two steps run as separate processes by bench/run.py.

capture PROJECT OUT.pickle
    Build the site once and keep the blank worksheet PDF jobs (print HTML and its files). The
    books are one long job each, which bounds any parallel run; they are timed in the full
    builds.
time JOBS.pickle SCRATCH
    Render those jobs with plain WeasyPrint, then with our pipeline on 1 and on 2 workers and
    once more from the cache; print the seconds as JSON.
"""
from __future__ import annotations

import json
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path

# The blank Dutch worksheets: independent jobs of one to four pages. (The fillable and
# bilingual ones are the same layouts; every PDF is timed in the full builds.)
WORKSHEET_PDFS = "pdf/werkbladen/"
BLANK = "-leeg.pdf"


def capture(project: Path, out: Path) -> None:
    sys.path.insert(0, str(project))
    os.chdir(project)
    import macros.print.publish as publish
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    jobs = []

    class NoPdfs:
        def finish(self, site_dir, report=print):
            return []

        def cancel(self):
            pass

    def start(cat, renderer, cache_dir, pages, nav, site_files=None, **_options):
        jobs.extend(publish.site_pdf_jobs(cat, renderer, pages, nav, site_files))
        return NoPdfs()

    publish.start = start
    build(load_config("mkdocs.yml", site_dir=str(out.parent / "capture-site")))
    languages = [folder.name for folder in (project / "worksheets" / "vertalingen").iterdir()
                 if folder.is_dir()] if (project / "worksheets" / "vertalingen").is_dir() else []
    wanted = [job for job in jobs
              if job.output.startswith(WORKSHEET_PDFS) and job.output.endswith(BLANK)
              and not any(job.output.endswith(f"-{lang}{BLANK}") for lang in languages)]
    out.write_bytes(pickle.dumps(wanted))
    print(json.dumps({"jobs": len(wanted)}))


def time_jobs(jobs_file: Path, scratch: Path) -> None:
    from weasyprint import HTML

    from macros.print.pdf import RENDER_OPTIONS
    from macros.print.rendering import build_pdfs

    jobs = pickle.loads(jobs_file.read_bytes())
    out = {"jobs": len(jobs)}
    start = time.perf_counter()
    pages = 0
    for job in jobs:
        document = HTML(string=job.document.html, base_url=job.document.base_url).render(
            **RENDER_OPTIONS)
        document.write_pdf(**RENDER_OPTIONS)
        pages += len(document.pages)
    out["raw_weasyprint"] = time.perf_counter() - start
    out["pages"] = pages
    for workers in (1, 2):
        cache = Path(tempfile.mkdtemp(dir=scratch))
        site = Path(tempfile.mkdtemp(dir=scratch))
        start = time.perf_counter()
        build_pdfs(jobs, site, cache, report=lambda line: None, workers=workers)
        out[f"pipeline_{workers}_workers"] = time.perf_counter() - start
    start = time.perf_counter()
    build_pdfs(jobs, site, cache, report=lambda line: None, workers=2)
    out["pipeline_cached"] = time.perf_counter() - start
    print(json.dumps(out))


if __name__ == "__main__":
    command, first, second = sys.argv[1:4]
    if command == "capture":
        capture(Path(first), Path(second))
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        time_jobs(Path(first), Path(second))
