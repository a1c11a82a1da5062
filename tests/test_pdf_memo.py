"""The memo in the PDF cache (macros/print/memo.py): a job whose inputs digest it knows, with
its PDF in the cache, makes no print HTML; any change in an input gives another digest, so the
print HTML is made and keyed again. No PDF is rendered here (a fake render)."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest

from conftest import ROOT
from macros.model.load import load_catalogue
from macros.print import memo, rendering
from macros.print.book import RenderedPage, page_chapter
from macros.print.cache import Cache
from macros.print.pdf import PdfJob
from macros.print.render import FONTS_DIR, Document, PrintRenderer
from macros.print.rendering import Rendering
from tiny_project import make_project
from fake_render import GOOD, fake_render  # noqa: F401 (a fixture)


def lazy_job(base, made: list, digest: str = "d1", text: str = "Blad a") -> PdfJob:
    """A job that notes in `made` each time its print HTML is made."""
    def make() -> Document:
        made.append(text)
        return Document("a", f"<html><body><p>{text}</p></body></html>", base.as_uri() + "/", ())
    return PdfJob("pdf/a.pdf", make, "t", "a", "leeg", inputs_digest=digest)


def build_once(tmp_path, made, site="s", **kw):
    cache = Cache(tmp_path / "c", key=b"k" * 32)
    [result] = Rendering([lazy_job(tmp_path, made, **kw)], cache, workers=1).finish(
        tmp_path / site, report=lambda line: None)
    return result


def test_a_job_the_memo_knows_makes_no_print_html(tmp_path, fake_render):
    made = []
    assert build_once(tmp_path, made).seconds is not None and made == ["Blad a"]
    result = build_once(tmp_path, made, site="s2")
    assert made == ["Blad a"] and len(fake_render) == 1  # neither made nor rendered again
    assert result.seconds is None and (tmp_path / "s2/pdf/a.pdf").read_bytes() == GOOD


def test_new_inputs_miss_the_memo_and_make_the_print_html(tmp_path, fake_render):
    made = []
    build_once(tmp_path, made)
    build_once(tmp_path, made, digest="d2", text="Blad a, anders")
    assert made == ["Blad a", "Blad a, anders"] and len(fake_render) == 2


def test_a_remembered_key_without_its_pdf_makes_the_print_html(tmp_path, fake_render):
    made = []
    build_once(tmp_path, made)
    for pdf in (tmp_path / "c").glob("*.pdf"):
        pdf.unlink()
    assert build_once(tmp_path, made, site="s2").seconds is not None
    assert made == ["Blad a", "Blad a"]


def test_a_tampered_memo_is_ignored(tmp_path, fake_render):
    """The cache folder is not trusted: a memo entry pointing the inputs of one job at the PDF
    of another counts only with the user's seal."""
    import json
    made = []
    build_once(tmp_path, made, digest="other", text="Een ander blad")
    memo_file = tmp_path / "c" / "memo.json"
    other_key = json.loads(memo_file.read_text())["other"]["key"]
    for seal in (None, "0" * 64, json.loads(memo_file.read_text())["other"]["zegel"]):
        entry = {"key": other_key} | ({"zegel": seal} if seal else {})
        memo_file.write_text(json.dumps({"d1": entry}))
        made.clear()
        build_once(tmp_path, made, site="s2")
        assert made == ["Blad a"]  # not taken from the memo: made, and keyed by its HTML
    memo_file.write_text("geen json")
    made.clear()
    build_once(tmp_path, made, site="s3")
    assert made == ["Blad a"]


def test_a_memo_entry_made_with_other_rendering_code_is_ignored(tmp_path, fake_render,
                                                               monkeypatch):
    made = []
    build_once(tmp_path, made)
    original = Cache.__init__

    def salted(self, *args, **kw):  # as if pdf.py or WeasyPrint changed: another salt
        original(self, *args, **kw)
        self.memo.salt += " anders"
    monkeypatch.setattr(Cache, "__init__", salted)
    build_once(tmp_path, made, site="s2")
    assert made == ["Blad a", "Blad a"]


