"""Bad input, fuzzed: the update round's workbook, exported for a department,
then changed at random — any cell (editable or locked, on any sheet, with text,
Unicode, numbers, infinities, dates, booleans or nothing), sheets deleted,
renamed or added, bytes corrupted — and uploaded. Either it applies, or it is
refused with WorkbookRejected and messages that name the sheet and cell of
every changed locked cell — never any other exception — and a refused workbook
writes nothing (every row and history row of the round stays as it was).

FUZZ_EXAMPLES=2000 runs a longer search (the default keeps the suite fast)."""

from __future__ import annotations

import datetime as dt
import io
import os

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils.exceptions import IllegalCharacterError

from shinchoku.common.values import bullets_from_text, parse_number
from shinchoku.imports.services import import_file
from shinchoku.workflow.models import Department, RoundKind
from shinchoku.workflow.rounds import services as round_services
from shinchoku.workflow.workbook import layout
from shinchoku.workflow.workbook import services as workbook_services
from tests.workflow.conftest import build_people, open_plan_round

FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "50")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
COLUMNS = "ABCDEFGH"

VALUES = st.one_of(
    st.text(max_size=30),
    st.text(st.sampled_from("・\n\r\t 　電子決裁①%,.-0123456789ＤＸ"), max_size=30),
    st.sampled_from(["", " ", "\n", "・", "約86%", "1,234", "１２３", "-0", "1e309"]),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
)


@pytest.fixture(scope="module")
def shared(django_db_setup, django_db_blocker):
    """Kodaira's plan, the round's people, an initial-plan round and an
    achievements round (with indicator rows), built once for the module."""
    with django_db_blocker.unblock():
        plan = import_file(django_settings.SHINCHOKU_SEED_FILE).plan
        people = build_people(plan)
        rounds = {
            "initial_plan": open_plan_round(people, plan),
            "achievements": round_services.round_open(
                actor=people["gyosei"],
                plan=plan,
                kind=RoundKind.ACHIEVEMENTS,
                fiscal_year=2023,
                deadline=dt.date(2030, 1, 31),
            ),
        }
        department = Department.objects.get(name="情報政策課")
        exported = {
            kind: workbook_services.workbook_export(
                actor=people["joho"], round_=round_, department=department
            )
            for kind, round_ in rounds.items()
        }
    yield people, rounds, department, exported
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


def workflow_rows() -> dict[str, object]:
    """The round's entries as stored, and how many rows every history table
    holds: an upload writes entries (drafts) and their history, nothing else."""
    from shinchoku.workflow.models import RoundEntry

    counts = {
        model._meta.db_table: model._base_manager.count()
        for label in ("workflow", "plans")
        for model in apps.get_app_config(label).get_models()
    }
    return {
        "workflow_roundentry": list(RoundEntry.objects.order_by("pk").values()),
        "counts": counts,
    }


def cells(wb) -> dict[tuple[str, str], object]:
    """Every non-empty cell of every sheet ("" counts as empty)."""
    out = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value not in (None, ""):
                    out[(ws.title, cell.coordinate)] = cell.value
    return out


def edit_cells(wb) -> tuple[dict, dict]:
    """From the workbook's own metadata: entry id → its F cell, and
    (entry id, indicator id) → the indicator's F cell."""
    entries, kpis = {}, {}
    for row in wb[layout.META_SHEET].iter_rows(values_only=True):
        if row[0] == "entry":
            entries[row[1]] = (row[5], f"F{row[6]}")
        elif row[0] == "kpi":
            kpis[(row[1], row[2])] = (row[3], f"F{row[4]}")
    return entries, kpis


@st.composite
def changes(draw, wb):
    """A few operations on the workbook, as data (shown when an example fails)."""
    ops = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["cell"] * 6 + ["delete", "rename", "add"]))
        sheet = draw(st.sampled_from(wb.sheetnames))
        if kind == "cell":
            ws = wb[sheet]
            column = draw(st.sampled_from(COLUMNS))
            row = draw(st.integers(1, ws.max_row + 2))
            ops.append(("cell", sheet, f"{column}{row}", draw(VALUES)))
        elif kind == "rename":
            ops.append(("rename", sheet, draw(st.text(min_size=1, max_size=10))))
        elif kind == "add":
            ops.append(("add", draw(st.text(min_size=1, max_size=10))))
        else:
            ops.append(("delete", sheet))
    corrupt = None
    if draw(st.integers(0, 5)) == 0:
        corrupt = (draw(st.floats(0, 1)), draw(st.binary(min_size=1, max_size=32)))
    return ops, corrupt


