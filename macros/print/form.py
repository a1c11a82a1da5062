"""The form of a fillable PDF, made to work in every viewer (called from pdf.py's finisher).

WeasyPrint 70 writes an AcroForm that Acrobat copes with and others do not:

    check boxes                    export "on" when ticked; here their "on" state is named by
                                   the box's value (a tick column: "Ja", controls.TICKED; a
                                   multiple choice: the option), as a viewer's export shows it
    check boxes and radio buttons  have no /DA and only an "on" appearance: poppler, which
                                   redraws fields when /NeedAppearances is set, draws a ticked
                                   box blank; here they get a /DA (ZapfDingbats, with the
                                   tick or dot as /MK /CA) and an empty "Off" appearance
    check boxes                    export "on" when ticked; here their "on" state is named
                                   after the box's value: "Ja" for a tick column (TICKED in
                                   controls.py), the option for a multiple choice
    radio buttons                  are named "0", "1", …: pdf.js exports those instead of the
                                   option values; here each button's "on" state is named by
                                   its value (/Opt keeps the values as text, as the spec
                                   allows). Each button also gets an accessible name (/TU).
    one-line table cells           keep the font size of the page, so a long answer is cut;
                                   here their size is 0 (auto), so text shrinks to fit
    radio buttons in /Fields       are listed beside their group and named like it; readers
                                   expect them only as the group's unnamed /Kids
    widget rectangles              run from the top corner down (y1 < y0); pdf-lib, which
                                   fills the PDF in the browser, then draws a multi-line
                                   answer below its box: here they run bottom-left to top-right
    tooltips                       come from <label>, which table cells and groups lack: the
                                   names from the model (controls.py) replace them

Which inputs shrink to fit is said in the print HTML: class FIT on the <input>.
"""
from __future__ import annotations

import re

import pydyf

FIT = "kw-fit"
CHECK, DOT = "4", "l"  # ZapfDingbats: a tick, a round dot
BUTTON_DA = "0 g /ZaDb 0 Tf"


def _widget_elements(document) -> dict[bytes, object]:
    """Widget reference -> the HTML element it was made from."""
    found = {}
    for page in document.pages:
        for box in page._page_box.descendants():
            annotation = getattr(box, "widget_annotation", None)
            if annotation is not None:
                found[annotation.reference] = box.element
    return found


def _has_class(element, name: str) -> bool:
    return element is not None and name in (element.get("class") or "").split()


def _state(value: str) -> str:
    """An option value as the name of a button's "on" state (a PDF name without its /)."""
    return pydyf.name(value).decode("ascii")[1:] or "on"


def _off_appearance(pdf, on_stream) -> bytes:
    """An empty appearance of the same size as the "on" one: the box itself is page content."""
    off = pydyf.Stream(extra={"Type": "/XObject", "Subtype": "/Form",
                              "BBox": on_stream.extra["BBox"]})
    pdf.add_object(off)
    return off.reference


def _objects_by_reference(pdf) -> dict[bytes, object]:
    return {obj.reference: obj for obj in pdf.objects if isinstance(obj, pydyf.Object)
            and obj.number is not None}


def finish_form(pdf, document, labels: dict[str, str]) -> None:
    form = pdf.catalog.get("AcroForm")
    if not form:
        return
    objects = _objects_by_reference(pdf)
    elements = _widget_elements(document)
    groups = [obj for obj in pdf.objects if isinstance(obj, dict) and "Kids" in obj
              and obj.get("FT") == "/Btn"]
    kids = {ref for group in groups for ref in group["Kids"]}

    for group in groups:
        name = group["T"].string
        label = labels.get(name, group["TU"].string)
        group["TU"] = pydyf.String(label)
        group["DA"] = pydyf.String(BUTTON_DA)
        for ref, option in zip(group["Kids"], group["Opt"]):
            kid = objects[ref]
            for key in ("T", "FT"):
                kid.pop(key, None)
            state = _state(option.string)
            normal = kid["AP"]["N"]
            (old, on_stream), = normal.items()
            stream = objects[on_stream]
            kid["AP"]["N"] = pydyf.Dictionary({state: on_stream,
                                               "Off": _off_appearance(pdf, stream)})
            if kid["AS"] != "/Off":
                kid["AS"] = f"/{state}"
                group["V"] = f"/{state}"
            kid["TU"] = pydyf.String(f"{label}: {option.string}")
            kid["DA"] = pydyf.String(BUTTON_DA)
            kid["MK"]["CA"] = pydyf.String(DOT)

    for obj in pdf.objects:
        if isinstance(obj, dict) and obj.get("Subtype") == "/Widget":
            x0, y0, x1, y1 = obj["Rect"]
            obj["Rect"] = pydyf.Array((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
        if not isinstance(obj, dict) or obj.get("Subtype") != "/Widget" or obj.reference in kids:
            continue
        name = obj["T"].string
        if name in labels:
            obj["TU"] = pydyf.String(labels[name])
        if obj.get("FT") == "/Btn":  # a check box
            normal = obj["AP"]["N"]
            element = elements.get(obj.reference)
            state = _state((element.get("value") or "") if element is not None else "")
            if state != "on":
                normal[state] = normal.pop("on")
                for key in ("AS", "V"):
                    if obj.get(key) == "/on":
                        obj[key] = f"/{state}"
            normal["Off"] = _off_appearance(pdf, objects[normal[state]])
            obj["DA"] = pydyf.String(BUTTON_DA)
            obj["MK"]["CA"] = pydyf.String(CHECK)
        elif obj.get("FT") == "/Tx" and _has_class(elements.get(obj.reference), FIT):
            obj["DA"] = pydyf.String(re.sub(rb"[\d.]+ Tf", b"0 Tf", obj["DA"].string))

    form["Fields"] = type(form["Fields"])(ref for ref in form["Fields"] if ref not in kids)
    form["DR"] = _resources_with_zapf(pdf, objects[form["DR"]], objects)


def _resources_with_zapf(pdf, resources, objects) -> bytes:
    """The form's own resources: the page fonts the text fields use, and ZapfDingbats for the
    buttons' /DA (the page resources stay as they are: no page draws with it)."""
    fonts = resources["Font"]
    fonts = objects[fonts] if isinstance(fonts, bytes) else fonts
    zapf = pydyf.Dictionary({"Type": "/Font", "Subtype": "/Type1",
                             "BaseFont": "/ZapfDingbats"})
    pdf.add_object(zapf)
    own = pydyf.Dictionary({"Font": pydyf.Dictionary({**fonts, "ZaDb": zapf.reference})})
    pdf.add_object(own)
    return own.reference
