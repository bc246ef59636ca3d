"""Search over published programs: one row per published edition × program
(portal.models.SearchEntry, kept by portal.services), matched and ranked in the
database. Text and queries are folded alike (portal.folding)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

from django.db import connection
from django.db.models import (
    Expression,
    ExpressionWrapper,
    F,
    IntegerField,
    Q,
    QuerySet,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length, Replace
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from shinchoku.common.text import program_number_label
from shinchoku.document import interchange
from shinchoku.document.errors import ImportFormatError
from shinchoku.portal import folding
from shinchoku.portal.content import doc_kpis, program_parts
from shinchoku.portal.models import SearchEntry

SEARCH_NAME_WEIGHT = 10
# At most this many programs are ranked for a query (see search()).
SEARCH_MAX_HITS = 100


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
    # More programs hold the words than were ranked (total is the cap).
    capped: bool = False

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


def _occurrences(column: str, term: str) -> ExpressionWrapper:
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
    (3 queries).

    At most SEARCH_MAX_HITS programs are ranked: every program named after the
    words (names are short and indexed), then programs whose text holds them,
    in the order the index finds them. Counting and ranking every match reads
    every matching program's text, and a common word matches most of a
    national-scale database (電子決裁 is in 95% of 52,230 synthetic programs):
    that took 17 s a request. Past the cap, results say so (``capped``) and ask
    for another word."""
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
    matching, named = rows, rows
    score: Expression = Value(0)
    for term in terms:
        matching = matching.filter(_term_filter(term))
        # The haystack holds the name: a program named so holds the words.
        named = named.filter(name_folded__contains=term)
        score = (
            score
            + _occurrences("name_folded", term) * Value(SEARCH_NAME_WEIGHT)
            + _occurrences("haystack", term)
        )
    ids, capped = _capped_ids(named, matching)
    page = list(
        SearchEntry.objects.filter(pk__in=ids)
        .annotate(score=ExpressionWrapper(score, output_field=IntegerField()))
        .select_related("plan__municipality", "edition")
        .defer("haystack", "edition__snapshot", "edition__outline")
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
            parts=list(
                islice((p for p in _parts(row) if folding.matches(p["text"], terms)), 4)
            ),
            url=_hit_url(row),
        )
        for row in page
    ]
    return SearchResults(q, terms, len(ids), hits, offset, limit, capped=capped)


def _capped_ids(
    named: QuerySet[SearchEntry], matching: QuerySet[SearchEntry]
) -> tuple[list[int], bool]:
    """At most SEARCH_MAX_HITS rows: those named after the words first, then
    those whose text holds them; and whether more match."""
    # No ORDER BY here (order_by() drops the model's): the database may stop
    # reading at the cap instead of sorting every match.
    cap = SEARCH_MAX_HITS + 1
    ids = list(named.order_by().values_list("pk", flat=True)[:cap])
    if len(ids) < cap:
        ids += (
            matching.exclude(pk__in=ids)
            .order_by()
            .values_list("pk", flat=True)[: cap - len(ids)]
        )
    capped = len(ids) > SEARCH_MAX_HITS
    return ids[:SEARCH_MAX_HITS], capped


def _parts(row: SearchEntry) -> list[dict]:
    """The pieces of text of a result's program, from its row (no query)."""
    try:
        program = interchange.load_program(
            row.doc, directions={row.doc.get("direction"): ""}
        )
    except (ImportFormatError, AttributeError, TypeError):  # not a program
        return [{"field": "name", "fy": None, "position": 1, "text": row.program_name}]
    return program_parts(program, doc_kpis(row.doc))


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
