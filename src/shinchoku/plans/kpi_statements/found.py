"""One indicator of a statement, as the extractor returns it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass
class Found:
    """One indicator of a statement, in the corpus labels' terms."""

    name: str
    unit: str
    target: float | None = None
    baseline: float | None = None
    comparator: str | None = None
    direction: str | None = None
    deadline_fy: int | None = None
    baseline_date: dt.date | None = None
    targets: dict[int, float] = field(default_factory=dict)
    per: str | None = None
    change: bool = False
    spans: dict[str, Span] = field(default_factory=dict)  # in the original text

    def to_dict(self) -> dict[str, Any]:
        def num(v: float | None) -> int | float | None:
            if v is None:
                return None
            return int(v) if float(v).is_integer() else v

        return {
            "name": self.name,
            "unit": self.unit,
            "comparator": self.comparator,
            "direction": self.direction,
            "target": num(self.target),
            "deadline_fy": self.deadline_fy,
            "baseline": num(self.baseline),
            "baseline_date": self.baseline_date.isoformat()
            if self.baseline_date
            else None,
            "targets": {str(k): num(v) for k, v in sorted(self.targets.items())},
            "per": self.per,
            "change": self.change,
        }

    def relative_rule(self) -> str | None:
        """A change target as the interchange format's relative rule
        ('430人削減', '10人増加'); None for a level."""
        if not self.change or self.target is None:
            return None
        value = int(self.target) if float(self.target).is_integer() else self.target
        return f"{value}{self.unit}{'削減' if self.direction == 'lower' else '増加'}"

    def to_kpi(self, source: str) -> dict[str, Any]:
        """The interchange format's `kpis` shape (docs/interchange-format.md), with
        `evidence`: the [start, end) spans in `source` of the words each part
        came from. A change target is a relative rule, not a level."""
        d = self.to_dict()
        relative = self.relative_rule()
        return {
            "name": d["name"],
            "unit": d["unit"],
            "comparator": d["comparator"],
            "direction": d["direction"],
            "target": None if relative else d["target"],
            "deadline_fy": d["deadline_fy"],
            "baseline": d["baseline"],
            "baseline_date": d["baseline_date"],
            "targets": d["targets"],
            "actuals": {},
            "relative": relative,
            "source_text": source,
            "reviewed": False,
            "evidence": {k: list(v) for k, v in sorted(self.spans.items())},
        }
