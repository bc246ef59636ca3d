"""Applying files to the database: the whole import is one transaction, and
importing the same file twice changes nothing."""

import json

import pytest
from django.core.management import call_command

from shinchoku.document import interchange
from shinchoku.document.errors import ImportFormatError
from shinchoku.imports.services import import_file
from shinchoku.plans import selectors
from shinchoku.plans.models import (
    Direction,
    Edition,
    Municipality,
    Plan,
    Program,
    ProgramYear,
)
from tests.imports.helpers import SEED_NAMES, line_of, replace_line, shift_years

MODELS = (Municipality, Plan, Direction, Program, ProgramYear, Edition)


def snapshot() -> dict:
    """Every row of the plan tables, and every history row: what 'untouched' means."""
    rows = {m.__name__: list(m.objects.order_by("pk").values()) for m in MODELS}
    rows |= {
        f"history:{m.__name__}": m.history.count()
        for m in MODELS
        if hasattr(m, "history")
    }
    return rows


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_the_seed_imports_with_every_program_and_record(db, seed_path):
    result = import_file(seed_path)
    plan = result.plan
    assert (plan.municipality.code, plan.municipality.name) == ("132110", "小平市")
    assert (plan.title, plan.first_fy, plan.last_fy, plan.slug) == (
        "第1期経営方針推進プログラム",
        2021,
        2024,
        "2021-2024",
    )
    assert dict(plan.programs.values_list("number", "name")) == SEED_NAMES
    assert (result.programs.created, result.years.created) == (23, 63)
    p12 = plan.programs.get(number=12)
    assert p12.direction.number == 3
    assert p12.years.get(fiscal_year=2023).plan[-1] == "電子決裁率85%を目指す。"
    edition = plan.editions.get()
    assert (edition.title, str(edition.date), edition.fiscal_year) == (
        "令和6年度当初計画",
        "2024-02-02",
        2024,
    )
    assert "programs 6–10 are not in this file" in result.notes
    assert (
        Program.history.filter(history_change_reason__startswith="import:").count()
        == 23
    )


def test_importing_the_same_file_again_changes_nothing(db, seed_path):
    import_file(seed_path)
    before = snapshot()
    result = import_file(seed_path)
    assert not result.changed
    assert (result.programs.unchanged, result.years.unchanged) == (23, 63)
    assert snapshot() == before


def test_a_changed_file_updates_only_what_changed(db, seed_path, seed_text, tmp_path):
    import_file(seed_path, publish=False)  # not published yet: still the office's
    changed = seed_text.replace("電子決裁率85%を目指す。", "電子決裁率86%を目指す。")
    result = import_file(write(tmp_path, "changed.txt", changed.encode()))
    assert (result.programs.updated, result.years.updated) == (0, 1)
    record = ProgramYear.objects.get(program__number=12, fiscal_year=2023)
    assert record.plan[-1] == "電子決裁率86%を目指す。"
    assert record.version == 2
    assert record.history.count() == 2
    assert "電子決裁率86%" in json.dumps(
        Edition.objects.get().snapshot, ensure_ascii=False
    )


def test_a_published_edition_is_not_changed_by_a_file(
    db, seed_path, seed_text, tmp_path
):
    """A published edition is the report as presented: a file stating it with
    other content is refused whole (another title makes a new edition)."""
    import_file(seed_path)
    before = Edition.objects.get().snapshot
    changed = seed_text.replace("電子決裁率85%を目指す。", "電子決裁率86%を目指す。")
    with pytest.raises(
        ImportFormatError, match="changed.txt: edition '令和6年度当初計画' is published"
    ):
        import_file(write(tmp_path, "changed.txt", changed.encode()))
    assert Edition.objects.get().snapshot == before
    record = ProgramYear.objects.get(program__number=12, fiscal_year=2023)
    assert (record.plan[-1], record.version) == ("電子決裁率85%を目指す。", 1)
    assert import_file(seed_path).years.updated == 0  # the same file still imports


def test_a_table_one_year_later_adds_a_year(db, seed_path, seed_text, tmp_path):
    import_file(seed_path)
    later = shift_years(seed_text).replace("令和7年度当初計画", "令和7年度当初計画")
    result = import_file(write(tmp_path, "later.txt", later.encode()))
    plan = result.plan
    assert plan.first_fy == 2022  # the period in the title moved too
    assert plan.editions.count() == 2
    assert ProgramYear.objects.filter(program__plan=plan, fiscal_year=2025).exists()


def test_cp932_crlf_imports_like_the_utf8_file(db, seed_text, tmp_path):
    path = write(tmp_path, "sjis.txt", seed_text.replace("\n", "\r\n").encode("cp932"))
    assert import_file(path).programs.created == 23


