from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import HONEYPOT_FIELD, HoneypotMixin, PlainTextField, SingleLineField
from newsroom.models import Contributor, ExpertApplication


class ExpertApplicationForm(HoneypotMixin, forms.Form):
    """« Devenir expert citoyen ». Stores nothing itself: the view hands the
    cleaned data to ``services.submit_application``."""

    name = SingleLineField(
        label=_("Your name"),
        max_length=120,
        help_text=_("As readers would see it under your texts."),
        error_messages={"required": _("Tell us your name.")},
    )
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("We answer every application at this address."),
        error_messages={"required": _("Give an email address where we can answer.")},
    )
    field_of_expertise = SingleLineField(
        label=_("Field of expertise"),
        max_length=160,
        help_text=_("For example: rural medicine, energy law, school catering."),
        error_messages={"required": _("Tell us what you know from the inside.")},
    )
    qualification = forms.ChoiceField(
        label=_("You speak as"),
        choices=Contributor.Qualification.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what you speak as.")},
    )
    motivation = PlainTextField(
        label=_("Why you?"),
        rows=6,
        min_length=ExpertApplication.MOTIVATION_MIN,
        max_length=ExpertApplication.MOTIVATION_MAX,
        help_text=_(
            "50 to 2,000 characters: what you have seen, done or studied that "
            "readers should know about."
        ),
        error_messages={"required": _("Tell us in a few lines why you.")},
    )
    writing_sample = PlainTextField(
        label=_("A sample of your writing"),
        rows=12,
        min_length=ExpertApplication.SAMPLE_MIN,
        max_length=ExpertApplication.SAMPLE_MAX,
        help_text=_(
            "200 to 5,000 characters of your own: an article, a note, a speech. "
            "Plain text; formatting is not kept."
        ),
        error_messages={"required": _("Paste a sample of your writing.")},
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that Versus keeps this application to examine it and to "
            "answer me. I can ask for it to be erased at any time."
        ),
        error_messages={
            "required": _("Your consent is needed to examine your application.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, autocomplete in (("name", "name"), ("email", "email")):
            self.fields[name].widget.attrs["autocomplete"] = autocomplete

    def application_data(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop(HONEYPOT_FIELD)
        return data


class DeclineApplicationForm(forms.Form):
    """Shown on the application's admin page; the service checks the reason."""

    reason = forms.CharField(
        label=_("Reason for declining"),
        help_text=_("Sent to the applicant by email, as you write it."),
        max_length=ExpertApplication.REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