# --- what the inputs digest holds -------------------------------------------------------------
@pytest.fixture
def project(tmp_path):
    project = make_project(tmp_path / "p")
    shutil.copytree(ROOT / FONTS_DIR, project / FONTS_DIR)
    (project / "pyproject.toml").write_text('[project]\nversion = "1.0"\n', encoding="utf-8")
    return project


def digest(project, day=dt.date(2026, 3, 1)) -> str:
    return memo.renderer_digest(PrintRenderer(load_catalogue(project), date=day)).whole


@pytest.mark.parametrize("change", ["worksheet", "edition", "method", "font", "version",
                                    "new file", "month", "code"])
def test_every_input_of_the_print_html_changes_the_digest(project, change, monkeypatch,
                                                          tmp_path):
    before = digest(project)
    if change == "worksheet":
        sheet = project / "worksheets/proef.yml"
        sheet.write_text(sheet.read_text().replace("Vul het in.", "Vul het nu in."))
    elif change == "edition":
        edition = project / "site_config/default/editie.yml"
        edition.write_text(edition.read_text() + "\n# een opmerking\n")
    elif change == "method":
        method = project / "data/methode.yml"
        method.write_text(method.read_text() + "\n# een opmerking\n")
    elif change == "font":
        font = sorted((project / FONTS_DIR).glob("*.woff2"))[0]
        font.write_bytes(font.read_bytes() + b"\0")
    elif change == "version":
        (project / "pyproject.toml").write_text('[project]\nversion = "1.1"\n')
    elif change == "new file":
        (project / "content/assets/pictogrammen").mkdir(parents=True)
        (project / "content/assets/pictogrammen/nieuw.svg").write_text("<svg/>")
    elif change == "month":
        assert digest(project, dt.date(2026, 3, 31)) == before  # the covers show the month
        assert digest(project, dt.date(2026, 4, 1)) != before
        return
    else:  # the code, templates and print CSS: a copy of the package with one template changed
        code = tmp_path / "macros"
        shutil.copytree(memo.PACKAGE, code, ignore=shutil.ignore_patterns("__pycache__"))
        css = code / "templates/print/print.css"
        css.write_text(css.read_text() + "\n/* anders */\n")
        monkeypatch.setattr(memo, "PACKAGE", code)
    assert digest(project) != before


