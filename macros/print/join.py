"""One PDF from the parts of a book (book_parts.py), with pikepdf (qpdf).

Each part is a tagged PDF of its own (WeasyPrint, pdf/ua-1). Joining keeps what the book
rendered in one go has: the pages in order, one structure tree (the parts' elements under the
first part's Document element, with the parent tree renumbered), the named destinations of
every part, links between parts as links to those destinations, and one outline built from
the bookmarks' levels (a section in one part nests under the chapter of an earlier part). The
catalogue entries (/Lang, /MarkInfo, /ViewerPreferences, the XMP metadata with the title and
the PDF/UA identifier) are the first part's: every part has the book's title and language.
"""
from __future__ import annotations

import hashlib
import io

import pikepdf
from pikepdf import Array, Dictionary, Name, NameTree, NumberTree, OutlineItem, String

from .pdf import BOOK_PAGES

# A link to another part is rendered as a URI with this scheme (book_parts.py) and becomes a
# link to the named destination when the parts are joined.
PART_LINK = "kwboek:"


def copy_object(out: pikepdf.Pdf, src: pikepdf.Pdf, obj):
    """obj of src in out; qpdf keeps one copy per object, so references to pages already
    appended land on those pages."""
    if not isinstance(obj, pikepdf.Object):
        return obj
    if not obj.is_indirect:
        obj = src.make_indirect(obj)
    return out.copy_foreign(obj)


def document_element(root) -> pikepdf.Dictionary:
    kids = root.K
    return kids[0] if isinstance(kids, Array) else kids


def _outline_destinations(pdf: pikepdf.Pdf) -> list:
    found = []
    with pdf.open_outline() as outline:
        todo = list(reversed(outline.root))
        while todo:
            item = todo.pop()
            found.append(item.destination)
            todo.extend(reversed(item.children))
    return found


def _next_key(root, entries) -> int:
    """The first parent tree key a part does not use (WeasyPrint 70 writes no
    /ParentTreeNextKey)."""
    return max(int(root.get("/ParentTreeNextKey", 0)),
               max((key for key, _ in entries), default=-1) + 1)


def _part_link(annot) -> str | None:
    action = annot.get("/A")
    if isinstance(action, Dictionary) and action.get("/S") == Name.URI:
        uri = str(action.get("/URI", ""))
        if uri.startswith(PART_LINK):
            return uri.removeprefix(PART_LINK)
    return None


