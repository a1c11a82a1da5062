"""The worksheet script: the committed bundle is what esbuild makes of the modules, it runs as a
classic script, and a mistake in a module stops `make js` with the file and line.

esbuild comes from npm into .tools/ (macros/web/worksheet_script.py installs it on first use);
`make test` installs npm and node when missing, as root.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build
from macros.web import worksheet_script as ws
from tiny_project import make_project

SCRIPT = ROOT / ws.SCRIPT


@pytest.fixture(scope="module")
def esbuild() -> Path:
    try:
        return ws.install_esbuild(ROOT)
    except ws.ScriptError as e:
        pytest.fail(str(e))


def node(*args: str, **kwargs) -> subprocess.CompletedProcess:
    if shutil.which("node") is None:
        pytest.fail("node ontbreekt: `make test` installeert het (met npm) als root")
    return subprocess.run(["node", *args], capture_output=True, text=True, **kwargs)


def runs_as_classic_script(path: Path) -> subprocess.CompletedProcess:
    """Compile the file as a classic script (import/export are syntax errors there, whatever
    node's own module detection thinks) and run it with just enough of a browser for its top
    level: a window that says the worksheets are already set up, so nothing touches the DOM."""
    program = ("const fs = require('fs'), vm = require('vm');"
               "const code = fs.readFileSync(process.argv[1], 'utf8');"
               "vm.runInNewContext(code, {window: {krachtwerkWorksheets: true}},"
               " {filename: process.argv[1]});")
    return node("-e", program, str(path))


def modules_copy(tmp_path: Path) -> Path:
    """A project folder holding a copy of the modules (and the vendored libraries they
    import), for breaking them on purpose."""
    shutil.copytree(ROOT / ws.MODULES, tmp_path / ws.MODULES)
    shutil.copytree(ROOT / ws.VENDOR, tmp_path / ws.VENDOR)
    return tmp_path


def append(project: Path, module: str, code: str) -> int:
    """Add a line of code to a module; returns its line number."""
    path = project / ws.MODULES / module
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + code + "\n", encoding="utf-8")
    return text.count("\n") + 1


# --- the committed bundle ----------------------------------------------------------------------
def test_committed_bundle_is_what_esbuild_makes_of_the_modules(esbuild):
    fresh = ws.bundle(ROOT, esbuild).encode("utf-8")
    assert SCRIPT.read_bytes() == fresh, (
        f"{ws.SCRIPT} is not what `make js` makes of {ws.MODULES}/: run `make js` and commit it")
    assert ws.stale(ROOT) is None


def test_bundle_passes_node_check_and_runs_as_a_classic_script():
    checked = node("--check", str(SCRIPT))
    assert checked.returncode == 0, checked.stderr
    ran = runs_as_classic_script(SCRIPT)
    assert ran.returncode == 0, ran.stderr


def test_site_ships_the_committed_bundle_and_not_the_modules():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    published = ws.SCRIPT.removeprefix("content/")
    assert f"  - {published}" in config  # extra_javascript
    assert "/assets/js/worksheet/\n" in config.split("exclude_docs:")[1]  # modules stay out


# --- mistakes in a module stop `make js` with file and line -------------------------------------
@pytest.mark.parametrize("module, code, message", [
    ("privacy.js", "function (", 'Expected identifier but found "("'),
    ("privacy.js", "export { nothing };", '"nothing" is not declared in this file'),
    ("actions.js", 'import { missing } from "./storage.js";', 'for import "missing"'),
    ("actions.js", 'import storage from "./storage.js";', 'for import "default"'),
    ("actions.js", 'import { a } from "./nope.js";', 'Could not resolve "./nope.js"'),
    ("actions.js", "await Promise.resolve();", "Top-level await is currently not supported"),
    ("privacy.js", "if (window.x == -0) {}", "Comparison with -0"),  # a warning stops it too
])
def test_a_mistake_in_a_module_is_reported_with_file_and_line(esbuild, tmp_path, module, code,
                                                              message):
    project = modules_copy(tmp_path)
    line = append(project, module, code)
    with pytest.raises(ws.ScriptError) as info:
        ws.bundle(project, esbuild)
    report = str(info.value)
    assert f"{ws.MODULES}/{module}:{line}:" in report
    assert message in report
    assert "fout in de code" in report and "probleem in de inhoud:" not in report


@pytest.mark.parametrize("code, spec", [
    # esbuild would leave these out as a require() that throws in the browser
    ('import { y } from "https://example.org/x.js";', "https://example.org/x.js"),
    ('import "//example.org/x.js";', "//example.org/x.js"),
    # a file elsewhere would be bundled, but the header's hash would not cover it
    ('import "../waaier-filter.js";', "../waaier-filter.js"),
])
def test_an_import_from_outside_the_modules_is_refused(esbuild, tmp_path, code, spec):
    project = modules_copy(tmp_path)
    shutil.copy(ROOT / "content/assets/js/waaier-filter.js", project / "content/assets/js")
    line = append(project, "actions.js", code)
    with pytest.raises(ws.ScriptError) as info:
        ws.bundle(project, esbuild)
    assert f'{ws.MODULES}/actions.js:{line}: importeert "{spec}"' in str(info.value)


def test_forms_the_old_regex_bundler_got_wrong_now_bundle_and_run(esbuild, tmp_path):
    """An export list with a rename gave a script that did not parse; `export function` in a
    comment gave a ReferenceError when the page loaded."""
    project = modules_copy(tmp_path)
    append(project, "form-state.js", "export { controls as formControls };")
    append(project, "privacy.js", "/*\nexport function notReal() {}\n*/")
    append(project, "actions.js",
           'import { formControls } from "./form-state.js";\n'
           "export const controlCount = (form) => formControls(form).length;")
    out = tmp_path / "worksheet.js"
    out.write_text(ws.bundle(project, esbuild), encoding="utf-8")
    assert "notReal" not in out.read_text(encoding="utf-8")
    assert node("--check", str(out)).returncode == 0
    ran = runs_as_classic_script(out)
    assert ran.returncode == 0, ran.stderr


def test_make_js_reports_a_mistake_in_dutch_without_a_traceback(esbuild, tmp_path):
    project = modules_copy(tmp_path)
    shutil.copytree(ROOT / "macros", project / "macros",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (project / ".tools").symlink_to(ROOT / ".tools")  # the same esbuild, no second download
    line = append(project, "storage.js", "export const = 1;")
    result = subprocess.run([sys.executable, "-m", "macros", "js"], cwd=project,
                            capture_output=True, text=True,
                            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert result.returncode == 1
    assert result.stderr.startswith("Het werkbladscript is niet gemaakt: een fout in de code")
    assert f"{ws.MODULES}/storage.js:{line}:" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / ws.SCRIPT).exists()


# --- a module changed without `make js` --------------------------------------------------------
def test_stale_tells_a_changed_or_missing_bundle_apart(tmp_path):
    project = modules_copy(tmp_path)
    assert ws.stale(project) == f"{ws.SCRIPT} ontbreekt: maak het met `make js`"
    shutil.copy(SCRIPT, project / ws.SCRIPT)
    assert ws.stale(project) is None
    append(project, "ui.js", "// a comment changes the module too")
    assert "draai `make js`" in ws.stale(project)
    assert ws.stale(tmp_path / "no-project") is None


@pytest.mark.build
def test_build_fails_when_a_module_changed_after_make_js(tmp_path):
    project = make_project(tmp_path / "project", with_site=True)
    append(project, "ui.js", "export const added = 1;")
    result = mkdocs_build(project, tmp_path / "site", env={"KRACHTWERK_PDF": "uit"})
    assert result.returncode != 0
    assert f"werkbladscript: {ws.SCRIPT} is niet gemaakt uit de huidige" in result.stderr
    assert "Traceback" not in result.stderr


def test_vendored_libraries_carry_their_licence_and_stay_out_of_the_site():
    """content/assets/vendor/noble-*/: copied unchanged from npm, bundled by `make js`."""
    folders = sorted((ROOT / ws.VENDOR).glob("noble-*"))
    assert [f.name for f in folders] == ["noble-ciphers", "noble-hashes"]
    for folder in folders:
        assert "MIT License" in (folder / "LICENSE").read_text(encoding="utf-8")
    assert "/assets/vendor/noble-*/*.js\n" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
