"""A book rendered in one go, cut into the PDFs of its parts (book_parts.py), with pikepdf.

A build that knows no part of a book yet (a cold build, or an edit that moved most page
numbers) renders the book once, as one WeasyPrint document: that is the book, and it costs one
render instead of the parts' two rounds (the first round would only learn page numbers). Its
pages are then cut into the parts a later edit re-renders one by one, so that edit finds every
other part in the cache. join.py makes a book of parts again.

WeasyPrint 70 puts one structure element under the Document element for every page a
top-level box is laid out on, so a part's pages own a run of the Document's kids: a part keeps
its pages, those kids, their parent tree entries and the named destinations on its pages.
"""
from __future__ import annotations

import io
import re

import pikepdf
from pikepdf import Array, Dictionary, Name, NameTree, NumberTree

from .join import copy_object, document_element


def _first_page(element, page_of: dict) -> int | None:
    """The page (from 0) an element's first content is on."""
    todo = [element]
    while todo:
        item = todo.pop(0)
        if not isinstance(item, Dictionary):
            continue
        if "/Pg" in item and item.Pg.objgen in page_of:
            return page_of[item.Pg.objgen]
        kids = item.get("/K")
        todo[:0] = list(kids) if isinstance(kids, Array) else [kids]
    return None


RESOURCE_NAME = re.compile(rb"/([^\s/<>\[\]()%{}]+)")


def _own_resources(page) -> None:
    """WeasyPrint gives every page one shared resource dictionary (every image, pattern and
    font of the book); a part keeps only what its pages draw, or each part would carry all."""
    contents = page.obj.Contents
    streams = list(contents) if isinstance(contents, Array) else [contents]
    used = {m.decode("latin-1") for s in streams for m in RESOURCE_NAME.findall(s.read_bytes())}
    shared = page.obj.Resources
    own = Dictionary()
    for kind, entries in shared.items():
        own[kind] = (Dictionary({name: value for name, value in entries.items()
                                 if name[1:] in used})
                     if isinstance(entries, Dictionary) else entries)
    page.obj.Resources = own


def split(data: bytes, page_counts: list[int]) -> list[bytes]:
    """The book's PDF cut after each part's number of pages."""
    src = pikepdf.open(io.BytesIO(data))
    page_of = {page.objgen: n for n, page in enumerate(src.pages)}
    root = src.Root.StructTreeRoot
    document = document_element(root)
    kids = [(_first_page(kid, page_of), kid) for kid in document.K]
    parents = dict(NumberTree(root.ParentTree).items())
    dests = []
    if "/Names" in src.Root and "/Dests" in src.Root.Names:
        for name, dest in NameTree(src.Root.Names.Dests).items():
            target = dest.D if isinstance(dest, Dictionary) else dest
            if isinstance(target, Array) and target[0].objgen in page_of:
                dests.append((page_of[target[0].objgen], name, dest))
    for page in src.pages:
        _own_resources(page)
    parts, first = [], 0
    for count in page_counts:
        parts.append(_part(src, first, first + count - 1, kids, parents, dests, document))
        first += count
    src.close()
    return parts


def _part(src, first: int, last: int, kids, parents, dests, document) -> bytes:
    """Pages first..last (from 0) of src as a PDF of their own."""
    out = pikepdf.new()
    out.pages.extend(src.pages[first:last + 1])
    for key in ("/Lang", "/MarkInfo", "/ViewerPreferences", "/Metadata"):
        if key in src.Root:
            out.Root[key] = copy_object(out, src, src.Root[key])
    out.docinfo = copy_object(out, src, src.docinfo)
    element = out.make_indirect(Dictionary({k: v for k, v in document.items()
                                            if k not in ("/K", "/P")}))
    element.K = Array()
    for page, kid in kids:
        if page is not None and first <= page <= last:
            parent = kid.P
            del kid["/P"]  # or copying it would copy the whole book's tree
            copied = out.copy_foreign(kid)
            kid.P = parent
            copied.P = element
            element.K.append(copied)
    keys = set()
    for page in out.pages:
        if "/StructParents" in page.obj:
            keys.add(int(page.obj.StructParents))
        keys |= {int(annot.StructParent) for annot in page.obj.get("/Annots", [])
                 if "/StructParent" in annot}
    tree = NumberTree.new(out)
    for key in sorted(keys & parents.keys()):
        tree[key] = copy_object(out, src, parents[key])
    names = NameTree.new(out)
    for page, name, dest in dests:
        if first <= page <= last:
            names[name] = copy_object(out, src, dest)
    out.Root.Names = Dictionary(Dests=names.obj)
    out.Root.StructTreeRoot = out.make_indirect(Dictionary(
        Type=Name.StructTreeRoot, K=element, ParentTree=tree.obj,
        ParentTreeNextKey=max(keys, default=-1) + 1))
    element.P = out.Root.StructTreeRoot
    buffer = io.BytesIO()
    out.save(buffer, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return buffer.getvalue()
