"""gen-synthetic: national-scale plans for load tests, small here."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

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

MODELS = (Municipality, Plan, Direction, Program, ProgramYear, Edition)


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
    }
    assert "Created 96 rows" in capsys.readouterr().out
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
    assert "482,257 rows" in out and "417,840 program_years" in out
    assert Municipality.objects.count() == 0


@pytest.mark.django_db
def test_refuses_to_mix_with_existing_synthetic_codes():
    Municipality.objects.create(code=synthetic.municipality_code(1), name="既存市")
    with pytest.raises(CommandError, match="already holds municipalities"):
        call_command("gen_synthetic", municipalities=3, verbosity=0)
    assert Municipality.objects.count() == 1
