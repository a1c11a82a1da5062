"""Every fixed Dutch string the renderers show, in one place (loaded from ui_text.yml)."""
from pathlib import Path
from types import SimpleNamespace

import yaml

_DATA = yaml.safe_load((Path(__file__).with_suffix(".yml")).read_text(encoding="utf-8"))
LABELS = SimpleNamespace(**_DATA)
