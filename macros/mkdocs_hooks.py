"""MkDocs hooks (registered in mkdocs.yml): pages and navigation generated from the catalogue.

Loaded by MkDocs as a loose file, so it puts the project root on sys.path itself.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.adapter import state  # noqa: E402
from macros.pages import generated_pages, add_to_nav  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402


def on_config(config):
    cat = state["catalogue"]
    config.site_name = cat.edition.name
    config.nav = add_to_nav(config.nav, cat)
    return config


SEARCH_WORKER = Path(__file__).parent / "assets" / "krachtwerk-search.js"


def _material_worker() -> str:
    import material
    workers = Path(material.__file__).parent / "templates/assets/javascripts/workers"
    [worker] = workers.glob("search.*.min.js")
    return worker.name


def on_files(files, config):
    for src_uri, text in generated_pages(state["catalogue"]).items():
        files.append(File.generated(config, src_uri, content=text))
    worker = SEARCH_WORKER.read_text(encoding="utf-8").replace("{{MATERIAL_WORKER}}",
                                                               _material_worker())
    files.append(File.generated(config, "assets/javascripts/workers/krachtwerk-search.js",
                                content=worker))
    return files
