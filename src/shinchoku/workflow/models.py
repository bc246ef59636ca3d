"""The yearly update round (照会): who may write what, and the drafts on the way.

Departments (所管課) lead programs; people belong to a department with a role.
An update round asks every lead department for one fiscal year's text of its
programs. Department edits are drafts held on the round's entry, so the live plan
data (and the public) see only what the admin office approved: approval is the
one path from a draft into plans.ProgramYear.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from shinchoku.common import wareki
from shinchoku.plans.models import FY_VALIDATORS, Edition, Municipality, Plan, Program


def person_name(user) -> str:
    """A person as Japanese offices write them: family name first (行政経営 花子),
    else the username."""
    return f"{user.last_name} {user.first_name}".strip() or user.get_username()


class Role(models.TextChoices):
    SYSTEM_ADMIN = "system_admin", _("System administrator")
    ADMIN_OFFICE = "admin_office", _("Admin office editor")
    DEPARTMENT_EDITOR = "department_editor", _("Department editor")
    # 課長: writes like an editor and, where the plan asks for it (課長承認),
    # returns or passes on what the department's editors submit.
    DEPARTMENT_HEAD = "department_head", _("Department head")
    COMMITTEE = "committee", _("Committee member")


# The roles of a department's own people (所管課).
DEPARTMENT_ROLES = frozenset({Role.DEPARTMENT_EDITOR, Role.DEPARTMENT_HEAD})


class Department(models.Model):
    """所管課, or the admin office itself (行政経営課)."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="departments"
    )
    name = models.CharField(_("name"), max_length=100)
    is_admin_office = models.BooleanField(_("admin office"), default=False)
    email = models.EmailField(_("e-mail"), blank=True)
    ordering = models.PositiveIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["municipality", "ordering", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"], name="department_unique_name"
            ),
        ]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A person's place: municipality, department and role (one per user)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="shinchoku_membership",
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="memberships",
        null=True,
        blank=True,
        help_text=_("Empty only for system administrators."),
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="memberships",
        null=True,
        blank=True,
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    # Set when the admin office gave a one-time password: the person chooses
    # their own at their first sign-in before anything else.
    must_change_password = models.BooleanField(_("must change password"), default=False)

    # Who may edit what changes here: every change is kept, with who made it.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"

    @property
    def is_department_member(self) -> bool:
        """An editor or the head of a department (所管課), not the office."""
        return self.role in DEPARTMENT_ROLES

    def clean(self) -> None:
        if self.role != Role.SYSTEM_ADMIN and self.municipality_id is None:
            raise ValidationError(
                {"municipality": _("Every role but system administrator needs one.")}
            )
        if self.role in DEPARTMENT_ROLES and self.department_id is None:
            raise ValidationError(
                {"department": _("A department editor belongs to a department.")}
            )
        if (
            self.department_id is not None
            and self.department.municipality_id != self.municipality_id
        ):
            raise ValidationError(
                {"department": _("The department belongs to another municipality.")}
            )


