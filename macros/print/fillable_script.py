"""Every worksheet's fillable PDF once more, as a script: what the page's "Download als
ingevulde PDF" fills in the browser (content/assets/js/worksheet/fill-pdf.js).

A page opened from disk (file://, `make offline`) may not fetch() a file beside it, but it may
load a classic script: so the PDF's bytes travel as base64 in a script that hands them to the
page under the worksheet's id. The script is written from the published PDF, so the two are
the same file whether the PDF came from the cache or was just rendered.
"""
from __future__ import annotations

import base64
import json
from pathlib import Path

from ..model.routes import worksheet_pdf, worksheet_pdf_script

REGISTRY = "krachtwerkPdfs"  # the global the page reads (fill-pdf.js)


def script_text(ident: str, pdf: bytes) -> str:
    data = base64.b64encode(pdf).decode("ascii")
    return (f"// The fillable PDF of worksheet {ident}, for \"Download als ingevulde PDF\".\n"
            f"(window.{REGISTRY} = window.{REGISTRY} || {{}})[{json.dumps(ident)}] = "
            f"\"{data}\";\n")


def write_scripts(site_dir: Path, idents) -> list[Path]:
    """A script beside each published fillable PDF (one that is missing gets none)."""
    written = []
    for ident in idents:
        pdf = site_dir / worksheet_pdf(ident, True)
        if not pdf.is_file():
            continue
        target = site_dir / worksheet_pdf_script(ident)
        target.write_text(script_text(ident, pdf.read_bytes()), encoding="utf-8")
        written.append(target)
    return written
