"""`python -m macros check [--editie MAP]` (make check): the content checked without a build,
every problem as file:line in Dutch, and an exit code a script can use."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from macros.__main__ import main
from tiny_project import edit, make_project

EXAMPLE = ROOT / "site_config" / "voorbeeld"


def check(project: Path, *args: str) -> subprocess.CompletedProcess:
    """As a user types it, in the project's folder (whose macros/ is the code that runs)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KRACHTWERK_")}
    return subprocess.run([sys.executable, "-m", "macros", "check", *args], cwd=project,
                          env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def project(tmp_path) -> Path:
    project = make_project(tmp_path / "p")
    shutil.copytree(ROOT / "macros", project / "macros",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return project


def test_real_content_is_in_order_with_what_was_checked(capsys):
    assert main(["check"]) == 0
    out, err = capsys.readouterr()
    count = {folder: len(list((ROOT / folder).glob("*.yml")))
             for folder in ("worksheets", "data/principes", "data/oefeningen", "data/cursussen")}
    assert out == (f"in orde: {count['worksheets']} werkbladen, {count['data/principes']} "
                   f"principes, {count['data/oefeningen']} oefeningen, "
                   f"{count['data/cursussen']} cursussen\n")
    assert err == ""


def test_content_with_problems_is_reported_in_dutch_with_file_and_line_and_exit_1(project):
    good = check(project)
    assert (good.returncode, good.stderr) == (0, ""), good.stderr
    assert good.stdout.startswith("in orde: 1 werkblad")
    sheet = project / "worksheets/proef.yml"
    edit(sheet, "versie: 1", "versie: een")
    edit(sheet, "type: schaal", "type: schaal5")
    bad = check(project)
    assert bad.returncode == 1
    assert bad.stdout == ""
    lines = bad.stderr.splitlines()
    assert lines[0] == "2 problemen in de inhoud:"
    assert lines[1] == ("  worksheets/proef.yml:3 (versie): verkeerd type: 'een'; "
                        "verwacht een geheel getal")
    assert lines[2].startswith("  worksheets/proef.yml:21 (velden[1].type): onbekend veldtype "
                               "'schaal5'; kies uit: tekst, lange-tekst")
    assert len(lines) == 3 and "Traceback" not in bad.stderr


def test_editie_checks_that_edition_instead_of_the_default(tmp_path, capsys):
    edition = tmp_path / "editie"
    shutil.copytree(EXAMPLE, edition)
    assert main(["check", "--editie", str(edition)]) == 0
    assert capsys.readouterr().out.startswith("in orde: ")

    settings = edition / "editie.yml"
    lines = settings.read_text(encoding="utf-8").splitlines()
    [line] = [n for n, text in enumerate(lines, 1) if text.strip().startswith("primair:")]
    old = lines[line - 1].split(":", 1)[1].strip()
    edit(settings, f"primair: {old}", "primair: paars")
    assert main(["check", "--editie", str(edition)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == ("1 probleem in de inhoud:\n"
                   f"  {settings}:{line} (kleuren.primair): 'paars' is geen kleur; schrijf "
                   "#rrggbb, bijvoorbeeld #1d5c63\n")
    assert main(["check"]) == 0  # without --editie the default edition is checked
    capsys.readouterr()


def test_the_edition_of_the_environment_is_checked_as_make_check_org_sets_it(
        tmp_path, capsys, monkeypatch):
    edition = tmp_path / "editie"
    shutil.copytree(EXAMPLE, edition)
    with (edition / "editie.yml").open("a", encoding="utf-8") as settings:
        settings.write("onbekend: ja\n")
    monkeypatch.setenv("KRACHTWERK_EDITIE", str(edition))
    assert main(["check"]) == 1
    assert "onbekende sleutel 'onbekend'" in capsys.readouterr().err
    assert main(["check", "--editie", str(EXAMPLE)]) == 0  # --editie wins
    capsys.readouterr()


def test_editie_that_does_not_exist_is_a_problem_not_a_crash(tmp_path, capsys):
    assert main(["check", "--editie", str(tmp_path / "weg")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("1 probleem in de inhoud:\n")
    assert f"{tmp_path / 'weg' / 'editie.yml'}:1: editie-instellingen niet gevonden" in err


def test_without_a_command_it_says_what_it_needs(capsys):
    with pytest.raises(SystemExit) as stop:
        main([])
    assert stop.value.code == 2
    assert "check" in capsys.readouterr().err