def join(parts: list[tuple[bytes, dict]]) -> bytes:
    """parts: each part's PDF with its facts (pdf.render_with_facts: bookmarks with levels)."""
    out = pikepdf.open(io.BytesIO(parts[0][0]))
    sources = []  # kept open until the book is saved: their objects are copied lazily
    root = out.Root.StructTreeRoot
    document = document_element(root)
    nums = list(NumberTree(root.ParentTree).items())
    next_key = _next_key(root, nums)
    dests: dict[str, object] = {}
    marks: list[tuple[int, str, object]] = []

    def take(pdf: pikepdf.Pdf, facts: dict, first_page: int, copy) -> None:
        if "/Names" in pdf.Root and "/Dests" in pdf.Root.Names:
            for name, dest in NameTree(pdf.Root.Names.Dests).items():
                dests[name] = copy(dest)
        outline = _outline_destinations(pdf)
        bookmarks = facts.get("bookmarks", [])
        for n, (page, level, label) in enumerate(bookmarks):
            dest = outline[n] if len(outline) == len(bookmarks) else None
            dest = copy(dest) if dest is not None else Array(
                [out.pages[first_page + page].obj, Name.Fit])
            marks.append((level, label, dest))

    take(out, parts[0][1], 0, lambda obj: obj)
    for data, facts in parts[1:]:
        src = pikepdf.open(io.BytesIO(data))
        sources.append(src)
        first_page = len(out.pages)
        out.pages.extend(src.pages)
        sroot = src.Root.StructTreeRoot
        offset = next_key
        entries = list(NumberTree(sroot.ParentTree).items())
        for key, value in entries:
            nums.append((key + offset, copy_object(out, src, value)))
        for page in out.pages[first_page:]:
            if "/StructParents" in page.obj:
                page.obj.StructParents = int(page.obj.StructParents) + offset
            for annot in page.obj.get("/Annots", []):
                if "/StructParent" in annot:
                    annot.StructParent = int(annot.StructParent) + offset
        next_key = offset + _next_key(sroot, entries)
        for kid in document_element(sroot).K:
            copied = copy_object(out, src, kid)
            if isinstance(copied, Dictionary) and "/P" in copied:
                copied.P = document
            document.K.append(copied)
        if "/RoleMap" in sroot:
            role_map = root.setdefault("/RoleMap", Dictionary())
            for name, role in sroot.RoleMap.items():
                role_map[name] = role
        take(src, facts, first_page, lambda obj, src=src: copy_object(out, src, obj))

    tree = NumberTree.new(out)
    for key, value in nums:
        tree[key] = value
    root.ParentTree = tree.obj
    root.ParentTreeNextKey = next_key
    names = NameTree.new(out)
    for name, dest in sorted(dests.items()):
        names[name] = dest
    out.Root.Names = Dictionary(Dests=names.obj)
    for page in out.pages:
        for annot in page.obj.get("/Annots", []):
            target = _part_link(annot)
            if target is not None and target in dests:
                del annot["/A"]
                annot.Dest = String(target)
    _outline(out, marks)
    _share_identical_resources(out)
    if marks and len(out.pages) > BOOK_PAGES:  # as pdf.py's finisher does for one document
        out.Root.PageMode = Name.UseOutlines
    elif "/PageMode" in out.Root:
        del out.Root["/PageMode"]
    buffer = io.BytesIO()
    out.save(buffer, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    for src in sources:
        src.close()
    return buffer.getvalue()


def _outline(out: pikepdf.Pdf, marks: list[tuple[int, str, object]]) -> None:
    """Bookmarks nested by level as WeasyPrint nests them: under the last one less deep."""
    with out.open_outline() as outline:
        outline.root.clear()
        stack: list[tuple[int, list]] = [(0, outline.root)]
        for level, label, dest in marks:
            while len(stack) > 1 and stack[-1][0] >= level:
                stack.pop()
            item = OutlineItem(label, dest)
            stack[-1][1].append(item)
            stack.append((level, item.children))


def _digest(obj, memo: dict) -> bytes:
    """What an object is, followed through its references: equal for the copies of one font
    or image that parts cut from the same one-go render (split.py) each brought along."""
    if isinstance(obj, pikepdf.Object) and obj.is_indirect:
        if obj.objgen in memo:
            return memo[obj.objgen]
        memo[obj.objgen] = b"cycle"
    h = hashlib.sha256()
    if isinstance(obj, pikepdf.Stream):
        h.update(obj.read_raw_bytes())
    if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
        for key in sorted(obj.keys()):
            if key not in ("/Length", "/Parent"):
                h.update(key.encode() + _digest(obj[key], memo))
    elif isinstance(obj, Array):
        for item in obj:
            h.update(_digest(item, memo))
    else:
        h.update(repr(obj).encode())
    value = h.digest()
    if isinstance(obj, pikepdf.Object) and obj.is_indirect:
        memo[obj.objgen] = value
    return value


def _share_identical_resources(out: pikepdf.Pdf) -> None:
    """One copy of each font, image and pattern that several parts carry."""
    memo: dict = {}
    first: dict[bytes, object] = {}
    for page in out.pages:
        resources = page.obj.get("/Resources")
        if not isinstance(resources, Dictionary):
            continue
        for kind in ("/Font", "/XObject", "/Pattern", "/ExtGState"):
            entries = resources.get(kind)
            if not isinstance(entries, Dictionary):
                continue
            for name, value in list(entries.items()):
                if isinstance(value, pikepdf.Object) and value.is_indirect:
                    same = first.setdefault(_digest(value, memo), value)
                    if same.objgen != value.objgen:
                        entries[name] = same