def apply(data: bytes, ops, corrupt) -> bytes:
    wb = load_workbook(io.BytesIO(data))
    for op in ops:
        if op[1] not in wb.sheetnames and op[0] != "add":
            continue  # deleted or renamed by an earlier operation
        try:
            if op[0] == "cell":
                wb[op[1]][op[2]] = op[3]
            elif op[0] == "rename":
                wb[op[1]].title = op[2]
            elif op[0] == "add":
                wb.create_sheet(op[1])
            else:
                del wb[op[1]]
        except (ValueError, IllegalCharacterError):
            assume(False)  # openpyxl itself refuses to write this
    out = io.BytesIO()
    wb.save(out)
    data = out.getvalue()
    if corrupt:
        at = int(corrupt[0] * len(data))
        data = data[:at] + corrupt[1] + data[at + len(corrupt[1]) :]
    return data


@pytest.mark.django_db
@FUZZ
@given(data=st.data(), kind=st.sampled_from(["initial_plan", "achievements"]))
def test_a_changed_workbook_applies_or_is_refused_by_sheet_and_cell(shared, data, kind):
    people, rounds, department, exported = shared
    round_, base = rounds[kind], exported[kind]
    base_wb = load_workbook(io.BytesIO(base))
    ops, corrupt = data.draw(changes(base_wb), label="changes")
    uploaded = apply(base, ops, corrupt)
    entries, kpis = edit_cells(base_wb)
    editable = {*entries.values(), *kpis.values()}
    # The instructions are only read by people: without them a workbook
    # still says everything (and may apply).
    data_sheets = set(base_wb.sheetnames) - {layout.INSTRUCTIONS_SHEET}
    try:
        final_wb = load_workbook(io.BytesIO(uploaded))
    except Exception:  # noqa: BLE001 - the corruption broke the file itself
        final_wb = final = None
    else:
        final = cells(final_wb)
    # Sheets added, removed or renamed (corrupted bytes can lose one too).
    sheets_changed = final_wb is None or (
        set(final_wb.sheetnames) - {layout.INSTRUCTIONS_SHEET} != data_sheets
    )
    original = cells(base_wb)
    changed = (
        set()
        if final is None
        else {
            where
            for where in original.keys() | final.keys()
            if original.get(where) != final.get(where)
        }
    )
    locked_changed = {
        (sheet, coord)
        for sheet, coord in changed
        if sheet in data_sheets and (sheet, coord) not in editable
    }
    # Each example starts from the same state: rolled back at its end.
    with transaction.atomic():
        before = workflow_rows()
        try:
            count = workbook_services.workbook_import(
                actor=people["joho"],
                round_=round_,
                department=department,
                data=uploaded,
                filename="記入済み.xlsx",
            )
        except workbook_services.WorkbookRejected as exc:
            problems = [str(p) for p in exc.problems]
            assert problems and all(p.strip() for p in problems), problems
            assert workflow_rows() == before, "a refused workbook wrote something"
            if (
                final is not None
                and not sheets_changed
                and not any(sheet == layout.META_SHEET for sheet, _ in locked_changed)
            ):
                for sheet, coord in locked_changed:
                    named = f"Sheet {sheet}, cell {coord}: "
                    assert any(p.startswith(named) for p in problems), (
                        named,
                        problems,
                    )
        else:
            assert final is not None and not sheets_changed
            assert not locked_changed, (
                f"applied with locked cells changed: {sorted(locked_changed)}"
            )
            check_applied(round_, entries, kpis, final, before, count)
        transaction.set_rollback(True)


def check_applied(round_, entries, kpis, final, before, count) -> None:
    """Every entry holds what its cells say, and only changed ones moved on."""
    from shinchoku.workflow.models import RoundEntry

    field = "plan" if "plan" in round_.editable_fields else "achievements"
    old = {r["id"]: r for r in before["workflow_roundentry"]}
    moved = 0
    for entry in RoundEntry.objects.filter(pk__in=entries):
        sheet, coord = entries[entry.pk]
        assert getattr(entry, field) == bullets_from_text(
            None if final.get((sheet, coord)) is None else str(final[(sheet, coord)])
        )
        for (entry_id, indicator_id), where in kpis.items():
            if entry_id == entry.pk:
                value = parse_number(final.get(where))
                assert entry.kpi_actuals.get(str(indicator_id)) == value
        moved += entry.version != old[entry.pk]["version"]
    assert moved == count
    history = (
        RoundEntry.history.count() - before["counts"]["workflow_historicalroundentry"]
    )
    assert history == count
