"""Writes of round entries: a department's draft, and the steps of its life
(submit, return, approve). Approval alone writes the live plan, through
plans.services, with history rows naming the round."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from shinchoku.common.services import (
    InvalidState,
    ServiceError,
    StaleVersion,
    User,
    model_save,
    signed_in,
)
from shinchoku.common.values import clean_bullets, parse_number
from shinchoku.plans import services as plan_services
from shinchoku.plans.models import ProgramYear
from shinchoku.workflow import events
from shinchoku.workflow.models import (
    TRANSITIONS,
    EntryAction,
    EntryState,
    RoundEntry,
    person_name,
)
from shinchoku.workflow.permissions import Action, require


def _locked_entry(entry: RoundEntry, *, actor: User, action: Action) -> RoundEntry:
    """The entry as saved, locked for this transaction, and the permission
    checked on that (a round may have closed since the form was shown)."""
    fresh = (
        RoundEntry.objects.select_for_update(of=("self",))
        .select_related("round__plan__municipality", "program__plan__municipality")
        .get(pk=entry.pk)
    )
    require(actor, action, fresh)
    return fresh


def _check_version(entry: RoundEntry, based_on_version: int | None) -> None:
    if based_on_version is not None and based_on_version != entry.version:
        who = person_name(entry.updated_by) if entry.updated_by else _("someone else")
        raise StaleVersion(
            _(
                "%(program)s was saved by %(user)s after you opened it: compare "
                "both texts and save again."
            )
            % {"program": entry.label, "user": who},
            current=entry,
        )


@transaction.atomic
def entry_save_draft(
    *,
    actor: User,
    entry: RoundEntry,
    based_on_version: int | None,
    achievements: list[str] | None = None,
    plan: list[str] | None = None,
    kpi_actuals: dict[str, object] | None = None,
    kpi_seen: dict[str, object] | None = None,
    via: str = "screen",
) -> bool:
    """Save a department's draft of the round's fields (others are ignored).
    In kpi_actuals a blank value (None, "") leaves the indicator's draft
    actual as it is; kpi_seen says which live actual each value was written
    against (the form and the workbook carry it; without it, the live actual
    now). Returns whether anything changed."""
    entry = _locked_entry(entry, actor=actor, action=Action.EDIT_ENTRY)
    _check_version(entry, based_on_version)
    if not entry.is_editable:
        raise InvalidState(
            _(
                "%(program)s is %(state)s: only an entry that is not started, "
                "drafting or returned can be edited."
            )
            % {"program": entry.label, "state": entry.get_state_display()},
            current=entry,
        )
    field = entry.round.text_field
    text = {"achievements": achievements, "plan": plan}[field]
    values: dict[str, object] = {}
    if text is not None:
        values[field] = clean_bullets(text)
    if kpi_actuals is not None and entry.round.asks_kpi_actuals:
        values |= _kpi_draft(entry, kpi_actuals, kpi_seen or {})
    changed = {k: v for k, v in values.items() if getattr(entry, k) != v}
    # Whoever saves has seen the live record in the form: the draft is now based
    # on it, which approval checks.
    live = ProgramYear.objects.filter(
        program=entry.program, fiscal_year=entry.round.fiscal_year
    ).first()
    live_version = live.version if live else 0
    if not changed:
        return False
    for k, v in changed.items():
        setattr(entry, k, v)
    entry.year_version = live_version
    entry.state = EntryState.DRAFTING
    entry.version += 1
    entry.updated_by = signed_in(actor)
    model_save(
        entry,
        actor=actor,
        reason=f"{via}: draft {entry.round.title} {entry.program.number_label}",
        exclude=["round", "program"],
    )
    return True


def _kpi_draft(
    entry: RoundEntry, kpi_actuals: dict[str, object], seen: dict[str, object]
) -> dict[str, object]:
    """The draft's actuals with the values typed, and what each changed value
    was written against."""
    indicators = {str(i.pk): i for i in entry.program.indicators.all()}
    actuals, bases = dict(entry.kpi_actuals), dict(entry.kpi_bases)
    fy = str(entry.round.fiscal_year)
    for key, raw in kpi_actuals.items():
        key = str(key)
        if key not in indicators:
            raise ServiceError(
                _("Indicator %(id)s does not belong to %(program)s.")
                % {"id": key, "program": entry.label}
            )
        try:
            value = parse_number(raw)
        except ValueError:
            raise ServiceError(
                _("%(value)s is not a number.") % {"value": raw}
            ) from None
        # Blank is "unchanged": a draft never proposes to erase an actual (the
        # office's value typed meanwhile was lost that way).
        if value is None or value == actuals.get(key):
            continue
        actuals[key] = value
        bases[key] = seen[key] if key in seen else indicators[key].actuals.get(fy)
    return {"kpi_actuals": actuals, "kpi_bases": bases}


def _kpi_conflicts(entry: RoundEntry, indicators: list) -> list[str]:
    """Indicators whose live actual changed since the draft's value was
    written against it, to a value other than the draft's."""
    fy = str(entry.round.fiscal_year)
    conflicts = []
    for indicator in indicators:
        key = str(indicator.pk)
        draft, live = entry.kpi_actuals.get(key), indicator.actuals.get(fy)
        base = entry.kpi_bases.get(key, live)
        if draft is None or draft in (live, base) or live == base:
            continue
        conflicts.append(
            _(
                "%(indicator)s: now %(live)s, the draft says %(draft)s (written "
                "when it was %(base)s)"
            )
            % {
                "indicator": indicator,
                "live": _shown(live),
                "draft": _shown(draft),
                "base": _shown(base),
            }
        )
    return conflicts


