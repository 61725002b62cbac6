"""The forms of an issue's sending page in the admin: a test to oneself, a time
to send at, and the confirmation of « Envoyer maintenant »."""

import re
import zoneinfo

from django import forms
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsletter.services.proofs import MAX_EXTRA_ADDRESSES

# Sends are planned in the newsroom's time, whatever the editor's own setting.
PARIS = zoneinfo.ZoneInfo("Europe/Paris")
_SEPARATORS = re.compile(r"[\s,;]+")


class ProofForm(forms.Form):
    """« M'envoyer un test »: the editor's own address, and a few others."""

    extra_addresses = forms.CharField(
        label=_("Also send to"),
        required=False,
        max_length=2000,
        help_text=_("Up to %(count)s other addresses, separated by commas.")
        % {"count": MAX_EXTRA_ADDRESSES},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_extra_addresses(self) -> list[str]:
        addresses = list(
            dict.fromkeys(
                address.lower()
                for address in _SEPARATORS.split(self.cleaned_data["extra_addresses"])
                if address
            )
        )
        if len(addresses) > MAX_EXTRA_ADDRESSES:
            raise forms.ValidationError(
                _("At most %(count)s other addresses."),
                params={"count": MAX_EXTRA_ADDRESSES},
                code="too_many",
            )
        wrong = []
        for address in addresses:
            try:
                validate_email(address)
            except forms.ValidationError:
                wrong.append(address)
        if wrong:
            raise forms.ValidationError(
                _("Not an email address: %(addresses)s"),
                params={"addresses": ", ".join(wrong)[:200]},
                code="invalid",
            )
        return addresses


class ParisDateTimeField(forms.DateTimeField):
    """A date and time read as Paris time, from the browser's date-time picker
    or typed as 12/12/2026 08:00."""

    input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y %H:%M"]
    widget = forms.DateTimeInput(
        attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
    )

    def to_python(self, value):
        with timezone.override(PARIS):
            return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, str) or value is None:
            return value
        return timezone.localtime(value, PARIS)


class ScheduleForm(forms.Form):
    at = ParisDateTimeField(
        label=_("Send on (Paris time)"),
        error_messages={
            "required": _("Choose the date and time of the sending."),
            "invalid": _("Enter a date and time, such as 12/12/2026 08:00."),
        },
    )

    def __init__(self, *args, now=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now

    def clean_at(self):
        at = self.cleaned_data["at"]
        if at <= (self.now or timezone.now()):
            raise forms.ValidationError(
                _("Choose a date and time in the future."), code="past"
            )
        return at


class SendNowForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I have read the test email: send the issue to every subscriber."),
        error_messages={"required": _("Tick the box to confirm the sending.")},
    )
