"""Synthetic plans at national scale: every municipality of Japan (1,741) with a
plan of 30 programs over 8 fiscal years, for load tests and capacity planning.

The text is built from the words of the bundled seed (Kodaira's real report), so
lengths and character mix are those of real plans: bullets of 40–120 characters.
The same --seed always gives the same data.

Rows are written with plain bulk_create in batches, inside one transaction (all
or nothing), bypassing simple_history: a history row for a row that was only ever
generated records nothing (no user, no earlier value), and writing it would double
the row count and the load time. The data is synthetic; real plans enter through
imports.services, which does keep history. Validation is by construction (codes
carry a computed check digit, text lengths are bounded) instead of a full_clean()
per row, which would dominate the load time.

Each plan gets one published edition with its frozen snapshot and its search
rows, as an import or a closed round leaves them: the public pages, the API and
search read nothing else, so a load test of them needs these.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction

from shinchoku.common import wareki
from shinchoku.document import interchange
from shinchoku.document.model import (
    ParsedActionItem,
    ParsedEdition,
    ParsedPlan,
    ParsedProgram,
    ParsedSection,
    ParsedYear,
)
from shinchoku.plans.models import (
    Direction,
    Edition,
    Municipality,
    Plan,
    Program,
    ProgramKind,
    ProgramYear,
)
from shinchoku.portal.cache import invalidate
from shinchoku.portal.models import SearchEntry
from shinchoku.portal.services import search_entries

DEFAULT_MUNICIPALITIES = 1741  # 市区町村 of Japan (792 市, 23 特別区, 743 町, 183 村)
DEFAULT_PROGRAMS = 30
DEFAULT_YEARS = 8
DEFAULT_LAST_FY = 2024
DIRECTIONS = 4
PREFECTURES = 47
# The municipality part of a code (3 digits) starts here so that synthetic codes
# stay clear of most real city codes (…100–…499), e.g. Kodaira's 132110.
FIRST_CITY_PART = 500
MAX_MUNICIPALITIES = PREFECTURES * (1000 - FIRST_CITY_PART)

BULLET_MIN, BULLET_MAX = 40, 120
_SPLIT_RE = re.compile(r"[\t\r\n・、。 \u3000()（）「」【】:：,.]+")
_JAPANESE_RE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_KANJI_RE = re.compile(r"[\u4e00-\u9fff]")
SCHEDULE_CELLS = ("実施", "検討", "検討・実施", "準備", "試行的実施", "継続実施")


def municipality_code(index: int) -> str:
    """The index-th synthetic 全国地方公共団体コード: prefecture (01–47), a
    three-digit municipality part from 500, and the check digit."""
    if not 0 <= index < MAX_MUNICIPALITIES:
        raise ValueError(f"at most {MAX_MUNICIPALITIES} synthetic municipalities")
    prefecture = index % PREFECTURES + 1
    city = FIRST_CITY_PART + index // PREFECTURES
    body = f"{prefecture:02d}{city:03d}"
    total = sum(int(d) * w for d, w in zip(body, (6, 5, 4, 3, 2), strict=True))
    return f"{body}{(11 - total % 11) % 10}"


def vocabulary(text: str) -> tuple[list[str], list[str]]:
    """The seed's phrases (2–24 characters, split at punctuation and bullets) and
    its kanji, both sorted so the generator is deterministic."""
    words = sorted(
        {
            w
            for w in _SPLIT_RE.split(text)
            if 2 <= len(w) <= 24 and _JAPANESE_RE.search(w)
        }
    )
    kanji = sorted(set(_KANJI_RE.findall(text)))
    if len(words) < 10 or len(kanji) < 10:
        raise ValueError("the vocabulary file holds too little Japanese text")
    return words, kanji


@dataclass
class Counts:
    municipalities: int = 0
    plans: int = 0
    directions: int = 0
    programs: int = 0
    program_years: int = 0
    editions: int = 0
    search_entries: int = 0

    @property
    def total(self) -> int:
        return sum(vars(self).values())

    def as_dict(self) -> dict[str, int]:
        return dict(vars(self))


def expected_counts(*, municipalities: int, programs: int, years: int) -> Counts:
    return Counts(
        municipalities=municipalities,
        plans=municipalities,
        directions=municipalities * DIRECTIONS,
        programs=municipalities * programs,
        program_years=municipalities * programs * years,
        editions=municipalities,
        search_entries=municipalities * programs,
    )


@dataclass
class _Text:
    rng: random.Random
    words: list[str]
    kanji: list[str]

    def phrase(self, lo: int, hi: int) -> str:
        target = self.rng.randint(lo, hi)
        parts: list[str] = []
        size = 0
        while size < target:
            word = self.rng.choice(self.words)
            parts.append(word)
            size += len(word) + 1
        return "、".join(parts)[:target]

    def bullet(self) -> str:
        return self.phrase(BULLET_MIN - 1, BULLET_MAX - 1) + "。"

    def bullets(self, lo: int, hi: int) -> list[str]:
        return [self.bullet() for _ in range(self.rng.randint(lo, hi))]

    def name(self, lo: int = 8, hi: int = 30) -> str:
        return self.phrase(lo, hi).rstrip("、")

    def place(self) -> str:
        suffix = self.rng.choice("市市市町町村")
        return "".join(self.rng.choices(self.kanji, k=2)) + suffix


@dataclass
class Generator:
    municipalities: int = DEFAULT_MUNICIPALITIES
    programs: int = DEFAULT_PROGRAMS
    years: int = DEFAULT_YEARS
    seed: int = 0
    last_fy: int = DEFAULT_LAST_FY
    batch_size: int = 2000
    chunk: int = 50  # municipalities generated and written at a time
    vocabulary_file: Path | None = None
    counts: Counts = field(default_factory=Counts)

    def codes(self) -> list[str]:
        return [municipality_code(i) for i in range(self.municipalities)]

    def run(self, *, progress=None) -> Counts:
        """Write everything in one transaction; returns the row counts."""
        words, kanji = vocabulary(Path(self.vocabulary_file).read_text("utf-8"))
        text = _Text(random.Random(self.seed), words, kanji)
        codes = self.codes()
        with _binary_bulk_insert(), transaction.atomic(), _search_index_deferred():
            for start in range(0, len(codes), self.chunk):
                self._chunk(text, codes[start : start + self.chunk])
                if progress:
                    progress(min(start + self.chunk, len(codes)), len(codes))
            invalidate()  # new public pages: retire any cached ones
        return self.counts

    def _chunk(self, text: _Text, codes: list[str]) -> None:
        first_fy = self.last_fy - self.years + 1
        fys = range(first_fy, self.last_fy + 1)
        municipalities = [Municipality(code=c, name=text.place()) for c in codes]
        self._create(Municipality, municipalities, "municipalities")
        plans = [
            Plan(
                municipality=m,
                title=f"第{text.rng.randint(1, 3)}期行財政改革プラン",
                slug=f"{first_fy}-{self.last_fy}",
                first_fy=first_fy,
                last_fy=self.last_fy,
                sections=[
                    {
                        "kind": ProgramKind.IMPLEMENTATION,
                        "heading": "◆◇実施プログラム◇◆",
                        "lead": text.name(20, 40),
                    },
                    {
                        "kind": ProgramKind.FORMER_STUDY,
                        "heading": "◆◇旧検討プログラム◇◆",
                        "lead": text.name(20, 40),
                    },
                ],
            )
            for m in municipalities
        ]
        self._create(Plan, plans, "plans")
        directions = [
            Direction(plan=p, number=n, name=text.name(10, 24))
            for p in plans
            for n in range(1, DIRECTIONS + 1)
        ]
        self._create(Direction, directions, "directions")
        programs = []
        for i, plan in enumerate(plans):
            plan_directions = directions[i * DIRECTIONS : (i + 1) * DIRECTIONS]
            former_from = max(1, round(self.programs * 0.8))
            for number in range(1, self.programs + 1):
                ended = text.rng.choice(list(fys)) if text.rng.random() < 0.1 else None
                programs.append(
                    Program(
                        plan=plan,
                        direction=plan_directions[
                            (number - 1) * DIRECTIONS // self.programs
                        ],
                        number=number,
                        name=text.name(),
                        kind=ProgramKind.FORMER_STUDY
                        if number > former_from
                        else ProgramKind.IMPLEMENTATION,
                        ended_after_fy=ended,
                        ordering=number,
                        policy_points=text.bullets(1, 3),
                        action_items=[
                            ParsedActionItem(
                                text=text.name(8, 24),
                                schedule={
                                    fy: text.rng.choice(SCHEDULE_CELLS)
                                    for fy in fys
                                    if text.rng.random() < 0.5
                                },
                            ).to_dict()
                            for _ in range(text.rng.randint(1, 3))
                        ],
                    )
                )
        self._create(Program, programs, "programs")
        years = [
            ProgramYear(
                program=program,
                fiscal_year=fy,
                achievements=text.bullets(1, 4) if fy < self.last_fy else [],
                plan=text.bullets(1, 3),
            )
            for program in programs
            for fy in fys
        ]
        self._create(ProgramYear, years, "program_years")
        self._editions(municipalities, plans, directions, programs, years)

    def _editions(self, municipalities, plans, directions, programs, years) -> None:
        """One published edition per plan, frozen as an import or a closed round
        freezes one (the public pages and the API read nothing else), and its
        search rows, which the Edition post_save signal would write one by one."""
        by_plan: dict[int, list[Program]] = {}
        for program in programs:
            by_plan.setdefault(program.plan_id, []).append(program)
        by_program: dict[int, dict[int, ParsedYear]] = {}
        for year in years:
            by_program.setdefault(year.program_id, {})[year.fiscal_year] = ParsedYear(
                achievements=list(year.achievements), plan=list(year.plan)
            )
        direction_numbers = {d.pk: d.number for d in directions}
        editions, parsed_plans = [], []
        for municipality, plan in zip(municipalities, plans, strict=True):
            parsed_edition = ParsedEdition(
                title=f"{wareki.fiscal_year_label(self.last_fy)}当初計画",
                meeting="第3回 経営方針推進委員会",
                material="資料1",
                date=dt.date(self.last_fy, 2, 1),
                fiscal_year=self.last_fy,
                schedule_as_of=f"{self.last_fy - 1:04d}-03",
            )
            parsed = ParsedPlan(
                municipality_name=municipality.name,
                municipality_code=municipality.code,
                title=plan.title,
                first_fy=plan.first_fy,
                last_fy=plan.last_fy,
                sections=[
                    ParsedSection(s["kind"], s["heading"], s["lead"])
                    for s in plan.sections
                ],
                directions={
                    d.number: d.name for d in directions if d.plan_id == plan.pk
                },
                editions=[parsed_edition],
                programs=[
                    _parsed_program(p, direction_numbers[p.direction_id], by_program)
                    for p in by_plan.get(plan.pk, [])
                ],
            )
            parsed_plans.append(parsed)
            snapshot = interchange.edition_snapshot(parsed, parsed_edition)
            editions.append(
                Edition(
                    plan=plan,
                    title=parsed_edition.title,
                    meeting=parsed_edition.meeting,
                    material=parsed_edition.material,
                    date=parsed_edition.date,
                    fiscal_year=parsed_edition.fiscal_year,
                    schedule_as_of=parsed_edition.schedule_as_of,
                    published=True,
                    snapshot=snapshot,
                    # bulk_create does not call Edition.save, which derives it
                    outline=interchange.outline(snapshot),
                )
            )
        self._create(Edition, editions, "editions")
        entries = [
            entry
            for edition, parsed in zip(editions, parsed_plans, strict=True)
            for entry in search_entries(
                edition=edition,
                parsed=parsed,
                snapshot=edition.snapshot,
                number=1,
                is_latest=True,
            )
        ]
        self._create(SearchEntry, entries, "search_entries")

    def _create(self, model, objs: list, counter: str) -> None:
        model.objects.bulk_create(objs, batch_size=self.batch_size)
        setattr(self.counts, counter, getattr(self.counts, counter) + len(objs))


SEARCH_INDEX = "portal_searchentry_haystack_trgm"  # portal/migrations/0001


@contextmanager
def _search_index_deferred():
    """On PostgreSQL, drop the search table's trigram index for the load and
    build it once at the end, in the same transaction: adding 52,230 rows of
    Japanese text to a GIN index one batch at a time took 1.6× as long as
    building it afterwards (measured: 4.5 s against 2.8 s for 1,500 rows). The
    table stays locked until the load commits; the generator is meant for a
    database of its own."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s", [SEARCH_INDEX]
        )
        row = cursor.fetchone()
        if row is not None:
            cursor.execute(f"DROP INDEX {SEARCH_INDEX}")
    yield
    if row is not None:
        with connection.cursor() as cursor:
            # Django's foreign keys are checked at commit; PostgreSQL builds no
            # index on a table with checks pending, so run them now.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(row[0])
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


