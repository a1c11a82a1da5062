"""Read a YAML file into plain data while remembering the line of every key and item.

PyYAML forgets positions once it builds Python objects, so we compose the node tree first,
record where each path starts, then construct the data from that same tree.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .limits import MAX_YAML_ALIASES, MAX_YAML_NODES, read_source
from .problems import Problem

Path_ = tuple  # a path into the data: keys and list indexes

# libyaml's parser is about ten times faster and keeps the same line marks.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LocatedData:
    """Data from one YAML file plus the line where each path starts."""

    def __init__(self, file: str, data, lines: dict[Path_, int]):
        self.file = file
        self.data = data
        self.lines = lines

    def line_of(self, loc: Path_) -> int:
        """Line of the deepest part of loc that exists in the file.

        Steps that are not in the file (pydantic adds the union tag, e.g. 'schaal') are
        skipped, so a location like ('velden', 2, 'schaal', 'min') still finds its line.
        """
        best, prefix = self.lines.get((), 1), ()
        for step in loc:
            candidate = prefix + (step,)
            if candidate in self.lines:
                prefix = candidate
                best = self.lines[candidate]
        return best


class _TooBig(Exception):
    pass


def _walk(node, path: Path_, lines: dict, problems: list, file: str, budget: list) -> None:
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooBig(node.start_mark.line + 1)
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(file, key_node.start_mark.line + 1, _dotted(path),
                                        "een sleutel moet een woord zijn, geen lijst of "
                                        "mapping (? [a, b]); schrijf sleutel: waarde"))
                continue
            key = key_node.value
            if key in seen:
                problems.append(Problem(file, key_node.start_mark.line + 1, _dotted(path + (key,)),
                                        f"sleutel '{key}' staat er twee keer (ook op regel "
                                        f"{seen[key]}); laat er één over"))
            seen[key] = key_node.start_mark.line + 1
            lines[path + (key,)] = key_node.start_mark.line + 1
            _walk(value_node, path + (key,), lines, problems, file, budget)
            lines[path + (key,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), lines, problems, file, budget)


def _dotted(path: Path_) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


where = _dotted


def read_yaml(path: Path, root: Path, *homes: Path) -> tuple[LocatedData | None, list[Problem]]:
    """Parse one file; return (data, problems). Data is None when the file is unusable.
    homes: the folders the file may really be in (a symlink out of them is refused)."""
    file = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    text, problems = read_source(path, file, *(homes or (root,)))
    if text is None:
        return None, problems
    return parse_yaml(text, file)


def _aliases(text: str, file: str, first_line: int) -> list[Problem]:
    """A file with more aliases than the limit: refused before it is built (a YAML bomb)."""
    if "*" not in text:  # every alias is written *name: without a star, nothing to count
        return []
    count = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                count += 1
                if count > MAX_YAML_ALIASES:
                    return [Problem(file, first_line + event.start_mark.line, "",
                                    f"meer dan {MAX_YAML_ALIASES} YAML-aliassen (*naam); "
                                    "schrijf de tekst uit in plaats van te verwijzen")]
    except yaml.YAMLError:
        pass  # the parse below reports it with its line
    return []


def parse_yaml(text: str, file: str, first_line: int = 1
               ) -> tuple[LocatedData | None, list[Problem]]:
    """YAML text (a file, or a page's front matter starting at first_line) into data."""
    if found := _aliases(text, file, first_line):
        return None, found
    if not text.strip() or all(l.strip().startswith("#") or not l.strip()
                               for l in text.splitlines()):
        return None, [Problem(file, 1, "", "het bestand is leeg; verwacht een YAML-mapping "
                              "met sleutels zoals 'id' en 'titel'")]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [Problem(file, 1, "", "het bestand is leeg")]
        problems: list[Problem] = []
        lines: dict[Path_, int] = {}
        _walk(node, (), lines, problems, file, [MAX_YAML_NODES])
        if any("een sleutel moet een woord zijn" in p.message for p in problems):
            return None, problems
        data = loader.construct_document(node)
    except _TooBig as e:
        return None, [Problem(file, first_line + e.args[0] - 1, "", "meer dan "
                              f"{MAX_YAML_NODES} sleutels en lijstitems (aliassen meegeteld); "
                              f"de grens is {MAX_YAML_NODES}, en {MAX_YAML_ALIASES} aliassen")]
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = first_line + mark.line if mark else first_line
        what = (e.problem or e.context or "onleesbare YAML").strip()
        return None, [Problem(file, line, "", f"YAML-fout: {_yaml_dutch(what)}; controleer "
                              "inspringing, dubbele punten en aanhalingstekens")]
    except yaml.YAMLError as e:  # pragma: no cover - unmarked parser errors are rare
        return None, [Problem(file, 1, "", f"YAML-fout: {e}")]
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        return None, [Problem(file, 1, "", "verwacht een YAML-mapping (sleutel: waarde) "
                              f"bovenaan, maar vond {type(data).__name__}")]
    return LocatedData(file, data, lines), problems


_YAML_PHRASES = {
    "mapping values are not allowed here": "hier mag geen 'sleutel: waarde' staan",
    "could not find expected ':'": "verwachtte een ':'",
    "found character that cannot start any token": "een teken dat hier niet mag (tab?)",
    "expected <block end>, but found": "onverwachte inspringing bij",
    "found undefined alias": "onbekende alias",
    "found unexpected end of stream": "het bestand houdt onverwacht op",
    "did not find expected key": "verwachtte een sleutel",
    "did not find expected '-' indicator": "verwachtte een '-' voor een lijstitem",
    "found unhashable key": "een sleutel die geen tekst is",
}


def _yaml_dutch(message: str) -> str:
    for english, nl in _YAML_PHRASES.items():
        if message.startswith(english):
            return nl + message[len(english):]
    return message
