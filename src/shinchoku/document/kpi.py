"""The value types of a KPI (an indicator of a program): what extraction
proposes, what evaluation judges and what charts draw. Pure Python; its dict
shape (to_dict) is the interchange JSON's "kpis" entry."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Literal

Direction = Literal["higher", "lower"]
RelativeKind = Literal["previous_fy", "per_year", "reduction"]

PREVIOUS_FY_RULE = "前年度実績以上"


@dataclass
class Observation:
    """One actual value, with where it was read."""

    fy: int
    value: float
    how: Literal["statement", "previous_fy"]
    source: str


@dataclass
class Indicator:
    """A candidate indicator. Numbers are floats; to_dict() renders integral ones
    as ints. `baseline_date` is set for '…現在'/'現状値' baselines and
    `baseline_fy` for '令和N年度実績' ones (as of the end of that FY)."""

    name: str
    unit: str
    direction: Direction | None = None
    comparator: str | None = None
    target: float | None = None
    deadline_fy: int | None = None
    baseline: float | None = None
    baseline_date: dt.date | None = None
    baseline_fy: int | None = None
    targets: dict[int, float] = field(default_factory=dict)
    observations: list[Observation] = field(default_factory=list)
    relative: str | None = None
    relative_step: float | None = None
    sources: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    reviewed: bool = False

    @property
    def actuals(self) -> dict[int, float]:
        """{fy: value}; when two sources give a FY, the first one read wins (the
        conflict is kept in `notes`)."""
        out: dict[int, float] = {}
        for obs in self.observations:
            out.setdefault(obs.fy, obs.value)
        return dict(sorted(out.items()))

    @property
    def baseline_as_of(self) -> dt.date | None:
        """The baseline as a date: a FY result is as of the last day of that FY."""
        if self.baseline_date is not None:
            return self.baseline_date
        if self.baseline_fy is not None:
            return dt.date(self.baseline_fy + 1, 3, 31)
        return None

    def to_dict(self) -> dict[str, Any]:
        """The interchange shape shared with the importer and the models."""
        as_of = self.baseline_as_of
        return {
            "name": self.name,
            "unit": self.unit,
            "comparator": self.comparator,
            "direction": self.direction,
            "target": plain_number(self.target),
            "deadline_fy": self.deadline_fy,
            "baseline": plain_number(self.baseline),
            "baseline_date": as_of.isoformat() if as_of else None,
            "targets": {
                str(fy): plain_number(v) for fy, v in sorted(self.targets.items())
            },
            "actuals": {str(fy): plain_number(v) for fy, v in self.actuals.items()},
            "relative": self.relative,
            "source_text": "\n".join(self.sources),
            "reviewed": self.reviewed,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Indicator:
        """Rebuild an indicator from to_dict() output (e.g. stored JSON)."""
        as_of = data.get("baseline_date")
        source = data.get("source_text") or ""
        ind = cls(
            name=data["name"],
            unit=data["unit"],
            direction=data.get("direction"),
            comparator=data.get("comparator"),
            target=data.get("target"),
            deadline_fy=data.get("deadline_fy"),
            baseline=data.get("baseline"),
            baseline_date=dt.date.fromisoformat(as_of) if as_of else None,
            targets={int(k): v for k, v in (data.get("targets") or {}).items()},
            relative=data.get("relative"),
            sources=source.splitlines(),
            reviewed=bool(data.get("reviewed")),
        )
        as_of_date = ind.baseline_date
        if as_of_date and (as_of_date.month, as_of_date.day) == (3, 31):
            # to_dict() dates a FY result to the FY's last day: read it back so.
            ind.baseline_fy, ind.baseline_date = as_of_date.year - 1, None
        for fy, value in (data.get("actuals") or {}).items():
            ind.observations.append(Observation(int(fy), value, "statement", ""))
        if ind.relative:
            ind.relative_step = relative_step(ind.relative)
        return ind


def plain_number(value: float | None) -> int | float | None:
    """62.0 → 62, so numbers read back as the city wrote them."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


def parse_relative(rule: str) -> tuple[RelativeKind, float | None]:
    """'前年度実績以上' → ('previous_fy', None); '1年に1業務以上' → ('per_year', 1);
    '200時間削減' → ('reduction', 200)."""
    if rule == PREVIOUS_FY_RULE:
        return "previous_fy", None
    step = relative_step(rule)
    return ("reduction" if rule.endswith("削減") else "per_year"), step


def relative_step(rule: str) -> float | None:
    """The yearly step or the cut of a relative rule (None for 前年度実績以上)."""
    if rule == PREVIOUS_FY_RULE:
        return None
    m = re.search(r"(\d+(?:\.\d+)?)\D*$", rule)
    return float(m.group(1)) if m else None