@contextmanager
def _binary_bulk_insert():
    """On PostgreSQL, send bulk_create's column arrays in binary, bound on the
    server, for the time of the load: Django 5.2 inserts through
    UNNEST(%s::jsonb[], …), and its default client-side binding quotes every
    JSON document into an array literal with a regular expression, which
    dominated the load time (measured: 16.2 s → 7.4 s for 100 municipalities).
    The connection is put back as it was afterwards."""
    if connection.vendor != "postgresql":
        yield
        return
    # PostgreSQL only: psycopg is not there to import on a SQLite installation.
    from django.db.backends.postgresql.base import ServerBindingCursor
    from psycopg.types.array import ListBinaryDumper, ListDumper

    connection.ensure_connection()
    raw = connection.connection
    factory = raw.cursor_factory
    raw.cursor_factory = ServerBindingCursor
    raw.adapters.register_dumper(list, ListBinaryDumper)
    try:
        yield
    finally:
        raw.adapters.register_dumper(list, ListDumper)  # the default, last wins
        raw.cursor_factory = factory


def _parsed_program(
    p: Program, direction: int, years: dict[int, dict[int, ParsedYear]]
) -> ParsedProgram:
    """A generated program as the plan document holds it."""
    return ParsedProgram(
        number=p.number,
        name=p.name,
        direction=direction,
        kind=p.kind,
        ended_after_fy=p.ended_after_fy,
        policy_points=list(p.policy_points),
        action_items=[ParsedActionItem.from_dict(a) for a in p.action_items],
        years=years.get(p.pk, {}),
        kpis=[],
    )
