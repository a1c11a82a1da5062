"""The drawing of a netwerkkaart, computed from its model: 'ik' in the middle, a ring per
kring and a sector per vak. The web partial, the print partial and the browser script
(through `geometry`) all place things with these numbers, so the drawing and the people put
on it always agree."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass

SIZE = 240  # the drawing is SIZE x SIZE units (the SVG viewBox)
CENTRE = SIZE / 2
ME_RADIUS = 17
OUTER_RADIUS = 100
LABEL_GAP = 17  # sector names sit this far outside the outer ring (clear of its line)


@dataclass(frozen=True)
class Label:
    text: str
    x: float
    y: float
    anchor: str = "middle"


@dataclass(frozen=True)
class Drawing:
    size: int
    centre: float
    me_radius: float
    radii: tuple[float, ...]  # the outer edge of each ring, closest ring first
    spokes: tuple[tuple[float, float, float, float], ...]  # sector borders: x1 y1 x2 y2
    ring_labels: tuple[Label, ...]
    sector_labels: tuple[Label, ...]
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
    # Ring names run down the twelve o'clock line, just right of it, in the middle of the ring.
    ring_labels = tuple(Label(ring.label, CENTRE + 3, round(CENTRE - (a + b) / 2 + 2, 2), "start")
                        for ring, a, b in zip(rings, inner, radii))
    sector_labels = []
    for s, sector in enumerate(sectors):
        x, y = _point(OUTER_RADIUS + LABEL_GAP, start + (s + 0.5) * width)
        # Below the middle the text hangs under its point, above it stands on it.
        sector_labels.append(Label(sector.label, x, round(y + (7 if y > CENTRE else 0), 2)))
    geometry = json.dumps({"size": SIZE, "me": ME_RADIUS, "radii": radii,
                           "rings": [r.id for r in rings], "sectors": [s.id for s in sectors],
                           "start": start}, separators=(",", ":"))
    return Drawing(SIZE, CENTRE, ME_RADIUS, radii, spokes, ring_labels, tuple(sector_labels),
                   geometry)
