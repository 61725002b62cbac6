"""Forms for buying seats, joining a waiting list, asking for a quote and
accepting one. They validate what a person typed; prices and availability are
the services' business, and every choice is re-read from the catalogue."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from stdnum import exceptions as stdnum_errors
from stdnum.eu import vat as eu_vat
from stdnum.fr import siret as fr_siret

from core.forms import HoneypotMixin, PlainTextField, SingleLineField
from events.models import Booking


def clean_siret(value: str) -> str:
    try:
        return fr_siret.validate(value)
    except stdnum_errors.InvalidLength:
        raise forms.ValidationError(
            _("A SIRET number has 14 digits (9 for the SIREN, 5 for the site).")
        ) from None
    except stdnum_errors.ValidationError:
        raise forms.ValidationError(
            _(
                "This SIRET number is not valid: check it against your Kbis or "
                "INSEE notice."
            )
        ) from None


def clean_vat_number(value: str) -> str:
    try:
        return eu_vat.validate(value)
    except stdnum_errors.ValidationError:
        raise forms.ValidationError(
            _("This intra-EU VAT number is not valid (e.g. FR + 11 characters).")
        ) from None


class SeatsForm(HoneypotMixin):
    """Seats for a public conference: a category, how many, and whose they are."""

    price = forms.TypedChoiceField(
        label=_("Price"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a price."),
            "invalid_choice": _("Choose one of the prices shown."),
        },
    )
    quantity = forms.IntegerField(
        label=_("How many"),
        min_value=1,
        max_value=10,
        initial=1,
        error_messages={
            "required": _("Say how many you want."),
            "min_value": _("Choose at least one."),
            "max_value": _("At most 10 per order; for a group, ask for a quote."),
            "invalid": _("Enter a whole number."),
        },
    )
    name = SingleLineField(
        label=_("Your name"),
        max_length=120,
        error_messages={"required": _("Enter your name.")},
    )
    email = forms.EmailField(
        label=_("Your email"),
        help_text=_("The tickets are sent to this address."),
        error_messages={
            "required": _("Enter your email address."),
        },
    )

    def __init__(self, *args, prices, **kwargs):
        super().__init__(*args, **kwargs)
        self.prices = {price.pk: price for price in prices}
        self.fields["price"].choices = [(price.pk, price.label) for price in prices]
        if prices:
            self.fields["price"].initial = prices[0].pk

    def chosen_price(self):
        return self.prices[self.cleaned_data["price"]]


class BuyerFields(forms.Form):
    """Who the institution is, how to bill it and whom to talk to."""

    buyer_type = forms.ChoiceField(
        label=_("Type of institution"),
        choices=[("", _("Choose…")), *Booking.BuyerType.choices],
        error_messages={"required": _("Choose the type of institution.")},
    )
    legal_name = SingleLineField(
        label=_("Legal name"),
        max_length=160,
        error_messages={"required": _("Enter the institution's legal name.")},
    )
    siret = forms.CharField(
        label=_("SIRET"),
        max_length=20,
        help_text=_("14 digits; spaces are fine."),
        error_messages={"required": _("Enter the SIRET number.")},
    )
    vat_number = forms.CharField(
        label=_("Intra-EU VAT number"),
        max_length=20,
        required=False,
        help_text=_("Optional; local authorities often have none."),
    )
    street = SingleLineField(
        label=_("Billing address"),
        max_length=200,
        error_messages={"required": _("Enter the billing address.")},
    )
    postcode = forms.RegexField(
        label=_("Postcode"),
        regex=r"^\d{5}$",
        error_messages={
            "required": _("Enter the postcode."),
            "invalid": _("A French postcode has 5 digits."),
        },
    )
    city = SingleLineField(
        label=_("City"),
        max_length=80,
        error_messages={"required": _("Enter the city.")},
    )
    contact_name = SingleLineField(
        label=_("Contact name"),
        max_length=120,
        error_messages={"required": _("Enter the contact's name.")},
    )
    contact_role = SingleLineField(label=_("Role"), max_length=120, required=False)
    email = forms.EmailField(
        label=_("Email"),
        error_messages={
            "required": _("Enter an email address."),
        },
    )
    phone = forms.RegexField(
        label=_("Phone"),
        regex=r"^\+?[0-9 .()-]{10,20}$",
        error_messages={
            "required": _("Enter a phone number."),
            "invalid": _("Enter a phone number, e.g. 01 23 45 67 89."),
        },
    )
    service_code = SingleLineField(
        label=_("Chorus Pro service code"),
        max_length=100,
        required=False,
        help_text=_("Public buyers: if your Chorus Pro structure requires one."),
    )
    commitment_number = SingleLineField(
        label=_("Commitment number"),
        max_length=50,
        required=False,
        help_text=_("Public buyers: the « numéro d'engagement », if you have it."),
    )
    po_required = forms.BooleanField(
        label=_("Our purchase order number must appear on the invoice"),
        required=False,
    )

    BUYER_FIELDS = (
        "buyer_type",
        "legal_name",
        "siret",
        "vat_number",
        "street",
        "postcode",
        "city",
        "contact_name",
        "contact_role",
        "email",
        "phone",
        "service_code",
        "commitment_number",
        "po_required",
    )

    def clean_siret(self):
        return clean_siret(self.cleaned_data["siret"])

    def clean_vat_number(self):
        value = self.cleaned_data["vat_number"].strip()
        return clean_vat_number(value) if value else ""

    def buyer(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.BUYER_FIELDS}


class QuoteRequestForm(HoneypotMixin, BuyerFields):
    """« Demander un devis » for one of the offer's formats, with options."""

    offer_format = forms.TypedChoiceField(
        label=pgettext_lazy("conference offer", "Format"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a format."),
            "invalid_choice": _("Choose one of the formats shown."),
        },
    )
    options = forms.TypedMultipleChoiceField(
        label=pgettext_lazy("conference offer", "Options"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose among the options shown.")},
    )
    preferred_date = forms.DateField(
        label=_("Preferred date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Choose the date you would like."),
            "invalid": _("Enter a date, e.g. 16/03/2027."),
        },
    )
    preferred_dates = SingleLineField(
        label=_("Other possible dates"),
        max_length=300,
        required=False,
        help_text=_("E.g. « un mardi soir de mars 2027 »."),
    )
    notes = PlainTextField(label=_("Notes"), rows=4, max_length=2000, required=False)

    def __init__(self, *args, offer, formats=None, options=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer = offer
        if formats is None:
            formats = offer.formats.order_by("sort_order")
        if options is None:
            options = offer.options.order_by("sort_order")
        self.fields["offer_format"].choices = [(item.pk, item.name) for item in formats]
        self.fields["options"].choices = [(item.pk, item.name) for item in options]

    def clean_preferred_date(self):
        value = self.cleaned_data["preferred_date"]
        if value <= timezone.localdate():
            raise forms.ValidationError(_("Choose a date in the future."))
        return value


class GroupBookingForm(HoneypotMixin, BuyerFields):
    """An institution's seats at a public conference, invoiced (no card)."""

    seats = forms.IntegerField(
        label=_("Seats"),
        min_value=1,
        max_value=500,
        error_messages={
            "required": _("Say how many seats you need."),
            "min_value": _("Ask for at least one seat."),
            "max_value": _("For more than 500 seats, write to us."),
            "invalid": _("Enter a whole number."),
        },
    )
    notes = PlainTextField(label=_("Notes"), rows=4, max_length=2000, required=False)


class WaitingListForm(SeatsForm):
    email = forms.EmailField(
        label=_("Your email"),
        help_text=_("We write when seats free up; you then have 24 hours to pay."),
        error_messages={
            "required": _("Enter your email address."),
        },
    )


class AcceptQuoteForm(forms.Form):
    po_number = SingleLineField(
        label=_("Your purchase order number"),
        max_length=50,
        required=False,
        help_text=_("Printed on the invoice. Public buyers: your commitment number."),
    )
    agree = forms.BooleanField(
        label=_(
            "I accept this quote on behalf of the institution (« Bon pour accord »)"
        ),
        error_messages={"required": _("Tick the box to accept the quote.")},
    )


class RecordPaymentForm(forms.Form):
    """Editors: money that reached the bank account outside Stripe."""

    method = forms.ChoiceField(
        label=_("Method"),
        choices=[
            ("transfer", _("Bank transfer")),
            ("mandate", _("Public accountant's transfer (mandat)")),
            ("cheque", _("Cheque")),
        ],
    )
    reference = SingleLineField(
        label=_("Bank reference"),
        max_length=120,
        error_messages={"required": _("Enter the reference on the bank statement.")},
    )
    received_on = forms.DateField(
        label=_("Received on"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Enter the date of receipt.")},
    )


class ChorusDepositForm(forms.Form):
    """Editors: the invoice was deposited on the Chorus Pro portal."""

    deposited_on = forms.DateField(
        label=_("Deposited on"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Enter the date of the deposit.")},
    )
    number = SingleLineField(
        label=_("Deposit number"),
        max_length=50,
        error_messages={"required": _("Enter the deposit number Chorus Pro gave.")},
    )


class CancelBookingForm(forms.Form):
    reason = SingleLineField(
        label=_("Reason"),
        max_length=300,
        error_messages={"required": _("Say why the booking is cancelled.")},
    )


class RefundOrderForm(forms.Form):
    reason = SingleLineField(
        label=_("Reason"),
        max_length=300,
        help_text=_("Sent to the buyer with the refund."),
        error_messages={"required": _("Say why the order is refunded.")},
    )


class RecordAcceptanceForm(forms.Form):
    po_number = SingleLineField(
        label=_("Purchase order number"), max_length=50, required=False
    )
