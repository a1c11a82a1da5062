"""What changed between two manifests (model/manifest.py): per worksheet the fields added,
removed and renamed, whether saved answers carry over, and which PDFs changed. Plain data;
web/changes.py writes the page "Wat is er veranderd" from it."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SheetChange:
    ident: str
    title: str
    old_version: int
    new_version: int
    added: list[str] = field(default_factory=list)      # labels of new fields
    removed: list[str] = field(default_factory=list)    # labels of fields that are gone
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (old id, new id), same question
    relabelled: list[tuple[str, str]] = field(default_factory=list)  # (old, new question), same id
    lost: list[str] = field(default_factory=list)       # answer names that no longer fit
    kept: int = 0                                       # answer names that still fit
    content_changed: bool = False

    @property
    def answers(self) -> str:
        """'alle', 'deels' or 'geen': how many saved answers the new version shows."""
        if not self.lost:
            return "alle"
        return "deels" if self.kept else "geen"


@dataclass
class Changes:
    release: str
    new_sheets: list[tuple[str, str]] = field(default_factory=list)  # (id, title)
    removed_sheets: list[tuple[str, str]] = field(default_factory=list)
    changed_sheets: list[SheetChange] = field(default_factory=list)
    items: dict[str, dict[str, list[tuple[str, str]]]] = field(default_factory=dict)
    pages: dict[str, list[str]] = field(default_factory=dict)  # nieuw/weg/veranderd -> paths
    pdfs: dict[str, list[str]] = field(default_factory=dict)

    @property
    def nothing(self) -> bool:
        return not (self.new_sheets or self.removed_sheets or self.changed_sheets
                    or any(v for kinds in self.items.values() for v in kinds.values())
                    or any(self.pages.values()) or any(self.pdfs.values()))


def _diff(old: dict, new: dict) -> dict[str, list]:
    return {"nieuw": sorted(k for k in new if k not in old),
            "weg": sorted(k for k in old if k not in new),
            "veranderd": sorted(k for k in new if k in old and old[k] != new[k])}


def _sheet(ident: str, old: dict, new: dict) -> SheetChange | None:
    if old.get("inhoud") == new["inhoud"] and old.get("invulvakken") == new["invulvakken"]:
        return None
    was = {f["id"]: f for f in old.get("velden", [])}
    now = {f["id"]: f for f in new["velden"]}
    gone = [i for i in was if i not in now]
    came = [i for i in now if i not in was]
    change = SheetChange(ident, new["titel"], old.get("versie", 0), new["versie"],
                         content_changed=True)
    for i in list(gone):  # the same question under a new id: renamed
        match = next((j for j in came if now[j]["label"] == was[i]["label"]
                      and now[j]["type"] == was[i]["type"]), None)
        if match:
            change.renamed.append((i, match))
            gone.remove(i)
            came.remove(match)
    change.removed = [was[i]["label"] or i for i in gone]
    change.added = [now[i]["label"] or i for i in came]
    change.relabelled = [(was[i]["label"], now[i]["label"]) for i in now
                         if i in was and was[i]["label"] != now[i]["label"]]
    controls = set(new["invulvakken"])
    old_controls = old.get("invulvakken", [])
    change.lost = [c for c in old_controls if c not in controls]
    change.kept = len(old_controls) - len(change.lost)
    return change


def _not_chosen(old: dict, new: dict) -> dict:
    """The old manifest without what this edition chose not to have (its training section
    switched off, what it leaves out): that did not change, the edition never shows it."""
    old = dict(old)
    gone = new.get("weggelaten", {})
    sheets = set(gone.get("werkblad", []))
    old["werkbladen"] = {k: v for k, v in old.get("werkbladen", {}).items() if k not in sheets}
    pdfs = {k for k in old.get("pdfs", {})
            if any(k.startswith(f"pdf/werkbladen/{s}-") for s in sheets)}
    if not new.get("training", True):
        old["oefeningen"], old["cursussen"] = {}, {}
        old["paginas"] = {k: v for k, v in old.get("paginas", {}).items()
                          if not k.startswith("training/")}
        pdfs |= {k for k in old.get("pdfs", {}) if k.startswith("pdf/training/")}
    for kind, key in (("oefening", "oefeningen"), ("cursus", "cursussen")):
        old[key] = {k: v for k, v in old.get(key, {}).items() if k not in gone.get(kind, [])}
    old["pdfs"] = {k: v for k, v in old.get("pdfs", {}).items() if k not in pdfs}
    return old


def compare(old: dict, new: dict, release: str) -> Changes:
    changes = Changes(release)
    old = _not_chosen(old, new)
    before, after = old.get("werkbladen", {}), new["werkbladen"]
    changes.new_sheets = [(i, after[i]["titel"]) for i in after if i not in before]
    changes.removed_sheets = [(i, before[i].get("titel", i)) for i in before if i not in after]
    for ident in after:
        if ident in before and (found := _sheet(ident, before[ident], after[ident])):
            changes.changed_sheets.append(found)
    for kind in ("oefeningen", "cursussen"):
        was, now = old.get(kind, {}), new[kind]
        diff = _diff({k: v.get("inhoud") for k, v in was.items()},
                     {k: v["inhoud"] for k, v in now.items()})
        titles = {**{k: v.get("titel", k) for k, v in was.items()},
                  **{k: v["titel"] for k, v in now.items()}}
        changes.items[kind] = {what: [(i, titles[i]) for i in ids] for what, ids in diff.items()}
    changes.pages = _diff(old.get("paginas", {}), new["paginas"])
    changes.pdfs = _diff(old.get("pdfs", {}), new["pdfs"])
    return changes
