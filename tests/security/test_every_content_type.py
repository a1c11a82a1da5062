"""Rule 7: the same kinds of mistake in every content type (worksheet, principle, exercise,
course, methode.yml, begrippen.yml, edition) give a Dutch file:line, never a traceback. Each
mistake is made in one file of every type at once, in a copy of the real project, so one
load shows that every type reports it."""
from __future__ import annotations

import os
import re
import shutil

import pytest

from helpers import ROOT_DIR

from macros.model.load import load_catalogue
from macros.model.problems import ContentError

ONE_OF_EACH = ["worksheets/actieplan.yml", "data/principes/eigen-kracht-en-hulpbronnen.yml",
               "data/oefeningen/krachtenrondje.yml", "data/cursussen/terugkomdag.yml",
               "data/methode.yml", "data/begrippen.yml", "site_config/default/editie.yml"]

MISTAKES = {
    "leeg bestand": lambda text: "",
    "lijst in plaats van mapping": lambda text: "- a\n- b\n",
    "onbekende sleutel": lambda text: text + "\nonbekend_veld: 1\n",
    "sleutel twee keer": lambda text: text + "\n" + text.splitlines()[_first_key(text)] + "\n",
    "tab als inspringing": lambda text: text + "\nx:\n\t- a\n",
    "complexe sleutel": lambda text: text + "\n? [a, b]\n: c\n",
    "alias-bom": lambda text: text + "\nbom: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"b{i}: &a{i} [*{'a' if i == 0 else f'a{i - 1}'}, *{'a' if i == 0 else f'a{i - 1}'}]\n"
        for i in range(30)),
    "verkeerd type": lambda text: re.sub(r"(?m)^(titel|naam|id): .*$", r"\1: [1, 2]", text, 1)
    if re.search(r"(?m)^(titel|naam|id): ", text) else text + "\nbasistaken: 12\n",
    "geen UTF-8": None,
}


def _first_key(text: str) -> int:
    return next(i for i, line in enumerate(text.splitlines()) if re.match(r"^[a-z_]+:", line))


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    root = tmp_path_factory.mktemp("project")
    for folder in ("worksheets", "data", "site_config", "content"):
        shutil.copytree(ROOT_DIR / folder, root / folder, symlinks=True)
    return root


@pytest.mark.parametrize("mistake", MISTAKES)
def test_a_mistake_in_any_content_type_is_a_dutch_file_line(pristine, tmp_path, mistake):
    project = tmp_path / "p"
    shutil.copytree(pristine, project, symlinks=True, copy_function=os.link)  # fast
    for name in ONE_OF_EACH:
        path = project / name
        text = path.read_text(encoding="utf-8")
        path.unlink()  # a new file, not the hard-linked one of the pristine copy
        if MISTAKES[mistake] is None:
            path.write_bytes(text.encode("utf-8") + "\nuitleg: café\n".encode("latin-1"))
        else:
            path.write_text(MISTAKES[mistake](text), encoding="utf-8")
    with pytest.raises(ContentError) as info:  # any other exception fails the test
        load_catalogue(project)
    problems = [str(p) for p in info.value.problems]
    for name in ONE_OF_EACH:
        assert any(re.match(rf"{re.escape(name)}:\d+[ :]", p) for p in problems), \
            f"{name}: {mistake} niet gemeld met bestand:regel\n" + "\n".join(problems)
    assert all("Traceback" not in p and "Error" not in p for p in problems), problems
