"""Command line, for work without a site generator:

    python -m macros check [--editie MAP]   validate all content without building
    python -m macros schema                 write the JSON Schemas again
    python -m macros js                     bundle the worksheet script (`make js`)
    python -m macros pages MAP [--editie MAP]
        write the pages and files the site gets from the data (one page per worksheet,
        exercise and course, the edition's files) into MAP, for a site generator that cannot
        take them from our plugin (one without a plugin API)
    python -m macros uitgave NAAM [--editie MAP] [--naar BESTAND]
        keep this build's manifest as release NAAM (default: data/uitgaven/NAAM.json), so
        that later builds show what changed since (the page "Wat is er veranderd")
    python -m macros edities [MAP ...]      build every edition (`make editions`)
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from .model.load import load_catalogue
from .model.problems import ContentError


def settings_for(root: Path, edition_dir: Path | None):
    """The build's settings (KRACHTWERK_EDITIE, as `make check ORG=…` sets it), with --editie
    taking precedence. Raises ContentError for a setting it cannot use."""
    from .build.settings import Settings
    settings = Settings.from_environment(root)
    if edition_dir is not None:
        settings = dataclasses.replace(settings, edition_dir=edition_dir.resolve())
    return settings


def counted(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def write_generated(target: Path, root: Path, edition_dir: Path | None = None) -> list[str]:
    """Write Build.generated_files() under target; returns their paths, relative to target.
    Raises ContentError, like a build, when the content has problems."""
    from .build.build import Build
    files = Build(settings_for(root, edition_dir)).generated_files()
    for path, content in sorted(files.items()):
        out = target / path
        out.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            out.write_bytes(content)
        else:
            out.write_text(content, encoding="utf-8")
    return sorted(files)


def save_release(root: Path, args) -> int:
    """Raises ContentError, like a build, when the content has problems."""
    from .build.build import Build
    from .build.release import Release
    from .model.manifest import RELEASES
    build = Build(settings_for(root, args.editie))
    release = Release(build.catalogue, lambda src: not build.is_switched_off(src),
                      build.settings.date.isoformat(), release=args.naam)
    target = args.naar or root / RELEASES / f"{args.naam}.json"
    release.save(target)
    print(f"geschreven: {target}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="controleer alle inhoud")
    check.add_argument("--editie", type=Path, default=None, help="map van de editie")
    schema = sub.add_parser("schema", help="schrijf de JSON Schema-bestanden opnieuw")
    sub.add_parser("js", help="maak het werkbladscript opnieuw uit de modules (esbuild)")
    pages = sub.add_parser("pages", help="schrijf de pagina's en bestanden uit de data in een map "
                                         "(voor een sitegenerator zonder plugins)")
    pages.add_argument("map", type=Path, help="doelmap, meestal de docs-map van een kopie")
    pages.add_argument("--editie", type=Path, default=None, help="map van de editie")
    release = sub.add_parser("uitgave", help="bewaar het manifest van deze bouw als uitgave")
    release.add_argument("naam", help="naam van de uitgave, bijvoorbeeld 2026-12")
    release.add_argument("--editie", type=Path, default=None, help="map van de editie")
    release.add_argument("--naar", type=Path, default=None, help="bestand om te schrijven")
    editions = sub.add_parser("edities", help="bouw elke editie in site_config/ in een eigen map")
    editions.add_argument("mappen", type=Path, nargs="*", help="alleen deze edities")
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parent.parent
    if args.command == "edities":
        from .build.editions import build_editions
        results = build_editions(root, args.mappen or None)
        return 0 if all(code == 0 for _, code, _ in results) else 1
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
        if args.command == "pages":
            written = write_generated(args.map, root, args.editie)
            print(f"geschreven: {len(written)} bestanden in {args.map}")
            return 0
        if args.command == "uitgave":
            return save_release(root, args)
        # the whole load and check of a build, with the version rule of the release (#23)
        from .build.build import Build
        cat = Build(settings_for(root, args.editie)).catalogue
    except ContentError as e:
        print(e.report(), file=sys.stderr)
        return 1
    print("in orde: " + ", ".join((
        counted(len(cat.worksheets), "werkblad", "werkbladen"),
        counted(len(cat.principles), "principe", "principes"),
        counted(len(cat.exercises), "oefening", "oefeningen"),
        counted(len(cat.courses), "cursus", "cursussen"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
