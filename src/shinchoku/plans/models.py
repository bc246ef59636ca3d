"""The plan domain: municipality → plan → 方向性 → program → per-FY records.

Several municipalities and plans share one database. Bullet lists (取組の方向性,
実績, 当初予定) are ordered lists of plain strings kept in JSON fields: bullets
have no identity of their own, are edited as a block, and are versioned with
the row they belong to (see simple_history below).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from shinchoku.common import wareki
from shinchoku.common.text import program_number_label
from shinchoku.document import interchange
from shinchoku.document.model import ended_note
from shinchoku.plans.evaluation_methods import METHOD_CHOICES

FY_VALIDATORS = [MinValueValidator(1900)]


def validate_local_government_code(value: str) -> None:
    """全国地方公共団体コード: five digits and a check digit (JIS X 0401/0402 style:
    weights 6–2, modulus 11)."""
    if len(value) != 6 or not value.isdigit():
        raise ValidationError(_("A local government code has six digits, e.g. 132110."))
    total = sum(int(d) * w for d, w in zip(value[:5], (6, 5, 4, 3, 2), strict=True))
    check = (11 - total % 11) % 10
    if int(value[5]) != check:
        raise ValidationError(
            _("%(code)s has a wrong check digit (expected %(check)s)."),
            params={"code": value, "check": check},
        )


def default_progress_thresholds() -> dict:
    return {"on_track": 0.95, "slightly_behind": 0.5}


def default_grade_scale() -> list[dict]:
    """Kodaira's earlier plans graded each program S / A / B every year."""
    return [
        {"code": "S", "label": "予定以上に進捗"},
        {"code": "A", "label": "予定どおりに進捗"},
        {"code": "B", "label": "予定よりも遅れている"},
    ]


class Municipality(models.Model):
    code = models.CharField(
        _("local government code"),
        max_length=6,
        unique=True,
        validators=[validate_local_government_code],
        help_text=_("全国地方公共団体コード, six digits, e.g. 132110 for 小平市."),
    )
    name = models.CharField(_("name"), max_length=100)
    require_two_factor = models.BooleanField(
        _("require two-factor sign-in"),
        default=False,
        help_text=_(
            "Admin-office editors and system administrators sign in with a code "
            "from an authenticator app as well as their password."
        ),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name


class Plan(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="plans"
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("URL name"),
        max_length=50,
        help_text=_("Short ASCII name used in URLs, e.g. 2021-2024."),
        validators=[RegexValidator(r"^[a-z0-9-]+$")],
    )
    first_fy = models.PositiveSmallIntegerField(
        _("first fiscal year"), validators=FY_VALIDATORS
    )
    last_fy = models.PositiveSmallIntegerField(
        _("last fiscal year"), validators=FY_VALIDATORS
    )
    # [{"kind", "heading", "lead"}]: the section rows of the committee report
    # (◆◇実施プログラム◇◆ 速やかに取組に着手する…), in printed order.
    sections = models.JSONField(_("sections"), default=list, blank=True)
    # Bands of observed / required progress for indicator status (順調 from
    # on_track, やや遅れ from slightly_behind); see plans/evaluation.py.
    progress_thresholds = models.JSONField(
        _("progress thresholds"),
        default=default_progress_thresholds,
        blank=True,
        help_text=_(
            'Observed/required progress bands, e.g. {"on_track": 0.95, "slightly_behind": 0.5}.'
        ),
    )
    # How indicators are banded: the achievement rate on the straight line, Open
    # SDG's growth method or a municipality's scale (plans/evaluation_methods.py).
    evaluation_method = models.CharField(
        _("evaluation method"),
        max_length=20,
        choices=METHOD_CHOICES,
        default="linear",
    )
    # The qualitative grade scale of the plan, best first.
    grade_scale = models.JSONField(
        _("grade scale"),
        default=default_grade_scale,
        blank=True,
        help_text=_('e.g. [{"code": "S", "label": "予定以上に進捗"}, …], best first.'),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["municipality__code", "first_fy", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "title"], name="plan_unique_title"
            ),
            models.UniqueConstraint(
                fields=["municipality", "slug"], name="plan_unique_slug"
            ),
            models.CheckConstraint(
                condition=models.Q(last_fy__gte=models.F("first_fy")),
                name="plan_fy_order",
            ),
        ]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")

    def __str__(self) -> str:
        return f"{self.municipality.name}{self.title}"

    def get_absolute_url(self) -> str:
        return reverse(
            "plans:plan", kwargs={"code": self.municipality.code, "plan": self.slug}
        )

    @property
    def fiscal_years(self) -> range:
        return range(self.first_fy, self.last_fy + 1)

    @property
    def period_label(self) -> str:
        """令和3年度～令和6年度, as the city writes a plan's period."""
        return (
            f"{wareki.fiscal_year_label(self.first_fy)}～"
            f"{wareki.fiscal_year_label(self.last_fy)}"
        )

    def section_for(self, kind: str) -> dict:
        return next((s for s in self.sections if s.get("kind") == kind), {})


