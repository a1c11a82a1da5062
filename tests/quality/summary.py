"""One line per gate in reports/kwaliteit.txt, so a run leaves its counts behind."""
from __future__ import annotations

import re
from pathlib import Path

REPORTS = Path(__file__).resolve().parents[2] / "reports"
SUMMARY = REPORTS / "kwaliteit.txt"


def record(gate: str, line: str) -> None:
    """Replace this gate's line (other gates' lines stay)."""
    REPORTS.mkdir(exist_ok=True)
    old = SUMMARY.read_text(encoding="utf-8").splitlines() if SUMMARY.exists() else []
    kept = [l for l in old if not re.match(rf"{re.escape(gate)}:", l)]
    SUMMARY.write_text("\n".join(sorted(kept + [f"{gate}: {line}"])) + "\n", encoding="utf-8")
