from django import forms
from django.utils.translation import gettext_lazy as _

from debates.models import Moment, Reaction, Stance


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


def verdict_boxes(mine: dict[str, str], *, needs_consent: bool) -> dict:
    """What the verdict boxes show a logged-in reader: their stances (``mine``,
    by moment) and a form for each moment."""
    return {
        "my_verdicts": {
            moment: Stance(stance).label for moment, stance in mine.items()
        },
        "verdict_forms": {
            moment: VerdictForm(
                initial={"moment": moment, "stance": mine.get(moment)},
                needs_consent=needs_consent,
                auto_id=f"verdict-{moment}-%s",
            )
            for moment in Moment.values
        },
    }


class ReactionForm(forms.Form):
    tag = forms.ChoiceField(
        label=_("Your reaction leans"),
        choices=Reaction.Tag.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether you lean for, against or nuance.")},
    )
    text = forms.CharField(
        label=_("Your reaction"),
        max_length=2000,
        min_length=10,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Plain text, 2,000 characters at most. Editors read every reaction "
            "before it is published: no personal attacks."
        ),
        error_messages={
            "required": _("Write your reaction."),
            "min_length": _("Write at least %(limit_value)d characters."),
            "max_length": _(
                "Keep it to %(limit_value)d characters (it has %(show_value)d)."
            ),
        },
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