class ProgramAssignment(models.Model):
    """Which department leads a program (and which support it)."""

    program = models.OneToOneField(
        Program, on_delete=models.CASCADE, related_name="assignment"
    )
    lead = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="led_assignments",
        verbose_name=_("lead department"),
    )
    supporting = models.ManyToManyField(
        Department,
        related_name="supported_assignments",
        blank=True,
        verbose_name=_("supporting departments"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("program assignment")
        verbose_name_plural = _("program assignments")

    def __str__(self) -> str:
        return f"{self.program} → {self.lead}"


class RoundKind(models.TextChoices):
    INITIAL_PLAN = "initial_plan", _("Initial plan (plan and targets)")
    ACHIEVEMENTS = "achievements", _("Achievements")


class RoundStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Round(models.Model):
    """照会: the admin office asks every lead department for one FY's text."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="rounds")
    kind = models.CharField(_("kind"), max_length=20, choices=RoundKind.choices)
    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year"),
        validators=FY_VALIDATORS,
        help_text=_(
            "The year written: the coming year for an initial plan, the year just "
            "ended for achievements."
        ),
    )
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=10, choices=RoundStatus.choices, default="open"
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    edition = models.ForeignKey(
        Edition,
        on_delete=models.PROTECT,
        related_name="rounds",
        null=True,
        blank=True,
        verbose_name=_("edition"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "-fiscal_year", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "kind", "fiscal_year"], name="round_unique_year"
            ),
        ]
        verbose_name = _("update round")
        verbose_name_plural = _("update rounds")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        """令和6年度当初計画 / 令和5年度実績: how the admin office names a round."""
        suffix = "当初計画" if self.kind == RoundKind.INITIAL_PLAN else "実績"
        return f"{wareki.fiscal_year_label(self.fiscal_year)}{suffix}"

    @property
    def is_open(self) -> bool:
        return self.status == RoundStatus.OPEN

    @property
    def text_field(self) -> str:
        """The bullets departments write, a field of ProgramYear and RoundEntry:
        "plan" (当初予定/設定目標) in an initial-plan round, else "achievements"."""
        return "plan" if self.kind == RoundKind.INITIAL_PLAN else "achievements"

    @property
    def asks_kpi_actuals(self) -> bool:
        """An achievements round asks for the FY's indicator actuals too."""
        return self.kind == RoundKind.ACHIEVEMENTS

    @property
    def editable_fields(self) -> tuple[str, ...]:
        """What departments write: 当初予定/設定目標, or 実績 and KPI actuals."""
        if self.asks_kpi_actuals:
            return (self.text_field, "kpi_actuals")
        return (self.text_field,)

    @property
    def text_label(self) -> str:
        """The heading of what departments write, e.g. 令和6年度 initial plan and
        targets / Achievements through 令和5年度."""
        fy = wareki.fiscal_year_label(self.fiscal_year)
        if self.text_field == "plan":
            return gettext("%(fy)s initial plan and targets") % {"fy": fy}
        return gettext("Achievements through %(fy)s") % {"fy": fy}

    @property
    def reference_fiscal_year(self) -> int:
        """The FY whose plan a department writes from: last year's when writing
        this year's plan, this year's when reporting what was achieved."""
        return self.fiscal_year - 1 if self.text_field == "plan" else self.fiscal_year

    @property
    def reference_label(self) -> str:
        fy = wareki.fiscal_year_label(self.reference_fiscal_year)
        return gettext("%(fy)s initial plan and targets") % {"fy": fy}

    def is_overdue(self, today=None) -> bool:
        return self.is_open and (today or timezone.localdate()) > self.deadline


class EntryState(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    DRAFTING = "drafting", _("Drafting")
    # 課内確認待ち: submitted by an editor, waiting for the department head
    # (only where the plan asks for 課長承認).
    AWAITING_HEAD = "awaiting_head", _("Awaiting the department head")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    APPROVED = "approved", _("Approved")


class EntryAction(models.TextChoices):
    """The steps of an entry's life after its drafts (see TRANSITIONS); each
    one taken is kept as an EntryEvent."""

    SUBMIT = "submit", _("submitted")
    # A submission after a return (再提出): the same step, told apart in the
    # thread.
    RESUBMIT = "resubmit", _("resubmitted")
    WITHDRAW = "withdraw", _("withdrawn")
    FORWARD = "forward", _("passed on by the department head")
    HEAD_RETURN = "head_return", _("returned by the department head")
    RETURN = "return", _("returned")
    APPROVE = "approve", _("approved")


# Where the department may still write: nothing handed in yet.
EDITABLE_STATES = frozenset(
    {EntryState.NOT_STARTED, EntryState.DRAFTING, EntryState.RETURNED}
)
# What the committee reads: what departments handed in, not work in progress.
HANDED_IN_STATES = frozenset(
    {EntryState.SUBMITTED, EntryState.RETURNED, EntryState.APPROVED}
)
# action → (the states it starts from, the state it leads to). SUBMIT and
# RESUBMIT lead to AWAITING_HEAD instead where the department head's step applies
# (RoundEntry.target_of).
TRANSITIONS: dict[EntryAction, tuple[frozenset[EntryState], EntryState]] = {
    EntryAction.SUBMIT: (
        frozenset({EntryState.DRAFTING, EntryState.RETURNED}),
        EntryState.SUBMITTED,
    ),
    EntryAction.RESUBMIT: (
        frozenset({EntryState.DRAFTING, EntryState.RETURNED}),
        EntryState.SUBMITTED,
    ),
    # Until someone reviewed it, a department may take its submission back.
    EntryAction.WITHDRAW: (
        frozenset({EntryState.AWAITING_HEAD, EntryState.SUBMITTED}),
        EntryState.DRAFTING,
    ),
    EntryAction.FORWARD: (frozenset({EntryState.AWAITING_HEAD}), EntryState.SUBMITTED),
    EntryAction.HEAD_RETURN: (
        frozenset({EntryState.AWAITING_HEAD}),
        EntryState.RETURNED,
    ),
    EntryAction.RETURN: (frozenset({EntryState.SUBMITTED}), EntryState.RETURNED),
    EntryAction.APPROVE: (frozenset({EntryState.SUBMITTED}), EntryState.APPROVED),
}


class RoundEntry(models.Model):
    """One program's answer in a round: its draft, state and version."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="entries")
    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="round_entries"
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=EntryState.choices,
        default=EntryState.NOT_STARTED,
    )
    # The draft of the round's FY record; starts as a copy of the live record.
    achievements = models.JSONField(_("achievements"), default=list, blank=True)
    plan = models.JSONField(_("initial plan and targets"), default=list, blank=True)
    # {indicator id (str): number or null}: the round FY's actual per indicator.
    kpi_actuals = models.JSONField(_("indicator actuals"), default=dict, blank=True)
    # {indicator id (str): the live actual the draft's value was written
    # against}: approval refuses to overwrite an actual typed since (issue #16).
    kpi_bases = models.JSONField(default=dict, blank=True, editable=False)
    # The version of the live FY record the draft was written against (0: none):
    # approval refuses to overwrite a record that changed since.
    year_version = models.PositiveIntegerField(default=0, editable=False)
    return_comment = models.TextField(_("reason for return"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    # When updated_by last saved the draft (最終保存); updated_at moves with
    # every step (submission, approval) whoever takes it.
    saved_at = models.DateTimeField(_("saved at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "program__ordering", "program__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "program"], name="roundentry_unique_program"
            ),
        ]
        verbose_name = _("round entry")
        verbose_name_plural = _("round entries")

    def __str__(self) -> str:
        return f"{self.round} {self.program.number_label}"

    @property
    def label(self) -> str:
        """⑫ 文書の電子化: how messages name the entry."""
        return f"{self.program.number_label} {self.program.name}"

    @property
    def is_done(self) -> bool:
        return self.state == EntryState.APPROVED

    @property
    def is_editable(self) -> bool:
        """The department may still write its draft."""
        return self.state in EDITABLE_STATES

    @property
    def is_missing(self) -> bool:
        """Nothing submitted to the admin office yet: what the dashboard counts
        as missing."""
        return self.state in EDITABLE_STATES or self.awaits_head

    @property
    def is_returned(self) -> bool:
        return self.state == EntryState.RETURNED

    @property
    def is_handed_in(self) -> bool:
        return self.state in HANDED_IN_STATES

    @property
    def is_pending(self) -> bool:
        """Started and not settled: a round cannot close over it."""
        return self.state in {
            EntryState.DRAFTING,
            EntryState.AWAITING_HEAD,
            EntryState.SUBMITTED,
            EntryState.RETURNED,
        }

    def allows(self, action: EntryAction | str) -> bool:
        """Whether the entry's state allows the step (permission aside)."""
        return self.state in TRANSITIONS[EntryAction(action)][0]

    @property
    def may_be_submitted(self) -> bool:
        return self.allows(EntryAction.SUBMIT)

    @property
    def awaits_review(self) -> bool:
        """Submitted: the admin office returns or approves it."""
        return self.allows(EntryAction.APPROVE)

    @property
    def awaits_head(self) -> bool:
        """課内確認待ち: the department head returns it or passes it on."""
        return self.allows(EntryAction.FORWARD)

    @property
    def may_be_withdrawn(self) -> bool:
        """Handed in and nobody reviewed it yet."""
        return self.allows(EntryAction.WITHDRAW)

    @property
    def return_action(self) -> EntryAction:
        """Who returns the entry now: the department head before passing it on,
        else the admin office."""
        return EntryAction.HEAD_RETURN if self.awaits_head else EntryAction.RETURN

    def target_of(self, action: EntryAction, *, head_step: bool = False) -> EntryState:
        """The state the action leads to; a submission waits for the department
        head where its step applies (Plan.department_head_approval, submitted
        by an editor)."""
        if action in {EntryAction.SUBMIT, EntryAction.RESUBMIT} and head_step:
            return EntryState.AWAITING_HEAD
        return TRANSITIONS[action][1]

    @property
    def text(self) -> list[str]:
        """The draft of the field its round asks for (Round.text_field)."""
        return getattr(self, self.round.text_field)


class EntryEvent(models.Model):
    """One step of an entry's thread (submit, return with its comment,
    resubmit, withdraw, the head's step, approve), with the draft as it stood:
    both sides read them in order, and the reviewer diffs against the draft
    returned last."""

    entry = models.ForeignKey(
        RoundEntry, on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(_("step"), max_length=20, choices=EntryAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    via = models.CharField(_("through"), max_length=20, default="screen")
    state_before = models.CharField(max_length=20, choices=EntryState.choices)
    state_after = models.CharField(max_length=20, choices=EntryState.choices)
    comment = models.TextField(_("comment"), blank=True)
    # The draft at this step, and who wrote it last (the writer 履歴 credits).
    text = models.JSONField(default=list, blank=True)
    kpi_actuals = models.JSONField(default=dict, blank=True)
    writer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("written by"),
    )

    class Meta:
        ordering = ["entry", "at", "pk"]
        verbose_name = _("entry event")
        verbose_name_plural = _("entry events")

    def __str__(self) -> str:
        return f"{self.entry_id} {self.action} {self.at:%Y-%m-%d %H:%M}"

    @property
    def is_return(self) -> bool:
        return self.action in {EntryAction.RETURN, EntryAction.HEAD_RETURN}

    @property
    def label(self) -> str:
        return str(EntryAction(self.action).label)


class Opinion(models.Model):
    """委員会意見 on a program in a round, and 市の対応 (the city's response)."""

    entry = models.ForeignKey(
        RoundEntry, on_delete=models.CASCADE, related_name="opinions"
    )
    text = models.TextField(_("committee opinion"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    response = models.TextField(_("city's response"), blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    responded_at = models.DateTimeField(_("responded at"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["entry", "created_at", "pk"]
        verbose_name = _("committee opinion")
        verbose_name_plural = _("committee opinions")

    def __str__(self) -> str:
        return self.text[:40]