def test_the_digest_stays_when_nothing_changed_and_ignores_bytecode(project, tmp_path,
                                                                   monkeypatch):
    code = tmp_path / "macros"
    shutil.copytree(memo.PACKAGE, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(memo, "PACKAGE", code)
    before = digest(project)
    assert digest(project) == before
    (code / "print/__pycache__").mkdir()
    (code / "print/__pycache__/memo.cpython-311.pyc").write_bytes(b"bytecode")
    assert digest(project) == before


def test_each_job_and_a_packs_chapter_have_their_own_digest(tmp_path):
    common = "c" * 64
    assert memo.job_digest(common, "pdf/a-leeg.pdf") != memo.job_digest(common, "pdf/a-invul.pdf")
    assert memo.job_digest(common, "pdf/a.pdf") != memo.job_digest("d" * 64, "pdf/a.pdf")
    image = tmp_path / "plaatje.png"
    image.write_bytes(b"png 1")
    site = {"training/plaatje.png": image}

    def chapter(text: str):
        page = RenderedPage("training/x.md", "training/x/", "X",
                            f'<h1 id="x">X</h1><p>{text}</p><img src="../plaatje.png">')
        return page_chapter({"training/x.md": page}, "training/x.md", site)

    first = memo.job_digest(common, "pdf/x.pdf", chapter("een"))
    assert memo.job_digest(common, "pdf/x.pdf", chapter("twee")) != first
    image.write_bytes(b"png 2")  # same HTML, another image
    assert memo.job_digest(common, "pdf/x.pdf", chapter("een")) != first


def test_site_jobs_make_no_print_html_until_asked(project):
    from macros.print.jobs import site_jobs
    cat = load_catalogue(project)
    renderer = PrintRenderer(cat, date=dt.date(2026, 3, 1))
    made = []
    original = renderer.worksheet_document
    renderer.worksheet_document = lambda *a, **k: made.append(a) or original(*a, **k)
    jobs = [job for job in site_jobs(cat, [], renderer) if job.output.startswith("pdf/werkbladen")]
    assert jobs and not made and all(job.inputs_digest for job in jobs)
    assert len({job.inputs_digest for job in jobs}) == len(jobs)
    assert "<html" in jobs[0].document.html and len(made) == 1


SECOND = """\
id: tweede
titel: Tweede blad
versie: 1
voor: [cliënt]
fase: focusbepaling
basistaak: doelen-stellen
principes: []
doel: Nog een doel.
minuten: 5
wanneer: Soms.
wanneer_niet: Nooit.
begeleiding:
  introduceren: Zo.
  letten_op: Dit.
instructie: Schrijf het op.
velden:
  - id: notitie
    type: lange-tekst
    label: Wat valt je op?
"""


def test_a_worksheets_own_digest_and_html_ignore_other_worksheets(project):
    """A worksheet's PDFs are keyed by its own files and what all share (memo.py of_sheet):
    that holds only because its print HTML shows no other worksheet. Edit another worksheet:
    its digest and its print HTML stay; edit its own file: its digest changes."""
    second = project / "worksheets/tweede.yml"
    second.write_text(SECOND, encoding="utf-8")

    def state():
        cat = load_catalogue(project)
        renderer = PrintRenderer(cat, date=dt.date(2026, 3, 1))
        digests = memo.renderer_digest(renderer)
        html = [renderer.worksheet_document(cat.worksheets["proef"], f).html for f in (0, 1)]
        return digests.of_sheet("proef"), digests.of_sheet("tweede"), digests.whole, html

    proef, tweede, whole, html = state()
    second.write_text(SECOND.replace("Tweede blad", "Ander blad").replace("Schrijf", "Zet"),
                      encoding="utf-8")
    proef_after, tweede_after, whole_after, html_after = state()
    assert html_after == html and proef_after == proef
    assert tweede_after != tweede and whole_after != whole  # the books show every worksheet
    own = project / "worksheets/proef.yml"
    own.write_text(own.read_text().replace("Vul het in.", "Vul het nu in."), encoding="utf-8")
    assert state()[0] != proef


def test_a_worksheets_translation_is_its_own_file(project, tmp_path):
    cat = load_catalogue(project)
    assert memo._own_sheet(cat, memo.PurePosixPath("worksheets/proef.yml")) == "proef"
    assert memo._own_sheet(cat, memo.PurePosixPath("worksheets/vertalingen/en/proef.yml")) == "proef"
    assert memo._own_sheet(cat, memo.PurePosixPath("worksheets/vertalingen/en/_taal.yml")) is None
    assert memo._own_sheet(cat, memo.PurePosixPath("worksheets/README.md")) is None
    assert memo._own_sheet(cat, memo.PurePosixPath("data/oefeningen/proef.yml")) is None


def test_no_worksheet_of_the_real_content_shows_another_on_its_own_pdf(tmp_path):
    """The same on the project's content, every variant and language: editing one worksheet
    (its title and instruction) leaves the print HTML of every other worksheet's PDFs as it
    was, so keying those by their own files (memo.py of_sheet) is safe."""
    from macros.model.load import SOURCES
    from macros.print.jobs import site_jobs
    project = tmp_path / "p"
    for place in (*SOURCES, "site_config", "content/assets/pictogrammen", FONTS_DIR):
        source = ROOT / place
        if source.is_dir():
            shutil.copytree(source, project / place, dirs_exist_ok=True)
        elif source.is_file():
            (project / place).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, project / place)

    def documents() -> dict[str, str]:
        cat = load_catalogue(project)
        jobs = site_jobs(cat, [], PrintRenderer(cat, date=dt.date(2026, 3, 1)))
        return {job.output: job.document.html for job in jobs
                if job.output.startswith("pdf/werkbladen/")}

    before = documents()
    edited = project / "worksheets/weekplan.yml"
    text = edited.read_text(encoding="utf-8")
    assert "titel: Mijn weekplan" in text and "welke stap nu aan de beurt is" in text
    edited.write_text(text.replace("titel: Mijn weekplan", "titel: Mijn eigen weekplan", 1)
                      .replace("welke stap nu aan de beurt is", "welke stap nu komt", 1),
                      encoding="utf-8")
    after = documents()
    changed = {out for out in before if before[out] != after[out]}
    assert changed and all("/weekplan-" in out for out in changed), sorted(changed)[:5]
