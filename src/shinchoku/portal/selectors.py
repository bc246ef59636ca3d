"""Public reads. Everything here comes from published editions' frozen snapshots:
the live Program/ProgramYear tables are staff data and may hold text that is not
published yet, so no query here touches them.

An edition is public when it is ``published`` and has a ``snapshot``. Editions
are numbered 1, 2, … in the order they were created in their plan (their URLs
say editions/<n>/, which does not change when a later one is added).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length, Replace
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from shinchoku.common import wareki
from shinchoku.common.text import program_number_label
from shinchoku.imports.formats import interchange_json
from shinchoku.imports.parsed import ParsedPlan, ParsedProgram, ParsedYear
from shinchoku.plans.models import (
    Edition,
    IndicatorStatus,
    Municipality,
    Plan,
    ProgramKind,
)
from shinchoku.plans.selectors import IndicatorView, kpi_view, status_counts
from shinchoku.portal import folding
from shinchoku.portal.models import SearchEntry

PUBLIC = Q(published=True, snapshot__isnull=False)
# Newest first: the order plans.selectors.edition_latest uses.
LATEST_FIRST = ("-fiscal_year", "-date", "-pk")


class NotFound(LookupError):
    pass


def public_editions() -> QuerySet[Edition]:
    """Published editions with a frozen snapshot, without loading the snapshot."""
    return Edition.objects.filter(PUBLIC).defer("snapshot")


def _public_plans() -> QuerySet[Plan]:
    return Plan.objects.filter(
        Exists(Edition.objects.filter(PUBLIC, plan=OuterRef("pk")))
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
                        queryset=public_editions().order_by(*LATEST_FIRST),
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

    @property
    def title(self) -> str:
        return self.edition.title

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
    refs.sort(key=lambda r: _latest_key(r.edition), reverse=True)
    if not refs:
        raise NotFound(f"{code}/{slug} has no published edition")
    return PublicPlan(plan=plan, editions=refs)


def _latest_key(edition: Edition) -> tuple:
    return (
        edition.fiscal_year,
        edition.date.toordinal() if edition.date else 0,
        edition.pk,
    )


def edition_numbers(plan_id: int) -> dict[int, int]:
    """Edition pk → its number in the plan's URLs."""
    pks = (
        Edition.objects.filter(plan_id=plan_id)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return {pk: n for n, pk in enumerate(pks, start=1)}


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
        if self.program.ended_after_fy is None:
            return ""
        return (
            f"※{wareki.fiscal_year_label(self.program.ended_after_fy)}までをもって終了"
        )

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
class IndicatorProgram:
    program: ProgramView
    indicators: list[IndicatorView]


@dataclass
class IndicatorGroup:
    """A 方向性 on the public indicators page."""

    number: int
    name: str
    programs: list[IndicatorProgram]  # those with indicators
    status_counts: dict[str, int]


@dataclass
class IndicatorDashboard:
    groups: list[IndicatorGroup]
    status_counts: dict[str, int]

    @property
    def count(self) -> int:
        return sum(self.status_counts.values())


def _published_kpi(kpi: dict[str, Any]) -> bool:
    """A rejected proposal is frozen with the snapshot but never shown."""
    return kpi.get("status") != IndicatorStatus.REJECTED


@dataclass
class PublicEdition:
    """An edition as published: the plan, the edition and its frozen content."""

    plan: PublicPlan
    ref: EditionRef
    parsed: ParsedPlan
    snapshot: dict[str, Any]
    kpis: dict[int, list[dict[str, Any]]] = field(default_factory=dict)

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

    def program_url(self, number: int) -> str:
        kwargs = {"code": self.code, "plan": self.plan.plan.slug, "number": number}
        if self.is_latest:
            return reverse("portal:program", kwargs=kwargs)
        return reverse(
            "portal:edition_program", kwargs={**kwargs, "edition": self.number}
        )

    def download_url(self, name: str) -> str:
        return reverse(
            "portal:download",
            kwargs={
                "code": self.code,
                "plan": self.plan.plan.slug,
                "edition": self.number,
                "name": name,
            },
        )

    def programs(self) -> list[ProgramView]:
        return [self._view(p) for p in self.parsed.programs]

    def _view(self, p: ParsedProgram) -> ProgramView:
        return ProgramView(
            program=p,
            direction_name=self.parsed.directions.get(p.direction, ""),
            kpis=self.kpis.get(p.number, []),
            url=self.program_url(p.number),
        )

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
        return sum(_published_kpi(k) for kpis in self.kpis.values() for k in kpis)

    def indicator_views(self, program: ProgramView) -> list[IndicatorView]:
        """The program's indicators as published, evaluated and charted the way
        the staff pages draw live ones (plans.selectors.kpi_view); element ids
        carry the program number, so that a page may show every program's."""
        return [
            kpi_view(
                kpi,
                first_fy=self.parsed.first_fy,
                last_fy=self.parsed.last_fy,
                thresholds=self.plan.plan.progress_thresholds,
                chart_id=f"kpi-{program.number}-{i}",
                dom_id=f"indicator-{program.number}-{i}",
            )
            for i, kpi in enumerate(program.kpis, start=1)
            if _published_kpi(kpi)
        ]

    def indicator_dashboard(self) -> IndicatorDashboard:
        """Every indicator of the edition by 方向性 with counts per status, as
        the staff dashboard shows live ones (no query)."""
        groups: dict[int, IndicatorGroup] = {}
        every: list[IndicatorView] = []
        for program in self.programs():
            group = groups.get(program.program.direction)
            if group is None:
                group = groups[program.program.direction] = IndicatorGroup(
                    number=program.program.direction,
                    name=program.direction_name,
                    programs=[],
                    status_counts={},
                )
            views = self.indicator_views(program)
            if views:
                group.programs.append(IndicatorProgram(program, views))
                every.extend(views)
        for group in groups.values():
            group.status_counts = status_counts(
                [v for p in group.programs for v in p.indicators]
            )
        return IndicatorDashboard(
            groups=[groups[n] for n in sorted(groups)],
            status_counts=status_counts(every),
        )

    def program(self, number: int) -> ProgramView:
        for p in self.parsed.programs:
            if p.number == number:
                return self._view(p)
        raise NotFound(f"no program {number}")

    def neighbours(self, number: int) -> tuple[ProgramView | None, ProgramView | None]:
        programs = self.parsed.programs
        i = next(i for i, p in enumerate(programs) if p.number == number)
        return (
            self._view(programs[i - 1]) if i else None,
            self._view(programs[i + 1]) if i + 1 < len(programs) else None,
        )

    def overview(self) -> list[SectionView]:
        """Programs by section (kind), then 方向性, in printed order."""
        labels = dict(ProgramKind.choices)
        meta = {s.kind: s for s in self.parsed.sections}
        kinds = [s.kind for s in self.parsed.sections]
        kinds += [p.kind for p in self.parsed.programs if p.kind not in kinds]
        sections = []
        for kind in dict.fromkeys(kinds):
            by_direction: dict[int, list[ProgramView]] = {}
            for p in self.parsed.programs:
                if p.kind == kind:
                    by_direction.setdefault(p.direction, []).append(self._view(p))
            if not by_direction:
                continue
            sections.append(
                SectionView(
                    kind=kind,
                    label=str(labels.get(kind, kind)),
                    heading=meta[kind].heading if kind in meta else "",
                    lead=meta[kind].lead if kind in meta else "",
                    directions=[
                        DirectionView(n, self.parsed.directions.get(n, ""), programs)
                        for n, programs in sorted(by_direction.items())
                    ],
                )
            )
        return sections

    def parsed_edition(self):
        return self.parsed.editions[0] if self.parsed.editions else None


def edition_get(*, code: str, slug: str, number: int | None = None) -> PublicEdition:
    """A public edition (the latest when number is None) with its content
    (3 queries)."""
    plan = plan_get(code=code, slug=slug)
    ref = plan.edition(number)
    snapshot = Edition.objects.values_list("snapshot", flat=True).get(pk=ref.edition.pk)
    return edition_from_snapshot(plan, ref, snapshot)


def edition_from_snapshot(
    plan: PublicPlan, ref: EditionRef, snapshot: dict
) -> PublicEdition:
    return PublicEdition(
        plan=plan,
        ref=ref,
        parsed=interchange_json.load(snapshot, source=f"edition {ref.title}"),
        snapshot=snapshot,
        kpis=snapshot_kpis(snapshot),
    )


def snapshot_kpis(snapshot: dict) -> dict[int, list[dict[str, Any]]]:
    """programs[].kpis of a snapshot (added by KPI extraction), by program number;
    programs without any are left out."""
    found = {}
    for p in snapshot.get("programs", []):
        kpis = p.get("kpis") if isinstance(p, dict) else None
        if isinstance(kpis, list) and kpis:
            found[p.get("number")] = [k for k in kpis if isinstance(k, dict)]
    return found


# ---------------------------------------------------------------- search

SEARCH_NAME_WEIGHT = 10


@dataclass
class SearchHit:
    entry: SearchEntry
    score: int
    parts: list[dict]  # the parts that matched, at most a few
    url: str

    @property
    def number_label(self) -> str:
        return program_number_label(self.entry.program_number)


@dataclass
class SearchResults:
    query: str
    terms: list[str]
    total: int
    hits: list[SearchHit]
    offset: int
    limit: int

    @property
    def has_next(self) -> bool:
        return self.offset + len(self.hits) < self.total

    @property
    def has_previous(self) -> bool:
        return self.offset > 0


def _term_filter(term: str) -> Q:
    """Rows whose text contains the term. SQLite: FTS5 trigram for 3+ characters
    (trigram cannot match shorter), LIKE on the base table otherwise (LIKE on the
    FTS table finds nothing on SQLite 3.40). PostgreSQL: LIKE, which the pg_trgm
    GIN index serves for 3+ characters."""
    if connection.vendor == "sqlite" and len(term) >= 3:
        phrase = '"' + term.replace('"', '""') + '"'
        return Q(
            id__in=RawSQL(
                "SELECT rowid FROM portal_searchentry_fts "
                "WHERE portal_searchentry_fts MATCH %s",
                [phrase],
            )
        )
    return Q(haystack__contains=term)


def _occurrences(column: str, term: str):
    return ExpressionWrapper(
        (Length(F(column)) - Length(Replace(F(column), Value(term), Value(""))))
        / Value(len(term)),
        output_field=IntegerField(),
    )


def search(
    q: str,
    *,
    code: str | None = None,
    plan_slug: str | None = None,
    all_editions: bool = False,
    limit: int = 20,
    offset: int = 0,
) -> SearchResults:
    """Programs of published editions whose name or text holds every word of q,
    best first: a word in the program name counts ten times one in its text.
    By default only the latest published edition of each plan is searched
    (2 queries)."""
    terms = folding.query_terms(q)
    if not terms:
        return SearchResults(q, [], 0, [], offset, limit)
    # The index follows publishing through services and signals; the join makes
    # sure a stale row (an edition unpublished by a bulk update) never shows.
    rows = SearchEntry.objects.filter(
        edition__published=True, edition__snapshot__isnull=False
    )
    if not all_editions:
        rows = rows.filter(is_latest=True)
    if code:
        rows = rows.filter(plan__municipality__code=code)
    if plan_slug:
        rows = rows.filter(plan__slug=plan_slug)
    score = Value(0)
    for term in terms:
        rows = rows.filter(_term_filter(term))
        score = (
            score
            + _occurrences("name_folded", term) * Value(SEARCH_NAME_WEIGHT)
            + _occurrences("haystack", term)
        )
    total = rows.count()
    page = list(
        rows.annotate(score=ExpressionWrapper(score, output_field=IntegerField()))
        .select_related("plan__municipality", "edition")
        .defer("edition__snapshot")
        .order_by(
            "-score",
            "plan__municipality__code",
            "plan__slug",
            "-edition_number",
            "ordering",
        )[offset : offset + limit]
    )
    hits = [
        SearchHit(
            entry=row,
            score=row.score,
            parts=[p for p in row.parts if folding.matches(p["text"], terms)][:4],
            url=_hit_url(row),
        )
        for row in page
    ]
    return SearchResults(q, terms, total, hits, offset, limit)


def _hit_url(row: SearchEntry) -> str:
    kwargs = {
        "code": row.plan.municipality.code,
        "plan": row.plan.slug,
        "number": row.program_number,
    }
    if row.is_latest:
        return reverse("portal:program", kwargs=kwargs)
    return reverse(
        "portal:edition_program", kwargs={**kwargs, "edition": row.edition_number}
    )


FIELD_LABELS = {
    "name": _("Program name"),
    "policy_point": _("Main policy points"),
    "action_item": _("Action items"),
    "schedule": _("Schedule"),
    "achievement": _("Achievements"),
    "plan": _("Initial plan and targets"),
    "indicator": _("Indicators"),
}
