"""Command line: `python -m macros check [--editie MAP]` validates all content without building."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .model.load import load_catalogue
from .model.problems import ContentError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="controleer alle inhoud")
    check.add_argument("--editie", type=Path, default=None, help="map van de editie")
    schema = sub.add_parser("schema", help="schrijf de JSON Schema-bestanden opnieuw")
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parent.parent
    if args.command == "schema":
        from .model.schema import write_schemas
        for path in write_schemas(root):
            print(f"geschreven: {path.relative_to(root)}")
        return 0
    try:
        cat = load_catalogue(root, args.editie)
    except ContentError as e:
        print(e.report(), file=sys.stderr)
        return 1
    print(f"in orde: {len(cat.worksheets)} werkbladen, {len(cat.principles)} principes, "
          f"{len(cat.exercises)} oefeningen, {len(cat.courses)} cursussen")
    return 0


if __name__ == "__main__":
    sys.exit(main())
