"""Touches to WeasyPrint 70's tagged PDF (called from pdf.py): running heads and footers as
artifacts, one link per contents line, and the language of each passage on its structure
element.

WeasyPrint 70 marks the text of page margin boxes (running heads, page numbers, footers) as
tagged content and builds structure elements for it that it does not link into the structure
tree (artifacts inside the tree are PDF 2.0 only). A screen reader then meets marked content
without a place in the tree. Here that content becomes /Artifact /Pagination content, and its
entries in the parent tree are emptied.
"""
from __future__ import annotations

import pydyf

# The document's own language is the catalogue's /Lang (from <html lang>); the boxes of these
# elements stand for the whole document, not for a passage in it.
DOCUMENT_ELEMENTS = ("html", "body")


def tag_languages() -> None:
    """Give each structure element of an HTML element with a `lang` attribute that /Lang, so a
    screen reader reads a bilingual sheet's Arabic in an Arabic voice (PDF 1.7, 14.9.2).

    WeasyPrint 70 writes only the document's /Lang, and where it turns boxes into structure
    elements (pdf/tags.py, `_build_box_tree`) is the only place that knows which element came
    from which box: after it, a struct element holds no trace of its HTML element. So that
    function is wrapped: every element it yields for a box whose HTML element has `lang` gets
    /Lang; its children inherit it, as they inherit the document's nl. The recursion calls the
    module's name, so nested boxes pass through the wrapper too. Idempotent (each worker
    process calls it before writing); tests/test_pdf_bilingual.py reads the tree back, so a
    WeasyPrint that changes this function fails there, not silently."""
    from weasyprint.pdf import tags

    build = tags._build_box_tree
    if getattr(build, "tags_languages", False):
        return

    def build_with_language(box, *rest):
        element = getattr(box, "element", None)
        lang = None
        if element is not None and getattr(box, "element_tag", None) not in DOCUMENT_ELEMENTS:
            lang = element.get("lang")
        for struct in build(box, *rest):
            if lang and "Lang" not in struct:
                struct["Lang"] = pydyf.String(lang)
            yield struct

    build_with_language.tags_languages = True
    tags._build_box_tree = build_with_language


def _reference(value) -> bytes | None:
    return value if isinstance(value, bytes) and value.endswith(b" R") else None


def _reachable(objects: dict[bytes, object], start) -> set[bytes]:
    """Every structure element reachable from the structure tree root through /K."""
    seen: set[bytes] = set()
    todo = [start]
    while todo:
        node = todo.pop()
        if isinstance(node, (list, tuple)):
            todo.extend(node)
            continue
        ref = _reference(node)
        if ref is None or ref in seen or ref not in objects:
            continue
        seen.add(ref)
        obj = objects[ref]
        if isinstance(obj, dict) and "K" in obj:
            todo.append(obj["K"])
    return seen


def margins_as_artifacts(pdf) -> None:
    root_ref = _reference(pdf.catalog.get("StructTreeRoot"))
    if root_ref is None:
        return
    objects = {obj.reference: obj for obj in pdf.objects
               if isinstance(obj, pydyf.Object) and obj.number is not None}
    root = objects[root_ref]
    in_tree = _reachable(objects, root["K"])
    nums = objects[_reference(root["ParentTree"])]["Nums"]
    per_page = dict(zip(nums[0::2], nums[1::2]))
    kids = pdf.pages["Kids"]  # pydyf keeps them as number, 0, R
    pages = [objects[f"{number} 0 R".encode()] for number in kids[0::3]]
    for number, page in enumerate(pages):
        mapping = per_page.get(number)
        if not isinstance(mapping, list):
            continue
        orphans = {mcid for mcid, ref in enumerate(mapping) if ref not in in_tree}
        if not orphans:
            continue
        content = objects[_reference(page["Contents"])].stream
        for i, item in enumerate(content):
            if (isinstance(item, pydyf.Dictionary) and item.get("MCID") in orphans
                    and i and i + 1 < len(content) and content[i + 1] == b"BDC"):
                content[i - 1] = "/Artifact"
                content[i] = pydyf.Dictionary({"Type": "/Pagination"})
        for mcid in orphans:
            mapping[mcid] = "null"


def _inside(inner, outer) -> bool:
    ix0, iy0, ix1, iy1 = (float(v) for v in inner)
    ox0, oy0, ox1, oy1 = (float(v) for v in outer)
    return (min(ox0, ox1) <= min(ix0, ix1) and max(ix0, ix1) <= max(ox0, ox1)
            and min(oy0, oy1) <= min(iy0, iy1) and max(iy0, iy1) <= max(oy0, oy1))


def _dest(link):
    """Where a link goes: its destination in this PDF, or the address of a link to another
    part of a book (book_parts.py), which becomes a destination when the parts are joined."""
    dest = link["Dest"] if "Dest" in link else link["A"].get("URI")
    return getattr(dest, "string", dest)


def _is_link(annot) -> bool:
    return annot.get("Subtype") == "/Link" and ("Dest" in annot or (
        isinstance(annot.get("A"), dict) and "URI" in annot["A"]))


def one_link_per_line(pdf) -> None:
    """WeasyPrint 70 gives a link's generated content (a contents line's leader and page
    number) links of their own inside the link's rectangle: a screen reader announced each
    contents line three times. Links inside another to the same place are dropped, with
    their place in the structure tree."""
    objects = {obj.reference: obj for obj in pdf.objects
               if isinstance(obj, pydyf.Object) and obj.number is not None}
    dropped: set[bytes] = set()
    for number in pdf.pages["Kids"][0::3]:
        page = objects[f"{number} 0 R".encode()]
        annots = page.get("Annots")
        if not annots:
            continue
        links = [objects[ref] for ref in annots if _is_link(objects.get(ref, {}))]
        for link in links:
            if any(other is not link and other.reference not in dropped
                   and _dest(other) == _dest(link) and _inside(link["Rect"], other["Rect"])
                   for other in links):
                dropped.add(link.reference)
        page["Annots"] = pydyf.Array(ref for ref in annots if ref not in dropped)
    if not dropped:
        return
    for obj in objects.values():
        if isinstance(obj, dict) and obj.get("S") == "/Link" and isinstance(obj.get("K"), list):
            obj["K"] = pydyf.Array(
                kid for kid in obj["K"]
                if not (isinstance(objects.get(kid), dict)
                        and objects[kid].get("Obj") in dropped))
