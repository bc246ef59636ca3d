"""Writes of round entries: a department's draft, and the steps of its life
(submit, the department head's step, withdraw, return, approve), each kept as
an EntryEvent of the entry's thread and announced (workflow.events). Approval
alone writes the live plan, through plans.services, with history rows naming
the round."""

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
    EntryEvent,
    EntryState,
    Role,
    RoundEntry,
    person_name,
)
from shinchoku.workflow.permissions import Action, actor_for, require


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
    entry.saved_at = timezone.now()
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


def _transition(
    entry: RoundEntry, action: EntryAction, *, head_step: bool = False
) -> EntryState:
    """The state the action leads to, or InvalidState saying which states
    allow it."""
    sources = TRANSITIONS[action][0]
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
    return entry.target_of(action, head_step=head_step)


def _step(
    entry: RoundEntry,
    *,
    actor: User,
    action: EntryAction,
    via: str,
    comment: str = "",
    head_step: bool = False,
    reason: str | None = None,
) -> EntryEvent:
    """Move the entry on by one step (its state checked), save it with a
    history row and keep the step in its thread, announced."""
    before = entry.state
    entry.state = _transition(entry, action, head_step=head_step)
    entry.version += 1
    label = entry.program.number_label
    model_save(
        entry,
        actor=actor,
        reason=reason or f"{via}: {action.value} {entry.round.title} {label}",
        exclude=["round", "program"],
    )
    return entry_record_step(
        entry, actor=actor, action=action, before=before, via=via, comment=comment
    )


def entry_record_step(
    entry: RoundEntry,
    *,
    actor: User | None,
    action: EntryAction,
    before: str,
    via: str,
    comment: str = "",
) -> EntryEvent:
    """Keep a step the entry (already saved) has taken in its thread, and
    announce it; for steps taken elsewhere too (a reopened round returning its
    entries)."""
    event = EntryEvent.objects.create(
        entry=entry,
        action=action,
        actor=signed_in(actor),
        via=via,
        state_before=before,
        state_after=entry.state,
        comment=comment,
        text=list(entry.text),
        kpi_actuals=dict(entry.kpi_actuals),
        writer=entry.updated_by,
    )
    _announce(event, actor=actor, via=via)
    return event


# The steps the layers above hear of by name (workflow.events): a submission
# when it reaches the admin office (or the department head first), a return,
# an approval.
_SIGNALS = {
    EntryAction.SUBMIT: events.entry_submitted,
    EntryAction.RESUBMIT: events.entry_submitted,
    EntryAction.FORWARD: events.entry_submitted,
    EntryAction.RETURN: events.entry_returned,
    EntryAction.HEAD_RETURN: events.entry_returned,
    EntryAction.APPROVE: events.entry_approved,
}


def _announce(event: EntryEvent, *, actor: User | None, via: str) -> None:
    """workflow.events.entry_stepped for every step, and the step's own signal
    (none for a withdrawal; entry_awaiting_head for a submission that waits for
    the head)."""
    entry = event.entry
    events.entry_stepped.send(
        RoundEntry, entry=entry, event=event, actor=actor, via=via
    )
    signal = _SIGNALS.get(EntryAction(event.action))
    if signal is events.entry_submitted and entry.state == EntryState.AWAITING_HEAD:
        signal = events.entry_awaiting_head
    elif signal is events.entry_submitted and entry.state != EntryState.SUBMITTED:
        signal = None
    if signal is not None:
        signal.send(RoundEntry, entry=entry, actor=actor, via=via, action=event.action)


def _head_step(entry: RoundEntry, actor: User) -> bool:
    """Whether a submission waits for the department head: where the plan asks
    for 課長承認 and an editor (not the head or the admin office) submits."""
    if not entry.round.plan.department_head_approval:
        return False
    return actor_for(actor).role == Role.DEPARTMENT_EDITOR


@transaction.atomic
def entry_submit(
    *, actor: User, entry: RoundEntry, based_on_version: int | None, via: str = "screen"
) -> RoundEntry:
    """Hand the draft in: to the admin office, or first to the department head
    where the plan asks for 課長承認 (作成中 → 課内確認待ち → 提出済)."""
    entry = _locked_entry(entry, actor=actor, action=Action.SUBMIT_ENTRY)
    _check_version(entry, based_on_version)
    head_step = _head_step(entry, actor)
    if not head_step:
        entry.submitted_at = timezone.now()
    returned_before = entry.events.filter(
        action__in=[EntryAction.RETURN, EntryAction.HEAD_RETURN]
    ).exists()
    action = EntryAction.RESUBMIT if returned_before else EntryAction.SUBMIT
    _step(entry, actor=actor, action=action, via=via, head_step=head_step)
    return entry


@transaction.atomic
def entry_forward(
    *, actor: User, entry: RoundEntry, based_on_version: int | None, via: str = "screen"
) -> RoundEntry:
    """The department head passes the submission on to the admin office."""
    entry = _locked_entry(entry, actor=actor, action=Action.FORWARD_ENTRY)
    _check_version(entry, based_on_version)
    entry.submitted_at = timezone.now()
    _step(entry, actor=actor, action=EntryAction.FORWARD, via=via)
    return entry


@transaction.atomic
def entry_withdraw(
    *, actor: User, entry: RoundEntry, based_on_version: int | None, via: str = "screen"
) -> RoundEntry:
    """The department takes its submission back while nobody reviewed it yet:
    it is a draft again."""
    entry = _locked_entry(entry, actor=actor, action=Action.WITHDRAW_ENTRY)
    _check_version(entry, based_on_version)
    _step(entry, actor=actor, action=EntryAction.WITHDRAW, via=via)
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
    """Return the entry to its department with a comment: by the department
    head before passing it on, by the admin office after."""
    entry = _locked_entry(entry, actor=actor, action=Action.RETURN_ENTRY)
    _check_version(entry, based_on_version)
    action = entry.return_action
    _transition(entry, action)
    # The reviewer of this step: the head before passing on, the office after.
    require(
        actor,
        Action.FORWARD_ENTRY
        if action == EntryAction.HEAD_RETURN
        else Action.APPROVE_ENTRY,
        entry,
    )
    comment = comment.strip()
    if not comment:
        raise ServiceError(_("Say why the entry is returned."))
    entry.return_comment = comment
    _step(entry, actor=actor, action=entry.return_action, via=via, comment=comment)
    return entry


@transaction.atomic
def entry_approve(
    *, actor: User, entry: RoundEntry, based_on_version: int | None, via: str = "screen"
) -> RoundEntry:
    """Approve a submitted entry: its draft becomes the live FY record (and KPI
    actuals), with history rows naming the round, in the same transaction."""
    entry = _locked_entry(entry, actor=actor, action=Action.APPROVE_ENTRY)
    _check_version(entry, based_on_version)
    _transition(entry, EntryAction.APPROVE)
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
    _step(entry, actor=actor, action=EntryAction.APPROVE, via=via, reason=reason)
    return entry
