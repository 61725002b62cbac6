from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotMixin, PlainTextField, SingleLineField
from debates.polls.models import QUESTION_MAX, QUESTION_MIN, WHY_MAX, validate_question
from newsroom.models import Theme


class ProposalForm(HoneypotMixin, forms.Form):
    """« Proposer un sujet ». The view hands the cleaned data to the service."""

    question = SingleLineField(
        label=_("Your question"),
        min_length=QUESTION_MIN,
        max_length=QUESTION_MAX,
        validators=[validate_question],
        help_text=_(
            "10 to 200 characters, as a question that can be answered for or "
            "against. For example: « Faut-il rendre le vote obligatoire ? »"
        ),
        error_messages={"required": _("Write your question.")},
    )
    why = PlainTextField(
        label=_("Why it matters"),
        rows=6,
        max_length=WHY_MAX,
        help_text=_("Up to 1,500 characters: what is at stake, who it concerns."),
        error_messages={"required": _("Say in a few lines why it matters.")},
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.order_by("sort_order", "name"),
        empty_label=_("Choose a theme"),
        error_messages={"required": _("Choose a theme.")},
    )


class BallotForm(HoneypotMixin, forms.Form):
    """The poll's options: one radio button each, or checkboxes for approval."""

    def __init__(self, *args, poll, options, initial_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.poll = poll
        choices = [(option.pk, option.label) for option in options]
        if poll.choices_allowed == 1 and poll.rule == poll.Rule.SINGLE:
            field = forms.TypedChoiceField(
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                label=_("Your choice"),
                initial=next(iter(initial_choices), None),
                error_messages={
                    "required": _("Choose a topic."),
                    "invalid_choice": _("This choice is not part of this poll."),
                },
            )
        else:
            field = forms.TypedMultipleChoiceField(
                choices=choices,
                coerce=int,
                widget=forms.CheckboxSelectMultiple,
                label=_("Your choices (up to %(count)s)")
                % {"count": poll.choices_allowed},
                initial=list(initial_choices),
                error_messages={
                    "required": _("Choose at least one topic."),
                    "invalid_choice": _("This choice is not part of this poll."),
                },
            )
        self.fields["choices"] = field

    def chosen(self) -> list[int]:
        value = self.cleaned_data["choices"]
        return value if isinstance(value, list) else [value]


def ballot_form_for(poll, context: dict, data=None) -> BallotForm:
    """The ballot form for a poll box's context (``selectors.poll_context``): the
    reader's current choices ticked, or what they just sent."""
    return BallotForm(
        data,
        poll=poll,
        options=context["options"],
        initial_choices=context["my_choices"],
        auto_id="poll-%s",
    )
