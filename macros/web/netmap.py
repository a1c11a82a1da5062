"""The drawing of a netwerkkaart, computed from its model: 'ik' in the middle, a ring per
kring and a sector per vak. The web partial, the print partial and the browser script
(through `geometry`) all place things with these numbers, so the drawing and the people put
on it always agree."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass

from ..model.labels import LABELS

SIZE = 240  # the drawing is SIZE x SIZE units (the SVG viewBox)
CENTRE = SIZE / 2
ME_RADIUS = 17
OUTER_RADIUS = 100
LABEL_GAP = 17  # sector names sit this far outside the outer ring (clear of its line)


LINE = 1.15  # a second language's name goes this many font sizes under the Dutch
# print.css draws the drawing 150 mm wide: the size of one unit on paper
PAPER_UNIT_MM = 150 / SIZE


@dataclass(frozen=True)
class Label:
    """A name in the drawing (the Dutch; `path` is where a translation keeps it, see
    model/translation.py), its baseline at x, y, in `size` units."""
    text: str
    x: float
    y: float
    anchor: str
    size: float
    path: tuple
    weight: int = 400
    fill: str = "#4a5557"
    up: float = 0  # with a second language, the pair moves up this many lines (keeps its place)

    def line_y(self, second: bool, paired: bool) -> float:
        """The baseline of the Dutch (second=False) or of the second language's line."""
        return round(self.y + LINE * self.size * (int(second) - (self.up if paired else 0)), 2)

    def paper_style(self) -> str:
        """Where the second language's name goes on paper, as HTML over the drawing (CSS in
        percentages of the drawing). WeasyPrint 70 draws SVG text letter by letter, without
        shaping or bidi: Arabic in the SVG came out backwards, so on paper no translation is
        SVG text."""
        top = self.line_y(True, True) - 0.8 * self.size  # baseline -> top of a line-height 1 box
        middle = self.anchor == "middle"
        left, width = (self.x - 40, 80) if middle else (self.x, SIZE - self.x)
        return (f"left: {left / SIZE:.2%}; top: {top / SIZE:.2%}; width: {width / SIZE:.2%}; "
                f"font-size: {self.size * PAPER_UNIT_MM:.2f}mm; font-weight: {self.weight}; "
                f"color: {self.fill}; text-align: {'center' if middle else 'left'}")


@dataclass(frozen=True)
class Drawing:
    size: int
    centre: float
    me_radius: float
    radii: tuple[float, ...]  # the outer edge of each ring, closest ring first
    spokes: tuple[tuple[float, float, float, float], ...]  # sector borders: x1 y1 x2 y2
    labels: tuple[Label, ...]  # 'ik', the rings, the sectors
    geometry: str  # JSON for the browser script

    @property
    def outer(self) -> float:
        return self.radii[-1]


def _point(radius: float, degrees: float) -> tuple[float, float]:
    """Angles run clockwise from straight up, as on a clock face."""
    angle = math.radians(degrees)
    return (round(CENTRE + radius * math.sin(angle), 2),
            round(CENTRE - radius * math.cos(angle), 2))


def sector_start(count: int) -> float:
    """The first sector ends at twelve o'clock, so four sectors are the four quarters
    (top left, top right, bottom right, bottom left)."""
    return -360 / count


def network_drawing(field) -> Drawing:
    rings, sectors = field.rings, field.sectors
    step = (OUTER_RADIUS - ME_RADIUS) / len(rings)
    radii = tuple(round(ME_RADIUS + step * (k + 1), 2) for k in range(len(rings)))
    start, width = sector_start(len(sectors)), 360 / len(sectors)
    spokes = tuple((*_point(ME_RADIUS, start + s * width), *_point(OUTER_RADIUS, start + s * width))
                   for s in range(len(sectors)))
    inner = (ME_RADIUS,) + radii[:-1]
    labels = [Label(LABELS.form["map_me"], CENTRE, CENTRE + 3.5, "middle", 10,
                    ("teksten", "kaart_ik"), 700, "#1f2627", up=0.5)]
    # Ring names run down the twelve o'clock line, just right of it, in the middle of the ring.
    labels += [Label(ring.label, CENTRE + 3, round(CENTRE - (a + b) / 2 + 2, 2), "start", 6.5,
                     ("velden", field.id, "kringen", ring.id), up=0.5)
               for ring, a, b in zip(rings, inner, radii)]
    for s, sector in enumerate(sectors):
        x, y = _point(OUTER_RADIUS + LABEL_GAP, start + (s + 0.5) * width)
        # Below the middle the text hangs under its point, above it stands on it (and a second
        # language stands on it, the Dutch above that).
        below = y > CENTRE
        labels.append(Label(sector.label, x, round(y + (7 if below else 0), 2), "middle", 8.5,
                            ("velden", field.id, "sectoren", sector.id), 700, "#2b3436",
                            up=0 if below else 1))
    geometry = json.dumps({"size": SIZE, "me": ME_RADIUS, "radii": radii,
                           "rings": [r.id for r in rings], "sectors": [s.id for s in sectors],
                           "start": start}, separators=(",", ":"))
    return Drawing(SIZE, CENTRE, ME_RADIUS, radii, spokes, tuple(labels), geometry)
