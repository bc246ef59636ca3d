from django import forms
from django.utils.translation import gettext_lazy as _

from shinchoku.common.forms import FiscalYearField, TextField
from shinchoku.plans.kpi_paste import MAX_LINES, MAX_TEXT
from shinchoku.plans.models import IndicatorDirection

COMPARATORS = ["以上", "以下", "以内", "未満", "超", "ちょうど"]


class IndicatorReviewForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("confirm", _("Confirm")),
            ("reject", _("Reject")),
            ("reopen", _("Reopen")),
        ],
    )
    name = TextField(label=_("Indicator"), max_length=100)
    unit = TextField(label=_("Unit"), max_length=20, required=False)
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
    deadline_fy = FiscalYearField(label=_("Deadline (fiscal year)"), required=False)
    baseline = forms.FloatField(label=_("Baseline"), required=False)
    baseline_date = forms.DateField(
        label=_("Baseline as of"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    relative = TextField(label=_("Relative target"), max_length=50, required=False)

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
    fiscal_year = FiscalYearField(label=_("Fiscal year"))
    value = forms.FloatField(label=_("Actual"), required=False)


class ProgramGradeForm(forms.Form):
    fiscal_year = FiscalYearField(label=_("Fiscal year"))
    grade = TextField(label=_("Grade"), max_length=10, required=False)
    comment = TextField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class IndicatorPasteForm(forms.Form):
    """A plan's text to propose indicators from, and where to put them."""

    text = TextField(
        label=_("Text of the plan"),
        widget=forms.Textarea(attrs={"rows": 12, "cols": 80}),
        max_length=MAX_TEXT,
        help_text=_(
            "One statement per line, as copied from the plan (a table row may be "
            "one line with its cells separated by spaces or |)."
        ),
    )
    program = forms.TypedChoiceField(label=_("Add them to the program"), coerce=int)
    first_fy = FiscalYearField(label=_("First fiscal year of the plan"))
    last_fy = FiscalYearField(label=_("Last fiscal year of the plan"))
    digest = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, programs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["program"].choices = [
            (p.number, f"{p.number_label} {p.name}") for p in programs
        ]

    def clean_text(self) -> str:
        # Not at the top: importing the extractor compiles its patterns, which
        # every command would pay for through the URL configuration (kpi_paste).
        from shinchoku.plans.kpi_statements import MAX_STATEMENT

        text = self.cleaned_data["text"]
        lines = text.splitlines()
        if len(lines) > MAX_LINES:
            raise forms.ValidationError(
                _("%(count)s lines: paste at most %(max)s at once.")
                % {"count": f"{len(lines):,}", "max": f"{MAX_LINES:,}"}
            )
        for number, line in enumerate(lines, start=1):
            if len(line) > MAX_STATEMENT:
                raise forms.ValidationError(
                    _(
                        "Line %(line)s has %(count)s characters; a statement has at "
                        "most %(max)s (one statement per line)."
                    )
                    % {
                        "line": number,
                        "count": f"{len(line):,}",
                        "max": f"{MAX_STATEMENT:,}",
                    }
                )
        return text

    def clean(self):
        data = super().clean()
        first, last = data.get("first_fy"), data.get("last_fy")
        if first and last and first > last:
            self.add_error("last_fy", _("The last fiscal year is before the first."))
        return data