class Direction(models.Model):
    """方向性: the plan's four policy directions."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="directions")
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=200)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"], name="direction_unique_number"
            ),
        ]
        verbose_name = _("direction")
        verbose_name_plural = _("directions")

    def __str__(self) -> str:
        return f"方向性{self.number} {self.name}"


class ProgramKind(models.TextChoices):
    IMPLEMENTATION = "implementation", _("Implementation program")
    FORMER_STUDY = "former_study", _("Former study program")


class Program(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="programs")
    direction = models.ForeignKey(
        Direction, on_delete=models.RESTRICT, related_name="programs"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=ProgramKind.choices,
        default=ProgramKind.IMPLEMENTATION,
    )
    ended_after_fy = models.PositiveSmallIntegerField(
        _("ended after fiscal year"),
        null=True,
        blank=True,
        validators=FY_VALIDATORS,
        help_text=_("Set when the program ended: ※令和4年度までをもって終了 = 2022."),
    )
    ordering = models.PositiveIntegerField(_("order"), default=0)
    policy_points = models.JSONField(_("main policy points"), default=list, blank=True)
    # [{"text": str, "schedule": {"2021": "実施", …}}]: 取組項目 and, where known,
    # which schedule cell of which FY belongs to the item.
    action_items = models.JSONField(_("action items"), default=list, blank=True)
    # The schedule cells exactly as the source listed them, when it does not say
    # which item (or FY) a cell belongs to: a PDF text extraction loses that.
    schedule_raw = models.JSONField(
        _("schedule cells (as published)"), default=list, blank=True
    )
    # The same program in the previous plan period (第1期's ⑫ for 第2期's ⑫),
    # set when the next period is started from this one.
    predecessor = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successors",
        verbose_name=_("in the previous period"),
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "ordering", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"], name="program_unique_number"
            ),
        ]
        verbose_name = _("program")
        verbose_name_plural = _("programs")

    def __str__(self) -> str:
        return f"{self.number_label} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse(
            "plans:program",
            kwargs={
                "code": self.plan.municipality.code,
                "plan": self.plan.slug,
                "number": self.number,
            },
        )

    @property
    def number_label(self) -> str:
        return program_number_label(self.number)

    @property
    def ended_note(self) -> str:
        return ended_note(self.ended_after_fy)

    def is_active_in(self, fy: int) -> bool:
        return self.ended_after_fy is None or fy <= self.ended_after_fy


class ProgramYear(models.Model):
    """A program's records for one fiscal year.

    ``achievements`` under FY N are the 取組実績 reported through FY N (the report's
    "令和4年度までの取組実績" column is cumulative); ``plan`` holds the 当初予定 and
    設定目標 bullets for FY N, where "(9団体)" states the previous year's actual.
    """

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="years")
    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year"), validators=FY_VALIDATORS
    )
    achievements = models.JSONField(_("achievements"), default=list, blank=True)
    plan = models.JSONField(_("initial plan and targets"), default=list, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["program", "fiscal_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "fiscal_year"], name="programyear_unique_fy"
            ),
        ]
        verbose_name = _("program year")
        verbose_name_plural = _("program years")

    def __str__(self) -> str:
        return f"{self.program} {wareki.fiscal_year_display(self.fiscal_year)}"


class EditionKind(models.TextChoices):
    """What an edition reports: the year's plan, or the results of a year."""

    INITIAL_PLAN = "initial_plan", _("Initial plan")
    ACHIEVEMENTS = "achievements", _("Achievements")


