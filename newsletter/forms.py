from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotMixin
from newsletter.models import ConsentEvent, Newsletter

PLACES = {
    "home": ConsentEvent.Source.HOME,
    "debate": ConsentEvent.Source.DEBATE,
    "footer": ConsentEvent.Source.FOOTER,
}


class SignupForm(HoneypotMixin):
    """« Recevoir la lettre »: an address alone."""

    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter a valid email address, such as nom@exemple.fr."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    place = forms.ChoiceField(
        choices=[(key, key) for key in PLACES], required=False, widget=forms.HiddenInput
    )

    def source(self) -> str:
        return PLACES.get(
            self.cleaned_data.get("place") or "", ConsentEvent.Source.FOOTER
        )


class ListsField(forms.ModelMultipleChoiceField):
    """Lists by id; an id too long for a 64-bit integer is an invalid choice, not a
    database error (SQLite refuses it with an OverflowError)."""

    def _check_values(self, value):
        for item in value or ():
            if len(str(item)) > 18:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": str(item)[:20]},
                )
        return super()._check_values(value)


class AccountChoicesForm(forms.Form):
    """The lists ticked in « Mon compte »."""

    newsletters = ListsField(
        label=_("Newsletters"),
        queryset=Newsletter.objects.filter(active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
