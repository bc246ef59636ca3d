"""Form fields every form of Shinchoku builds on."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from shinchoku.common.text import ControlCharacterError, clean_input


class TextField(forms.CharField):
    """A CharField whose text passed common.text.clean_input: a control
    character is a form error naming it, never a database error."""

    def to_python(self, value):
        value = super().to_python(value)
        try:
            return clean_input(value)
        except ControlCharacterError as exc:
            raise ValidationError(str(exc), code="control_character") from None
