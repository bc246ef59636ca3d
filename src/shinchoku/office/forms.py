"""The admin office's authoring forms: they read what people type (和暦 for
the fiscal years, one line per 方向性, grade or policy point) into the values
the services take; the services check the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from shinchoku.common import wareki
from shinchoku.common.forms import TextField
from shinchoku.common.values import bullets_from_text
from shinchoku.plans.evaluation_methods import METHOD_CHOICES
from shinchoku.plans.models import Direction, Plan, ProgramKind
from shinchoku.workflow.models import Department, Role

FIRST_YEAR, LAST_YEAR = 2000, 2050


def fy_choices(years: range | None = None, *, blank: bool = False) -> list:
    """Fiscal years as the city writes them: 令和6年度 (2024)."""
    years = years or range(FIRST_YEAR, LAST_YEAR + 1)
    choices = [(fy, wareki.fiscal_year_display(fy)) for fy in years]
    return [("", "—"), *choices] if blank else choices


class FiscalYearChoiceField(forms.TypedChoiceField):
    def __init__(self, *, years: range | None = None, **kwargs):
        kwargs.setdefault("coerce", int)
        kwargs.setdefault("empty_value", None)
        super().__init__(
            choices=fy_choices(years, blank=not kwargs.get("required", True)),
            **kwargs,
        )


class LinesField(TextField):
    """A text box, one item per line."""

    widget = forms.Textarea(attrs={"rows": 4})

    def to_python(self, value):
        return bullets_from_text(super().to_python(value))


def grade_scale_text(scale: list[dict]) -> str:
    return "\n".join(f"{g['code']} {g['label']}".strip() for g in scale)


class PlanForm(forms.Form):
    title = TextField(label=_("Title"), max_length=200)
    slug = forms.SlugField(
        label=_("URL name"),
        max_length=50,
        help_text=_("Short ASCII name used in URLs, e.g. 2025-2028."),
    )
    first_fy = FiscalYearChoiceField(label=_("First fiscal year"))
    last_fy = FiscalYearChoiceField(label=_("Last fiscal year"))
    directions = LinesField(
        label=_("Directions (方向性)"),
        help_text=_("One per line, in order: the first is direction 1."),
    )
    section_implementation = TextField(
        label=_("Heading of the implementation programs"), required=False
    )
    section_implementation_lead = TextField(
        label=_("Lead text of the implementation programs"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    section_former_study = TextField(
        label=_("Heading of the former study programs"), required=False
    )
    section_former_study_lead = TextField(
        label=_("Lead text of the former study programs"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    grade_scale = LinesField(
        label=_("Grade scale"),
        help_text=_("One grade per line, best first: its code, a space, its meaning."),
    )
    on_track = forms.FloatField(
        label=_("On track from (observed/required)"), min_value=0.01, max_value=1
    )
    slightly_behind = forms.FloatField(
        label=_("Slightly behind from (observed/required)"),
        min_value=0.01,
        max_value=1,
    )
    evaluation_method = forms.ChoiceField(
        label=_("Evaluation method"), choices=METHOD_CHOICES
    )

    @classmethod
    def initial_for(cls, plan: Plan | None) -> dict:
        if plan is None:
            from shinchoku.plans.models import (
                default_grade_scale,
                default_progress_thresholds,
            )

            return {
                "grade_scale": grade_scale_text(default_grade_scale()),
                **default_progress_thresholds(),
                "evaluation_method": "linear",
            }
        initial = {
            "title": plan.title,
            "slug": plan.slug,
            "first_fy": plan.first_fy,
            "last_fy": plan.last_fy,
            "directions": "\n".join(d.name for d in plan.directions.all()),
            "grade_scale": grade_scale_text(plan.grade_scale),
            "evaluation_method": plan.evaluation_method,
            **plan.progress_thresholds,
        }
        for section in plan.sections:
            initial[f"section_{section['kind']}"] = section.get("heading", "")
            initial[f"section_{section['kind']}_lead"] = section.get("lead", "")
        return initial

    def clean(self):
        data = super().clean()
        first, last = data.get("first_fy"), data.get("last_fy")
        if first and last and first > last:
            self.add_error("last_fy", _("The last fiscal year is before the first."))
        return data

    def values(self) -> dict:
        """The plan's fields as plans.services take them (without 方向性)."""
        data = self.cleaned_data
        scale = []
        for line in data["grade_scale"]:
            code, _sep, label = line.partition(" ")
            scale.append({"code": code, "label": label.strip()})
        return {
            "title": data["title"],
            "slug": data["slug"],
            "first_fy": data["first_fy"],
            "last_fy": data["last_fy"],
            "sections": [
                {
                    "kind": kind,
                    "heading": data[f"section_{kind}"],
                    "lead": data[f"section_{kind}_lead"],
                }
                for kind in ProgramKind.values
            ],
            "grade_scale": scale,
            "progress_thresholds": {
                "on_track": data["on_track"],
                "slightly_behind": data["slightly_behind"],
            },
            "evaluation_method": data["evaluation_method"],
        }


class ProgramForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    number = forms.IntegerField(label=_("Number"), min_value=1, max_value=999)
    name = TextField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=ProgramKind.choices)
    direction = forms.ModelChoiceField(
        label=_("Direction"), queryset=Direction.objects.none()
    )
    lead = forms.ModelChoiceField(
        label=_("Lead department"), queryset=Department.objects.none()
    )
    supporting = forms.ModelMultipleChoiceField(
        label=_("Supporting departments"),
        queryset=Department.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    policy_points = LinesField(label=_("Main policy points"), required=False)
    ended_after_fy = FiscalYearChoiceField(
        label=_("Ended after fiscal year"),
        required=False,
        help_text=_("Only for a program that ended: ※令和4年度までをもって終了."),
    )

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["direction"].queryset = plan.directions.all()
        departments = Department.objects.filter(municipality_id=plan.municipality_id)
        self.fields["lead"].queryset = departments
        self.fields["supporting"].queryset = departments
        self.fields["ended_after_fy"] = FiscalYearChoiceField(
            label=self.fields["ended_after_fy"].label,
            help_text=self.fields["ended_after_fy"].help_text,
            years=plan.fiscal_years,
            required=False,
        )

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "number": data["number"],
            "name": data["name"],
            "kind": data["kind"],
            "direction": data["direction"],
            "policy_points": data["policy_points"],
            "ended_after_fy": data["ended_after_fy"],
        }


class ActionItemForm(forms.Form):
    """One 取組項目 and its cell per fiscal year of the plan (実施, 検討…)."""

    text = TextField(label=_("Action item"), required=False, max_length=1000)

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.years = list(plan.fiscal_years)
        for fy in self.years:
            self.fields[f"fy{fy}"] = TextField(
                label=wareki.fiscal_year_label(fy), required=False, max_length=50
            )

    @property
    def year_fields(self) -> list:
        return [self[f"fy{fy}"] for fy in self.years]

    def item(self) -> dict | None:
        data = getattr(self, "cleaned_data", None) or {}
        schedule = {str(fy): data.get(f"fy{fy}", "") for fy in self.years}
        if not data.get("text") and not any(schedule.values()):
            return None
        return {"text": data.get("text", ""), "schedule": schedule}

    @staticmethod
    def initial_of(item: dict) -> dict:
        return {
            "text": item["text"],
            **{f"fy{fy}": cell for fy, cell in item.get("schedule", {}).items()},
        }


ActionItemFormSet = forms.formset_factory(ActionItemForm, extra=2, max_num=200)


class IndicatorForm(forms.Form):
    """An indicator by hand: what it measures and where it should get to."""

    name = TextField(label=_("Indicator"), max_length=100)
    unit = TextField(label=_("Unit"), max_length=20, required=False)
    comparator = forms.ChoiceField(
        label=_("Comparator"),
        required=False,
        choices=[("", "—"), *[(c, c) for c in ("以上", "以下", "以内", "未満")]],
    )
    baseline = forms.FloatField(label=_("Baseline"), required=False)
    target = forms.FloatField(label=_("Final target"), required=False)
    deadline_fy = FiscalYearChoiceField(
        label=_("Deadline (fiscal year)"), required=False
    )

    def kpi(self) -> dict:
        data = self.cleaned_data
        comparator = data["comparator"]
        return {
            "name": data["name"],
            "unit": data["unit"],
            "comparator": comparator,
            "direction": {"以上": "higher", "以下": "lower", "以内": "lower"}.get(
                comparator, ""
            ),
            "baseline": data["baseline"],
            "target": data["target"],
            "deadline_fy": data["deadline_fy"],
        }


class DepartmentForm(forms.Form):
    name = TextField(label=_("Name"), max_length=100)
    email = forms.EmailField(label=_("E-mail"), required=False)
    is_admin_office = forms.BooleanField(label=_("Admin office"), required=False)
    ordering = forms.IntegerField(label=_("Order"), min_value=0, initial=0)


OFFICE_ROLES = [(r.value, r.label) for r in Role if r != Role.SYSTEM_ADMIN]


class MembershipForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=OFFICE_ROLES)
    department = forms.ModelChoiceField(
        label=_("Department"), queryset=Department.objects.none(), required=False
    )

    def __init__(self, *args, municipality_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.filter(
            municipality_id=municipality_id
        )


class PersonForm(MembershipForm):
    username = forms.RegexField(
        label=_("User name"),
        max_length=150,
        regex=r"^[\w.@+-]+\Z",
        help_text=_("Letters, digits and @ . + - _ only."),
    )
    last_name = TextField(label=_("Family name"), max_length=150, required=False)
    first_name = TextField(label=_("Given name"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    password = forms.ChoiceField(
        label=_("Password"),
        choices=[
            (
                "one_time",
                _("Make a one-time password, shown once (changed at first sign-in)"),
            ),
            ("invite", _("Send an invitation by e-mail to choose one")),
        ],
        initial="one_time",
        widget=forms.RadioSelect,
    )

    field_order = [
        "username",
        "last_name",
        "first_name",
        "email",
        "role",
        "department",
        "password",
    ]


class NextPeriodForm(forms.Form):
    title = TextField(label=_("Title"), max_length=200)
    slug = forms.SlugField(label=_("URL name"), max_length=50)
    first_fy = FiscalYearChoiceField(label=_("First fiscal year"))
    last_fy = FiscalYearChoiceField(label=_("Last fiscal year"))
    programs = forms.TypedMultipleChoiceField(
        label=_("Programs to continue"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programs"].choices = [
            (p.number, f"{p.number_label} {p.name}")
            for p in plan.programs.order_by("ordering", "number")
        ]
