"""The web import's forms: the file, the column mapping (one choice per
column of the table's header, started from the saved or suggested mapping)
and the confirmation."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from shinchoku.common.forms import TextField
from shinchoku.imports import tabular
from shinchoku.imports.tabular.mapping import header_texts
from shinchoku.imports.tabular.model import column_letter
from shinchoku.office.forms import FiscalYearChoiceField

ROLE_LABELS = {
    "number": _("Program number (No., 番号)"),
    "name": _("Program name (取組名, 項目名)"),
    "direction": _("Direction (方向性, 基本方針, 分野)"),
    "policy": _("Policy points (取組内容, 取組の方向性)"),
    "actions": _("Action items (取組項目)"),
    "department": _("Responsible department (所管課, 担当課)"),
    "section": _("Section (区分)"),
}
YEAR_LABELS = {
    "achievements": _("Achievements of the year (実績)"),
    "plan": _("Plan of the year (予定, 計画)"),
    "target": _("Target of the year (目標)"),
    "schedule": _("Schedule cell of the year (スケジュール)"),
}
MEANINGS = [
    ("", _("— not imported —")),
    *[(f"role:{r}", label) for r, label in ROLE_LABELS.items()],
    *[(f"year:{f}", label) for f, label in YEAR_LABELS.items()],
]
SAMPLE_ROWS = 4


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Table or plan file"),
        help_text=_(
            "XLSX, CSV or PDF of any layout; Shinchoku's own report, records.csv, "
            "the blank template or interchange JSON."
        ),
    )


@dataclass
class Column:
    letter: str
    header: str
    samples: list[str]


def _header_index(sheet: tabular.Sheet, row_number: int) -> int:
    for index, row in enumerate(sheet.rows):
        if row and row[0].row == row_number:
            return index
    return 0


def table_columns(
    table: tabular.Table, mapping: tabular.Mapping
) -> tuple[tabular.Sheet, list[Column]]:
    """The sheet a mapping reads and its header's columns, each with the
    first few values under it (so the office sees what a column holds)."""
    sheet = table.sheet(mapping.sheet) if mapping.sheet else table.sheets[0]
    index = _header_index(sheet, mapping.header_row)
    body = sheet.rows[index + mapping.header_rows :]
    columns = []
    for col, (parent, label) in enumerate(
        header_texts(sheet, index, mapping.header_rows)
    ):
        samples = [
            " ".join(row[col].text.split())[:40]
            for row in body
            if col < len(row) and row[col].text.strip() and not row[col].covered
        ][:SAMPLE_ROWS]
        header = f"{parent} {label}".strip()
        if header or samples:
            columns.append(Column(column_letter(col + 1), header, samples))
    return sheet, columns


class MappingForm(forms.Form):
    """One meaning per column (and, for a per-year column, its fiscal year:
    empty reads it from the header, so the mapping holds next year too)."""

    sheet = forms.ChoiceField(label=_("Sheet"))
    header_row = forms.IntegerField(label=_("Header row"), min_value=1)
    header_rows = forms.TypedChoiceField(
        label=_("Header rows"), coerce=int, choices=[(1, "1"), (2, "2")]
    )

    def __init__(
        self,
        *args,
        table: tabular.Table,
        mapping: tabular.Mapping,
        columns: list[Column],
        **kwargs,
    ):
        self.base = mapping
        self.columns = columns
        initial = {
            "sheet": mapping.sheet or "",
            "header_row": mapping.header_row,
            "header_rows": mapping.header_rows,
        }
        for role, letter in mapping.columns.items():
            initial[f"col_{letter}"] = f"role:{role}"
        for year in mapping.years:
            initial[f"col_{year.column}"] = f"year:{year.field}"
            initial[f"fy_{year.column}"] = year.fy
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["sheet"].choices = [("", _("every sheet with this header"))] + [
            (s.name, s.name) for s in table.sheets
        ]
        self.fields["sheet"].required = False
        for column in columns:
            self.fields[f"col_{column.letter}"] = forms.ChoiceField(
                label=f"{column.letter}: {column.header or '—'}",
                choices=MEANINGS,
                required=False,
            )
            self.fields[f"fy_{column.letter}"] = FiscalYearChoiceField(
                label=_("Fiscal year of column %(letter)s") % {"letter": column.letter},
                required=False,
            )
            self.fields[f"fy_{column.letter}"].choices = [
                ("", _("from the header")),
                *self.fields[f"fy_{column.letter}"].choices[1:],
            ]

    @property
    def rows(self) -> list[tuple[Column, forms.BoundField, forms.BoundField]]:
        return [
            (c, self[f"col_{c.letter}"], self[f"fy_{c.letter}"]) for c in self.columns
        ]

    def clean(self):
        data = super().clean()
        seen: dict[str, str] = {}
        for column in self.columns:
            meaning = data.get(f"col_{column.letter}") or ""
            if meaning.startswith("role:"):
                if meaning in seen:
                    raise forms.ValidationError(
                        _("Columns %(a)s and %(b)s both say %(what)s: choose one.")
                        % {
                            "a": seen[meaning],
                            "b": column.letter,
                            "what": ROLE_LABELS[meaning[5:]],
                        }
                    )
                seen[meaning] = column.letter
        if "role:name" not in seen:
            raise forms.ValidationError(_("Choose the column of the program names."))
        return data

    def mapping(self) -> tabular.Mapping:
        data = self.cleaned_data
        headers = {c.letter: c.header for c in self.columns}
        mapping = tabular.Mapping(
            sheet=data["sheet"] or None,
            header_row=data["header_row"],
            header_rows=data["header_rows"],
            joined_words=list(self.base.joined_words),
        )
        for column in self.columns:
            kind, _sep, what = (data.get(f"col_{column.letter}") or "").partition(":")
            if kind == "role":
                mapping.columns[what] = column.letter
                mapping.headers[what] = headers[column.letter]
            elif kind == "year":
                mapping.years.append(
                    tabular.YearColumn(
                        column=column.letter,
                        field=what,
                        fy=data.get(f"fy_{column.letter}"),
                        header=headers[column.letter],
                    )
                )
        return mapping


class ConfirmForm(forms.Form):
    sha256 = forms.CharField(widget=forms.HiddenInput, max_length=64)
    edition_title = TextField(
        label=_("Edition (the report as presented)"),
        max_length=200,
        required=False,
        help_text=_(
            "The file's edition is frozen under this title and shown in the "
            "report and open data, e.g. 令和7年度実績; empty: none."
        ),
    )
    fiscal_year = FiscalYearChoiceField(
        label=_("Fiscal year of the edition"), required=False
    )
    publish = forms.BooleanField(
        label=_("Publish at once"),
        required=False,
        help_text=_(
            "Off: the edition stays unpublished for you to check, then publish "
            "it from the plan's page or the editions page."
        ),
    )
