"""MkDocs hook used only by the benchmark: write each page's final Markdown (after the macros)
to $BENCH_DUMP, so the baseline can build exactly the same Markdown with stock Material. The
tooltip glossary our hook hands to the abbr extension goes to $BENCH_DUMP.glossary.json, so
the baseline's Markdown does the same work."""
import json
import os
from pathlib import Path

from mkdocs.plugins import event_priority


@event_priority(-100)
def on_config(config):
    glossary = config.mdx_configs.get("abbr", {}).get("glossary", {})
    Path(os.environ["BENCH_DUMP"] + ".glossary.json").write_text(
        json.dumps(glossary, ensure_ascii=False), encoding="utf-8")


@event_priority(-100)
def on_page_markdown(markdown, page, config, files):
    target = Path(os.environ["BENCH_DUMP"]) / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    meta = "".join(f"{k}: {v!r}\n" for k, v in page.meta.items() if k == "title")
    target.write_text((f"---\n{meta}---\n\n" if meta else "") + markdown, encoding="utf-8")
    return markdown
