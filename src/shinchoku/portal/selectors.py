"""Public reads. Everything here comes from published editions' frozen snapshots:
the live Program/ProgramYear tables are staff data and may hold text that is not
published yet, so no query here touches them.

An edition is public when it is ``published`` and has a ``snapshot``. Editions
are numbered 1, 2, … in the order they were created in their plan (their URLs
say editions/<n>/, which does not change when a later one is added).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, cast

from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)
from django.urls import reverse

from shinchoku.common.text import program_number_label
from shinchoku.document import interchange
from shinchoku.document.model import (
    ParsedEdition,
    ParsedPlan,
    ParsedProgram,
    ParsedYear,
)
from shinchoku.plans.models import (
    Edition,
    Municipality,
    Plan,
    ProgramKind,
)
from shinchoku.plans.selectors import editions_latest_first
from shinchoku.portal.content import doc_kpis, is_published_kpi
from shinchoku.portal.models import SearchEntry

PUBLIC = Q(published=True, snapshot__isnull=False)


def latest_first(editions: QuerySet[Edition]) -> QuerySet[Edition]:
    """Public editions, the current one first (plans.selectors
    .editions_latest_first; a correction counts once it is public): the order
    of plan_get, in SQL."""
    return editions_latest_first(editions, corrections=PUBLIC)


class NotFound(LookupError):
    pass


def public_editions() -> QuerySet[Edition]:
    """Published editions with a frozen snapshot, without loading its content."""
    return Edition.objects.filter(PUBLIC).defer("snapshot", "outline")


def _public_plans() -> QuerySet[Plan]:
    return Plan.objects.filter(
        Exists(Edition.objects.filter(PUBLIC, plan=OuterRef("pk")))
    )


def public_municipalities() -> QuerySet[Municipality]:
    """Municipalities with at least one public plan, by code (nothing else
    loaded: for lists paginated in the database)."""
    return Municipality.objects.filter(
        Exists(_public_plans().filter(municipality=OuterRef("pk")))
    ).order_by("code")


def public_plans() -> QuerySet[Plan]:
    """Plans with a public edition and their municipality's code, by that code
    (what a list shows: no JSON settings)."""
    return (
        _public_plans()
        .select_related("municipality")
        .only("slug", "title", "first_fy", "last_fy", "municipality__code")
        .order_by("municipality__code", "first_fy", "title")
    )


def municipality_list() -> QuerySet[Municipality]:
    """Municipalities with at least one public plan, their public plans and their
    public editions (3 queries whatever the number)."""
    return (
        Municipality.objects.filter(
            Exists(_public_plans().filter(municipality=OuterRef("pk")))
        )
        .prefetch_related(
            Prefetch(
                "plans",
                queryset=_public_plans()
                .select_related("municipality")
                .prefetch_related(
                    Prefetch(
                        "editions",
                        queryset=latest_first(public_editions()),
                        to_attr="public_editions",
                    )
                ),
                to_attr="public_plans",
            )
        )
        .order_by("code")
    )


def municipality_get(code: str) -> Municipality:
    try:
        return municipality_list().get(code=code)
    except Municipality.DoesNotExist:
        raise NotFound(code) from None


# ---------------------------------------------------------------- editions


@dataclass
class EditionRef:
    """An edition as listed (snapshot not loaded) with its number in the plan."""

    edition: Edition
    number: int
    plan: Plan
    # Corrections among the public editions: the one this corrects (修正版),
    # the one that corrects this (superseded, kept reachable).
    supersedes: EditionRef | None = None
    superseded_by: EditionRef | None = None

    @property
    def title(self) -> str:
        return self.edition.title

    @property
    def diff_url(self) -> str:
        """The changes from the edition this one corrects ("" for none)."""
        if self.supersedes is None:
            return ""
        url = reverse(
            "workflow:edition-diff",
            kwargs={"code": self.plan.municipality.code, "plan": self.plan.slug},
        )
        return f"{url}?old={self.supersedes.edition.pk}&new={self.edition.pk}"

    def get_absolute_url(self) -> str:
        return reverse(
            "portal:edition",
            kwargs={
                "code": self.plan.municipality.code,
                "plan": self.plan.slug,
                "edition": self.number,
            },
        )


@dataclass
class PublicPlan:
    plan: Plan
    editions: list[EditionRef]  # public ones, newest first

    @property
    def latest(self) -> EditionRef | None:
        return self.editions[0] if self.editions else None

    def edition(self, number: int | None) -> EditionRef:
        if number is None:
            if self.latest is None:
                raise NotFound("no published edition")
            return self.latest
        for ref in self.editions:
            if ref.number == number:
                return ref
        raise NotFound(f"no published edition {number}")


def plan_get(*, code: str, slug: str) -> PublicPlan:
    """A plan with its public editions, numbered (2 queries)."""
    plan = (
        Plan.objects.select_related("municipality")
        .filter(municipality__code=code, slug=slug)
        .first()
    )
    if plan is None:
        raise NotFound(f"{code}/{slug}")
    editions = list(
        Edition.objects.filter(plan=plan)
        .defer("snapshot")
        .annotate(
            is_public=ExpressionWrapper(PUBLIC, output_field=BooleanField()),
        )
        .order_by("pk")
    )
    refs = [
        EditionRef(edition=e, number=n, plan=plan)
        for n, e in enumerate(editions, start=1)
        if e.is_public
    ]
    by_pk = {r.edition.pk: r for r in refs}
    for ref in refs:
        corrected = by_pk.get(ref.edition.supersedes_id or 0)
        if corrected is not None:
            ref.supersedes, corrected.superseded_by = corrected, ref
    # A superseded edition is never the current one once its correction is out;
    # undated after dated (the order of latest_first).
    refs.sort(
        key=lambda r: (r.superseded_by is None, *_latest_key(r.edition)),
        reverse=True,
    )
    if not refs:
        raise NotFound(f"{code}/{slug} has no published edition")
    return PublicPlan(plan=plan, editions=refs)


def _latest_key(edition: Edition) -> tuple:
    return (
        edition.fiscal_year,
        edition.date.toordinal() if edition.date else 0,
        edition.pk,
    )


@dataclass
class ProgramView:
    """One program of an edition, ready for a page or the API."""

    program: ParsedProgram
    direction_name: str
    kpis: list[dict[str, Any]]
    url: str

    @property
    def number(self) -> int:
        return self.program.number

    @property
    def number_label(self) -> str:
        return program_number_label(self.program.number)

    @property
    def name(self) -> str:
        return self.program.name

    @property
    def kind_label(self) -> str:
        return str(ProgramKind(self.program.kind).label)

    @property
    def ended(self) -> bool:
        return self.program.ended_after_fy is not None

    @property
    def ended_note(self) -> str:
        return self.program.ended_note

    @property
    def years(self) -> list[tuple[int, ParsedYear]]:
        return sorted(self.program.years.items())

    @property
    def schedule_years(self) -> list[int]:
        return sorted({fy for a in self.program.action_items for fy in a.schedule})


@dataclass
class DirectionView:
    number: int
    name: str
    programs: list[ProgramView]


@dataclass
class SectionView:
    kind: str
    label: str
    heading: str
    lead: str
    directions: list[DirectionView]


@dataclass
class PublicEdition:
    """An edition as published: the plan, the edition and its frozen content.

    Pages read as little of the content as they show: the outline (sections,
    方向性 and each program's name, kind and state) comes with the edition's
    row; a program's content comes from its portal row (one small query); the
    whole snapshot (a few hundred KB at 30 programs × 8 years) is loaded only by
    what needs all of it, the open-data downloads."""

    plan: PublicPlan
    ref: EditionRef
    head: ParsedPlan  # the outline: its programs have no content
    outline_doc: dict[str, Any] = field(default_factory=dict)

    @property
    def edition(self) -> Edition:
        return self.ref.edition

    @property
    def number(self) -> int:
        return self.ref.number

    @property
    def is_latest(self) -> bool:
        return self.ref is self.plan.latest

    @property
    def code(self) -> str:
        return self.plan.plan.municipality.code

    @cached_property
    def _program_prefix(self) -> str:
        # One reverse() per page, not per program: a plan lists 30 of them.
        kwargs = {"code": self.code, "plan": self.plan.plan.slug}
        if self.is_latest:
            return reverse("portal:plan", kwargs=kwargs) + "programs/"
        return self.ref.get_absolute_url() + "programs/"

    def program_url(self, number: int) -> str:
        return f"{self._program_prefix}{number}/"

    @cached_property
    def _download_prefix(self) -> str:
        return self.ref.get_absolute_url() + "download/"

    def download_url(self, name: str) -> str:
        return self._download_prefix + name

    @cached_property
    def snapshot(self) -> dict[str, Any]:
        """The whole frozen document (1 query): a public edition has one."""
        snapshot = Edition.objects.values_list("snapshot", flat=True).get(
            pk=self.edition.pk
        )
        return cast("dict[str, Any]", snapshot)

    @cached_property
    def parsed(self) -> ParsedPlan:
        """The whole plan as published (loads the snapshot)."""
        return interchange.load(self.snapshot, source=f"edition {self.ref.title}")

    def _program_docs(self, numbers: set[int]) -> dict[int, dict]:
        """programs[i] of the snapshot by number, from the portal rows (1 query),
        or from the snapshot itself when rows are missing (an index that was
        not rebuilt yet)."""
        rows = SearchEntry.objects.filter(edition_id=self.edition.pk)
        if len(numbers) == 1:
            rows = rows.filter(program_number=next(iter(numbers)))
        docs = {n: doc for n, doc in rows.values_list("program_number", "doc") if doc}
        if numbers <= docs.keys():
            return docs
        return {
            p["number"]: p
            for p in self.snapshot.get("programs", [])
            if isinstance(p, dict) and "number" in p
        }

    def _full_view(self, number: int, doc: dict) -> ProgramView:
        program = interchange.load_program(
            doc, directions=self.head.directions, source=f"edition {self.ref.title}"
        )
        return ProgramView(
            program=program,
            direction_name=self.head.directions.get(program.direction, ""),
            kpis=doc_kpis(doc),
            url=self.program_url(number),
        )

    def _outline_view(self, p: ParsedProgram) -> ProgramView:
        return ProgramView(
            program=p,
            direction_name=self.head.directions.get(p.direction, ""),
            kpis=[],
            url=self.program_url(p.number),
        )

    def outline_programs(self) -> list[ProgramView]:
        """Every program's number, name, kind and state (no content, no query)."""
        return [self._outline_view(p) for p in self.head.programs]

    def programs(self) -> list[ProgramView]:
        """Every program with its content, in printed order (1 query)."""
        docs = self._program_docs({p.number for p in self.head.programs})
        return [self._full_view(p.number, docs[p.number]) for p in self.head.programs]

    @property
    def indicators_url(self) -> str:
        kwargs = {"code": self.code, "plan": self.plan.plan.slug}
        if self.is_latest:
            return reverse("portal:indicators", kwargs=kwargs)
        return reverse(
            "portal:edition_indicators", kwargs={**kwargs, "edition": self.number}
        )

    @property
    def indicator_count(self) -> int:
        """Indicators shown on the edition's pages, counted when its outline
        was made (no query); an older outline falls back to the content."""
        count = self.outline_doc.get("indicator_count")
        if isinstance(count, int):
            return count
        return sum(is_published_kpi(k) for v in self.programs() for k in v.kpis)

    def program(self, number: int) -> ProgramView:
        """One program with its content (1 query)."""
        if not any(p.number == number for p in self.head.programs):
            raise NotFound(f"no program {number}")
        return self._full_view(number, self._program_docs({number})[number])

    def neighbours(self, number: int) -> tuple[ProgramView | None, ProgramView | None]:
        """The programs before and after, outlined (no query)."""
        programs = self.head.programs
        i = next(i for i, p in enumerate(programs) if p.number == number)
        return (
            self._outline_view(programs[i - 1]) if i else None,
            self._outline_view(programs[i + 1]) if i + 1 < len(programs) else None,
        )

    def overview(self) -> list[SectionView]:
        """Programs by section (kind), then 方向性, in printed order (no query)."""
        labels = dict(ProgramKind.choices)
        meta = {s.kind: s for s in self.head.sections}
        kinds = [s.kind for s in self.head.sections]
        kinds += [p.kind for p in self.head.programs if p.kind not in kinds]
        sections = []
        for kind in dict.fromkeys(kinds):
            by_direction: dict[int, list[ProgramView]] = {}
            for p in self.head.programs:
                if p.kind == kind:
                    by_direction.setdefault(p.direction, []).append(
                        self._outline_view(p)
                    )
            if not by_direction:
                continue
            sections.append(
                SectionView(
                    kind=kind,
                    label=str(labels.get(kind, kind)),
                    heading=meta[kind].heading if kind in meta else "",
                    lead=meta[kind].lead if kind in meta else "",
                    directions=[
                        DirectionView(n, self.head.directions.get(n, ""), programs)
                        for n, programs in sorted(by_direction.items())
                    ],
                )
            )
        return sections

    def parsed_edition(self) -> ParsedEdition | None:
        return self.head.editions[0] if self.head.editions else None

    def frozen_opinions(self, number: int) -> list[tuple[str, str]] | None:
        """(委員会意見, 市の対応) of a program as a 実績 edition froze them (its
        results block, in the outline), or None for an edition without one."""
        edition = self.parsed_edition()
        if edition is None or edition.results is None:
            return None
        for program in edition.results.get("programs", []):
            if program.get("number") == number:
                return [
                    (o.get("text", ""), o.get("response", ""))
                    for o in program.get("opinions", [])
                ]
        return []


def edition_get(*, code: str, slug: str, number: int | None = None) -> PublicEdition:
    """A public edition (the latest when number is None) with its outline
    (2 queries)."""
    plan = plan_get(code=code, slug=slug)
    ref = plan.edition(number)
    outline = edition_outline_of(ref.edition)
    return PublicEdition(
        plan=plan,
        ref=ref,
        head=interchange.load(outline, source=f"edition {ref.title}"),
        outline_doc=outline,
    )


def edition_outline_of(edition: Edition) -> dict:
    """The edition's outline; derived here for an edition saved before outlines
    were kept (the migration fills them, this is a fallback)."""
    if edition.outline is not None:
        return edition.outline
    snapshot = Edition.objects.values_list("snapshot", flat=True).get(pk=edition.pk)
    return interchange.outline(cast("dict[str, Any]", snapshot))
