"""The workflow demo: people for every role, idempotent, and its command."""

from django.contrib.auth import get_user_model
from django.core.management import call_command

from shinchoku import cli
from shinchoku.workflow.demo import ensure_demo_people, ensure_demo_round
from shinchoku.workflow.models import Membership, ProgramAssignment, Role


def test_demo_people_cover_every_role_and_assign_every_program(seed_plan):
    people = ensure_demo_people()
    assert {p.role for p in people} == set(Role.values)
    assert ProgramAssignment.objects.count() == seed_plan.programs.count()
    assert get_user_model().objects.get(username="admin").is_superuser
    assert Membership.objects.get(user__username="joho").department.name == "情報政策課"
    again = ensure_demo_people()
    assert again == people
    assert ProgramAssignment.history.count() == seed_plan.programs.count()
    round_ = ensure_demo_round()
    assert round_.title == "令和5年度実績" and ensure_demo_round() == round_


def test_the_command_prints_the_users(seed_plan, capsys):
    cli.main(["demo-workflow", "--with-round"])
    out = capsys.readouterr().out
    assert "gyosei / shinchoku-demo" in out and "Open round: 令和5年度実績" in out


def test_dry_run_saves_nothing(seed_plan, capsys):
    call_command("demo_workflow", "--dry-run")
    assert "Dry run" in capsys.readouterr().out
    assert not Membership.objects.exists()


def test_the_command_turns_on_the_department_head_s_step(seed_plan, capsys):
    call_command("demo_workflow", "--head-approval")
    out = capsys.readouterr().out
    assert "kacho / shinchoku-demo" in out and "Department head approval on" in out
    seed_plan.refresh_from_db()
    assert seed_plan.department_head_approval
    kacho = Membership.objects.get(user__username="kacho")
    assert (kacho.role, kacho.department.name) == (Role.DEPARTMENT_HEAD, "情報政策課")
