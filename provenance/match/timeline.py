"""Each measure's figures over time, per source, with revisions and rival figures marked:
"deaths: fire service 3 (Mon) -> 5 (Tue); union 7 (Tue), disputes the fire service"."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from provenance.match.conflicts import FoundConflict
from provenance.match.figures import is_unnamed
from provenance.match.frames import ClaimFrame


@dataclass(frozen=True)
class Point:
    """One figure of one claim on the timeline of its measure."""

    claim_id: int
    day: str | None
    source: str
    outlet: str | None
    figure: str
    value: float | None
    places: tuple[str, ...]
    revises: tuple[int, ...] = ()
    disputes: tuple[int, ...] = ()


@dataclass
class Timeline:
    """A measure's points in the order of the days they are about."""

    measure: str
    points: list[Point] = field(default_factory=list)


def timelines(frames: Iterable[ClaimFrame], conflicts: Iterable[FoundConflict]) -> list[Timeline]:
    """The timelines of the measures given different values, or in a conflict."""
    revises: dict[int, list[int]] = defaultdict(list)
    disputes: dict[int, list[int]] = defaultdict(list)
    for c in conflicts:
        if c.kind == "update":
            revises[c.b].append(c.a)
        elif c.kind == "numeric":
            disputes[c.a].append(c.b)
            disputes[c.b].append(c.a)
    by_measure: dict[str, list[Point]] = defaultdict(list)
    for f in frames:
        for figure in f.figures:
            by_measure[figure.measure].append(Point(
                f.id, f.day or (str(f.year) if f.year else None), _source_name(f), f.outlet,
                figure.text, figure.value,
                tuple(sorted(figure.places)), tuple(sorted(revises.get(f.id, ()))),
                tuple(sorted(disputes.get(f.id, ())))))
    out = []
    for measure, points in sorted(by_measure.items()):
        marked = any(p.revises or p.disputes for p in points)
        named = not is_unnamed(measure)
        if marked or (named and len({p.value for p in points}) > 1):
            out.append(Timeline(measure, sorted(points, key=lambda p: (p.day or "", p.claim_id))))
    return out


def _source_name(f: ClaimFrame) -> str:
    return f.source.name if f.source.kind != "own" else f"{f.outlet or 'the outlet'} itself"
