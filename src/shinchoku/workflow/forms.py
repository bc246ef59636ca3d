"""Forms of the update round: they validate input; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from shinchoku.common.forms import FiscalYearField, MonthField, TextField
from shinchoku.common.text import join_bullets
from shinchoku.common.values import bullets_from_text, parse_number
from shinchoku.workflow.models import RoundKind

BULLETS_HELP = _("One bullet per line; a leading ・ is optional.")


class BulletsField(TextField):
    widget = forms.Textarea(attrs={"rows": 8})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", BULLETS_HELP)
        super().__init__(strip=False, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return join_bullets(value)
        return value

    def to_python(self, value):
        return bullets_from_text(super().to_python(value))


class VersionedForm(forms.Form):
    """Every edit form carries the version it was based on (no lost updates)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class RoundOpenForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=RoundKind.choices)
    fiscal_year = FiscalYearField(label=_("Fiscal year"))
    deadline = forms.DateField(
        label=_("Deadline"), widget=forms.DateInput(attrs={"type": "date"})
    )


class EntryEditForm(VersionedForm):
    text = BulletsField(label=_("Text"))

    def __init__(self, *args, indicators=(), label="", **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["text"].label = label
        for indicator in indicators:
            self.fields[f"kpi_{indicator.pk}"] = TextField(
                label=str(indicator),
                required=False,
                help_text=_("Left blank: unchanged."),
                widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            )
            # The live actual the page showed: what a value typed here is
            # written against (approval refuses to overwrite one typed since).
            self.fields[f"kpi_seen_{indicator.pk}"] = forms.CharField(
                required=False, widget=forms.HiddenInput
            )
        self.indicator_ids = [i.pk for i in indicators]

    def kpi_actuals(self) -> dict[str, str] | None:
        if not self.indicator_ids:
            return None
        return {
            str(pk): self.cleaned_data.get(f"kpi_{pk}", "") for pk in self.indicator_ids
        }

    def kpi_seen(self) -> dict[str, object]:
        """{indicator id: the live actual the page showed} for the boxes that
        said (a number, or None for none)."""
        seen: dict[str, object] = {}
        for pk in self.indicator_ids:
            raw = self.data.get(f"kpi_seen_{pk}")
            if raw is None:
                continue
            try:
                seen[str(pk)] = parse_number(raw)
            except ValueError:
                continue  # not what the page wrote: the live actual now counts
        return seen


class ReturnForm(VersionedForm):
    comment = TextField(
        label=_("Reason for return"), widget=forms.Textarea(attrs={"rows": 3})
    )


class CloseForm(forms.Form):
    title = TextField(label=_("Edition title"), max_length=200)
    meeting = TextField(label=_("Meeting"), max_length=200, required=False)
    material = TextField(label=_("Material number"), max_length=50, required=False)
    date = forms.DateField(
        label=_("Date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    fiscal_year = FiscalYearField(label=_("Report year"))
    schedule_as_of = MonthField(label=_("Schedule as of"), required=False)


class ReopenForm(forms.Form):
    reason = TextField(
        label=_("Why is the round reopened?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the round's history; the comment of returned entries."),
    )
    programs = forms.TypedMultipleChoiceField(
        label=_("Return these programs to their departments"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, round_, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programs"].choices = [
            (e.program.number, e.label)
            for e in round_.entries.select_related("program")
        ]


class OpinionForm(forms.Form):
    text = TextField(
        label=_("Committee opinion"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ResponseForm(forms.Form):
    response = TextField(
        label=_("City's response"), widget=forms.Textarea(attrs={"rows": 3})
    )


class WorkbookUploadForm(forms.Form):
    workbook = forms.FileField(label=_("Filled-in workbook (.xlsx)"))


class ProgramYearForm(VersionedForm):
    achievements = BulletsField(label=_("Achievements"))
    plan = BulletsField(label=_("Initial plan and targets"))


class DiffForm(forms.Form):
    old = forms.IntegerField(label=_("From edition"))
    new = forms.IntegerField(label=_("To edition"))