def _shown(value: object) -> str:
    return "—" if value is None else str(value)


def _transition(entry: RoundEntry, action: EntryAction) -> EntryState:
    """The state the action leads to, or InvalidState saying which states
    allow it."""
    sources, target = TRANSITIONS[action]
    if not entry.allows(action):
        allowed = ", ".join(
            str(EntryState(s).label) for s in EntryState.values if s in sources
        )
        raise InvalidState(
            _(
                "%(program)s is %(state)s: only an entry that is %(allowed)s can "
                "be %(action)s."
            )
            % {
                "program": entry.label,
                "state": entry.get_state_display(),
                "allowed": allowed,
                "action": action.label,
            },
            current=entry,
        )
    return target


@transaction.atomic
def entry_submit(
    *, actor: User, entry: RoundEntry, based_on_version: int | None, via: str = "screen"
) -> RoundEntry:
    entry = _locked_entry(entry, actor=actor, action=Action.SUBMIT_ENTRY)
    _check_version(entry, based_on_version)
    entry.state = _transition(entry, EntryAction.SUBMIT)
    entry.submitted_at = timezone.now()
    entry.version += 1
    model_save(
        entry,
        actor=actor,
        reason=f"{via}: submit {entry.round.title} {entry.program.number_label}",
        exclude=["round", "program"],
    )
    events.entry_submitted.send(RoundEntry, entry=entry, actor=actor, via=via)
    return entry


@transaction.atomic
def entry_return(
    *,
    actor: User,
    entry: RoundEntry,
    comment: str,
    based_on_version: int | None,
    via: str = "screen",
) -> RoundEntry:
    entry = _locked_entry(entry, actor=actor, action=Action.RETURN_ENTRY)
    _check_version(entry, based_on_version)
    if not comment.strip():
        raise ServiceError(_("Say why the entry is returned."))
    entry.state = _transition(entry, EntryAction.RETURN)
    entry.return_comment = comment.strip()
    entry.version += 1
    model_save(
        entry,
        actor=actor,
        reason=f"{via}: return {entry.round.title} {entry.program.number_label}",
        exclude=["round", "program"],
    )
    events.entry_returned.send(RoundEntry, entry=entry, actor=actor, via=via)
    return entry


@transaction.atomic
def entry_approve(
    *, actor: User, entry: RoundEntry, based_on_version: int | None, via: str = "screen"
) -> RoundEntry:
    """Approve a submitted entry: its draft becomes the live FY record (and KPI
    actuals), with history rows naming the round, in the same transaction."""
    entry = _locked_entry(entry, actor=actor, action=Action.APPROVE_ENTRY)
    _check_version(entry, based_on_version)
    approved = _transition(entry, EntryAction.APPROVE)
    round_ = entry.round
    reason = (
        f"{via}: approve round {round_.title} (#{round_.pk}) "
        f"{entry.program.number_label}"
    )
    live = plan_services.program_year_locked(entry.program, round_.fiscal_year)
    if (live.version if live else 0) != entry.year_version:
        raise InvalidState(
            _(
                "The live record of %(program)s changed after this draft was "
                "written: return the entry so that the department can check it "
                "against the current text."
            )
            % {"program": entry.label},
            current=entry,
        )
    indicators = (
        list(entry.program.indicators.select_for_update())
        if round_.asks_kpi_actuals
        else []
    )
    if conflicts := _kpi_conflicts(entry, indicators):
        raise InvalidState(
            _(
                "An indicator's actual of %(program)s changed after this draft "
                "was written (%(conflicts)s): return the entry so that the "
                "department can check it, or type the actual on the indicator."
            )
            % {"program": entry.label, "conflicts": "; ".join(conflicts)},
            current=entry,
        )
    entry.state = approved
    plan_services.program_year_update(
        actor=actor,
        program=entry.program,
        fiscal_year=round_.fiscal_year,
        **{round_.text_field: entry.text},
        based_on_version=entry.year_version,
        reason=reason,
        check_permission=False,
    )
    for indicator in indicators:
        key = str(indicator.pk)
        value = entry.kpi_actuals.get(key)
        # None or the value it was written against: the department left it as
        # it was; the live actual (perhaps typed since) stands.
        if value is None or value == entry.kpi_bases.get(key, None):
            continue
        plan_services.indicator_actual_set(
            actor=actor,
            indicator=indicator,
            fiscal_year=round_.fiscal_year,
            value=value,
            based_on_version=None,  # checked above, under the lock
            reason=reason,
        )
    entry.approved_at = timezone.now()
    entry.version += 1
    model_save(entry, actor=actor, reason=reason, exclude=["round", "program"])
    events.entry_approved.send(RoundEntry, entry=entry, actor=actor, via=via)
    return entry
