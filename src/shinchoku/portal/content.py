"""A published program as the portal reads it — programs[i] of an edition's
snapshot: its indicators and every piece of its text (what search matches and
shows). No database."""

from __future__ import annotations

from typing import Any

from shinchoku.document.model import ParsedProgram
from shinchoku.plans.models import IndicatorStatus


def doc_kpis(doc: dict) -> list[dict[str, Any]]:
    """programs[i].kpis (added by KPI extraction, any shape): the dicts."""
    kpis = doc.get("kpis") if isinstance(doc, dict) else None
    return [k for k in kpis if isinstance(k, dict)] if isinstance(kpis, list) else []


def is_published_kpi(kpi: dict[str, Any]) -> bool:
    """A rejected proposal is frozen with the snapshot but never shown."""
    return kpi.get("status") != IndicatorStatus.REJECTED


def program_parts(
    program: ParsedProgram, kpis: list[dict[str, Any]] | None = None
) -> list[dict]:
    """Every piece of text of a program, as published, in page order."""
    parts: list[dict] = [
        {"field": "name", "fy": None, "position": 1, "text": program.name}
    ]

    def add(field: str, texts, fy: int | None = None) -> None:
        for position, text in enumerate(texts, start=1):
            if text:
                parts.append(
                    {"field": field, "fy": fy, "position": position, "text": text}
                )

    add("policy_point", program.policy_points)
    add("action_item", [a.text for a in program.action_items])
    add("schedule", program.schedule_raw)
    for item in program.action_items:
        for fy, cell in sorted(item.schedule.items()):
            add("schedule", [f"{item.text}: {cell}"], fy)
    for fy, year in sorted(program.years.items()):
        add("achievement", year.achievements or [], fy)
        add("plan", year.plan or [], fy)
    for kpi in kpis or []:
        add("indicator", [v for v in kpi.values() if isinstance(v, str)])
    return parts
