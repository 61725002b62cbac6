"""Form pieces every public form shares: plain-text fields that store what we
can keep (no NUL, one kind of line break), and the honeypot."""

from django import forms
from django.utils.translation import gettext_lazy as _

__all__ = [
    "HONEYPOT_FIELD",
    "HoneypotMixin",
    "PlainTextField",
    "SingleLineField",
    "honeypot_field",
    "plain_text",
    "single_line",
]

# The field bots fill in and people never see. Named like allauth's sign-up
# honeypot (ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD) so that the same rule in site.css
# keeps it out of sight; hidden from screen readers too, which would otherwise
# offer it to people.
HONEYPOT_FIELD = "website"

LENGTH_ERRORS = {
    "min_length": _("Write at least %(limit_value)d characters."),
    "max_length": _("Keep it to %(limit_value)d characters (it has %(show_value)d)."),
}


def plain_text(value: str) -> str:
    """Text as we store it: no NUL characters (PostgreSQL refuses them), one kind
    of line break, no surrounding blanks."""
    return value.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n").strip()


def single_line(value: str) -> str:
    """A name or a title: one line (it may end up in an email subject), with
    whitespace runs collapsed."""
    return " ".join(value.replace("\x00", "").split())


class SingleLineField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs["error_messages"] = {**LENGTH_ERRORS, **kwargs.get("error_messages", {})}
        super().__init__(**kwargs)

    def to_python(self, value):
        return single_line(super().to_python(value))


class PlainTextField(forms.CharField):
    """Free text kept as plain text. Cleaned before it is measured, so that the
    two characters of a browser's line break count as one, as they do in the
    browser's own counter."""

    def __init__(self, *, rows: int, **kwargs):
        kwargs["error_messages"] = {**LENGTH_ERRORS, **kwargs.get("error_messages", {})}
        super().__init__(widget=forms.Textarea(attrs={"rows": rows}), **kwargs)

    def to_python(self, value):
        return plain_text(super().to_python(value))


def honeypot_field() -> forms.CharField:
    return forms.CharField(
        required=False,
        label="",
        widget=forms.TextInput(
            attrs={"tabindex": "-1", "autocomplete": "off", "aria-hidden": "true"}
        ),
    )


class HoneypotMixin(forms.Form):
    """A form with the honeypot (``HONEYPOT_FIELD``): ``is_from_a_bot()`` says
    whether it was filled in. The view then answers as if all went well and
    stores nothing."""

    website = honeypot_field()

    def is_from_a_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())
