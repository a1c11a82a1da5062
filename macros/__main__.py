"""Command line: `python -m macros check [--editie MAP]` validates all content without building;
`schema` writes the JSON Schemas; `js` bundles the worksheet script (`make js`)."""
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
    sub.add_parser("js", help="maak het werkbladscript opnieuw uit de modules (esbuild)")
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parent.parent
    if args.command == "js":
        from .web import worksheet_script
        try:
            path, changed = worksheet_script.write(root)
        except worksheet_script.ScriptError as e:
            print(e, file=sys.stderr)
            return 1
        print(f"{'geschreven' if changed else 'al actueel'}: {path.relative_to(root)}")
        return 0
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
