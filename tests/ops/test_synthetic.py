"""gen-synthetic: national-scale plans for load tests, small here."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from shinchoku.ops import synthetic
from shinchoku.plans.models import (
    Direction,
    Edition,
    Municipality,
    Plan,
    Program,
    ProgramYear,
    validate_local_government_code,
)
from shinchoku.portal import selectors
from shinchoku.portal.models import SearchEntry
from shinchoku.portal.search import search
from shinchoku.portal.services import search_index_rebuild

MODELS = (Municipality, Plan, Direction, Program, ProgramYear, Edition, SearchEntry)


def test_generated_codes_are_valid_and_distinct():
    codes = [
        synthetic.municipality_code(i) for i in range(synthetic.MAX_MUNICIPALITIES)
    ]
    assert len(set(codes)) == len(codes)
    for code in codes[::97] + codes[-3:]:
        validate_local_government_code(code)  # raises on a wrong check digit
    assert "132110" not in codes  # Kodaira's real code stays free
    with pytest.raises(ValueError):
        synthetic.municipality_code(synthetic.MAX_MUNICIPALITIES)


def test_the_vocabulary_comes_from_the_seed(seed_text):
    words, kanji = synthetic.vocabulary(seed_text)
    assert "幅広い市民意見の収集" in words
    assert all(2 <= len(w) <= 24 for w in words)
    assert "市" in kanji


@pytest.mark.django_db(transaction=True)
def test_gen_synthetic_writes_the_expected_rows(capsys):
    call_command(
        "gen_synthetic", municipalities=3, programs=5, years=4, seed=7, verbosity=1
    )
    counts = {m.__name__: m.objects.count() for m in MODELS}
    assert counts == {
        "Municipality": 3,
        "Plan": 3,
        "Direction": 12,
        "Program": 15,
        "ProgramYear": 60,
        "Edition": 3,
        "SearchEntry": 15,
    }
    assert "Created 111 rows" in capsys.readouterr().out
    for municipality in Municipality.objects.all():
        validate_local_government_code(municipality.code)
        municipality.full_clean()
    plan = Plan.objects.first()
    assert (plan.first_fy, plan.last_fy) == (2021, 2024)
    plan.full_clean()
    for program in Program.objects.select_related("direction"):
        program.full_clean()
        assert program.direction.plan_id == program.plan_id
    bullets = [b for y in ProgramYear.objects.all() for b in (*y.achievements, *y.plan)]
    assert bullets and all(40 <= len(b) <= 120 for b in bullets)
    # No history rows: generated data has no editor and no earlier state.
    assert Program.history.count() == 0


@pytest.mark.django_db(transaction=True)
def test_the_same_seed_gives_the_same_data():
    def generate(seed):
        call_command(
            "gen_synthetic",
            municipalities=2,
            programs=3,
            years=2,
            seed=seed,
            verbosity=0,
        )
        rows = list(ProgramYear.objects.order_by("pk").values_list("plan", flat=True))
        names = list(
            Municipality.objects.order_by("code").values_list("name", flat=True)
        )
        Municipality.objects.all().delete()
        return rows, names

    first = generate(1)
    assert generate(1) == first
    assert generate(2) != first


@pytest.mark.django_db
def test_dry_run_writes_nothing_and_reports_the_full_scale(capsys):
    call_command("gen_synthetic", dry_run=True)
    out = capsys.readouterr().out
    assert "Dry run" in out
    assert "534,487 rows" in out and "417,840 program_years" in out
    assert "52,230 search_entries" in out
    assert Municipality.objects.count() == 0


@pytest.mark.django_db
def test_refuses_to_mix_with_existing_synthetic_codes():
    Municipality.objects.create(code=synthetic.municipality_code(1), name="既存市")
    with pytest.raises(CommandError, match="already holds municipalities"):
        call_command("gen_synthetic", municipalities=3, verbosity=0)
    assert Municipality.objects.count() == 1


def _search_rows():
    return sorted(
        SearchEntry.objects.values_list(
            "edition_id", "program_number", "is_latest", "haystack", "doc"
        )
    )


@pytest.mark.django_db(transaction=True)
def test_each_plan_is_published_as_the_public_pages_read_it(client):
    """The public pages, the API and search read published snapshots and the
    search index only: the generator writes both, the same as an import would
    (the search rows equal what `shinchoku reindex` rebuilds)."""
    call_command(
        "gen_synthetic", municipalities=2, programs=4, years=3, seed=3, verbosity=0
    )
    for edition in Edition.objects.select_related("plan__municipality"):
        assert edition.published and edition.snapshot is not None
        plan = edition.plan
        pe = selectors.edition_get(code=plan.municipality.code, slug=plan.slug)
        assert [p.number for p in pe.programs()] == [1, 2, 3, 4]
        live = plan.programs.get(number=2)
        assert pe.program(2).name == live.name
        assert pe.program(2).program.years[plan.last_fy].plan == (
            live.years.get(fiscal_year=plan.last_fy).plan
        )
        url = f"/{plan.municipality.code}/plans/{plan.slug}/programs/2/"
        assert client.get(url).status_code == 200
    generated = _search_rows()
    assert len(generated) == 8 and all(row[2] for row in generated)
    search_index_rebuild()
    assert _search_rows() == generated
    word = SearchEntry.objects.first().program_name[:3]
    assert search(word).total >= 1


@pytest.mark.django_db(transaction=True)
def test_the_search_index_is_built_again_after_the_load():
    """On PostgreSQL the load drops the trigram index and builds it at the end."""
    if connection.vendor != "postgresql":
        pytest.skip("the trigram index is PostgreSQL's")
    call_command("gen_synthetic", municipalities=1, programs=2, years=2, verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
            [synthetic.SEARCH_INDEX],
        )
        (definition,) = cursor.fetchone()
    assert "gin (haystack gin_trgm_ops)" in definition