class Edition(models.Model):
    """The report as presented at a given meeting, e.g. 令和6年度当初計画,
    第3回 経営方針推進委員会, 資料1, 2024-02-02."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="editions")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=EditionKind.choices,
        default=EditionKind.INITIAL_PLAN,
        help_text=_(
            "当初計画: the plan and targets of year N; 実績: the results of year N "
            "(a different report layout)."
        ),
    )
    # A corrected edition (修正版) names the one it corrects; the corrected one
    # stays reachable, marked superseded.
    supersedes = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        related_name="superseded_by",
        null=True,
        blank=True,
        verbose_name=_("supersedes"),
    )
    meeting = models.CharField(_("meeting"), max_length=200, blank=True)
    material = models.CharField(_("material number"), max_length=50, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year"),
        validators=FY_VALIDATORS,
        help_text=_(
            "The report's year N: columns show achievements through N-2, plans for N-1 and N."
        ),
    )
    schedule_as_of = models.CharField(
        _("schedule as of"),
        max_length=7,
        blank=True,
        validators=[RegexValidator(r"^\d{4}-\d{2}$")],
        help_text=_(
            "YYYY-MM the schedule columns assume, e.g. 2023-03 (R5.3時点想定)."
        ),
    )
    published = models.BooleanField(_("published"), default=True)
    # The plan as presented (an interchange document, docs/interchange-format.md),
    # frozen when the edition is: reports and public pages of this edition are
    # drawn from it, so they stay the same whatever is edited later.
    snapshot = models.JSONField(
        _("frozen content"), null=True, blank=True, editable=False
    )
    # The snapshot without the programs' content (interchange.outline),
    # derived on save: a plan's public overview reads a few KB, not the plan.
    outline = models.JSONField(null=True, blank=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "date", "fiscal_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "title"], name="edition_unique_title"
            ),
        ]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.outline = edition_outline(self.snapshot)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "snapshot" in update_fields:
            kwargs["update_fields"] = {*update_fields, "outline"}
        super().save(*args, **kwargs)

    @property
    def is_correction(self) -> bool:
        """A 修正版: it supersedes an earlier edition."""
        return self.supersedes_id is not None

    @property
    def is_superseded(self) -> bool:
        """A later edition corrects this one."""
        try:
            return self.superseded_by is not None
        except Edition.DoesNotExist:
            return False


def edition_outline(snapshot: dict | None) -> dict | None:
    """Edition.outline of a snapshot (None without one)."""
    return None if snapshot is None else interchange.outline(snapshot)


class IndicatorStatus(models.TextChoices):
    EXTRACTED = "extracted", _("Extracted, not yet reviewed")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")


class IndicatorDirection(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")


class Indicator(models.Model):
    """A numeric KPI of a program, e.g. 電子決裁率 90% 以上 by FY2024 from 62.3%.

    Proposed by the extractor from the plan's prose (status "extracted"); staff
    confirm, correct or reject it. A confirmed or rejected indicator is never
    overwritten by a re-import. Yearly values are small {FY: number} maps.
    """

    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="indicators"
    )
    ordering = models.PositiveIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=100)
    unit = models.CharField(_("unit"), max_length=20, blank=True)
    direction = models.CharField(
        _("direction"), max_length=10, choices=IndicatorDirection.choices, blank=True
    )
    comparator = models.CharField(_("comparator"), max_length=10, blank=True)
    target = models.FloatField(_("final target"), null=True, blank=True)
    deadline_fy = models.PositiveSmallIntegerField(
        _("deadline fiscal year"), null=True, blank=True, validators=FY_VALIDATORS
    )
    baseline = models.FloatField(_("baseline"), null=True, blank=True)
    baseline_date = models.DateField(_("baseline as of"), null=True, blank=True)
    targets = models.JSONField(_("targets by fiscal year"), default=dict, blank=True)
    actuals = models.JSONField(_("actuals by fiscal year"), default=dict, blank=True)
    # {FY: "typed" | "extracted"}: where each actual came from.
    actual_sources = models.JSONField(default=dict, blank=True, editable=False)
    relative = models.CharField(
        _("relative target"),
        max_length=50,
        blank=True,
        help_text=_(
            "A target stated relative to the past, e.g. 前年度実績以上 or 1年に1業務以上."
        ),
    )
    source_text = models.TextField(_("source sentences"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=IndicatorStatus.choices,
        default=IndicatorStatus.EXTRACTED,
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["program", "ordering", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "name", "unit"], name="indicator_unique_name"
            ),
        ]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})" if self.unit else self.name

    @property
    def reviewed(self) -> bool:
        return self.status != IndicatorStatus.EXTRACTED


class ProgramGrade(models.Model):
    """A program's qualitative progress grade for a fiscal year (S/A/B…, on the
    plan's scale), with the reason given."""

    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="grades"
    )
    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year"), validators=FY_VALIDATORS
    )
    grade = models.CharField(_("grade"), max_length=10)
    comment = models.TextField(_("comment"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["program", "fiscal_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "fiscal_year"], name="programgrade_unique_fy"
            ),
        ]
        verbose_name = _("progress grade")
        verbose_name_plural = _("progress grades")

    def __str__(self) -> str:
        return f"{self.program} {self.fiscal_year}: {self.grade}"

    def clean(self) -> None:
        codes = [g["code"] for g in self.program.plan.grade_scale]
        if self.grade not in codes:
            raise ValidationError(
                {"grade": _("Choose one of %(codes)s.") % {"codes": ", ".join(codes)}}
            )
