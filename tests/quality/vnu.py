"""The Nu Html Checker (vnu.jar from npm's vnu-jar) over a whole built site, in one JVM.

`make test` installs Java and the jar (.tools/); KRACHTWERK_VNU_JAR points elsewhere if needed.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = Path(os.environ.get("KRACHTWERK_VNU_JAR",
                              ROOT / ".tools/node_modules/vnu-jar/build/dist/vnu.jar"))


@dataclass(frozen=True)
class Known:
    """An error in Material's own markup that no configuration removes. Ignored only when both
    the message and the offending markup (vnu's `extract`) match, so the same mistake in our
    own templates (worksheet forms, overrides) is still reported."""
    message: str
    extract: str
    why: str

    def matches(self, msg: dict) -> bool:
        return bool(re.search(self.message, msg.get("message", ""))
                    and re.search(self.extract, msg.get("extract", "")))


MATERIAL_KNOWN = [
    Known(r"^Attribute “autocomplete” is only allowed when the input type is",
          r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" '
          r'id="__(drawer|search)" autocomplete="off">',
          "Material's base.html puts autocomplete=off on its two hidden toggle checkboxes so "
          "that Firefox does not restore their state; harmless, and only fixable by copying "
          "base.html."),
    Known(r"^Bad value “” for attribute “tabindex” on element “label”",
          r'<label class="md-nav__link[^"]*" for="__nav_[0-9_]+" id="__nav_[0-9_]+_label" '
          r'tabindex="">',
          "Material's partials/nav-item.html writes tabindex=\"\" on section labels when "
          "navigation.sections is on; browsers ignore the empty value (not focusable, as "
          "intended)."),
    Known(r"^The value of the “for” attribute of the “label” element must be the ID of a "
          r"non-hidden form control",
          r'<label class="md-nav__title" for="__toc">',
          "Material's partials/toc.html labels the __toc toggle, which nav-item.html only "
          "renders for pages listed in the nav as leaves; section index pages "
          "(navigation.indexes) and pages outside the nav have none. The label is a no-op."),
]


def java() -> str | None:
    return shutil.which("java")


def check(*paths: Path) -> list[dict]:
    """All messages vnu reports for the HTML files under `paths` (one JVM for everything)."""
    result = subprocess.run(
        [java() or "java", "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html",
         *map(str, paths)],
        capture_output=True, text=True)
    # vnu writes its JSON report to stderr and exits 1 when it found errors.
    report = result.stderr.strip() or result.stdout.strip()
    try:
        return json.loads(report)["messages"]
    except (json.JSONDecodeError, KeyError):
        raise RuntimeError(f"vnu gave no JSON report (exit {result.returncode}):\n{report[:2000]}")


def known_material_issue(msg: dict) -> Known | None:
    return next((k for k in MATERIAL_KNOWN if k.matches(msg)), None)


def page_of(msg: dict, site: Path) -> str:
    url = msg.get("url", "")
    path = url.removeprefix("file:")
    try:
        return Path(path).relative_to(site).as_posix()
    except ValueError:
        return path


def describe(msg: dict, site: Path) -> str:
    where = f"{page_of(msg, site)}:{msg.get('lastLine', '?')}"
    extract = " ".join(msg.get("extract", "").split())
    return f"{where}: {msg.get('message', '')}  [{extract[:160]}]"
