"""Strict content models, in one namespace: what a valid worksheet, principle, exercise, course and edition is.

Authors write Dutch keys; Python code uses English attribute names. The translation lives in
one table (DUTCH_KEYS) that pydantic uses as alias generator, so the JSON Schema, the error
locations and the YAML files all speak Dutch. Unknown keys are errors everywhere.
"""
from __future__ import annotations

from .base import *  # noqa: F401,F403
from .base import dutch, DUTCH_KEYS  # noqa: F401
from .edition import *  # noqa: F401,F403
from .method import *  # noqa: F401,F403
from .method import word_forms  # noqa: F401
from .search_words import *  # noqa: F401,F403
from .search_words import fold  # noqa: F401
from .training import *  # noqa: F401,F403
from .training import CLOCK  # noqa: F401
from .worksheet import *  # noqa: F401,F403
from .worksheet import FIELD_CLASSES, FIELD_TYPES  # noqa: F401