BROKEN = {
    "truncated": lambda t: replace_line(
        t, line_of(t, "⑮"), t.split("\n")[line_of(t, "⑮") - 1].rsplit("\t", 5)[0]
    ),
    "duplicate": lambda t: t.replace("\n27\t", "\n12\t", 1),
    "unknown-layout": lambda t: "列1\t列2\n値\t値\n",
    "empty": lambda t: "",
    "late-error": lambda t: t.replace("広報活動ガイドラインの策定", "長" * 300, 1),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
@pytest.mark.django_db
def test_a_malformed_file_leaves_the_database_untouched(
    case, seed_path, seed_text, tmp_path
):
    import_file(seed_path)
    before = snapshot()
    path = write(tmp_path, f"{case}.txt", BROKEN[case](seed_text).encode())
    with pytest.raises(ImportFormatError) as info:
        import_file(path)
    assert str(info.value).startswith(f"{case}.txt")
    assert snapshot() == before


def test_an_error_after_writes_have_started_rolls_everything_back(
    db, seed_text, tmp_path
):
    """The over-long name of program 21 is found after the plan, directions and
    programs 1–20 were prepared: nothing of it may stay."""
    path = write(tmp_path, "late.txt", BROKEN["late-error"](seed_text).encode())
    with pytest.raises(
        ImportFormatError, match="late.txt, line 47: program 21: name: .*200"
    ):
        import_file(path)
    assert all(
        not rows for name, rows in snapshot().items() if not name.startswith("history")
    )
    assert Program.history.count() == 0


def test_damaged_workbooks_are_refused(db, tmp_path):
    # A workbook is a table now (issue #14): a damaged one says so.
    with pytest.raises(ImportFormatError, match=r"x\.xlsx: .*(damaged|壊れて)"):
        import_file(write(tmp_path, "x.xlsx", b"PK\x03\x04\x00\x00binary"))
    assert not Program.objects.exists()


def test_dry_run_reports_but_saves_nothing(db, seed_path):
    result = import_file(seed_path, dry_run=True)
    assert result.programs.created == 23
    assert "Dry run" in result.summary()
    assert not Program.objects.exists()


def test_json_round_trip_is_lossless(db, seed_path, tmp_path):
    import_file(seed_path)
    first = interchange.dumps(selectors.plan_to_parsed(Plan.objects.get()))
    # into the same database: nothing changes
    path = write(tmp_path, "plan.json", first)
    assert not import_file(path).changed
    # into an empty database: the same export comes out
    for model in reversed(MODELS):
        model.objects.all().delete()
    import_file(path)
    second = interchange.dumps(selectors.plan_to_parsed(Plan.objects.get()))
    assert second == first


def test_json_export_holds_every_seed_text_exactly(db, seed_path, seed_bytes):
    from shinchoku.imports.formats import seed_table

    import_file(seed_path)
    doc = json.loads(interchange.dumps(selectors.plan_to_parsed(Plan.objects.get())))
    parsed = seed_table.parse(seed_bytes, source="seed")
    expected = interchange.dump(parsed)
    snapshot = doc["editions"][0].pop("snapshot")
    assert doc == expected
    # the imported table is itself the edition as presented: frozen as such
    assert snapshot == interchange.edition_snapshot(parsed, parsed.editions[0])
    assert "snapshot" not in snapshot["editions"][0]
    p12 = next(p for p in doc["programs"] if p["number"] == 12)
    assert (
        p12["years"]["2022"]["achievements"][-1] == "令和4年度末での電子決裁率73.7%。"
    )
    assert not any("<" in b for p in doc["programs"] for b in p["policy_points"])


def test_a_frozen_edition_does_not_follow_later_edits(db, seed_path):
    plan = import_file(seed_path).plan
    record = ProgramYear.objects.get(program__number=12, fiscal_year=2023)
    record.plan = ["書き換え"]
    record.save()
    frozen = selectors.edition_parsed(plan.editions.get())
    p12 = next(p for p in frozen.programs if p.number == 12)
    assert p12.years[2023].plan[-1] == "電子決裁率85%を目指す。"
    live = selectors.plan_to_parsed(plan)
    assert next(p for p in live.programs if p.number == 12).years[2023].plan == [
        "書き換え"
    ]


def test_import_and_export_commands(db, seed_path, tmp_path, capsys):
    call_command("importplan", str(seed_path))
    out = capsys.readouterr().out
    assert "23 created" in out and "note: programs 6–10 are not in this file" in out
    target = tmp_path / "out.json"
    call_command("exportplan", "--format", "json", "-o", str(target))
    assert json.loads(target.read_text())["municipality"]["code"] == "132110"


def test_the_import_command_reports_errors_without_a_traceback(db, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="empty.txt: the file is empty"):
        call_command("importplan", str(write(tmp_path, "empty.txt", b"")))
    with pytest.raises(CommandError, match="cannot read the file"):
        call_command("importplan", str(tmp_path / "missing.txt"))


def test_kpi_csv_export(db, seed_path, tmp_path):
    import_file(seed_path)
    target = tmp_path / "kpis.csv"
    call_command("exportplan", "--format", "kpi-csv", "-o", str(target))
    text = target.read_bytes().decode("utf-8-sig")
    assert text.splitlines()[0].startswith("municipality_code,plan,program_number")
    assert (
        "電子決裁率,%,以上,higher,90,2024,62.3,2021-04-01,2022,令和4年度,,73.7" in text
    )
