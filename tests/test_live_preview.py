"""The live preview's rules (build/preview.py, model/reads.py, site/incremental.py): what a
`mkdocs serve --dirty` rebuild renders again after an edit, and what it keeps."""
from __future__ import annotations

import os
import pickle
from pathlib import Path
from types import SimpleNamespace

from macros.build.preview import Preview, page_head, pages_reading
from macros.model.reads import ALL, ReadLog, TrackedItems, track_reads
from macros.site.incremental import generated_plan, mark_pages, merge_search_docs
from macros.build.preview import Plan

PAGE = "---\ntags: [a]\n---\n# Herstel\n\nEerste alinea.\n"


def project(tmp_path: Path) -> Path:
    for path, text in {"content/herstel.md": PAGE, "content/b.md": "# B\n\nTekst.\n",
                       "content/assets/logo.svg": "<svg/>",
                       "worksheets/weekplan.yml": "id: weekplan\n",
                       "worksheets/vertalingen/en/weekplan.yml": "id: weekplan\n",
                       "worksheets/vertalingen/en/_taal.yml": "naam: English\n",
                       "data/methode.yml": "x: 1\n", "mkdocs.yml": "site_name: x\n"}.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    return tmp_path


def located(file: str):
    return SimpleNamespace(file=file)


def session(tmp_path: Path) -> Preview:
    """A preview after one good build of the project."""
    preview = Preview(project(tmp_path))
    assert preview.plan().full  # the first build renders everything
    preview.remember_catalogue({
        ("werkblad", "weekplan"): located("worksheets/weekplan.yml"),
        ("vertaling", "en/weekplan"): located("worksheets/vertalingen/en/weekplan.yml"),
        ("taal", "en"): located("worksheets/vertalingen/en/_taal.yml"),
        ("methode", "methode"): located("data/methode.yml")})
    preview.done(ReadLog(), nav=None, full=True)
    return preview


def change(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    stat = path.stat()  # a later time, also on a file system with coarse times
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))


def test_nothing_changed_renders_nothing(tmp_path):
    plan = session(tmp_path).plan()
    assert not plan.full and not plan.pages and not plan.items


def test_an_edited_paragraph_renders_that_page_alone(tmp_path):
    preview = session(tmp_path)
    change(tmp_path / "content/herstel.md", "Eerste alinea.", "Een andere alinea.")
    plan = preview.plan()
    assert not plan.full and plan.pages == {"herstel.md"} and plan.keeps_catalogue


def test_a_new_title_or_front_matter_renders_everything(tmp_path):
    preview = session(tmp_path)
    change(tmp_path / "content/herstel.md", "# Herstel", "# Herstel en hoop")
    assert preview.plan().full  # the nav of every page names it
    preview = session(tmp_path / "second")
    change(tmp_path / "second/content/herstel.md", "tags: [a]", "tags: [b]")
    assert preview.plan().full  # the tag lists name it


def test_an_image_is_copied_without_rendering_a_page(tmp_path):
    preview = session(tmp_path)
    change(tmp_path / "content/assets/logo.svg", "<svg/>", "<svg></svg>")
    plan = preview.plan()
    assert not plan.full and not plan.pages


def test_data_edits_name_the_item_they_change(tmp_path):
    preview = session(tmp_path)
    change(tmp_path / "worksheets/weekplan.yml", "id", "id ")
    assert preview.plan().items == {("werkblad", "weekplan")}
    preview.done(ReadLog(), nav=None, full=False)
    change(tmp_path / "worksheets/vertalingen/en/weekplan.yml", "id", "id ")
    assert preview.plan().items == {("werkblad", "weekplan")}  # a translation is its sheet's
    preview.done(ReadLog(), nav=None, full=False)
    change(tmp_path / "worksheets/vertalingen/en/_taal.yml", "naam", "naam ")
    plan = preview.plan()
    assert plan.items == {("werkblad", ALL)} and not plan.keeps_catalogue


def test_other_data_a_new_file_and_a_failed_build_render_everything(tmp_path):
    preview = session(tmp_path)
    change(tmp_path / "data/methode.yml", "x: 1", "x: 2")
    assert preview.plan().full
    preview = session(tmp_path / "second")
    (tmp_path / "second/content/nieuw.md").write_text("# Nieuw\n", encoding="utf-8")
    assert preview.plan().full
    preview = session(tmp_path / "third")
    preview.forget()
    assert preview.plan().full


def test_the_pages_that_read_an_item_are_found():
    reads = {"a.md": {("werkblad", "weekplan")}, "b.md": {("werkblad", ALL)},
             "c.md": {("werkblad", "actieplan")}, "d.md": {("oefening", ALL)}}
    assert pages_reading(reads, {("werkblad", "weekplan")}) == {"a.md", "b.md"}
    assert pages_reading(reads, {("werkblad", ALL)}) == {"a.md", "b.md", "c.md"}


def test_reads_are_noted_per_page_and_only_while_a_page_renders():
    log = ReadLog()
    cat = SimpleNamespace(worksheets={"weekplan": 1, "actieplan": 2}, principles={},
                          exercises={}, courses={})
    track_reads(cat, log)
    cat.worksheets["weekplan"]  # the nav or a PDF: no page's read
    assert log.reads == {}
    with log.reading("a.md"):
        cat.worksheets["weekplan"]
        "actieplan" in cat.worksheets
    with log.reading("b.md"):
        [w for w in cat.worksheets.values()]
    assert log.reads == {"a.md": {("werkblad", "weekplan"), ("werkblad", "actieplan")},
                         "b.md": {("werkblad", ALL)}}
    # a copy for a worker process is a plain dict, without the log
    assert type(pickle.loads(pickle.dumps(cat.worksheets))) is dict


def test_a_generated_page_with_another_title_renders_everything():
    before = {"waaier/weekplan.md": "---\ntitle: Weekplan\n---\n# Weekplan\n\n{{ x }}\n"}
    same_head = {"waaier/weekplan.md": before["waaier/weekplan.md"].replace("{{ x }}", "{{ y }}")}
    plan = generated_plan(Plan(full=False), same_head, before)
    assert not plan.full and plan.generated == {"waaier/weekplan.md"}
    retitled = {"waaier/weekplan.md": before["waaier/weekplan.md"].replace("Weekplan", "Week")}
    assert generated_plan(Plan(full=False), retitled, before).full
    assert generated_plan(Plan(full=False), {**before, "waaier/nieuw.md": "# N\n"}, before).full


def test_only_the_planned_pages_are_marked_modified():
    docs = [SimpleNamespace(src_uri=src) for src in ("a.md", "b.md")]
    files = SimpleNamespace(documentation_pages=lambda: docs)
    mark_pages(files, {"b.md"})
    assert [d.is_modified() for d in docs] == [False, True]


def test_the_search_index_keeps_the_pages_not_rebuilt():
    kept = [{"location": "", "text": "home"}, {"location": "a/", "text": "oud"},
            {"location": "a/#kop", "text": "oude kop"}, {"location": "b/", "text": "b"}]
    fresh = [{"location": "a/", "text": "nieuw"}, {"location": "c/", "text": "c"}]
    merged = merge_search_docs(kept, fresh, rebuilt={"a/", "c/"})
    assert [(d["location"], d["text"]) for d in merged] == [
        ("", "home"), ("a/", "nieuw"), ("b/", "b"), ("c/", "c")]  # the lost heading is gone


def test_page_head_is_front_matter_and_title():
    assert page_head(PAGE) == "---\ntags: [a]\n---\n# Herstel"
    assert page_head("Tekst zonder kop.\n") == ""
