"""Every fixed Dutch string the renderers show, in one place (loaded from ui_text.yml)."""
from pathlib import Path
from types import SimpleNamespace

import yaml

# libyaml's loader when there is one: the pure-Python one took 50 ms of every build.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DATA = yaml.load(Path(__file__).with_name("ui_text.yml").read_text(encoding="utf-8"), _LOADER)
LABELS = SimpleNamespace(**_DATA)
