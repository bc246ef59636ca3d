"""Limit/offset pagination with bounds (an unbounded offset would reach the
database as an integer it cannot hold)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from ninja import Field, Schema
from ninja.pagination import PaginationBase

MAX_LIMIT = 200


class LimitOffset(PaginationBase):
    class Input(Schema):
        limit: int = Field(50, ge=1, le=MAX_LIMIT, description="Items per page.")
        offset: int = Field(0, ge=0, le=1_000_000, description="Items to skip.")

    class Output(Schema):
        count: int = Field(description="Items in all pages.")
        limit: int
        offset: int
        items: list[Any]

    items_attribute = "items"

    def paginate_queryset(self, queryset, pagination: Input, **params) -> dict:
        if isinstance(queryset, list | tuple):
            count = len(queryset)
        else:
            count = queryset.count()
        start = pagination.offset
        return {
            "count": count,
            "limit": pagination.limit,
            "offset": start,
            "items": list(queryset[start : start + pagination.limit]),
        }


@dataclass
class Presented:
    """A queryset whose page alone is loaded and turned into response dicts:
    LimitOffset counts it and slices it in the database (a list of every
    municipality's dicts, built to show 50, took 0.4 s at national scale)."""

    queryset: QuerySet
    present: Callable[[Any], dict]

    def count(self) -> int:
        return self.queryset.count()

    def __getitem__(self, window: slice) -> list[dict]:
        return [self.present(row) for row in self.queryset[window]]
