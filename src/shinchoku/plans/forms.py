from django import forms
from django.utils.translation import gettext_lazy as _

from shinchoku.plans.models import IndicatorDirection

COMPARATORS = ["以上", "以下", "以内", "未満", "超", "ちょうど"]


class IndicatorReviewForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        choices=[
            ("confirm", _("Confirm")),
            ("reject", _("Reject")),
            ("reopen", _("Reopen")),
        ]
    )
    name = forms.CharField(label=_("Indicator"), max_length=100)
    unit = forms.CharField(label=_("Unit"), max_length=20, required=False)
    comparator = forms.ChoiceField(
        label=_("Comparator"),
        required=False,
        choices=[("", "—"), *[(c, c) for c in COMPARATORS]],
    )
    direction = forms.ChoiceField(
        label=_("Better when"),
        required=False,
        choices=[("", "—"), *IndicatorDirection.choices],
    )
    target = forms.FloatField(label=_("Final target"), required=False)
    deadline_fy = forms.IntegerField(
        label=_("Deadline (fiscal year)"),
        required=False,
        min_value=1900,
        max_value=2200,
    )
    baseline = forms.FloatField(label=_("Baseline"), required=False)
    baseline_date = forms.DateField(
        label=_("Baseline as of"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    relative = forms.CharField(
        label=_("Relative target"), max_length=50, required=False
    )

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "unit": data["unit"],
            "comparator": data["comparator"],
            "direction": data["direction"],
            "target": data["target"],
            "deadline_fy": data["deadline_fy"],
            "baseline": data["baseline"],
            "baseline_date": data["baseline_date"],
            "relative": data["relative"],
        }


class IndicatorActualForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    fiscal_year = forms.IntegerField(
        label=_("Fiscal year"), min_value=1900, max_value=2200
    )
    value = forms.FloatField(label=_("Actual"), required=False)


class ProgramGradeForm(forms.Form):
    fiscal_year = forms.IntegerField(
        label=_("Fiscal year"), min_value=1900, max_value=2200
    )
    grade = forms.CharField(label=_("Grade"), max_length=10, required=False)
    comment = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
