"""Path parameters shared by the routers, with the patterns that keep anything
else out (a 422 answer, never a database error)."""

from __future__ import annotations

from typing import Annotated

from ninja import Path

Code = Annotated[
    str,
    Path(
        pattern=r"^[0-9]{6}$",
        description="全国地方公共団体コード, e.g. 132110.",
        examples=["132110"],
    ),
]
Slug = Annotated[
    str,
    Path(
        pattern=r"^[a-z0-9-]{1,50}$",
        description="The plan's URL name, e.g. 2021-2024.",
        examples=["2021-2024"],
    ),
]
EditionId = Annotated[
    str,
    Path(
        pattern=r"^(latest|[1-9][0-9]{0,5})$",
        description="`latest` (the newest published edition) or its number.",
        examples=["latest", "1"],
    ),
]
ProgramNumber = Annotated[
    int, Path(ge=1, le=32767, description="The program number.", examples=[12])
]
