from django import forms
from django.utils.translation import gettext_lazy as _

from debates.models import Moment, Stance


class VerdictForm(forms.Form):
    moment = forms.ChoiceField(choices=Moment.choices, widget=forms.HiddenInput)
    stance = forms.ChoiceField(
        label=_("Where do you stand?"),
        choices=Stance.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose for, against or no opinion.")},
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that Versus records my stance, a sensitive piece of data, under "
            "a pseudonymous key, to publish totals only. I can erase it by deleting "
            "my account."
        ),
        required=False,
    )

    def __init__(self, *args, needs_consent: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.needs_consent = needs_consent
        if needs_consent:
            self.fields["consent"].required = True
            self.fields["consent"].error_messages["required"] = _(
                "Your consent is needed to record your stance."
            )
        else:
            del self.fields["consent"]
